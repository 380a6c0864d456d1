import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

/// Offset paging, the id and changed sorts, and the changed-after condition (what the CKAN-compatible API needs).
@Suite("Offsets and change order")
struct SearchOffsetTests {
    private func records(prefix: String, count: Int) -> [SourceRecord] {
        (0..<count).map { index in
            makeRecord("\(prefix)\(index)", title: "Dataset \(index % 7) river water",
                       description: "Measurements \(index) " + String(repeating: "lake ", count: index % 11),
                       publisher: index % 2 == 0 ? "Even" : "Odd",
                       modified: index % 5 == 0 ? nil : "2024-0\(1 + index % 9)-1\(index % 3)")
        }
    }

    /// Every hit of a query, page after page by cursor.
    private func byCursor(_ store: CatalogStore, _ query: SearchQuery) async throws -> [String] {
        var query = query
        var seen: [String] = []
        for _ in 0..<200 {
            let result = try await store.search(query)
            seen += result.hits.map(\.sourceIdentifier)
            guard let next = result.nextCursor else { return seen }
            query.cursor = next
        }
        Issue.record("paging by cursor did not end")
        return seen
    }

    /// Every hit of a query, page after page by offset.
    private func byOffset(_ store: CatalogStore, _ query: SearchQuery) async throws -> [String] {
        var query = query
        var seen: [String] = []
        for _ in 0..<200 {
            let result = try await store.search(query)
            seen += result.hits.map(\.sourceIdentifier)
            if result.hits.count < query.limit { return seen }
            query.offset += query.limit
        }
        Issue.record("paging by offset did not end")
        return seen
    }

