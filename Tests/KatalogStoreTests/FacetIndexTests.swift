import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

/// The in-memory facet terms must give exactly the counts the SQL strategies give, at every state of the
/// catalogue, and must never be used for a snapshot it does not reflect.
struct FacetIndexTests {
    static let words = ["river", "harbour", "school", "ferry", "budget"]

    static func records(_ range: Range<Int>, edition: String = "") -> [SourceRecord] {
        range.map { i in
            makeRecord("r\(i)", title: "Dataset \(words[i % 5]) \(words[(i / 5) % 5]) \(i)\(edition)",
                       keywords: [words[(i / 3) % 5]], publisher: "Org \(i % 7)", themes: [["TRAN", "ENVI", "EDUC"][i % 3]],
                       formats: i % 4 == 0 ? ["CSV", "JSON"] : ["XLSX"], licence: i % 2 == 0 ? "CC0" : "CC_BY_4_0",
                       language: i % 5 == 0 ? "fi" : "sv")
        }
    }

    static let queries: [SearchQuery] = [
        SearchQuery(""), SearchQuery("river"), SearchQuery("river harbour"), SearchQuery("ferry OR budget -school"),
        SearchQuery("-river"), SearchQuery("nothingmatches"), SearchQuery("*"), SearchQuery("sch*"),
        SearchQuery("school", format: ["CSV"]), SearchQuery("", publisher: ["org 3"], theme: ["EDUC"]),
        SearchQuery("", modifiedSince: "2000-01-01"), SearchQuery("river", hasDownloadURL: false),
        SearchQuery("ferry", source: ["other"]), SearchQuery("\"dataset river\""),
    ].map { query in
        var query = query
        query.facets = true
        return query
    }

    /// Runs every query with the SQL strategies and with `index`, in one snapshot; expects identical results.
    func expectAgreement(_ store: CatalogStore, index: FacetIndex, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        for query in Self.queries {
            let plan = try SearchPlan(query)
            let (bySQL, byIndex) = try await store.pool.read { db in
                (try plan.run(db, facetIndex: nil), try plan.run(db, facetIndex: index))
            }
            #expect(byIndex.indexIsCurrent, "the index reflects this snapshot", sourceLocation: sourceLocation)
            #expect(bySQL.0.total == byIndex.0.total, "total of \(query.text)", sourceLocation: sourceLocation)
            #expect(bySQL.0.facets == byIndex.0.facets, "facets of \(query.text)", sourceLocation: sourceLocation)
            #expect(bySQL.0.hits.map(\.id) == byIndex.0.hits.map(\.id), sourceLocation: sourceLocation)
            #expect(bySQL.0.facets["source"]?.reduce(0) { $0 + $1.count } == bySQL.0.total,
                    "every match has one source: \(query.text)", sourceLocation: sourceLocation)
        }
    }

    @Test("Counts from the in-memory terms equal the SQL counts for every kind of query")
    func agreesWithSQL() async throws {
        let store = try CatalogStore.temporary()
        _ = try await harvest(store, Self.records(0..<300))
        _ = try await harvest(store, source: "other", Self.records(300..<340))
        let index = try await store.pool.read { try FacetIndex.build($0) }
        #expect(index.datasetCount == 340)
        try await expectAgreement(store, index: index)
    }

    @Test("Relevance pages walked with the in-memory pass and with SQL are the same pages, whichever serves each page")
    func pagingAgrees() async throws {
        let store = try CatalogStore.temporary()
        _ = try await harvest(store, Self.records(0..<300))
        let index = try await store.pool.read { try FacetIndex.build($0) }
        for text in ["river", "dataset", "ferry OR budget", "sch*"] {
            for filters in [SearchQuery(text, limit: 7), SearchQuery(text, theme: ["EDUC", "TRAN"], limit: 7),
                            SearchQuery(text, publisher: ["org 2"], format: ["CSV"], limit: 7)] {
                var walks: [[String]] = []
                for mode in 0..<3 {  // 0: SQL only, 1: in memory only, 2: alternating page by page
                    var query = filters
                    var ids: [String] = []
                    var page = 0
                    while page < 100 {
                        let plan = try SearchPlan(query)
                        let useIndex = mode == 1 || (mode == 2 && page % 2 == 1)
                        let (result, _) = try await store.pool.read { try plan.run($0, facetIndex: useIndex ? index : nil) }
                        ids += result.hits.map(\.id)
                        guard let next = result.nextCursor else { break }
                        query.cursor = next
                        page += 1
                    }
                    walks.append(ids)
                }
                if filters.publisher.isEmpty { #expect(walks[0].count > 7, "\(text) fills more than one page") }
                #expect(Set(walks[0]).count == walks[0].count, "no repeats: \(text)")
                #expect(walks[1] == walks[0], "\(text) \(filters.filters.map(\.facet))")
                #expect(walks[2] == walks[0], "\(text) \(filters.filters.map(\.facet))")
            }
        }
    }

    @Test("After adds, updates and deletions the incremental refresh agrees with a full build and with SQL")
    func incrementalRefresh() async throws {
        let store = try CatalogStore.temporary()
        _ = try await harvest(store, Self.records(0..<300))
        let first = try await store.pool.read { try FacetIndex.build($0) }

        // 40 updated (new title and so new hash), 20 gone (tombstoned), 30 new, one publisher never seen before.
        var next = Self.records(20..<330)
        for i in 0..<40 { next[i] = Self.records((20 + i)..<(21 + i), edition: " v2")[0] }
        next.append(makeRecord("brand-new", title: "Brand new river data", publisher: "A New Agency", themes: ["HEAL"]))
        _ = try await harvest(store, next)

        let (incremental, full) = try await store.pool.read { db in (try first.updated(db), try FacetIndex.build(db)) }
        let updated = try #require(incremental, "a tenth of the catalogue changed: an incremental refresh is expected")
        #expect(updated.version == full.version)
        #expect(updated.version > first.version)
        #expect(updated.datasetCount == 311)
        #expect(updated.datasetCount == full.datasetCount)
        #expect(updated.top(updated.everything, limit: 1_000) == full.top(full.everything, limit: 1_000))
        try await expectAgreement(store, index: updated)
        try await expectAgreement(store, index: full)
    }

    @Test("A copy from an older snapshot is not used: the search counts with SQL and refreshes the copy")
    func staleCopyIsNotUsed() async throws {
        let store = try CatalogStore.temporary()
        _ = try await harvest(store, Self.records(0..<50))
        let old = try await store.pool.read { try FacetIndex.build($0) }
        _ = try await harvest(store, Self.records(0..<80))
        let plan = try SearchPlan(SearchQuery("", facets: true))
        let (result, current) = try await store.pool.read { try plan.run($0, facetIndex: old) }
        #expect(!current)
        #expect(result.total == 80, "the SQL count of the current snapshot, not the old copy's 50")

        // Through the public API: the first search (whatever copy it finds) is right, and the refresh it
        // starts, or an explicit one, leaves a copy at the current version.
        #expect(try await store.search(SearchQuery("", facets: true)).total == 80)
        try await store.refreshFacetIndex()
        let version = try await store.pool.read { try FacetIndex.currentVersion($0) }
        #expect(store.facetIndexCache.current?.version == version)
        #expect(try await store.search(SearchQuery("", facets: true)).facets["source"] == [FacetCount(value: "test", count: 80, label: nil)])
    }

    @Test("With inMemoryFacets off no copy is kept and searches still count facets")
    func canBeTurnedOff() async throws {
        let store = try CatalogStore.temporary(configuration: .init(inMemoryFacets: false))
        _ = try await harvest(store, Self.records(0..<30))
        try await store.refreshFacetIndex()
        #expect(store.facetIndexCache.current == nil)
        let result = try await store.search(SearchQuery("river", facets: true))
        #expect(result.total > 0 && result.total < 30)
        #expect(result.facets["source"] == [FacetCount(value: "test", count: result.total, label: nil)])
    }
}

