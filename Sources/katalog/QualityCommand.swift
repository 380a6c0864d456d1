import ArgumentParser
import Foundation
import KatalogHub
import KatalogStore
import Logging

/// `katalog quality`: how many of each source's datasets carry each piece of metadata.
struct QualityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "Show how many of each source's datasets have a description, keywords, a licence, formats, and so on.",
        discussion: """
            Counted over the datasets searches show, from what the catalogue indexes: description, keywords, theme \
            (and one of the EU data themes), publisher, licence (one the vocabulary knows, one known to be open), \
            format (one of the EU file types), a download URL, a modification date, a language. The same as \
            GET /api/v1/quality and the /sources page.
            """)

    @Flag(name: .long, help: "Print the same JSON as GET /api/v1/quality.")
    var json = false

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let logger = LogSetup.bootstrap(level: options.logLevel, format: options.logFormat, defaultLevel: .warning)
        let store = try options.openStore(path: options.databasePath(), create: false, logger: logger)
        let counts = try await QualityReport.count(store)
        if json {
            Terminal.outData(try QualityReport.document(counts))
            return
        }
        for (name, quality) in counts.sources + [("all sources", counts.total)] {
            let shares = quality.indicators.map { "\($0.key) \(quality.percent($0.value))%" }
            Terminal.out("\(name): \(quality.datasets) datasets; " + shares.joined(separator: ", "))
        }
    }
}
