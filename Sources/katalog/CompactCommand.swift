import ArgumentParser
import Foundation
import KatalogStore
import Logging

/// `katalog compact`: rewrites the catalogue file, giving back free pages and setting its page size.
struct CompactCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Rewrite the catalogue file (SQLite VACUUM) with 16 KiB pages; stop `katalog serve` and harvests first.",
        discussion: """
            Catalogues created before 2026-12-06 have SQLite's 4 KiB pages; new ones have 16 KiB, with which applying \
            a harvest run writes a quarter of the pages. This converts an older catalogue and gives back the space of \
            purged records. It needs the catalogue to itself and free disk space of about twice its size.
            """)

    @Option(name: .long, help: "Bytes a page: 1024, 2048, 4096, 8192, 16384, 32768 or 65536.")
    var pageSize = 16_384

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let logger = LogSetup.bootstrap(level: options.logLevel, format: options.logFormat, defaultLevel: .warning)
        let path = options.databasePath()
        guard CatalogStore.pageSizes.contains(pageSize) else {
            throw ValidationError("--page-size must be one of \(CatalogStore.pageSizes.map(String.init).joined(separator: ", "))")
        }
        if !FileManager.default.fileExists(atPath: path) {
            throw CLIError("no catalogue at \(path); pass --db")
        }
        let report = try CatalogStore.compact(path: path, pageSize: pageSize, logger: logger)
        let megabytes = { (bytes: Int64) in String(format: "%.1f MB", Double(bytes) / 1_000_000) }
        Terminal.out("\(path): \(report.pageSizeBefore) → \(report.pageSizeAfter)-byte pages, "
            + "\(megabytes(report.bytesBefore)) → \(megabytes(report.bytesAfter))")
    }
}
