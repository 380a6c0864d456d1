import Testing
@testable import KatalogRDF

@Suite("Writers")
struct WriterTests {
    @Test func nTriplesUsesCanonicalEscapes() {
        let text = NTriplesWriter.string(from: [
            Triple(.iri("http://e/s"), "http://e/p", .literal(Literal("q\"\\\n\r\t\u{8}\u{C}\u{1}\u{7F}é"))),
            Triple(.blank("b 1"), "http://e/p", .literal(Literal("x", language: "en-GB"))),
            Triple(.iri("http://e/a b"), "http://e/p", .literal(Literal("1", datatype: Vocab.xsdInteger))),
        ])
        #expect(text == """
            <http://e/s> <http://e/p> "q\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u007Fé" .
            _:bnhex_622031 <http://e/p> "x"@en-gb .
            <http://e/a\\u0020b> <http://e/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .

            """)
    }

    @Test func turtleGroupsSubjectsAndUsesShortForms() {
        var writer = TurtleWriter(output: "", prefixes: ["ex": ex, "xsd": Vocab.xsd])
        for triple in [
            Triple(.iri(ex + "d"), Vocab.rdfType, .iri(ex + "Dataset")),
            Triple(.iri(ex + "d"), ex + "n", .literal(Literal("1", datatype: Vocab.xsdInteger))),
            Triple(.iri(ex + "d"), ex + "n", .literal(Literal("2.50", datatype: Vocab.xsdDecimal))),
            Triple(.iri(ex + "d"), ex + "n", .literal(Literal("01", datatype: Vocab.xsd + "gYear"))),
            Triple(.iri(ex + "d"), ex + "t", .literal(Literal("x", language: "sv"))),
            Triple(.blank("b"), ex + "p", .iri("http://other/x")),
            Triple(.blank("b"), ex + "q", .literal(Literal("1.", datatype: Vocab.xsdDecimal))),
        ] {
            writer.consume(triple)
        }
        writer.finish()
        #expect(writer.output == """
            @prefix ex: <http://example.org/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

            ex:d a ex:Dataset ;
                ex:n 1 ,
                    2.50 ,
                    "01"^^xsd:gYear ;
                ex:t "x"@sv .
            _:b ex:p <http://other/x> ;
                ex:q "1."^^xsd:decimal .

            """)
    }

    @Test(arguments: [1, 3])
    func turtleRoundTripIsIsomorphic(seed: Int) throws {
        let source = """
            @prefix ex: <http://example.org/> .
            ex:d a ex:Dataset ; ex:title "Väg \\"1\\"\\n", "x"@en ; ex:n 1, 2.5, 1.0E3, false, "7"^^ex:t ;
              ex:l ( 1 [ ex:p ex:o ] ) ; ex:b [ ex:c _:z ] ; ex:odd <http://example.org/a.b.> , ex:a\\.b .
            _:z ex:p _:z .
            """
        let parsed = try turtle(source)
        var writer = TurtleWriter(output: "", prefixes: ["ex": ex])
        for triple in seed == 1 ? parsed : parsed.reversed() { writer.consume(triple) }
        writer.finish()
        let reparsed = try turtle(writer.output)
        #expect(Isomorphism.areIsomorphic(parsed, reparsed), "\(writer.output)")
        let viaNT = try nTriples(NTriplesWriter.string(from: parsed))
        #expect(Isomorphism.areIsomorphic(parsed, viaNT))
    }

    @Test func isomorphismDistinguishesStructure() {
        let a = [Triple(.blank("1"), "p:p", .blank("2")), Triple(.blank("2"), "p:p", .blank("1"))]
        let b = [Triple(.blank("x"), "p:p", .blank("y")), Triple(.blank("y"), "p:p", .blank("x"))]
        let c = [Triple(.blank("x"), "p:p", .blank("x")), Triple(.blank("y"), "p:p", .blank("y"))]
        #expect(Isomorphism.areIsomorphic(a, b))
        #expect(!Isomorphism.areIsomorphic(a, c))
        #expect(!Isomorphism.areIsomorphic(a, [Triple(.blank("x"), "p:p", .blank("y"))]))
        #expect(!Isomorphism.areIsomorphic([Triple(.iri("p:s"), "p:p", .blank("x"))],
                                           [Triple(.iri("p:s"), "p:q", .blank("x"))]))
    }
}