    @Test("Paging by offset gives the order paging by cursor gives, in every sort, with and without words",
          arguments: SearchQuery.Sort.allCases)
    func offsetsFollowTheCursorOrder(sort: SearchQuery.Sort) async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, records(prefix: "a", count: 57))
        for query in [SearchQuery("", sort: sort, limit: 10), SearchQuery("river", sort: sort, limit: 10),
                      SearchQuery("river", publisher: ["https://example.org/org/even"], sort: sort, limit: 7),
                      SearchQuery("river", hasDownloadURL: false, sort: sort, limit: 10)] {
            let cursorOrder = try await byCursor(store, query)
            #expect(cursorOrder.count == Set(cursorOrder).count)
            #expect(try await byOffset(store, query) == cursorOrder, "\(sort) \(query.text) \(query.publisher)")
        }
        // An offset past the end is an empty page with the full total.
        let past = try await store.search(SearchQuery("river", sort: sort, limit: 10, offset: 500))
        #expect(past.hits.isEmpty && past.total == 57 && past.nextCursor == nil)
    }

    @Test("Offsets agree across the in-memory ranking and the SQL one that takes over for deep pages")
    func deepRelevancePages() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, records(prefix: "b", count: 1_030))
        try await store.refreshFacetIndex()
        let query = SearchQuery("lake", sort: .relevance, limit: 100, facets: true)
        let cursorOrder = try await byCursor(store, query)
        // Descriptions repeat "lake" index % 11 times: 94 of the 1,030 have none.
        let expected = 1_030 - 94
        #expect(cursorOrder.count == expected)
        let offsetOrder = try await byOffset(store, query)
        #expect(offsetOrder == cursorOrder)
        // The same deep page ranked in memory and, by a store without the in-memory copy, in SQL (as pages past
        // SearchPlan.maxInMemoryDepth are).
        let sqlOnly = try CatalogStore(path: store.path, configuration: .init(inMemoryFacets: false, searchCacheEntries: 0))
        for ranking in [store, sqlOnly] {
            let deep = try await ranking.search(SearchQuery("lake", sort: .relevance, limit: 200, facets: true, offset: 850))
            #expect(deep.total == cursorOrder.count)
            #expect(deep.hits.map(\.sourceIdentifier) == Array(cursorOrder[850...]))
            #expect(deep.facets["publisher"]?.map(\.count).reduce(0, +) == cursorOrder.count)
        }
        #expect(try await byOffset(sqlOnly, query) == cursorOrder)
    }

    @Test("Out-of-range offsets are invalid queries")
    func offsetBounds() async throws {
        let store = try await sampleCatalogue()
        for offset in [-1, SearchQuery.maxOffset + 1] {
            await #expect { try await store.search(SearchQuery("", limit: 2, offset: offset)) } throws: { error in
                (error as? StoreError)?.code == .invalidQuery
            }
        }
    }

    @Test("The id sort is by Katalog id; the changed sort puts the last changed first, and changedAfter keeps only them")
    func changeOrder() async throws {
        let clock = TestClock()
        let store = try CatalogStore.temporary(configuration: .init(now: { clock.now }))
        let first = records(prefix: "c", count: 12)
        try await harvest(store, first)
        let all = try await store.search(SearchQuery("", sort: .id, limit: 100))
        #expect(all.hits.map(\.id) == all.hits.map(\.id).sorted())
        #expect(all.hits.count == 12)

        clock.advance(by: 3_600)
        let before = try await store.changeSequence(before: clock.now)
        var second = first
        for index in [3, 8] {
            second[index].dataset.title = LocalizedText("Renamed \(index) river", language: "en")
        }
        try await harvest(store, second)

        let changed = try await store.search(SearchQuery("", limit: 100, changedAfter: before))
        #expect(Set(changed.hits.map(\.sourceIdentifier)) == ["c3", "c8"])
        #expect(changed.total == 2)
        let ordered = try await store.search(SearchQuery("", sort: .changed, limit: 100))
        #expect(Set(ordered.hits.prefix(2).map(\.sourceIdentifier)) == ["c3", "c8"])
        #expect(ordered.hits.count == 12)
        let withWords = try await store.search(SearchQuery("renamed", limit: 100, changedAfter: before))
        #expect(withWords.hits.count == 2)
        let none = try await store.search(SearchQuery("", limit: 100, changedAfter: Int64.max - 1))
        #expect(none.hits.isEmpty && none.total == 0)
    }

    @Test("A time finds the change position just before its first change, deletions counted at their time, by the index")
    func changePositionOfATime() async throws {
        let clock = TestClock()
        let store = try CatalogStore.temporary(configuration: .init(now: { clock.now }))
        let start = clock.now
        try await harvest(store, records(prefix: "t", count: 5))                 // changes 1…5 at start
        clock.advance(by: 100)
        var changed = records(prefix: "t", count: 5)
        changed[2].dataset.title = LocalizedText("Other", language: "en")
        try await harvest(store, changed)                                          // change 6 at start + 100
        clock.advance(by: 100)
        try await harvest(store, Array(changed.prefix(4)), policy: DeletionPolicy(acceptDeletions: true))  // change 7: t4 deleted
        #expect(try await store.changeSequence(before: start) == 0)
        #expect(try await store.changeSequence(before: start.addingTimeInterval(50)) == 5)
        #expect(try await store.changeSequence(before: start.addingTimeInterval(100)) == 5)
        #expect(try await store.changeSequence(before: start.addingTimeInterval(150)) == 6)
        #expect(try await store.changeSequence(before: start.addingTimeInterval(1_000)) == 7)
        let since = try await store.changes(sinceSeq: store.changeSequence(before: start.addingTimeInterval(150))).changes
        #expect(since.map(\.kind) == [.deleted])
        let plan = try await store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + CatalogStore.changePositionSQL, arguments: ["2024-01-01"])
                .map { $0["detail"] as String? ?? "" }.joined(separator: " ")
        }
        #expect(plan.contains("datasets_by_change_time (<expr>>?)"), "a range of the time index, not a scan: \(plan)")
        let idPlan = try await store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + CatalogStore.liveIDsSQL, arguments: [10, 100])
                .map { $0["detail"] as String? ?? "" }.joined(separator: " ")
        }
        #expect(idPlan.contains("datasets_live_by_id"), "\(idPlan)")
        let changedPlan = try await store.pool.read { db in
            try SearchPlan(SearchQuery("", sort: .changed, limit: 10, offset: 100)).explain(db)
        }
        #expect(changedPlan.contains("datasets_live_by_change"), "\(changedPlan)")
        let idSortPlan = try await store.pool.read { db in
            try SearchPlan(SearchQuery("", sort: .id, limit: 10, offset: 100)).explain(db)
        }
        #expect(idSortPlan.contains("datasets_live_by_id"), "\(idSortPlan)")
        let live = try await store.datasetIDs(limit: 10)
        #expect(live.count == 4, "t4 is deleted")
        #expect(live == live.sorted())
    }
}
