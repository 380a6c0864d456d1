import Testing
@testable import KatalogRDF

@Suite("N-Triples parser")
struct NTriplesParserTests {
    @Test func parsesAllTermKinds() throws {
        let triples = try nTriples("""
            # header comment
            <http://e/s> <http://e/p> "a\\tb\\u00E9\\U0001F600" .
            _:x <http://e/p> "hej"@SV-se .
            <http://e/s> <http://e/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\r
            <http://e/s> <http://e/p> _:x . # trailing comment
            """)
        #expect(triples == [
            Triple(.iri("http://e/s"), "http://e/p", .literal(Literal("a\tbé😀"))),
            Triple(.blank("t_x"), "http://e/p", .literal(Literal("hej", language: "sv-se"))),
            Triple(.iri("http://e/s"), "http://e/p", .literal(Literal("1", datatype: Vocab.xsdInteger))),
            Triple(.iri("http://e/s"), "http://e/p", .blank("t_x")),
        ])
    }

    @Test(arguments: [
        ("<a> <http://e/p> <http://e/o> .", 1, 1),
        ("<http://e/s> <http://e/p> <http://e/o> .\n<http://e/s> <http://e/p> 'x' .", 2, 27),
        ("<http://e/s> <http://e/p> <http://e/o> . <http://e/s> <http://e/p> <http://e/o> .", 1, 42),
        ("<http://e/s> <http://e/p> \"x\" \n.", 1, 31),
        ("@prefix e: <http://e/> .", 1, 1),
        ("<http://e/s> <http://e/p> \"x\"@1a .", 1, 30),
        ("<http://e/s> <http://e/p> 1 .", 1, 27),
    ])
    func rejectsNonNTriples(input: String, line: Int, column: Int) {
        let error = parseError { _ = try nTriples(input) }
        #expect(error?.code == .syntax, "\(input)")
        #expect(error?.line == line && error?.column == column, "\(input): \(String(describing: error))")
    }

    @Test func emptyAndCommentOnlyDocumentsAreFine() throws {
        #expect(try nTriples("").isEmpty)
        #expect(try nTriples("# nothing\n\n   \n# more").isEmpty)
    }
}
