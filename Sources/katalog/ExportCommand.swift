import ArgumentParser
import Foundation
import KatalogHub
import KatalogModel
import KatalogRDF
import KatalogStore
import Logging

/// `katalog export`: the whole catalogue as one DCAT-AP 3 document on standard output.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the catalogue as DCAT-AP 3 (Turtle, RDF/XML, JSON-LD or N-Triples) to standard output.",
        discussion: """
            Datasets keep their source IRI; others (CKAN packages, blank-node datasets) are named \
            <base-url>datasets/<id>, which is their page on a hub served at that address.
            """
    )

    @Option(name: .long, help: "turtle, rdfxml, jsonld or ntriples.")
    var format: String

    @Option(name: .customLong("base-url"), help: "Base of the IRIs Katalog mints (the hub's address, ending in /).")
    var baseURL = "urn:katalog:"

    @Option(name: .long, help: "Only the datasets of this source.")
    var source: String?

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        guard let rdfFormat = RDFFormat(rawValue: format) else {
            throw CLIError("--format: '\(format)' is not one of turtle, rdfxml, jsonld, ntriples")
        }
        guard DCATExporter.safeIRI(baseURL) != nil, baseURL.hasSuffix("/") || baseURL.hasSuffix(":") || baseURL.hasSuffix("#") else {
            throw CLIError("--base-url: '\(baseURL)' is not an absolute IRI ending in /, : or #")
        }
        let logger = LogSetup.bootstrap(level: options.logLevel, format: options.logFormat, defaultLevel: .warning)
        let store = try options.openStore(path: options.databasePath(), create: false, logger: logger)
        let output = StandardOutputStream()
        var writer = RDFDocumentWriter(format: rdfFormat, output: output, prefixes: DCATExporter.prefixes)
        if let source, try await !store.sources().contains(where: { $0.name == source }) {
            throw CLIError("--source: the catalogue has no source '\(source)' (see `katalog runs`)")
        }
        try await CatalogExport.writeAll(from: store, base: baseURL, source: source, to: &writer)
        try output.flush()
    }
}

/// Standard output in 64 KiB writes.
final class StandardOutputStream: TextOutputStream {
    private var buffer = ""

    func write(_ string: String) {
        buffer.append(string)
        if buffer.utf8.count >= 1 << 16 { try? flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try FileHandle.standardOutput.write(contentsOf: Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }
}
