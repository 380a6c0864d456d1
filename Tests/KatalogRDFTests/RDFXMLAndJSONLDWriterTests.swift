import Foundation
import Testing
@testable import KatalogRDF

/// The RDF/XML and JSON-LD writers give documents that Katalog's own parsers read back as the same graph.
struct RDFXMLAndJSONLDWriterTests {
    static let ex = "http://example.org/"
    static let triples: [Triple] = [
        Triple(.iri(ex + "d"), Vocab.rdfType, .iri("http://www.w3.org/ns/dcat#Dataset")),
        Triple(.iri(ex + "d"), "http://purl.org/dc/terms/title", .literal(Literal("Luftkvalitet & <buller>", language: "sv"))),
        Triple(.iri(ex + "d"), "http://purl.org/dc/terms/title", .literal(Literal("Air \"quality\"", language: "en"))),
        Triple(.iri(ex + "d"), "http://purl.org/dc/terms/issued", .literal(Literal("2024-01-02", datatype: Vocab.xsd + "date"))),
        Triple(.iri(ex + "d"), "http://purl.org/dc/terms/description", .literal(Literal("rad 1\nrad 2\ttab é 😀"))),
        Triple(.iri(ex + "d"), "http://www.w3.org/ns/dcat#distribution", .blank("dist one")),
        Triple(.iri(ex + "d?a=1&b=2"), "http://other.example/vocab#p-1", .iri(ex + "x?y=%22z%22&w=1")),
        Triple(.blank("dist one"), "http://www.w3.org/ns/dcat#accessURL", .iri(ex + "file.csv")),
        Triple(.blank("dist one"), "http://www.w3.org/ns/dcat#byteSize", .literal(Literal("10", datatype: Vocab.xsd + "nonNegativeInteger"))),
        Triple(.iri(ex + "d"), "http://purl.org/dc/terms/identifier", .literal(Literal("again, after another subject"))),
        Triple(.iri(ex + "d"), "http://purl.org/dc/terms/modified", .literal(Literal("2024"))),
        Triple(.iri(ex + "d"), Vocab.rdfType, .iri("http://xmlns.com/foaf/0.1/Document")),
    ]

    static func reparse(_ text: String, _ format: RDFFormat) throws -> Graph {
        var graph = Graph()
        try RDFParsing.parse(data: Data(text.utf8), format: format, into: &graph)
        return graph
    }

    @Test func rdfXMLRoundTrips() throws {
        var writer = RDFXMLWriter(output: "", prefixes: ["dct": "http://purl.org/dc/terms/", "dcat": "http://www.w3.org/ns/dcat#"])
        for triple in Self.triples { try writer.consume(triple) }
        writer.finish()
        #expect(writer.output.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF"))
        #expect(writer.output.contains("<dct:title xml:lang=\"sv\">Luftkvalitet &amp; &lt;buller&gt;</dct:title>"))
        #expect(writer.output.contains("xmlns:ns=\"http://other.example/vocab#\""), "an undeclared namespace is declared on its element")
        #expect(try Self.reparse(writer.output, .rdfxml).isIsomorphic(to: Graph(Self.triples)))
    }

    @Test func jsonLDRoundTrips() throws {
        var writer = JSONLDWriter(output: "")
        for triple in Self.triples { writer.consume(triple) }
        writer.finish()
        #expect(try JSONSerialization.jsonObject(with: Data(writer.output.utf8)) is [String: Any])
        // A predicate that comes back within a subject's run opens a second node object instead of repeating a key.
        #expect(writer.output.components(separatedBy: "\"@id\": \"http://example.org/d\",").count == 3)
        #expect(try Self.reparse(writer.output, .jsonld).isIsomorphic(to: Graph(Self.triples)))
    }

    @Test func emptyDocumentsAreValid() throws {
        var xml = RDFXMLWriter(output: "")
        xml.finish()
        #expect(try Self.reparse(xml.output, .rdfxml).isIsomorphic(to: Graph()))
        var json = JSONLDWriter(output: "")
        json.finish()
        #expect(try Self.reparse(json.output, .jsonld).isIsomorphic(to: Graph()))
    }

    @Test func rdfXMLRefusesAPredicateWithoutAnXMLName() {
        var writer = RDFXMLWriter(output: "")
        #expect(throws: RDFXMLWriterError.self) {
            try writer.consume(Triple(.iri(Self.ex + "s"), Self.ex + "p/123", .iri(Self.ex + "o")))
        }
        #expect(RDFXMLWriter<String>.split(Self.ex + "p/123") == nil)
        #expect(RDFXMLWriter<String>.split("http://purl.org/dc/terms/title")! == ("http://purl.org/dc/terms/", "title"))
    }

    @Test func controlCharactersXMLCannotHoldBecomeReplacementCharacters() throws {
        var writer = RDFXMLWriter(output: "")
        try writer.consume(Triple(.iri(Self.ex + "s"), Self.ex + "p", .literal(Literal("a\u{1}b"))))
        writer.finish()
        let graph = try Self.reparse(writer.output, .rdfxml)
        #expect(graph.objects(of: .iri(Self.ex + "s"), Self.ex + "p") == [.literal(Literal("a\u{FFFD}b"))])
    }
}
