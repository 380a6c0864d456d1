import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

/// `has_download` searches: counted and listed from `datasets_live_by_download` without words, and never driven by it
/// beside words (where SQLite would run the full-text match once per row).
struct DownloadListingTests {
    /// 600 datasets, two in three with a download URL; every fifth also says "river".
    private static func catalogue() async throws -> CatalogStore {
        let store = try CatalogStore.temporary()
        try await harvest(store, (0..<600).map { index in
            makeRecord("d\(index)", title: index % 5 == 0 ? "River gauge \(index)" : "Road count \(index)",
                       publisher: "Agency \(index % 4)", formats: [index % 2 == 0 ? "csv" : "json"],
                       downloadURL: index % 3 == 0 ? nil : "https://example.org/d\(index).csv")
        })
        return store
    }

    private static func plan(_ query: SearchQuery, _ store: CatalogStore) async throws -> String {
        let (sql, arguments) = try SearchPlan(query).matchSet()
        return try await store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT COUNT(*) " + sql, arguments: StatementArguments(arguments))
                .map { $0["detail"] as String? ?? "" }.joined(separator: " ")
        }
    }

    @Test("Counts, hits and facets are right with and without words, in memory and in SQL")
    func results() async throws {
        let store = try await Self.catalogue()
        let sqlOnly = try CatalogStore(path: store.path, configuration: .init(inMemoryFacets: false, searchCacheEntries: 0))
        // A publisher's facet value, as searches filter by it.
        let agency = try #require(try await store.search(SearchQuery("", facets: true)).facets["publisher"]?
            .first { $0.label == "Agency 2" || $0.value.hasSuffix("2") }?.value)
        let expected: [(SearchQuery, Int)] = [
            (SearchQuery("", hasDownloadURL: true, facets: true), 400),
            (SearchQuery("", hasDownloadURL: false, facets: true), 200),
            (SearchQuery("river", hasDownloadURL: true, facets: true), 80),
            (SearchQuery("river", hasDownloadURL: false, sort: .title, facets: true), 40),
            (SearchQuery("", format: ["CSV"], hasDownloadURL: true, facets: true), 200),
            (SearchQuery("-river", hasDownloadURL: true, sort: .modified, facets: true), 320),
            // Words with filters the in-memory copy holds, counted from the full-text matches alone.
            (SearchQuery("road", format: ["JSON"], hasDownloadURL: true, sort: .modified, facets: true), 160),
            (SearchQuery("road", format: ["JSON"], hasDownloadURL: true, sort: .title), 160),
            (SearchQuery("river OR road", publisher: [agency], sort: .modified, facets: true), 150),
            (SearchQuery("river", hasDownloadURL: false, sort: .modified), 40),
        ]
        for (query, total) in expected {
            let result = try await store.search(query)
            #expect(result.total == total, "\(query)")
            let again = try await sqlOnly.search(query)
            #expect(again.total == total, "\(query)")
            #expect(again.hits.map(\.id) == result.hits.map(\.id), "\(query)")
            #expect(again.facets == result.facets, "\(query)")
            if query.facets {
                #expect(result.facets["publisher"]?.reduce(0) { $0 + $1.count } == total, "\(query)")
            }
        }
        withExtendedLifetime(store) {}
    }

    @Test("Without words the index answers; beside words it is never used")
    func plans() async throws {
        let store = try await Self.catalogue()
        for query in [SearchQuery("", hasDownloadURL: true), SearchQuery("", hasDownloadURL: false)] {
            let plan = try await Self.plan(query, store)
            #expect(plan.contains("datasets_live_by_download"), "\(plan)")
        }
        for query in [SearchQuery("river", hasDownloadURL: true), SearchQuery("river OR road", hasDownloadURL: false),
                      SearchQuery("\"river gauge\"", publisher: ["agency-1"], hasDownloadURL: true)] {
            let plan = try await Self.plan(query, store)
            #expect(!plan.contains("datasets_live_by_download"), "\(query.text): \(plan)")
            #expect(plan.contains("datasets_fts VIRTUAL TABLE"), "\(plan)")
        }
    }

    @Test("The in-memory copy follows datasets that gain or lose their download URL, read again in part or in full")
    func followsChanges() async throws {
        let store = try await Self.catalogue()
        let sqlOnly = try CatalogStore(path: store.path, configuration: .init(inMemoryFacets: false, searchCacheEntries: 0))
        let query = SearchQuery("", hasDownloadURL: true, facets: true)
        try await store.refreshFacetIndex()
        #expect(try await store.search(query).total == 400)
        // The same 600 again, with the download URLs moved: now every dataset whose index is odd has one.
        try await harvest(store, (0..<600).map { index in
            makeRecord("d\(index)", title: index % 5 == 0 ? "River gauge \(index)" : "Road count \(index)",
                       publisher: "Agency \(index % 4)", formats: [index % 2 == 0 ? "csv" : "json"],
                       downloadURL: index % 2 == 1 ? "https://example.org/d\(index).csv" : nil)
        })
        let before = try #require(store.facetIndexCache.current)
        try await store.refreshFacetIndex()
        let after = try #require(store.facetIndexCache.current)
        #expect(after.version > before.version)
        for query in [query, SearchQuery("", hasDownloadURL: false, facets: true),
                      SearchQuery("river", hasDownloadURL: true, facets: true)] {
            let inMemory = try await store.search(query)
            let counted = try await sqlOnly.search(query)
            #expect(inMemory.total == counted.total, "\(query)")
            #expect(inMemory.facets == counted.facets, "\(query)")
            #expect(inMemory.hits.map(\.id) == counted.hits.map(\.id), "\(query)")
        }
        #expect(try await store.search(query).total == 300)
        // Read in full, the copy has the same bits as the one brought up to date.
        let full = try await store.pool.read { try FacetIndex.build($0) }
        #expect((0..<700).allSatisfy { full.hasDownload(Int64($0)) == after.hasDownload(Int64($0)) })
    }
}
