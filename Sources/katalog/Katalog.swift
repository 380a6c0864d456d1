import ArgumentParser
import KatalogModel

/// The `katalog` command: harvest open-data catalogues into one SQLite catalogue and search it.
@main
struct Katalog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "katalog",
        abstract: "Harvest open-data catalogues into one catalogue and search it.",
        version: KatalogVersion.current,
        subcommands: [
            DemoCommand.self, HarvestCommand.self, ServeCommand.self, SearchCommand.self, ShowCommand.self,
            RunsCommand.self, ExportCommand.self, ParseCommand.self, CompactCommand.self, RemoveSourceCommand.self, StatusCommand.self, BackupCommand.self, QualityCommand.self, CheckConfigCommand.self,
        ]
    )

    /// Bounds glibc's malloc arenas (see ``MallocArenas``), then parses the command line and runs the command.
    static func main() async {
        MallocArenas.limitToCores()
        await main(nil)
    }
}
