import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import HummingbirdTesting
import Testing
@testable import KatalogHub

struct SearchAPITests {
    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
    }

    @Test func searchFindsByWordsWithLanguageFallbackAndLinks() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/api/v1/search?q=luftkvalitet&lang=en", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let body = try Self.json(response)
                #expect(body["total"] as? Int == 2)
                #expect(body["query_time_ms"] is Double)
                let results = try #require(body["results"] as? [[String: Any]])
                let malmo = try #require(results.first { $0["source_identifier"] as? String == "d1" })
                #expect(malmo["title"] as? String == "Air quality in Malmö")
                #expect(malmo["title_language"] as? String == "en")
                // d4 has no English title: fallback picks another language.
                let helsinki = try #require(results.first { $0["source_identifier"] as? String == "d4" })
                #expect((helsinki["title"] as? String)?.isEmpty == false)
                let links = try #require(malmo["distributions"] as? [[String: Any]])
                #expect(links.contains { $0["download_url"] as? String == "https://data.example.se/d1/0.csv" })
            }
            try await client.execute(uri: "/api/v1/search?q=malmo", method: .get) { response in
                let total = try Self.json(response)["total"] as? Int
                #expect(total == 1)
            }
        }
    }

    @Test func facetLimitBoundsTheValuesEachFacetLists() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            func publisherCount(_ query: String) async throws -> Int? {
                var count: Int?
                try await client.execute(uri: "/api/v1/search?" + query, method: .get) { response in
                    #expect(response.status == .ok)
                    let facets = try #require(try Self.json(response)["facets"] as? [String: Any])
                    count = (facets["publisher"] as? [Any])?.count
                }
                return count
            }
            #expect(try await publisherCount("limit=1") == 4)
            #expect(try await publisherCount("limit=1&facet_limit=2") == 2)
            #expect(try await publisherCount("limit=1&facet_limit=10000") == 4)
            for bad in ["facet_limit=0", "facet_limit=10001", "facet_limit=", "facet_limit=all"] {
                try await client.execute(uri: "/api/v1/search?" + bad, method: .get) { response in
                    #expect(response.status == .badRequest, "\(bad)")
                    #expect((try? Self.json(response))?["parameter"] as? String == "facet_limit")
                }
            }
        }
    }

    @Test func repeatedParametersAreBoundedByTheDocumentsMaxItems() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            let sixLangs = (0..<6).map { _ in "lang=sv" }.joined(separator: "&")
            try await client.execute(uri: "/api/v1/search?" + sixLangs, method: .get) { response in
                #expect(response.status == .badRequest)
            }
            // 20 repetitions (the maximum), one of them a comma-separated pair: 21 values, accepted.
            let formats = (0..<19).map { "format=F\($0)" }.joined(separator: "&") + "&format=CSV,JSON"
            try await client.execute(uri: "/api/v1/search?" + formats, method: .get) { response in
                #expect(response.status == .ok)
                let total = try Self.json(response)["total"] as? Int
                #expect(total == 3, "d1 (CSV, JSON), d2 (CSV) and d4 (JSON)")
            }
            let tooMany = (0..<21).map { "format=F\($0)" }.joined(separator: "&")
            try await client.execute(uri: "/api/v1/search?" + tooMany, method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func datasetDetailAndNotFound() async throws {
        let store = try await HubTestCatalogue.makeStore()
        let id = DatasetIDFor.d1
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/api/v1/datasets/\(id)?raw=true", method: .get) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                let dataset = try #require(body["dataset"] as? [String: Any])
                let title = try #require(dataset["title"] as? [String: String])
                #expect(title == ["sv": "Luftkvalitet i Malmö", "en": "Air quality in Malmö"])
                #expect((body["provenance"] as? [String: Any])?["source"] as? String == "demo")
                #expect((body["raw"] as? [String: Any])?["text"] as? String == #"{"id": "d1"}"#)
            }
            try await client.execute(uri: "/api/v1/datasets/nope", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test(arguments: [
        "/api/v1/search?q=%22",
        "/api/v1/search?q=*",
        "/api/v1/search?q=NEAR(",
        "/api/v1/search?q=%27%3B%20DROP%20TABLE%20datasets%3B%20--",
        "/api/v1/search?q=a%20OR",
        "/api/v1/search?q=-",
        "/api/v1/search?q=((((",
        "/api/v1/search?q=%FF%FE",
        "/api/v1/search?q=%C3%28",
        "/api/v1/search?q=%ED%A0%80",
        "/api/v1/search?q=%",
        "/api/v1/search?q=%zz",
        "/api/v1/search?q=%00",
        "/api/v1/search?q=-luft",
        "/api/v1/search?q=title:luft",
        "/api/v1/search?q=%F0%9F%98%80",
        "/api/v1/search?limit=0",
        "/api/v1/search?limit=1000000000000000000000",
        "/api/v1/search?limit=-1",
        "/api/v1/search?sort=random",
        "/api/v1/search?cursor=garbage",
        "/api/v1/search?cursor=eyJ4IjoxfQ",
        "/api/v1/search?modified_since=yesterday",
        "/api/v1/search?has_download=maybe",
        "/api/v1/search?bogus=1",
        "/api/v1/runs?limit=abc",
        "/api/v1/runs?source=../../etc",
        "/api/v1/datasets/%FF",
        "/api/v1/datasets/" + String(repeating: "x", count: 5000),
    ])
    func hostileInputsNeverProduceA500(uri: String) async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status.code < 500, "\(uri) → \(response.status)")
                if response.status.code >= 400 {
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let body = try Self.json(response)
                    #expect((body["detail"] as? String)?.isEmpty == false)
                }
            }
            // The catalogue is intact afterwards.
            try await client.execute(uri: "/api/v1/search?q=skolor", method: .get) { response in
                let total = try Self.json(response)["total"] as? Int
                #expect(total == 1)
            }
        }
    }

    @Test func aTenKilobyteQueryIsRejectedCleanly() async throws {
        let store = try await HubTestCatalogue.makeStore()
        let long = String(repeating: "luft%20", count: 1500)
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/api/v1/search?q=\(long)", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func healthReportsTheCatalogueAndLastRuns() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                #expect(body["status"] as? String == "ok")
                #expect(body["datasets"] as? Int == 4)
                let sources = try #require(body["sources"] as? [[String: Any]])
                #expect(sources.first?["name"] as? String == "demo")
            }
            try await client.execute(uri: "/api/v1/runs", method: .get) { response in
                let runs = try #require(try Self.json(response)["runs"] as? [[String: Any]])
                #expect(runs.first?["status"] as? String == "succeeded")
            }
        }
    }
}

import KatalogModel

enum DatasetIDFor {
    static let d1 = DatasetID.make(source: "demo", sourceIdentifier: "d1")
}
