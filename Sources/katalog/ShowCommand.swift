import ArgumentParser
import Foundation
import KatalogHub
import KatalogModel
import KatalogStore
import Logging

/// `katalog show`: one dataset with its distributions and provenance.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one dataset by its id.")

    @Argument(help: "The dataset id (as printed by `katalog search`).")
    var id: String

    @Flag(name: .long, help: "Print the same JSON as GET /api/v1/datasets/{id}.")
    var json = false

    @Flag(name: .long, help: "Include the raw source record.")
    var raw = false

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let logger = LogSetup.bootstrap(level: options.logLevel, format: options.logFormat, defaultLevel: .warning)
        let store = try options.openStore(path: options.databasePath(), create: false, logger: logger)
        guard let stored = try await store.dataset(id: id) else {
            throw CLIError("no dataset with id '\(id)'")
        }
        if json {
            Terminal.outData(try HubDocuments.dataset(stored, includeRaw: raw))
            return
        }
        let dataset = stored.dataset
        for (language, title) in dataset.title.values.sorted(by: { $0.key < $1.key }) {
            Terminal.out("title [\(language.isEmpty ? "-" : language)]: \(title)")
        }
        if let publisher = dataset.publisher { Terminal.out("publisher: \(publisher.name.best() ?? publisher.key)") }
        if let modified = dataset.modified { Terminal.out("modified: \(modified.normalized ?? modified.raw)") }
        if let license = dataset.license { Terminal.out("licence: \(license.uri ?? license.raw)") }
        if !dataset.keywords.isEmpty { Terminal.out("keywords: \(dataset.keywords.map(\.value).joined(separator: ", "))") }
        if let description = dataset.description.best() { Terminal.out("\n\(description)\n") }
        for distribution in dataset.distributions {
            let format = distribution.format?.key.uppercased() ?? "?"
            let url = distribution.downloadURLs.first ?? distribution.accessURLs.first ?? "(no URL)"
            Terminal.out("  [\(format)] \(distribution.title.best() ?? "distribution") — \(url)")
            for service in distribution.accessServices {
                let name = service.title.best() ?? service.identifier ?? "service"
                Terminal.out("      via \(name)" + (service.endpoints.first.map { " — \($0)" } ?? ""))
            }
        }
        Terminal.out("source: \(stored.source) / \(stored.sourceIdentifier)")
        if stored.deletedAt != nil { Terminal.out("deleted at the source") }
        if let shownAs = stored.shownAs { Terminal.out("searches show this dataset as: \(shownAs)") }
        for other in stored.otherRecords where other.id != stored.shownAs {
            Terminal.out("same dataset: \(other.id) (\(other.source) / \(other.sourceIdentifier))")
        }
        if raw, let text = String(data: stored.raw, encoding: .utf8) { Terminal.out("\nraw (\(stored.rawFormat)):\n\(text)") }
    }
}