/// Repeated searches are answered from the result cache only while the catalogue is unchanged.
struct SearchResultCacheTests {
    @Test("A repeated query is kept; a run that changes the catalogue retires it; a run that changes nothing does not")
    func keptUntilTheCatalogueChanges() async throws {
        let store = try CatalogStore.temporary()
        _ = try await harvest(store, FacetIndexTests.records(0..<40))
        let query = SearchQuery("river", facets: true)
        let first = try await store.search(query)
        #expect(store.searchCache.count == 1)
        #expect(try await store.search(query) == first)
        #expect(store.searchCache.count == 1, "the second search was answered from the cache")

        _ = try await harvest(store, FacetIndexTests.records(0..<40))  // nothing changed: same sequence
        #expect(try await store.search(query) == first)
        #expect(store.searchCache.count == 1)

        _ = try await harvest(store, FacetIndexTests.records(0..<60))  // 20 more, 5 or so matching "river"
        let after = try await store.search(query)
        #expect(after.total > first.total, "the new run's records are found, not the kept result")
        #expect(store.searchCache.count == 1, "the older version's entries were dropped")
    }

    @Test("The cache keeps at most its capacity, dropping the least recently used; capacity 0 keeps nothing")
    func boundedLRU() {
        let cache = SearchResultCache(capacity: 2)
        let result = SearchResult(total: 0, hits: [], facets: [:], nextCursor: nil)
        cache.keep(result, for: SearchQuery("a"), version: 1)
        cache.keep(result, for: SearchQuery("b"), version: 1)
        #expect(cache.result(for: SearchQuery("a"), version: 1) != nil)  // a is now the most recent
        cache.keep(result, for: SearchQuery("c"), version: 1)
        #expect(cache.count == 2)
        #expect(cache.result(for: SearchQuery("b"), version: 1) == nil)
        #expect(cache.result(for: SearchQuery("a"), version: 1) != nil)
        #expect(cache.result(for: SearchQuery("a"), version: 2) == nil, "another version is another key")
        cache.keep(result, for: SearchQuery("a"), version: 0)
        #expect(cache.result(for: SearchQuery("a"), version: 0) == nil, "an older snapshot's result is not kept")

        let off = SearchResultCache(capacity: 0)
        off.keep(result, for: SearchQuery("a"), version: 1)
        #expect(off.result(for: SearchQuery("a"), version: 1) == nil)
    }
}
