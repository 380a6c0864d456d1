import KatalogRDF
import Testing

@Suite("JSON-LD node objects and values")
struct JSONLDNodeTests {
    typealias T = JSONLDTestSupport
    static let ex = "http://example.org/"

    @Test("nested node objects without @id become distinct blank nodes, document labels stay shared")
    func blankNodes() throws {
        let triples = try T.parse("""
            {"@context": {"@vocab": "http://example.org/"},
             "@id": "http://example.org/s",
             "contact": [{"name": "A"}, {"name": "B"}],
             "same": {"@id": "_:x"}, "again": {"@id": "_:x", "name": "X"}}
            """)
        let s = T.iri(Self.ex + "s")
        let contacts = T.objects(triples, s, Self.ex + "contact")
        #expect(contacts.count == 2)
        #expect(Set(contacts).count == 2)
        for contact in contacts {
            guard case .blank(let label) = contact else { Issue.record("expected a blank node"); continue }
            #expect(label.hasPrefix("jb"))
        }
        #expect(Set(contacts.compactMap { T.object(triples, $0, Self.ex + "name") }) == [T.string("A"), T.string("B")])
        let same = try #require(T.object(triples, s, Self.ex + "same"))
        #expect(T.object(triples, s, Self.ex + "again") == same)
        #expect(T.object(triples, same, Self.ex + "name") == T.string("X"))
        #expect(!contacts.contains(same))
    }

