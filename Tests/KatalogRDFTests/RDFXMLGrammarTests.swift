import KatalogRDF
import Testing

@Suite("RDF/XML grammar")
struct RDFXMLGrammarTests {
    let ex = "http://example.org/ns#"
    let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    let xsd = "http://www.w3.org/2001/XMLSchema#"

    private func lines(_ body: String) throws -> [String] {
        RDFXMLTestSupport.canonical(try RDFXMLTestSupport.parseBody(body))
    }

    @Test func typedNodeElementAndLiteralProperties() throws {
        let result = try lines("""
            <ex:Thing rdf:about="http://example.org/a" ex:attr="v">
              <ex:title xml:lang="SV">Hej världen</ex:title>
              <ex:count rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">42</ex:count>
              <ex:plain>text</ex:plain>
            </ex:Thing>
            """)
        #expect(result == [
            "<http://example.org/a> <\(ex)attr> \"v\"^^<\(xsd)string>",
            "<http://example.org/a> <\(ex)count> \"42\"^^<\(xsd)integer>",
            "<http://example.org/a> <\(ex)plain> \"text\"^^<\(xsd)string>",
            "<http://example.org/a> <\(ex)title> \"Hej världen\"@sv",
            "<http://example.org/a> <\(rdf)type> <\(ex)Thing>",
        ].sorted())
    }

    @Test func rdfRootIsOptional() throws {
        let triples = try RDFXMLTestSupport.parse("""
            <ex:Thing xmlns:ex="http://example.org/ns#" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" rdf:about="x"/>
            """)
        #expect(triples == [Triple(.iri("http://example.org/x"), rdf + "type", .iri(ex + "Thing"))])
    }

    @Test func resourceNodeIDAndNestedNodes() throws {
        let result = try lines("""
            <rdf:Description rdf:about="a">
              <ex:link rdf:resource="b"/>
              <ex:blank rdf:nodeID="n1"/>
              <ex:nested><rdf:Description rdf:nodeID="n1" ex:name="inner"/></ex:nested>
            </rdf:Description>
            """)
        #expect(result == [
            "<http://example.org/a> <\(ex)blank> _:c0",
            "<http://example.org/a> <\(ex)link> <http://example.org/b>",
            "<http://example.org/a> <\(ex)nested> _:c0",
            "_:c0 <\(ex)name> \"inner\"^^<\(xsd)string>",
        ])
    }

    @Test func emptyPropertyElements() throws {
        let result = try lines("""
            <rdf:Description rdf:about="a">
              <ex:empty/>
              <ex:described ex:k="v" rdf:type="http://example.org/ns#T"/>
            </rdf:Description>
            """)
        #expect(result.contains("<http://example.org/a> <\(ex)empty> \"\"^^<\(xsd)string>"))
        #expect(result.contains("<http://example.org/a> <\(ex)described> _:c0"))
        #expect(result.contains("_:c0 <\(ex)k> \"v\"^^<\(xsd)string>"))
        #expect(result.contains("_:c0 <\(rdf)type> <\(ex)T>"))
        #expect(result.count == 4)
    }

    @Test func parseTypeResourceAndCollection() throws {
        let triples = try RDFXMLTestSupport.parseBody("""
            <rdf:Description rdf:about="a">
              <ex:contact rdf:parseType="Resource"><ex:mail rdf:resource="mailto:x@example.org"/></ex:contact>
              <ex:list rdf:parseType="Collection">
                <rdf:Description rdf:about="one"/><rdf:Description rdf:about="two"/>
              </ex:list>
              <ex:none rdf:parseType="Collection"></ex:none>
            </rdf:Description>
            """)
        let subject = Term.iri("http://example.org/a")
        let contact = try #require(triples.first { $0.subject == subject && $0.predicate == ex + "contact" }?.object)
        #expect(triples.contains(Triple(contact, ex + "mail", .iri("mailto:x@example.org"))))
        #expect(triples.contains(Triple(subject, ex + "none", .iri(rdf + "nil"))))
        // Walk the list: first cell holds "one", its rest holds "two", then rdf:nil.
        let head = try #require(triples.first { $0.subject == subject && $0.predicate == ex + "list" }?.object)
        #expect(triples.contains(Triple(head, rdf + "first", .iri("http://example.org/one"))))
        let second = try #require(triples.first { $0.subject == head && $0.predicate == rdf + "rest" }?.object)
        #expect(triples.contains(Triple(second, rdf + "first", .iri("http://example.org/two"))))
        #expect(triples.contains(Triple(second, rdf + "rest", .iri(rdf + "nil"))))
    }

    @Test func xmlLiteralIsCanonicalised() throws {
        let triples = try RDFXMLTestSupport.parseBody("""
            <rdf:Description rdf:about="a"><ex:body rdf:parseType="Literal">a &lt; <b xmlns="http://www.w3.org/1999/xhtml" z="1" a="2">bold<br/></b><ex:i/></ex:body></rdf:Description>
            """)
        let literal = try #require(triples.first?.object.literalValue)
        #expect(literal.datatype == rdf + "XMLLiteral")
        #expect(literal.lexical == #"a &lt; <b xmlns="http://www.w3.org/1999/xhtml" a="2" z="1">bold<br></br></b><ex:i xmlns:ex="http://example.org/ns#"></ex:i>"#)
    }

    @Test func liNumberingAndReification() throws {
        let result = try lines("""
            <rdf:Seq rdf:about="s"><rdf:li>x</rdf:li><rdf:li rdf:ID="st">y</rdf:li></rdf:Seq>
            """)
        let s = "<http://example.org/s>"
        let st = "<http://example.org/doc#st>"
        #expect(result == [
            "\(s) <\(rdf)_1> \"x\"^^<\(xsd)string>",
            "\(s) <\(rdf)_2> \"y\"^^<\(xsd)string>",
            "\(s) <\(rdf)type> <\(rdf)Seq>",
            "\(st) <\(rdf)object> \"y\"^^<\(xsd)string>",
            "\(st) <\(rdf)predicate> <\(rdf)_2>",
            "\(st) <\(rdf)subject> \(s)",
            "\(st) <\(rdf)type> <\(rdf)Statement>",
        ].sorted())
    }

    @Test func xmlBaseAndLanguageScoping() throws {
        let result = try lines("""
            <rdf:Description xml:base="http://other.example/dir/file" rdf:about="../x" xml:lang="en">
              <ex:p>hello</ex:p>
              <ex:q xml:lang="">none</ex:q>
              <ex:r rdf:ID="frag" rdf:resource="sub/y"/>
            </rdf:Description>
            """)
        #expect(result.contains("<http://other.example/x> <\(ex)p> \"hello\"@en"))
        #expect(result.contains("<http://other.example/x> <\(ex)q> \"none\"^^<\(xsd)string>"))
        #expect(result.contains("<http://other.example/x> <\(ex)r> <http://other.example/dir/sub/y>"))
        #expect(result.contains("<http://other.example/dir/file#frag> <\(rdf)subject> <http://other.example/x>"))
    }

    @Test(arguments: [
        ("http://example.org/a/../b", "http://example.org/b"),
        ("http://example.org/a/./b/.", "http://example.org/a/b/"),
        ("http://example.org/a.b/c..d", "http://example.org/a.b/c..d"),
        ("x/../y?q=../z", "http://example.org/y?q=../z"),
        ("#f", "http://example.org/doc#f"),
        ("//other.example/p", "http://other.example/p"),
    ])
    func iriReferencesAreResolved(reference: String, expected: String) throws {
        let triples = try RDFXMLTestSupport.parseBody(#"<rdf:Description rdf:about="\#(reference)" ex:p="v"/>"#)
        #expect(triples.first?.subject == .iri(expected))
    }

    @Test func blankNodeLabelsDoNotCollideWithNodeIDs() throws {
        let triples = try RDFXMLTestSupport.parseBody("""
            <rdf:Description rdf:nodeID="b1"><ex:p><rdf:Description ex:q="v"/></ex:p></rdf:Description>
            """)
        let subjects = Set(triples.map(\.subject))
        #expect(subjects.count == 2)
    }

    @Test(arguments: [
        #"<rdf:Description rdf:about="a" rdf:nodeID="x"/>"#,
        #"<rdf:li/>"#,
        #"<rdf:Description rdf:about="a"><rdf:Description/></rdf:Description>"#,
        #"<rdf:Description rdf:nodeID="1abc"/>"#,
        #"<rdf:Description rdf:ID="a"/><rdf:Description rdf:ID="a"/>"#,
        #"<rdf:Description rdf:about="a"><ex:p rdf:resource="b">text</ex:p></rdf:Description>"#,
        #"<rdf:Description rdf:about="a"><ex:p>text<rdf:Description/></ex:p></rdf:Description>"#,
        #"<rdf:Description rdf:about="a" rdf:bagID="b"/>"#,
        #"<rdf:Description rdf:about="a">stray text</rdf:Description>"#,
        #"<plain xmlns=""/>"#,
        #"<rdf:Description rdf:about="a"><ex:p rdf:parseType="Literal" rdf:resource="b"/></rdf:Description>"#,
        #"<rdf:Description rdf:about="a"><ex:p></rdf:Description>"#,
    ])
    func malformedInputIsRejectedWithPosition(body: String) {
        let error = RDFXMLTestSupport.parseError { _ = try RDFXMLTestSupport.parseBody(body) }
        #expect(error?.code == .syntax)
        #expect((error?.line ?? 0) > 0)
        #expect(error?.location == "test.rdf")
    }

    @Test func unknownXMLAttributesAreIgnored() throws {
        let result = try lines(#"<rdf:Description rdf:about="a"><ex:p xml:space="preserve" xmlfoo="1">v</ex:p></rdf:Description>"#)
        #expect(result == ["<http://example.org/a> <\(ex)p> \"v\"^^<\(xsd)string>"])
    }
}
