import Foundation
import Testing
@testable import KatalogRDF

@Suite("Turtle parser")
struct TurtleParserTests {
    @Test func parsesPrefixesListsAndKeywords() throws {
        let triples = try turtle("""
            @prefix ex: <http://example.org/> .
            PREFIX dct: <http://purl.org/dc/terms/>
            ex:d a ex:Dataset ; dct:title "T"@SV, 'x' ; ex:n 12, -1.5, 1e3, true ;
                 ex:k ex:a\\.b, ex:%41 .
            """)
        #expect(triples == [
            Triple(.iri(ex + "d"), Vocab.rdfType, .iri(ex + "Dataset")),
            Triple(.iri(ex + "d"), "http://purl.org/dc/terms/title", .literal(Literal("T", language: "sv"))),
            Triple(.iri(ex + "d"), "http://purl.org/dc/terms/title", .literal(Literal("x"))),
            Triple(.iri(ex + "d"), ex + "n", .literal(Literal("12", datatype: Vocab.xsdInteger))),
            Triple(.iri(ex + "d"), ex + "n", .literal(Literal("-1.5", datatype: Vocab.xsdDecimal))),
            Triple(.iri(ex + "d"), ex + "n", .literal(Literal("1e3", datatype: Vocab.xsdDouble))),
            Triple(.iri(ex + "d"), ex + "n", .literal(Literal("true", datatype: Vocab.xsdBoolean))),
            Triple(.iri(ex + "d"), ex + "k", .iri(ex + "a.b")),
            Triple(.iri(ex + "d"), ex + "k", .iri(ex + "%41")),
        ])
    }

    @Test func resolvesRelativeIRIsAgainstBase() throws {
        let triples = try turtle("<a> <#p> <../c> . @base <http://other.org/x/> . <a> <b> <> .",
                                 base: "http://example.org/dir/doc")
        #expect(triples == [
            Triple(.iri("http://example.org/dir/a"), "http://example.org/dir/doc#p", .iri("http://example.org/c")),
            Triple(.iri("http://other.org/x/a"), "http://other.org/x/b", .iri("http://other.org/x/")),
        ])
    }

    @Test func relativeIRIWithoutBaseIsAnError() {
        let error = parseError { _ = try turtle("<a> <b> <c> .", base: nil) }
        #expect(error?.code == .syntax)
        #expect(error?.line == 1 && error?.column == 1)
    }

    @Test func blankNodesAreUniquePerParseAndStructured() throws {
        let triples = try turtle("_:x <p:p> [ <p:q> ( 1 ) ] . _:x <p:p> _:x .")
        #expect(triples.count == 5)
        #expect(triples.contains(Triple(.blank("t_x"), "p:p", .blank("tx1"))))
        let labels = Set(triples.flatMap { [$0.subject, $0.object] }.compactMap { term -> String? in
            if case .blank(let label) = term { return label }
            return nil
        })
        #expect(labels == ["t_x", "tx1", "tx2"])
        #expect(triples.contains(Triple(.blank("tx2"), Vocab.rdfRest, .iri(Vocab.rdfNil))))

        var one = Graph(), two = Graph()
        try RDFParsing.parse(data: .init("_:a <p:p> <p:o> .".utf8), format: .turtle, into: &one)
        try RDFParsing.parse(data: .init("_:a <p:p> <p:o> .".utf8), format: .turtle, into: &two)
        #expect(one.triples[0].subject != two.triples[0].subject, "two parses must not share blank labels")
    }

    @Test func longStringsKeepNewlinesAndQuotes() throws {
        let triples = try turtle(#"<p:s> <p:p> """a "quoted"\n""b""" , '''it's''' ."#)
        #expect(triples.map { $0.object.literalValue?.lexical } == ["a \"quoted\"\n\"\"b", "it's"])
    }

    @Test(arguments: [
        ("<p:s> <p:p> \"unterminated .", 1, 13),
        ("@prefix ex: <http://e/> .\nex:s ex:p ex:o ;\n  ex:q undeclared:x .", 3, 8),
        ("<p:s> <p:p> \"x\"@en- .", 1, 16),
        ("<p:s> <p:p> \"bad \\q escape\" .", 1, 18),
        ("<p:s> <p:p> <p:o>", 1, 18),
        ("<p:s> <p:p> \"\\uD800\" .", 1, 14),
        ("<p:s> <p:p> <p:a b> .", 1, 17),
    ])
    func reportsSyntaxErrorsWithPosition(input: String, line: Int, column: Int) {
        let error = parseError { _ = try turtle(input) }
        #expect(error?.code == .syntax, "\(input)")
        #expect(error?.line == line && error?.column == column, "\(String(describing: error))")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        for chunkSize in [1, 4096] {
            let triples = try parseAll(TurtleParser(baseIRI: nil), bom + Array("<p:s> <p:p> <p:o> .".utf8), chunkSize: chunkSize)
            #expect(triples.count == 1)
            let error = parseError { _ = try parseAll(NTriplesParser(), bom + Array("<p:s> <p:p> oops .".utf8), chunkSize: chunkSize) }
            #expect(error?.line == 1 && error?.column == 13, "\(String(describing: error))")
        }
    }

    @Test func errorPositionsCountScalarsNotBytes() {
        let error = parseError { _ = try turtle("<p:s> <p:p> \"åäö\" ; ? .") }
        #expect(error?.line == 1 && error?.column == 21, "\(String(describing: error))")
    }

    @Test func fileParsingFillsLocation() throws {
        let url = URL.temporaryDirectory.appending(path: "katalog-turtle-\(UInt32.random(in: 0...UInt32.max)).ttl")
        try Data("<a> <b> <c> .\n<a> <b> oops .\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var graph = Graph()
        let error = parseError { try RDFParsing.parse(file: url, format: .turtle, into: &graph) }
        #expect(error?.location == url.path && error?.line == 2)
        #expect(graph.triples.first?.subject == .iri(url.deletingLastPathComponent().absoluteString + "a"))
    }

    @Test func everyFormatHasAParser() throws {
        let json = #"{"@id": "https://example.org/d", "http://purl.org/dc/terms/title": "T"}"#
        var graph = Graph()
        try RDFParsing.parse(data: Data(json.utf8), format: .jsonld, into: &graph)
        #expect(graph.triples == [Triple(.iri("https://example.org/d"), "http://purl.org/dc/terms/title", .literal(Literal("T")))])
    }
}
