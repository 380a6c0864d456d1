import KatalogRDF
import Testing

@Suite("JSON-LD contexts and IRI expansion")
struct JSONLDContextTests {
    typealias T = JSONLDTestSupport

    @Test("compact IRIs, terms, @vocab and @type: @id")
    func termsAndPrefixes() throws {
        let triples = try T.parse("""
            {"@context": {"dct": "http://purl.org/dc/terms/", "dcat": "http://www.w3.org/ns/dcat#",
                          "@vocab": "http://example.org/vocab#",
                          "page": {"@id": "dcat:landingPage", "@type": "@id"}},
             "@id": "http://example.org/ds/1", "@type": "dcat:Dataset",
             "dct:title": "One", "page": "http://example.org/page", "colour": "red"}
            """)
        let subject = T.iri("http://example.org/ds/1")
        #expect(Set(triples) == [
            Triple(subject, Vocab.rdfType, T.iri(T.dcat + "Dataset")),
            Triple(subject, T.dct + "title", T.string("One")),
            Triple(subject, T.dcat + "landingPage", T.iri("http://example.org/page")),
            Triple(subject, "http://example.org/vocab#colour", T.string("red")),
        ])
    }

    @Test("keys that expand to nothing are dropped; relative @id resolves against the base")
    func droppedKeysAndBase() throws {
        let triples = try T.parse("""
            {"@context": {"title": "http://purl.org/dc/terms/title", "ignored": null},
             "@id": "ds/2", "title": "Two", "unknown": "x", "ignored": "y"}
            """, base: "http://example.org/catalog/")
        #expect(triples == [Triple(T.iri("http://example.org/catalog/ds/2"), T.dct + "title", T.string("Two"))])
    }

    @Test("@base in the context overrides the document base; without any base relative IRIs are dropped")
    func baseHandling() throws {
        let withBase = try T.parse("""
            {"@context": {"@base": "http://base.example/a/", "p": {"@id": "http://example.org/p", "@type": "@id"}},
             "@id": "../x", "p": "y#frag"}
            """)
        #expect(withBase == [Triple(T.iri("http://base.example/x"), "http://example.org/p", T.iri("http://base.example/a/y#frag"))])
        let noBase = try T.parse("""
            {"@context": {"p": {"@id": "http://example.org/p", "@type": "@id"}}, "@id": "relative", "p": "other"}
            """, base: nil)
        #expect(noBase.isEmpty)
    }

    @Test("@language default, term @language, and language maps")
    func languages() throws {
        let triples = try T.parse("""
            {"@context": {"@language": "de", "t": "http://purl.org/dc/terms/title",
                          "plain": {"@id": "http://example.org/plain", "@language": null},
                          "en": {"@id": "http://example.org/en", "@language": "en-GB"},
                          "map": {"@id": "http://purl.org/dc/terms/description", "@container": "@language"}},
             "@id": "http://example.org/x", "t": "Titel", "plain": "none", "en": "colour",
             "map": {"fr": "Bonjour", "SV": ["Hej", "Tjena"], "@none": "neutral"}}
            """)
        let s = T.iri("http://example.org/x")
        #expect(Set(triples) == [
            Triple(s, T.dct + "title", T.lang("Titel", "de")),
            Triple(s, "http://example.org/plain", T.string("none")),
            Triple(s, "http://example.org/en", T.lang("colour", "en-gb")),
            Triple(s, T.dct + "description", T.lang("Bonjour", "fr")),
            Triple(s, T.dct + "description", T.lang("Hej", "sv")),
            Triple(s, T.dct + "description", T.lang("Tjena", "sv")),
            Triple(s, T.dct + "description", T.string("neutral")),
        ])
    }

    @Test("datatype coercion in term definitions")
    func typeCoercion() throws {
        let triples = try T.parse("""
            {"@context": {"xsd": "http://www.w3.org/2001/XMLSchema#",
                          "issued": {"@id": "http://purl.org/dc/terms/issued", "@type": "xsd:date"},
                          "kind": {"@id": "http://example.org/kind", "@type": "@vocab"}, "Big": "http://example.org/Big"},
             "@id": "http://example.org/x", "issued": "2024-01-02", "kind": "Big"}
            """)
        let s = T.iri("http://example.org/x")
        #expect(Set(triples) == [
            Triple(s, T.dct + "issued", T.typed("2024-01-02", "http://www.w3.org/2001/XMLSchema#date")),
            Triple(s, "http://example.org/kind", T.iri("http://example.org/Big")),
        ])
    }

    @Test("an array of contexts, keyword aliases and a null context reset")
    func contextArraysAndAliases() throws {
        let triples = try T.parse("""
            {"@context": [{"id": "@id", "type": "@type", "ex": "http://example.org/"},
                          {"name": "ex:name"}],
             "id": "ex:a", "type": "ex:Thing", "name": "A",
             "ex:child": {"@context": null, "@id": "http://example.org/b", "name": "dropped",
                          "http://example.org/kept": "kept"}}
            """)
        let a = T.iri("http://example.org/a")
        let b = T.iri("http://example.org/b")
        #expect(Set(triples) == [
            Triple(a, Vocab.rdfType, T.iri("http://example.org/Thing")),
            Triple(a, "http://example.org/name", T.string("A")),
            Triple(a, "http://example.org/child", b),
            Triple(b, "http://example.org/kept", T.string("kept")),
        ])
    }

    @Test("property-scoped and type-scoped contexts")
    func scopedContexts() throws {
        let triples = try T.parse("""
            {"@context": {"ex": "http://example.org/",
                          "publisher": {"@id": "ex:publisher", "@context": {"name": "http://xmlns.com/foaf/0.1/name"}},
                          "Dataset": {"@id": "ex:Dataset", "@context": {"label": "ex:datasetLabel"}},
                          "label": "ex:label", "part": "ex:part"},
             "@id": "ex:d", "@type": "Dataset", "label": "scoped",
             "publisher": {"@id": "ex:p", "name": "Agency"},
             "part": {"@id": "ex:q", "label": "not scoped"}}
            """)
        let d = T.iri("http://example.org/d")
        #expect(Set(triples) == [
            Triple(d, Vocab.rdfType, T.iri("http://example.org/Dataset")),
            Triple(d, "http://example.org/datasetLabel", T.string("scoped")),
            Triple(d, "http://example.org/publisher", T.iri("http://example.org/p")),
            Triple(T.iri("http://example.org/p"), T.foaf + "name", T.string("Agency")),
            Triple(d, "http://example.org/part", T.iri("http://example.org/q")),
            Triple(T.iri("http://example.org/q"), "http://example.org/label", T.string("not scoped")),
        ])
    }

    @Test("a prefix needs a simple term definition ending in a gen-delim to form compact IRIs")
    func prefixFlag() throws {
        let triples = try T.parse("""
            {"@context": {"ex": {"@id": "http://example.org/"}, "px": {"@id": "http://example.org/p/", "@prefix": true}},
             "@id": "http://example.org/s", "ex:a": "not expanded", "px:b": "expanded"}
            """)
        #expect(Set(triples) == [
            Triple(T.iri("http://example.org/s"), "ex:a", T.string("not expanded")),
            Triple(T.iri("http://example.org/s"), "http://example.org/p/b", T.string("expanded")),
        ])
    }

    @Test("bundled remote contexts resolve without any network access")
    func bundledContexts() throws {
        let triples = try T.parse("""
            {"@context": "https://www.w3.org/ns/dcat.jsonld",
             "@id": "http://example.org/ds", "@type": "Dataset", "title": "Bundled",
             "distribution": {"@type": "Distribution", "downloadURL": "http://example.org/file.csv", "format": "CSV"}}
            """)
        let ds = T.iri("http://example.org/ds")
        #expect(T.object(triples, ds, T.dct + "title") == T.string("Bundled"))
        #expect(T.object(triples, ds, Vocab.rdfType) == T.iri(T.dcat + "Dataset"))
        let distribution = try #require(T.object(triples, ds, T.dcat + "distribution"))
        #expect(T.object(triples, distribution, T.dcat + "downloadURL") == T.iri("http://example.org/file.csv"))
        #expect(T.object(triples, distribution, T.dct + "format") == T.string("CSV"))

        let hydra = try T.parse("""
            {"@context": "http://www.w3.org/ns/hydra/context.jsonld", "@id": "http://example.org/c?page=1",
             "@type": "PagedCollection", "totalItems": 42, "nextPage": "http://example.org/c?page=2"}
            """)
        let page = T.iri("http://example.org/c?page=1")
        let h = "http://www.w3.org/ns/hydra/core#"
        #expect(Set(hydra) == [
            Triple(page, Vocab.rdfType, T.iri(h + "PagedCollection")),
            Triple(page, h + "totalItems", T.typed("42", Vocab.xsdInteger)),
            Triple(page, h + "nextPage", T.iri("http://example.org/c?page=2")),
        ])
    }

    @Test("contexts registered by the caller are used, including through @import")
    func registeredContexts() throws {
        let loader = JSONLDContextLoader.empty
            .registering(#"{"@context": {"name": "http://xmlns.com/foaf/0.1/name"}}"#, for: "https://example.org/ctx.jsonld")
            .registering(#"{"@context": {"nick": "http://xmlns.com/foaf/0.1/nick"}}"#, for: "https://example.org/base.jsonld")
        let triples = try T.parse("""
            {"@context": ["https://example.org/ctx.jsonld", {"@import": "https://example.org/base.jsonld"}],
             "@id": "http://example.org/me", "name": "Me", "nick": "m"}
            """, contexts: loader)
        #expect(Set(triples) == [
            Triple(T.iri("http://example.org/me"), T.foaf + "name", T.string("Me")),
            Triple(T.iri("http://example.org/me"), T.foaf + "nick", T.string("m")),
        ])
    }
}
