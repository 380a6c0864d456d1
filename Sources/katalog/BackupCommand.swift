import ArgumentParser
import Foundation
import KatalogStore
import Logging

/// `katalog backup`: a consistent copy of the catalogue, taken while it is in use.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the catalogue while `katalog serve` and harvests go on.",
        discussion: """
            Copying the catalogue file while it is in use can give a torn copy (SQLite keeps recent writes in the \
            -wal file beside it). This writes the catalogue as the last applied run left it into one compacted file \
            (SQLite's VACUUM INTO), checks it with SQLite's integrity_check, and only then gives it its name. It needs \
            free disk space of about the catalogue's size. Restore by stopping Katalog and putting the copy in the \
            catalogue's place (remove the old -wal and -shm files).
            """)

    @Argument(help: "Where to write the copy; the file must not exist.")
    var destination: String

    @Flag(name: .long, help: "Skip SQLite's integrity_check of the copy (minutes for millions of datasets).")
    var noCheck = false

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let logger = LogSetup.bootstrap(level: options.logLevel, format: options.logFormat, defaultLevel: .warning)
        let path = options.databasePath()
        if !FileManager.default.fileExists(atPath: path) {
            throw CLIError("no catalogue at \(path); pass --db")
        }
        let report = try CatalogStore.backup(path: path, to: destination, verify: !noCheck, logger: logger)
        let checked = noCheck ? "not checked" : String(format: "checked in %.1f s", report.checkSeconds)
        let megabytes = String(format: "%.1f", Double(report.bytes) / 1_000_000)
        Terminal.out("\(path) → \(destination): \(report.datasets) datasets, \(megabytes) MB, "
            + String(format: "copied in %.1f s, ", report.seconds) + checked)
    }
}
