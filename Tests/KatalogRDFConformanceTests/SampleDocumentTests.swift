import Foundation
import KatalogRDF
import Testing

/// Real-world Turtle from `../shared/samples` (DCAT records, SHACL shapes): each must parse, and survive a
/// Turtle write/re-read and an N-Triples write/re-read unchanged up to blank node renaming.
@Suite("Sample Turtle documents")
struct SampleDocumentTests {
    static let files: [URL] = {
        guard let conformance = ConformanceManifest.root else { return [] }
        let samples = conformance.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples")
        guard let enumerator = FileManager.default.enumerator(at: samples, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "ttl" }
            .sorted { $0.path < $1.path }
    }()

    /// Samples that are not valid Turtle as published, with where the parser must stop.
    /// (`ckanext-dcat--dataset.ttl` uses the prefix `healthdcatap:` without declaring it.)
    static let invalid: [String: (line: Int, column: Int)] = ["ckanext-dcat--dataset.ttl": (149, 17)]

    @Test(.enabled(if: !files.isEmpty), arguments: files)
    func parsesAndRoundTrips(_ file: URL) throws {
        var graph = Graph()
        if let position = Self.invalid[file.lastPathComponent] {
            let error = #expect(throws: RDFParseError.self) {
                try RDFParsing.parse(file: file, format: .turtle, baseIRI: "http://example.org/base/", into: &graph)
            }
            #expect(error?.code == .syntax && error?.line == position.line && error?.column == position.column)
            #expect(error?.location == file.path)
            return
        }
        try RDFParsing.parse(file: file, format: .turtle, baseIRI: "http://example.org/base/", into: &graph)
        #expect(!graph.triples.isEmpty)

        var writer = TurtleWriter(output: "", prefixes: ["dcat": "http://www.w3.org/ns/dcat#",
                                                        "dct": "http://purl.org/dc/terms/", "rdf": Vocab.rdf])
        for triple in graph.triples { writer.consume(triple) }
        writer.finish()
        var reread = Graph()
        try RDFParsing.parse(data: Data(writer.output.utf8), format: .turtle, into: &reread)
        #expect(Isomorphism.areIsomorphic(graph.triples, reread.triples), "Turtle round trip of \(file.lastPathComponent)")

        var viaNT = Graph()
        try RDFParsing.parse(data: Data(NTriplesWriter.string(from: graph.triples).utf8), format: .ntriples, into: &viaNT)
        #expect(Isomorphism.areIsomorphic(graph.triples, viaNT.triples), "N-Triples round trip of \(file.lastPathComponent)")
    }
}
