import ArgumentParser
import Foundation
import KatalogHarvest
import KatalogStore
import Logging

/// `katalog remove-source`: deletes every dataset of a source that is no longer harvested.
struct RemoveSourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-source",
        abstract: "Delete every dataset of a source that is no longer harvested.",
        discussion: """
            Taking a source out of sources.yaml stops its harvests but leaves its datasets in the catalogue. This \
            deletes them in one run of their own: they become tombstones that /api/v1/changes reports deleted, a \
            dataset another source also carries is shown as that source's record, and the source's listing mark and \
            HTTP validators are forgotten, so a source added again under the name starts afresh. The run stays in the \
            history. With --config, a source still listed there is refused: its next harvest would bring it back.
            """)

    @Argument(help: "The source's name, as its runs record it (katalog runs).")
    var name: String

    @Option(name: .long, help: "The sources file: gives the catalogue's path, and the source must no longer be in it.")
    var config: String?

    @Flag(name: .long, help: "Say how many datasets would be deleted, and change nothing.")
    var dryRun = false

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let logger = LogSetup.bootstrap(level: options.logLevel, format: options.logFormat, defaultLevel: .warning)
        let configuration = try config.map { try KatalogConfig.load(path: $0) }
        if let configuration, let config, configuration.sources.contains(where: { $0.name == name }) {
            throw CLIError("\(config) still lists the source '\(name)': take it out first, or its next harvest brings its datasets back")
        }
        let path = options.databasePath(config: configuration, configPath: config)
        let store = try options.openStore(path: path, create: false, logger: logger)
        if dryRun {
            let live = try await store.recordCountsBySource()[name]?.live ?? 0
            let runs = try await store.runs(source: name, limit: 1)
            guard live > 0 || !runs.isEmpty else { throw CLIError("the catalogue \(path) has no source named '\(name)'") }
            Terminal.out("\(name): \(live) datasets would be deleted (dry run; nothing changed)")
            return
        }
        let summary: RunSummary
        do {
            summary = try await store.removeSource(name)
        } catch let error as StoreError where error.code == .notFound {
            throw CLIError("the catalogue \(path) has no source named '\(name)'")
        }
        Terminal.out("\(name): \(summary.counts.deleted) datasets deleted (run #\(summary.run)); "
            + "/api/v1/changes reports them deleted")
    }
}
