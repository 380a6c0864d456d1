import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

/// ``CatalogStore/Configuration/searchTimeLimit``: searches and completions stopped past it, nothing else.
struct SearchTimeLimitTests {
    /// A catalogue of `count` datasets that all match "water", written by a store without a limit.
    private static func catalogue(count: Int = 1_000) async throws -> CatalogStore {
        let store = try CatalogStore.temporary()
        try await harvest(store, (0..<count).map { index in
            makeRecord("w\(index)", title: "Water quality station \(index)", description: "Water samples from station \(index)",
                       keywords: ["water"], publisher: "Agency \(index % 7)", formats: ["csv"])
        })
        return store
    }

    /// A second store on the same file, holding searches to `limit` and reading through one connection.
    private static func limited(_ store: CatalogStore, limit: TimeInterval?) throws -> CatalogStore {
        try CatalogStore(path: store.path, configuration: .init(maximumReaderCount: 1, searchTimeLimit: limit))
    }

    @Test("A search or completion past the limit fails with timedOut, naming the limit")
    func stopped() async throws {
        let store = try await SearchTimeLimitTests.catalogue()
        let limited = try SearchTimeLimitTests.limited(store, limit: 0.000_000_001)
        for query in [SearchQuery("water", facets: true), SearchQuery("water station", sort: .title),
                      SearchQuery("wat*", facets: false)] {
            do {
                let result = try await limited.search(query)
                Issue.record("\(query.text) was not stopped: \(result.total) hits")
            } catch let error as StoreError {
                #expect(error.code == .timedOut)
                #expect(error.message.contains("the search was stopped after 0 ms"), "\(error.message)")
            }
        }
        do {
            _ = try await limited.suggest(prefix: "wat")
            Issue.record("the completion was not stopped")
        } catch let error as StoreError {
            #expect(error.code == .timedOut)
            #expect(error.message.hasPrefix("the completion was stopped"), "\(error.message)")
        }
        // Three searches and a completion, counted for /metrics; the store that wrote the catalogue stopped none.
        #expect(limited.stoppedSearches == 4)
        #expect(store.stoppedSearches == 0)
    }

    @Test("After a stopped search the same connection reads without a limit, and the next search is stopped again")
    func connectionIsLeftClean() async throws {
        let store = try await SearchTimeLimitTests.catalogue()
        let limited = try SearchTimeLimitTests.limited(store, limit: 0.000_000_001)
        await #expect(throws: StoreError.self) { try await limited.search(SearchQuery("water")) }
        // One reader connection: this scan of every row runs where the search ran, far past a nanosecond.
        let scanned = try await limited.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM datasets WHERE source_identifier LIKE 'w%'")
        }
        #expect(scanned == 1_000)
        #expect(try await limited.dataset(id: try #require(try await store.search(SearchQuery("water")).hits.first).id) != nil)
        // A stopped search is not kept: asked again, it runs (and is stopped) again rather than answering from the cache.
        await #expect(throws: StoreError.self) { try await limited.search(SearchQuery("water")) }
    }

    @Test("Under a generous limit, or none, searches answer exactly as without one")
    func generous() async throws {
        let store = try await SearchTimeLimitTests.catalogue()
        let limited = try SearchTimeLimitTests.limited(store, limit: 60)
        let unlimited = try SearchTimeLimitTests.limited(store, limit: nil)
        for query in [SearchQuery("water", facets: true), SearchQuery("station 12", sort: .title), SearchQuery("", facets: true)] {
            let expected = try await store.search(query)
            for other in [limited, unlimited] {
                let result = try await other.search(query)
                #expect(result.total == expected.total)
                #expect(result.hits.map(\.id) == expected.hits.map(\.id))
                #expect(result.facets == expected.facets)
            }
        }
        #expect(try await limited.suggest(prefix: "wat").titles.count == 10)
        #expect(limited.stoppedSearches == 0)
    }

    @Test("Limits are named in seconds or milliseconds")
    func described() {
        #expect(SearchLimits.describe(2) == "2 s")
        #expect(SearchLimits.describe(1.25) == "1.3 s")
        #expect(SearchLimits.describe(0.5) == "500 ms")
        #expect(SearchLimits.describe(0.000_000_001) == "0 ms")
    }
}
