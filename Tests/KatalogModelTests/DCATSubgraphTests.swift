import Foundation
import KatalogRDF
import Testing
@testable import KatalogModel

struct DCATSubgraphTests: DCATTestSupport {
    /// Two datasets in one catalogue, sharing a publisher, with blank-node distributions, contact and period.
    func catalogue() -> DCATGraphBuilder {
        var g = DCATGraphBuilder()
        let catalog = iri("http://ex.org/catalog")
        let other = iri("http://ex.org/other")
        let publisher = iri("http://ex.org/publisher")
        g.type(catalog, DCATNS.dcat + "Catalog")
        g.add(catalog, DCATNS.dcat + "dataset", ds)
        g.add(catalog, DCATNS.dcat + "dataset", other)
        g.type(ds, DCATNS.dcat + "Dataset")
        g.add(ds, DCATNS.dct + "title", lit("First", "en"))
        g.add(ds, DCATNS.dct + "publisher", publisher)
        g.add(ds, DCATNS.dct + "isPartOf", catalog)
        g.add(ds, DCATNS.dct + "relation", other)
        g.add(ds, DCATNS.dcat + "distribution", bnode("d1"))
        g.add(bnode("d1"), DCATNS.dcat + "accessURL", iri("http://ex.org/file.csv"))
        g.add(bnode("d1"), DCATNS.spdx + "checksum", bnode("sum"))
        g.add(bnode("sum"), DCATNS.spdx + "checksumValue", lit("ff"))
        g.add(ds, DCATNS.dcat + "contactPoint", bnode("cp"))
        g.add(bnode("cp"), DCATNS.vcard + "fn", lit("Desk"))
        g.add(ds, DCATNS.dct + "temporal", bnode("t"))
        g.add(bnode("t"), DCATNS.dcat + "startDate", lit("2020"))
        g.add(publisher, DCATNS.foaf + "name", lit("Publisher", "en"))
        g.type(other, DCATNS.dcat + "Dataset")
        g.add(other, DCATNS.dct + "title", lit("Second", "en"))
        g.add(other, DCATNS.dct + "publisher", publisher)
        g.add(other, DCATNS.dcat + "distribution", bnode("d2"))
        g.add(bnode("d2"), DCATNS.dcat + "accessURL", iri("http://ex.org/other.csv"))
        return g
    }

    @Test func subgraphHoldsTheDatasetsNodesAndNoOtherDataset() throws {
        let graph = catalogue().graph
        let triples = try DCATMapper.subgraph(of: ds, in: graph)
        let subjects = Set(triples.map(\.subject))
        #expect(subjects == [ds, bnode("d1"), bnode("sum"), bnode("cp"), bnode("t"), iri("http://ex.org/publisher")])
        #expect(triples.contains(Triple(ds, DCATNS.dct + "relation", iri("http://ex.org/other"))))
        #expect(!triples.contains { $0.object == lit("Second", "en") })
        #expect(!triples.contains { $0.subject == iri("http://ex.org/catalog") })
        #expect(triples.count == 14)
    }

    @Test func cyclesTerminateAndTheNodeBoundHolds() throws {
        var g = datasetBuilder()
        g.add(ds, DCATNS.dct + "temporal", bnode("a"))
        g.add(bnode("a"), DCATNS.rdfs + "seeAlso", bnode("b"))
        g.add(bnode("b"), DCATNS.rdfs + "seeAlso", bnode("a"))
        g.add(bnode("b"), DCATNS.rdfs + "seeAlso", ds)
        g.add(bnode("a"), DCATNS.rdfs + "seeAlso", bnode("a"))
        let triples = try DCATMapper.subgraph(of: ds, in: g.graph)
        #expect(triples.count == 3 + 4)

        var chain = datasetBuilder()
        chain.add(ds, DCATNS.rdfs + "seeAlso", bnode("n0"))
        for index in 0..<50 {
            chain.add(bnode("n\(index)"), DCATNS.rdfs + "seeAlso", bnode("n\(index + 1)"))
        }
        let bounded = try DCATMapper.subgraph(of: ds, in: chain.graph, maxNodes: 10)
        #expect(Set(bounded.map(\.subject)).count == 10)
        let mapped = try DCATMapper.dataset(ds, in: g.graph)
        #expect(mapped.title.best() == "Title")
    }