    @Test("top-level @graph and named graphs both land in the default graph")
    func graphs() throws {
        let triples = try T.parse("""
            {"@context": {"@vocab": "http://example.org/"},
             "@graph": [
               {"@id": "http://example.org/a", "p": "1"},
               {"@id": "http://example.org/g", "label": "graph", "@graph": [{"@id": "http://example.org/b", "p": "2"}]}
             ]}
            """)
        #expect(Set(triples) == [
            Triple(T.iri(Self.ex + "a"), Self.ex + "p", T.string("1")),
            Triple(T.iri(Self.ex + "g"), Self.ex + "label", T.string("graph")),
            Triple(T.iri(Self.ex + "b"), Self.ex + "p", T.string("2")),
        ])
    }

    @Test("a top-level array of node objects, and free-floating values are ignored")
    func topLevelArray() throws {
        let triples = try T.parse("""
            [{"@id": "http://example.org/a", "http://example.org/p": "1"}, "free", {"@value": "floating"},
             {"@context": {"q": "http://example.org/q"}, "@id": "http://example.org/b", "q": {"@value": "2"}}]
            """)
        #expect(Set(triples) == [
            Triple(T.iri(Self.ex + "a"), Self.ex + "p", T.string("1")),
            Triple(T.iri(Self.ex + "b"), Self.ex + "q", T.string("2")),
        ])
    }

    @Test("native numbers and booleans get canonical XSD literals")
    func nativeValues() throws {
        let triples = try T.parse("""
            {"@context": {"@vocab": "http://example.org/", "xsd": "http://www.w3.org/2001/XMLSchema#",
                          "dbl": {"@id": "http://example.org/dbl", "@type": "xsd:double"}},
             "@id": "http://example.org/s",
             "int": 42, "neg": -7, "whole": 5.0, "frac": 5.3, "small": 0.001, "big": 1e21, "huge": 12345678901234567890,
             "yes": true, "no": false, "dbl": 3, "typed": {"@value": 10, "@type": "xsd:decimal"}}
            """)
        let s = T.iri(Self.ex + "s")
        let expected: [String: Term] = [
            "int": T.typed("42", Vocab.xsdInteger), "neg": T.typed("-7", Vocab.xsdInteger),
            "whole": T.typed("5", Vocab.xsdInteger), "frac": T.typed("5.3E0", Vocab.xsdDouble),
            "small": T.typed("1.0E-3", Vocab.xsdDouble), "big": T.typed("1.0E21", Vocab.xsdDouble),
            "huge": T.typed("12345678901234567890", Vocab.xsdInteger),
            "yes": T.typed("true", Vocab.xsdBoolean), "no": T.typed("false", Vocab.xsdBoolean),
            "dbl": T.typed("3.0E0", Vocab.xsdDouble), "typed": T.typed("10", Vocab.xsdDecimal),
        ]
        for (key, value) in expected {
            #expect(T.object(triples, s, Self.ex + key) == value, "\(key)")
        }
        #expect(triples.count == expected.count)
    }

    @Test("value objects with @language and @type; a null @value is dropped")
    func valueObjects() throws {
        let triples = try T.parse("""
            {"@context": {"@vocab": "http://example.org/"}, "@id": "http://example.org/s",
             "l": {"@value": "Hallo", "@language": "DE-at"}, "t": {"@value": "x", "@type": "http://example.org/dt"},
             "n": {"@value": null}, "r": {"@id": "http://example.org/o"}}
            """)
        let s = T.iri(Self.ex + "s")
        #expect(Set(triples) == [
            Triple(s, Self.ex + "l", T.lang("Hallo", "de-at")),
            Triple(s, Self.ex + "t", T.typed("x", Self.ex + "dt")),
            Triple(s, Self.ex + "r", T.iri(Self.ex + "o")),
        ])
    }

    @Test("@list and @container: @list become rdf:first/rdf:rest collections; @set is flattened")
    func lists() throws {
        let triples = try T.parse("""
            {"@context": {"@vocab": "http://example.org/", "ordered": {"@id": "http://example.org/ordered", "@container": "@list"},
                          "bag": {"@id": "http://example.org/bag", "@container": "@set"}},
             "@id": "http://example.org/s",
             "l": {"@list": ["a", {"@id": "http://example.org/b"}, 3]},
             "ordered": ["x", "y"], "empty": {"@list": []}, "bag": ["p", "q"], "set": {"@set": ["r"]}}
            """)
        let s = T.iri(Self.ex + "s")
        let head = try #require(T.object(triples, s, Self.ex + "l"))
        #expect(T.list(triples, head) == [T.string("a"), T.iri(Self.ex + "b"), T.typed("3", Vocab.xsdInteger)])
        let ordered = try #require(T.object(triples, s, Self.ex + "ordered"))
        #expect(T.list(triples, ordered) == [T.string("x"), T.string("y")])
        #expect(T.object(triples, s, Self.ex + "empty") == T.iri(Vocab.rdfNil))
        #expect(Set(T.objects(triples, s, Self.ex + "bag")) == [T.string("p"), T.string("q")])
        #expect(T.objects(triples, s, Self.ex + "set") == [T.string("r")])
    }

    @Test("@reverse keyword and reverse term definitions")
    func reverse() throws {
        let triples = try T.parse("""
            {"@context": {"@vocab": "http://example.org/", "partOf": {"@reverse": "http://purl.org/dc/terms/hasPart", "@type": "@id"}},
             "@id": "http://example.org/child",
             "@reverse": {"member": {"@id": "http://example.org/group"}},
             "partOf": "http://example.org/whole"}
            """)
        #expect(Set(triples) == [
            Triple(T.iri(Self.ex + "group"), Self.ex + "member", T.iri(Self.ex + "child")),
            Triple(T.iri(Self.ex + "whole"), T.dct + "hasPart", T.iri(Self.ex + "child")),
        ])
    }

    @Test("@index, @id and @type maps, @nest and @included")
    func maps() throws {
        let triples = try T.parse("""
            {"@context": {"@vocab": "http://example.org/",
                          "byIndex": {"@id": "http://example.org/dist", "@container": "@index"},
                          "byId": {"@id": "http://example.org/dist", "@container": "@id"},
                          "byType": {"@id": "http://example.org/dist", "@container": "@type"},
                          "meta": "@nest"},
             "@id": "http://example.org/s",
             "byIndex": {"csv": {"@id": "http://example.org/d1"}},
             "byId": {"http://example.org/d2": {"title": "two"}},
             "byType": {"Special": {"@id": "http://example.org/d3"}},
             "meta": {"note": "nested"},
             "@included": [{"@id": "http://example.org/extra", "title": "included"}]}
            """)
        let s = T.iri(Self.ex + "s")
        #expect(Set(T.objects(triples, s, Self.ex + "dist")) == [T.iri(Self.ex + "d1"), T.iri(Self.ex + "d2"), T.iri(Self.ex + "d3")])
        #expect(T.object(triples, T.iri(Self.ex + "d2"), Self.ex + "title") == T.string("two"))
        #expect(T.object(triples, T.iri(Self.ex + "d3"), Vocab.rdfType) == T.iri(Self.ex + "Special"))
        #expect(T.object(triples, s, Self.ex + "note") == T.string("nested"))
        #expect(T.object(triples, T.iri(Self.ex + "extra"), Self.ex + "title") == T.string("included"))
    }

    @Test("@type: @json values become canonical rdf:JSON literals")
    func jsonLiterals() throws {
        let triples = try T.parse("""
            {"@context": {"data": {"@id": "http://example.org/data", "@type": "@json"}},
             "@id": "http://example.org/s", "data": {"b": [1, 2.5, true, null], "a": "x\\ny"}}
            """)
        #expect(triples == [Triple(T.iri(Self.ex + "s"), Self.ex + "data",
                                   T.typed(#"{"a":"x\ny","b":[1,2.5,true,null]}"#, Vocab.rdf + "JSON"))])
    }

    @Test("lists of lists, property-valued @index and type-scoped contexts that do not propagate")
    func advancedFeatures() throws {
        let triples = try T.parse("""
            {"@context": {"@vocab": "http://example.org/",
                          "ll": {"@id": "http://example.org/ll", "@container": "@list"},
                          "Person": {"@id": "http://example.org/Person",
                                     "@context": {"name": {"@id": "http://xmlns.com/foaf/0.1/name", "@language": "en"}}},
                          "idx": {"@id": "http://example.org/idx", "@container": "@index", "@index": "http://example.org/cat"}},
             "@id": "http://example.org/s", "@type": "Person", "name": "Bob", "knows": {"name": "plain"},
             "ll": [["a", "b"], ["c"]], "idx": {"k1": {"@id": "http://example.org/i1"}}}
            """)
        let s = T.iri(Self.ex + "s")
        #expect(T.object(triples, s, T.foaf + "name") == T.lang("Bob", "en"))
        let friend = try #require(T.object(triples, s, Self.ex + "knows"))
        #expect(T.object(triples, friend, Self.ex + "name") == T.string("plain"))
        let head = try #require(T.object(triples, s, Self.ex + "ll"))
        let outer = try #require(T.list(triples, head))
        #expect(outer.count == 2)
        #expect(outer.compactMap { T.list(triples, $0) } == [[T.string("a"), T.string("b")], [T.string("c")]])
        #expect(T.object(triples, s, Self.ex + "idx") == T.iri(Self.ex + "i1"))
        #expect(T.object(triples, T.iri(Self.ex + "i1"), Self.ex + "cat") == T.string("k1"))
    }

    @Test("chunked feeding, even byte by byte through multi-byte characters, gives the same triples")
    func chunkedFeeding() throws {
        let json = """
            {"@context": {"t": "http://purl.org/dc/terms/title"}, "@id": "http://example.org/s", "t": ["Ärger über Öl", "日本語", "🙂"]}
            """
        let whole = try T.parse(json)
        #expect(whole.count == 3)
        for size in [1, 2, 3, 7, 64] {
            #expect(Set(try T.parse(json, chunkSize: size)) == Set(whole), "chunk size \(size)")
        }
    }
}
