import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KatalogModel
import KatalogStore
import Testing
@testable import KatalogHub

/// ETags on search and dataset answers, 304 for a current If-None-Match, and repeated searches served from
/// the encoded-body cache with the same content.
struct ConditionalRequestTests {
    private func etag(_ response: TestResponse) throws -> String {
        try #require(response.headers[.eTag])
    }

    @Test func searchETagHoldsUntilTheCatalogueChanges() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            let uri = "/api/v1/search?q=luftkvalitet&lang=en"
            var first: (tag: String, body: [String: Any])?
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                first = (try etag(response), try SearchAPITests.json(response))
            }
            let (tag, body) = try #require(first)
            #expect(tag.hasPrefix("W/\""))
            // The same query again: the same tag, and the same document apart from the query time.
            try await client.execute(uri: uri, method: .get) { response in
                #expect(try etag(response) == tag)
                var again = try SearchAPITests.json(response)
                #expect(again["query_time_ms"] is Double)
                again["query_time_ms"] = body["query_time_ms"]
                #expect(NSDictionary(dictionary: again).isEqual(to: body))
            }
            try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.eTag] == tag)
            }
            try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: "\"other\", " + tag]) { response in
                #expect(response.status == .notModified, "any tag of a list matches")
            }
            try await client.execute(uri: "/api/v1/search?q=skolor", method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .ok, "another query has another tag")
            }

            // A run that changes the catalogue moves the version: the old tag no longer matches.
            let run = try await store.beginRun(source: "more", kind: "ckan", url: "http://127.0.0.1/more")
            try await store.stage(run: run, records: [HubTestCatalogue.dataset(
                "d9", title: ["sv": "Luftkvalitet i Lund"], publisher: "Lunds kommun", formats: ["CSV"])])
            _ = try await store.completeRun(run: run, seen: ["d9"], isComplete: true)
            try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .ok)
                let newTag = try etag(response)
                let total = try SearchAPITests.json(response)["total"] as? Int
                #expect(newTag != tag)
                #expect(total == 3)
            }
        }
    }

    @Test func datasetETagIsTheBodys() async throws {
        let store = try await HubTestCatalogue.makeStore()
        let id = DatasetIDFor.d1
        try await HubTestCatalogue.application(store).test(.router) { client in
            var tag = ""
            try await client.execute(uri: "/api/v1/datasets/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                tag = try etag(response)
            }
            #expect(!tag.hasPrefix("W/"))
            try await client.execute(uri: "/api/v1/datasets/\(id)", method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/api/v1/datasets/\(id)?raw=true", method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .ok, "the raw record makes another body")
                let rawTag = try etag(response)
                #expect(rawTag != tag)
            }
        }
    }

    @Test func theBodyCacheSplicesTheQueryTimeIntoAKeptEncoding() throws {
        let cache = SearchBodyCache(capacity: 4)
        let query = SearchQuery("x", facets: true)
        var result = SearchResult(total: 1, hits: [], facets: ["source": [FacetCount(value: "s", count: 1, label: nil)]], nextCursor: "c")
        result.catalogueVersion = 7
        let first = try cache.body(for: result, query: query, queryTime: .milliseconds(12)).data
        let second = try cache.body(for: result, query: query, queryTime: .milliseconds(3)).data
        #expect(cache.count == 1)
        let decodedFirst = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
        let decodedSecond = try #require(try JSONSerialization.jsonObject(with: second) as? [String: Any])
        #expect(decodedFirst["query_time_ms"] as? Double == 12)
        #expect(decodedSecond["query_time_ms"] as? Double == 3)
        #expect(decodedSecond["next_cursor"] as? String == "c")
        let direct = try HubDocuments.search(result, query: query, queryTime: .milliseconds(3))
        let decodedDirect = try #require(try JSONSerialization.jsonObject(with: direct) as? [String: Any])
        #expect(NSDictionary(dictionary: decodedDirect).isEqual(to: decodedSecond))
    }

    @Test func keptBodiesAreSplicedCompressedForClientsThatAcceptGzip() throws {
        let cache = SearchBodyCache(capacity: 4)
        let query = SearchQuery("x", facets: true)
        let values = (0..<60).map { FacetCount(value: "publisher-\($0)", count: 60 - $0, label: "Kommun nummer \($0)") }
        var result = SearchResult(total: 60, hits: [], facets: ["publisher": values], nextCursor: nil)
        result.catalogueVersion = 3
        let plain = try cache.body(for: result, query: query, queryTime: .milliseconds(5))
        #expect(!plain.gzip)
        #expect(plain.data.count >= ResponseCompression.minimumSize)
        let compressed = try cache.body(for: result, query: query, queryTime: .milliseconds(5), gzip: true)
        #expect(compressed.gzip)
        #expect(compressed.data.count < plain.data.count / 3)
        #expect(try CompressionTests.gunzip(compressed.data) == plain.data)
        // A small body is left for the middleware, which sends it as it is.
        let small = SearchResult(total: 0, hits: [], facets: [:], nextCursor: nil)
        #expect(try !cache.body(for: small, query: SearchQuery("y"), queryTime: .zero, gzip: true).gzip)
    }
}