    @Test func theNeighbourhoodNamesTheNodesAtTheSubgraphsEdge() throws {
        let graph = catalogue().graph
        let around = try DCATMapper.neighbourhood(of: ds, in: graph)
        #expect(around.triples == (try DCATMapper.subgraph(of: ds, in: graph)))
        #expect(around.nodes == [ds, bnode("d1"), bnode("sum"), bnode("cp"), bnode("t"), iri("http://ex.org/publisher")])
        // The catalogue and the other dataset are described but not entered; the file is not described.
        #expect(around.edge == [iri("http://ex.org/catalog"), iri("http://ex.org/other"), iri("http://ex.org/file.csv")])
        #expect(!around.isCapped)
        #expect(around.covers(bnode("d1")) && around.covers(iri("http://ex.org/other")))
        #expect(!around.covers(iri("http://ex.org/elsewhere")))

        var chain = datasetBuilder()
        chain.add(ds, DCATNS.rdfs + "seeAlso", bnode("n0"))
        for index in 0..<50 {
            chain.add(bnode("n\(index)"), DCATNS.rdfs + "seeAlso", bnode("n\(index + 1)"))
        }
        #expect(try DCATMapper.neighbourhood(of: ds, in: chain.graph, maxNodes: 10).isCapped)
        #expect(try !DCATMapper.neighbourhood(of: ds, in: chain.graph, maxNodes: 100).isCapped)
    }

    @Test func aDataServiceIsLinkedButNotEntered() throws {
        var g = catalogue()
        let service = iri("http://ex.org/api")
        g.type(service, DCATNS.dcat + "DataService")
        g.add(service, DCATNS.dct + "title", lit("API", "en"))
        g.add(service, DCATNS.dcat + "servesDataset", ds)
        g.add(service, DCATNS.dcat + "servesDataset", iri("http://ex.org/other"))
        g.add(bnode("d1"), DCATNS.dcat + "accessService", service)
        let graph = g.graph
        let around = try DCATMapper.neighbourhood(of: ds, in: graph)
        #expect(around.triples.contains(Triple(bnode("d1"), DCATNS.dcat + "accessService", service)))
        #expect(!around.triples.contains { $0.subject == service })
        #expect(!around.nodes.contains(service))
        #expect(!around.edge.contains(service), "a service's whole description is not part of the digest")
        #expect(around.services == [service], "the mapper reads its title and endpoints")
        #expect(around.covers(service))
        #expect(around.edge == [iri("http://ex.org/catalog"), iri("http://ex.org/other"), iri("http://ex.org/file.csv")])
        #expect(around.triples.count == 15)
    }

    @Test func aNodeOfThousandsOfTriplesAddsItsFirst256() throws {
        var g = catalogue()
        let publisher = iri("http://ex.org/publisher")
        for index in 0..<1_000 {
            g.add(publisher, DCATNS.foaf + "name", lit("Name \(index)"))
        }
        g.add(publisher, DCATNS.foaf + "name", lit("Utgivaren", "sv"))
        let graph = g.graph
        let around = try DCATMapper.neighbourhood(of: ds, in: graph)
        #expect(around.triples.filter { $0.subject == publisher }.count == DCATMapper.maxNodeTriples)
        #expect(around.isCapped, "the subgraph is not all the mapper reads, so it gets no source digest")
        #expect(try !DCATMapper.neighbourhood(of: ds, in: catalogue().graph).isCapped)
        // The mapper reads the first 256 names of the node: the English one, the first untagged one, not the Swedish one after.
        let mapped = try DCATMapper.dataset(ds, in: graph)
        #expect(mapped.publisher?.name.values == ["en": "Publisher", "": "Name 0"])
        // The dataset's own triples are never cut.
        var own = datasetBuilder()
        for index in 0..<600 { own.add(ds, DCATNS.dcat + "keyword", lit("k\(index)")) }
        #expect(try DCATMapper.subgraph(of: ds, in: own.graph).count > 600)
    }

