import Foundation
import Hummingbird
import HummingbirdTesting
import KatalogHub
import KatalogModel
import KatalogRDF
import KatalogStore
import Testing

/// `GET /catalog.ttl|rdf|jsonld`: the catalogue as DCAT-AP 3, a page at a time, with Hydra links.
struct CatalogExportTests {
    static let dcat = "http://www.w3.org/ns/dcat#"
    static let hydra = "http://www.w3.org/ns/hydra/core#"

    static func graph(_ text: String, _ format: RDFFormat) throws -> Graph {
        var graph = Graph()
        try RDFParsing.parse(data: Data(text.utf8), format: format, into: &graph)
        return graph
    }

    static func datasets(in graph: Graph) -> [Term] {
        graph.subjects(Vocab.rdfType, .iri(dcat + "Dataset"))
    }

    @Test func pagesFollowTheirHydraLinksThroughTheWholeCatalogue() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            var uri = "/catalog.ttl?limit=3"
            var seen: [Term] = []
            var pages = 0
            while pages < 5 {
                pages += 1
                let (status, type, body) = try await client.execute(uri: uri, method: .get) { response in
                    (response.status, response.headers[.contentType], String(buffer: response.body))
                }
                #expect(status == .ok)
                #expect(type == "text/turtle; charset=utf-8")
                let graph = try Self.graph(body, .turtle)
                seen += Self.datasets(in: graph)
                let views = graph.subjects(Vocab.rdfType, .iri(Self.hydra + "PartialCollectionView"))
                let view = try #require(views.first)
                guard let next = graph.objects(of: view, Self.hydra + "next").first?.iriValue else { break }
                let url = try #require(URL(string: next))
                uri = url.path + "?" + (url.query ?? "")
            }
            #expect(pages == 2)
            #expect(seen.count == 4)
            #expect(Set(seen).count == 4, "no dataset on two pages")
            // Records without an IRI of their own are named after their page on the hub.
            let d1 = try #require(try await store.dataset(source: "demo", sourceIdentifier: "d1"))
            #expect(seen.contains(.iri("http://localhost/datasets/\(d1.id)")))
        }
    }

    @Test func aFullLastPageHasNoNextLink() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            let first = try await client.execute(uri: "/catalog.ttl?limit=2", method: .get) { try Self.graph(String(buffer: $0.body), .turtle) }
            let next = try #require(first.objects(of: .iri("http://localhost/catalog.ttl?limit=2"), Self.hydra + "next").first?.iriValue)
            let url = try #require(URL(string: next))
            let second = try await client.execute(uri: url.path + "?" + (url.query ?? ""), method: .get) {
                try Self.graph(String(buffer: $0.body), .turtle)
            }
            #expect(Self.datasets(in: second).count == 2)
            #expect(second.triples.allSatisfy { $0.predicate != Self.hydra + "next" }, "four datasets in pages of two: two pages")
        }
    }

    @Test func aPageOfTheLargestSizeStillLinksTheNextOne() async throws {
        let store = try CatalogStore.temporary()
        let records = (0..<1_001).map { HubTestCatalogue.dataset("n\($0)", title: ["sv": "Dataset \($0)"], publisher: "Kommunen") }
        let run = try await store.beginRun(source: "demo", kind: "ckan", url: "http://127.0.0.1/")
        try await store.stage(run: run, records: records)
        _ = try await store.completeRun(run: run, seen: Set(records.map(\.sourceIdentifier)), isComplete: true)
        try await HubTestCatalogue.application(store).test(.router) { client in
            let graph = try await client.execute(uri: "/catalog.ttl?limit=1000", method: .get) { try Self.graph(String(buffer: $0.body), .turtle) }
            #expect(Self.datasets(in: graph).count == 1_000)
            let next = try #require(graph.objects(of: .iri("http://localhost/catalog.ttl?limit=1000"), Self.hydra + "next").first?.iriValue)
            let url = try #require(URL(string: next))
            let rest = try await client.execute(uri: url.path + "?" + (url.query ?? ""), method: .get) {
                try Self.graph(String(buffer: $0.body), .turtle)
            }
            #expect(Self.datasets(in: rest).count == 1)
        }
    }

    @Test func aSourceParameterExportsThatSourceOnlyAcrossItsPages() async throws {
        let store = try await HubTestCatalogue.makeStore()
        let other = (0..<3).map { HubTestCatalogue.dataset("o\($0)", title: ["sv": "Annat \($0)"], publisher: "Annan") }
        let run = try await store.beginRun(source: "other", kind: "ckan", url: "http://127.0.0.1/other")
        try await store.stage(run: run, records: other)
        _ = try await store.completeRun(run: run, seen: Set(other.map(\.sourceIdentifier)), isComplete: true)
        try await HubTestCatalogue.application(store).test(.router) { client in
            var uri = "/catalog.ttl?source=other&limit=2"
            var seen: [Term] = []
            var totals: Set<String> = []
            for _ in 0..<3 {
                let graph = try await client.execute(uri: uri, method: .get) { try Self.graph(String(buffer: $0.body), .turtle) }
                seen += Self.datasets(in: graph)
                totals.formUnion(graph.objects(of: .iri("http://localhost/catalog"), Self.hydra + "totalItems").compactMap(\.literalValue?.lexical))
                let view = try #require(graph.subjects(Vocab.rdfType, .iri(Self.hydra + "PartialCollectionView")).first)
                guard let next = graph.objects(of: view, Self.hydra + "next").first?.iriValue else { break }
                #expect(next.contains("source=other"))
                let url = try #require(URL(string: next))
                uri = url.path + "?" + (url.query ?? "")
            }
            #expect(seen.count == 3, "the other source's three datasets, none of demo's four")
            #expect(totals == ["3"])
            try await client.execute(uri: "/catalog.ttl?source=nope", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/catalog.ttl?source=Not%20a%20name", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func theThreeSyntaxesGiveTheSameGraph() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            var graphs: [Graph] = []
            for (path, format) in [("/catalog.ttl", RDFFormat.turtle), ("/catalog.rdf", .rdfxml), ("/catalog.jsonld", .jsonld)] {
                let body = try await client.execute(uri: path, method: .get) { String(buffer: $0.body) }
                // Without the Hydra view, whose IRI is the page's own address.
                let graph = try Self.graph(body, format)
                graphs.append(Graph(graph.triples.filter { !$0.predicate.hasPrefix(Self.hydra) && $0.object != .iri(Self.hydra + "PartialCollectionView") }))
            }
            #expect(Self.datasets(in: graphs[0]).count == 4)
            let title = graphs[0].objects(of: Self.datasets(in: graphs[0]).first!, "http://purl.org/dc/terms/title")
            #expect(!title.isEmpty)
            let sameAsRDFXML = graphs[0].isIsomorphic(to: graphs[1])
            let sameAsJSONLD = graphs[0].isIsomorphic(to: graphs[2])
            #expect(sameAsRDFXML)
            #expect(sameAsJSONLD)
        }
    }

    @Test func badParametersAre400AndAnUnchangedPageIs304() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            for uri in ["/catalog.ttl?after=zz", "/catalog.rdf?limit=0", "/catalog.jsonld?limit=1001", "/catalog.ttl?page=2"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(uri)")
                }
            }
            let tag = try await client.execute(uri: "/catalog.ttl", method: .get) { try #require($0.headers[.eTag]) }
            try await client.execute(uri: "/catalog.ttl", method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .notModified)
            }
        }
    }
}
