import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KatalogModel
import KatalogRDF
import KatalogStore
import NIOCore
import Testing
@testable import KatalogHub

/// One dataset as DCAT-AP: `/datasets/{id}.ttl` and friends, and `/datasets/{id}` asked with an RDF `Accept`.
struct DatasetRDFTests {
    static let dct = "http://purl.org/dc/terms/"

    @Test func eachSuffixGivesTheDatasetInItsSyntax() async throws {
        let store = try await HubTestCatalogue.makeStore()
        let d1 = try #require(try await store.dataset(source: "demo", sourceIdentifier: "d1"))
        let subject = Term.iri("http://localhost/datasets/\(d1.id)")
        let title = try #require(d1.dataset.title.best(["sv"]))
        try await HubTestCatalogue.application(store).test(.router) { client in
            for (suffix, format) in DatasetRDF.suffixes {
                let (status, type, body) = try await client.execute(uri: "/datasets/\(d1.id)\(suffix)", method: .get) { response in
                    (response.status, response.headers[.contentType], String(buffer: response.body))
                }
                #expect(status == .ok, "\(suffix)")
                #expect(type == RDFDocumentWriter<String>.mediaType(of: format) + "; charset=utf-8")
                let graph = try CatalogExportTests.graph(body, format)
                // The one dataset, and no catalogue around it.
                #expect(CatalogExportTests.datasets(in: graph) == [subject], "\(suffix)")
                #expect(graph.subjects(Vocab.rdfType, .iri(CatalogExportTests.dcat + "Catalog")).isEmpty)
                #expect(graph.objects(of: subject, Self.dct + "title").contains { $0.literalValue?.lexical == title }, "\(suffix)")
            }
        }
    }

    @Test func acceptChoosesBetweenThePageAndRDF() async throws {
        let store = try await HubTestCatalogue.makeStore()
        let d1 = try #require(try await store.dataset(source: "demo", sourceIdentifier: "d1"))
        try await HubTestCatalogue.application(store).test(.router) { client in
            func get(_ accept: String?) async throws -> (HTTPResponse.Status, String?, String?) {
                var headers: HTTPFields = [:]
                if let accept { headers[.accept] = accept }
                return try await client.execute(uri: "/datasets/\(d1.id)", method: .get, headers: headers) { response in
                    (response.status, response.headers[.contentType], response.headers[.vary])
                }
            }
            let browser = try await get("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            #expect(browser.1 == "text/html; charset=utf-8")
            #expect(browser.2 == "Accept, Accept-Language, Accept-Encoding")
            #expect(try await get(nil).1 == "text/html; charset=utf-8")
            let turtle = try await get("text/turtle")
            #expect(turtle.0 == .ok)
            #expect(turtle.1 == "text/turtle; charset=utf-8")
            #expect(turtle.2 == "Accept, Accept-Language, Accept-Encoding")
            #expect(try await get("application/ld+json;q=0.9, text/html;q=0.5").1 == "application/ld+json; charset=utf-8")
            #expect(try await get("text/html;q=0.4, application/rdf+xml").1 == "application/rdf+xml; charset=utf-8")
            #expect(try await get("application/json").1 == "text/html; charset=utf-8")
            #expect(try await get("text/turtle;q=0, text/html").1 == "text/html; charset=utf-8")
        }
    }

    @Test func unknownAndDeletedDatasetsAreNotFound() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            for uri in ["/datasets/0123456789abcdef0123.ttl", "/datasets/nothing.ttl", "/datasets/.nt"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(uri)")
                }
            }
            let d1 = try #require(try await store.dataset(source: "demo", sourceIdentifier: "d1"))
            try await client.execute(uri: "/datasets/\(d1.id).ttl?format=xml", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/datasets/\(d1.id).ttl?lang=sv", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/datasets/0123456789abcdef0123", method: .get, headers: [.accept: "text/turtle"]) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test func thePageLinksTheMetadata() async throws {
        let store = try await HubTestCatalogue.makeStore()
        let d1 = try #require(try await store.dataset(source: "demo", sourceIdentifier: "d1"))
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/datasets/\(d1.id)?lang=en", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<a href=\"/datasets/\(d1.id).ttl\">Turtle</a>"))
                #expect(html.contains("<a href=\"/datasets/\(d1.id).jsonld\">JSON-LD</a>"))
            }
            try await client.execute(uri: "/?q=luftkvalitet", method: .get) { response in
                #expect(response.headers[.vary] == "Accept-Language, Accept-Encoding")
            }
        }
    }

    @Test func negotiationIsPure() {
        #expect(DatasetRDF.negotiate("*/*") == nil)
        #expect(DatasetRDF.negotiate("application/n-triples") == .ntriples)
        #expect(DatasetRDF.negotiate("text/turtle, application/rdf+xml") == .turtle)
        #expect(DatasetRDF.negotiate("text/turtle;q=0.5, application/rdf+xml;q=0.8") == .rdfxml)
        #expect(DatasetRDF.negotiate("text/turtle;q=abc") == .turtle)
        #expect(DatasetRDF.suffixed("0123456789abcdef0123.nt")?.format == .ntriples)
        #expect(DatasetRDF.suffixed("0123456789abcdef0123") == nil)
        #expect(DatasetRDF.suffixed("x.ttl")?.id == "x")
    }
}