    @Test func canonicalNTriplesRelabelsSortsAndEscapes() {
        let triples = [
            Triple(bnode("zz"), DCATNS.dct + "title", lit("Quote \" backslash \\ newline \n tab \t bell \u{07}", "sv")),
            Triple(iri("http://ex.org/a b"), DCATNS.dct + "identifier", typed("1", DCATNS.xsd + "integer")),
            Triple(bnode("zz"), DCATNS.dct + "description", lit("plain")),
            Triple(bnode("zz"), DCATNS.dct + "description", lit("plain")),
        ]
        let text = DCATMapper.canonicalNTriples(triples)
        #expect(text == """
            <http://ex.org/a\\u0020b> <http://purl.org/dc/terms/identifier> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
            _:b0 <http://purl.org/dc/terms/description> "plain" .
            _:b0 <http://purl.org/dc/terms/title> "Quote \\" backslash \\\\ newline \\n tab \\t bell \\u0007"@sv .

            """)
    }

    /// The bytes of every kind of escape, pinned: content hashes and source digests are taken over them, so a change
    /// here would make every stored dataset look changed.
    @Test func canonicalNTriplesBytesArePinned() {
        let triples = [
            Triple(iri("http://ex.org/{a}|b^c`d\\e\u{7F}f\"g<h>"), DCATNS.dct + "title",
                   lit("del \u{7F} bs \u{08} ff \u{0C} cr \r nul \u{00} unit \u{1F} åäö – 𝄞", "nb")),
            Triple(bnode("x"), DCATNS.dct + "issued", typed("2020", "http://ex.org/type with space")),
            Triple(bnode("y"), DCATNS.dct + "relation", bnode("x")),
            Triple(bnode("x"), DCATNS.dct + "title", lit("plain", nil)),
        ]
        #expect(DCATMapper.canonicalNTriples(triples) == """
            <http://ex.org/\\u007Ba\\u007D\\u007Cb\\u005Ec\\u0060d\\u005Ce\\u007Ff\\u0022g\\u003Ch\\u003E> <http://purl.org/dc/terms/title> "del \\u007F bs \\b ff \\f cr \\r nul \\u0000 unit \\u001F åäö – 𝄞"@nb .
            _:b0 <http://purl.org/dc/terms/issued> "2020"^^<http://ex.org/type\\u0020with\\u0020space> .
            _:b0 <http://purl.org/dc/terms/title> "plain" .
            _:b1 <http://purl.org/dc/terms/relation> _:b0 .

            """)
    }

    @Test func contentHashIgnoresBlankNodeLabels() {
        let a = [Triple(bnode("x1"), DCATNS.dct + "title", lit("T")), Triple(bnode("x1"), DCATNS.dcat + "keyword", lit("k"))]
        let b = [Triple(bnode("genid42"), DCATNS.dct + "title", lit("T")), Triple(bnode("genid42"), DCATNS.dcat + "keyword", lit("k"))]
        let c = [Triple(bnode("x1"), DCATNS.dct + "title", lit("Other"))]
        #expect(DCATMapper.contentHash(of: a) == DCATMapper.contentHash(of: b))
        #expect(DCATMapper.contentHash(of: a) != DCATMapper.contentHash(of: c))
    }

    @Test func blankNodeDatasetsGetStableSourceIdentifiers() throws {
        var g = datasetBuilder(bnode("ds1"), title: "Anonymous")
        g.add(bnode("ds1"), DCATNS.dcat + "keyword", lit("k"))
        var h = datasetBuilder(bnode("other-label"), title: "Anonymous")
        h.add(bnode("other-label"), DCATNS.dcat + "keyword", lit("k"))
        let first = try DCATMapper.dataset(bnode("ds1"), in: g.graph)
        let second = try DCATMapper.dataset(bnode("other-label"), in: h.graph)
        #expect(first.sourceIdentifier.hasPrefix("urn:katalog:dcat:sha256:"))
        #expect(first.sourceIdentifier == second.sourceIdentifier)
        #expect(first.iri == nil)

        g.add(bnode("ds1"), DCATNS.dct + "identifier", lit("local-7"))
        #expect(try DCATMapper.dataset(bnode("ds1"), in: g.graph).sourceIdentifier == "local-7")
    }

    @Test func recordCarriesTheDatasetAndItsNTriples() throws {
        let record = try DCATMapper.record(ds, in: catalogue().graph)
        #expect(record.rawFormat == "application/n-triples")
        #expect(record.sourceIdentifier == "http://ex.org/ds")
        let text = String(decoding: record.raw, as: UTF8.self)
        #expect(text.split(separator: "\n").count == 14)
        #expect(text.contains("\"First\"@en"))
        #expect(!text.contains("Second"))
        #expect(record.dataset.distributions.first?.checksum?.value == "ff")
        #expect(record.dataset.publisher?.name.best() == "Publisher")
    }

    @Test func thirtyThousandKeywordsMapAndExtract() throws {
        var g = datasetBuilder()
        for index in 0..<30_000 {
            g.add(ds, DCATNS.dcat + "keyword", lit("keyword \(index)", index % 2 == 0 ? "sv" : "en"))
        }
        let graph = g.graph
        let dataset = try DCATMapper.dataset(ds, in: graph)
        #expect(dataset.keywords.count == 30_000)
        let record = try DCATMapper.record(ds, in: graph)
        #expect(record.raw.count > 30_000 * 40)
        #expect(RecordLimits().violation(of: record) != nil)
    }

    @Test func inMemoryGraphStoresEachTripleOnceInOrder() {
        var graph = InMemoryGraph()
        let first = graph.insert(Triple(ds, DCATNS.dct + "title", lit("a")))
        let again = graph.insert(Triple(ds, DCATNS.dct + "title", lit("a")))
        #expect(first)
        #expect(!again)
        graph.consume(Triple(ds, DCATNS.dct + "title", lit("b")))
        #expect(graph.count == 2)
        #expect(graph.objects(of: ds, DCATNS.dct + "title") == [lit("a"), lit("b")])
        #expect(graph.isDescribed(ds))
        #expect(!graph.isDescribed(iri("http://nowhere")))
        #expect(graph.subjects(ofType: DCATNS.dcat + "Dataset").isEmpty)
    }
}
