import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KatalogModel
@testable import KatalogStore
import Logging
import Testing
@testable import KatalogHub

/// A search stopped at the store's time limit, or refused a turn among long searches, as each of the hub's faces
/// answers it.
struct SearchTimeLimitHubTests {
    /// A thousand datasets matching "luftkvalitet", served by a store whose searches may run for a nanosecond.
    private static func limitedStore() async throws -> (written: CatalogStore, limited: CatalogStore) {
        let store = try CatalogStore.temporary()
        let records = (0..<1_000).map { index in
            HubTestCatalogue.dataset("l\(index)", title: ["sv": "Luftkvalitet vid station \(index)"],
                                     description: ["sv": "Mätningar av luftkvalitet."], publisher: "Kommun \(index % 9)",
                                     keywords: ["luft"], formats: ["CSV"])
        }
        let run = try await store.beginRun(source: "demo", kind: "ckan", url: "http://127.0.0.1/")
        for start in stride(from: 0, to: records.count, by: 200) {
            try await store.stage(run: run, records: Array(records[start..<start + 200]))
        }
        _ = try await store.completeRun(run: run, seen: Set(records.map(\.sourceIdentifier)), isComplete: true)
        let limited = try CatalogStore(path: store.path, configuration: .init(searchTimeLimit: 0.000_000_001))
        return (store, limited)
    }

    @Test func theSearchAPIAndSuggestAnswer503SayingWhy() async throws {
        let (store, limited) = try await Self.limitedStore()
        try await HubTestCatalogue.application(limited).test(.router) { client in
            for uri in ["/api/v1/search?q=luftkvalitet&facets=true", "/api/v1/suggest?q=luftk"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .serviceUnavailable, "\(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let problem = try SearchAPITests.json(response)
                    #expect(problem["status"] as? Int == 503)
                    let detail = try #require(problem["detail"] as? String)
                    #expect(detail.contains("was stopped after 0 ms, the time limit for one search"), "\(detail)")
                    #expect(detail.contains("narrow it"))
                }
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(String(buffer: response.body).contains("\nkatalog_searches_stopped_total 2\n"))
            }
            // Requests the limit does not concern still answer: a dataset, and a search the unlimited store answers.
            try await client.execute(uri: "/api/v1/datasets/\(try await store.search(SearchQuery("luftkvalitet")).hits[0].id)",
                                     method: .get) { #expect($0.status == .ok) }
        }
        // The same hub on an unlimited store answers the search.
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/api/v1/search?q=luftkvalitet&facets=true", method: .get) { response in
                #expect(response.status == .ok)
                let body = try SearchAPITests.json(response)
                #expect(body["total"] as? Int == 1_000)
            }
        }
    }

    @Test func theCKANAPIAnswersAsCKANDoesWhenItsIndexCannotSearch() async throws {
        let (_, limited) = try await Self.limitedStore()
        try await HubTestCatalogue.application(limited).test(.router) { client in
            try await client.execute(uri: "/api/3/action/package_search?q=luftkvalitet", method: .get) { response in
                #expect(response.status == .conflict)
                let body = try SearchAPITests.json(response)
                #expect(body["success"] as? Bool == false)
                let error = try #require(body["error"] as? [String: Any])
                #expect(error["__type"] as? String == "Search Error")
                #expect((error["message"] as? String)?.hasPrefix("Search error: the search was stopped after") == true)
            }
        }
    }

    @Test func thePageSaysSoInItsLanguage() async throws {
        let (_, limited) = try await Self.limitedStore()
        try await HubTestCatalogue.application(limited).test(.router) { client in
            for (language, text) in [("sv", "Sökningen gick inte att göra:</strong> den tog för lång tid och avbröts."),
                                      ("en", "The search could not be run:</strong> it took too long and was stopped.")] {
                try await client.execute(uri: "/?q=luftkvalitet&lang=\(language)", method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(String(buffer: response.body).contains(text), "\(language)")
                }
            }
        }
    }

    /// The same thousand datasets, served by a store in which every search is long at once and may not wait for a
    /// turn, and the one turn held, so every search is refused; `release` gives the turn back.
    private static func busyStore() async throws -> (written: CatalogStore, busy: CatalogStore, release: @Sendable () -> Void) {
        let (store, _) = try await limitedStore()
        let busy = try CatalogStore(path: store.path, configuration: .init(
            longSearches: .init(after: 0, running: 1, waiting: 0)))
        let turns = try #require(busy.searchLimits.turns)
        #expect(turns.take(until: nil) == .granted)
        return (store, busy, { turns.giveBack() })
    }

    @Test func refusedLongSearchesAre503WithRetryAfterEverywhere() async throws {
        let (store, busy, release) = try await Self.busyStore()
        try await HubTestCatalogue.application(busy).test(.router) { client in
            for uri in ["/api/v1/search?q=luftkvalitet&facets=true", "/api/v1/suggest?q=luftk"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .serviceUnavailable, "\(uri)")
                    #expect(response.headers[.retryAfter] == "1", "\(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let detail = try #require(try SearchAPITests.json(response)["detail"] as? String)
                    #expect(detail.contains("it became long"), "\(detail)")
                    #expect(detail.contains("try again shortly"), "\(detail)")
                }
            }
            try await client.execute(uri: "/api/3/action/package_search?q=luftkvalitet", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "1")
                let body = try SearchAPITests.json(response)
                #expect(body["success"] as? Bool == false)
                let error = try #require(body["error"] as? [String: Any])
                #expect(error["__type"] as? String == "Search Error")
            }
            for (language, text) in [("sv", "Sökningen gick inte att göra:</strong> många tunga sökningar körs just nu."),
                                      ("en", "The search could not be run:</strong> many heavy searches are running right now.")] {
                try await client.execute(uri: "/?q=luftkvalitet&lang=\(language)", method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(response.headers[.retryAfter] == "1")
                    #expect(String(buffer: response.body).contains(text), "\(language)")
                }
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("\nkatalog_long_searches{state=\"running\"} 1\n"))
                #expect(text.contains("\nkatalog_long_searches{state=\"waiting\"} 0\n"))
                #expect(text.contains("\nkatalog_long_searches_total{outcome=\"refused\"} 5\n"), "\(text)")
                // Refusals are not time-limit stops.
                #expect(text.contains("\nkatalog_searches_stopped_total 0\n"))
            }
            release()
            try await client.execute(uri: "/api/v1/search?q=luftkvalitet&facets=true", method: .get) { response in
                #expect(response.status == .ok)
                let body = try SearchAPITests.json(response)
                #expect(body["total"] as? Int == 1_000)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("\nkatalog_long_searches_total{outcome=\"ran\"} 2\n"), "\(text)")
                #expect(text.contains("\nkatalog_long_searches{state=\"running\"} 0\n"))
            }
        }
        withExtendedLifetime(store) {}
    }
}
