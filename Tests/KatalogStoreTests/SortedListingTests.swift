import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

/// Listings sorted by a column read large match sets in index order (``SearchPlan/walkedIndex(_:total:facetIndex:)``)
/// instead of sorting them; both plans must give the same pages, totals, facets and cursors.
struct SortedListingTests {
    /// 3,000 datasets: "water" in two thirds of them, CSV in half, five publishers, dates and titles spread out.
    private static func catalogue() async throws -> CatalogStore {
        let store = try CatalogStore.temporary()
        let records = (0..<3_000).map { i in
            makeRecord("r\(i)", title: "\(["Alpha", "beta", "Gamma", "delta"][i % 4]) \(i % 2 == 0 ? "water" : "road") \(i * 7919 % 3_001)",
                       description: i % 3 == 0 ? "water levels" : "traffic", publisher: "Org \(i % 5)",
                       formats: i % 2 == 0 ? ["CSV"] : ["JSON"], modified: "20\(10 + i % 14)-0\(1 + i % 9)-1\(i % 10)",
                       downloadURL: i % 3 == 1 ? "https://example.org/\(i).zip" : nil)
        }
        for start in stride(from: 0, to: records.count, by: 1_000) {
            try await harvest(store, source: "s\(start / 1_000)", Array(records[start..<start + 1_000]))
        }
        return store
    }

    @Test("Walked and sorted pages agree for every sort, with words, filters, conditions, offsets and cursors")
    func plansAgree() async throws {
        let store = try await SortedListingTests.catalogue()
        var queries: [SearchQuery] = []
        for sort in [SearchQuery.Sort.modified, .title, .id, .changed] {
            queries += [
                SearchQuery("", sort: sort, limit: 50, facets: true),
                SearchQuery("water", sort: sort, limit: 20, facets: true),
                SearchQuery("water OR road -beta", sort: sort, limit: 20),
                SearchQuery("", format: ["CSV"], sort: sort, limit: 100, facets: true),
                SearchQuery("", publisher: ["org 1", "org 2"], format: ["CSV"], sort: sort, limit: 30, facets: true),
                SearchQuery("water", format: ["CSV"], sort: sort, limit: 10, offset: 700),
                SearchQuery("", hasDownloadURL: true, sort: sort, limit: 25),
                SearchQuery("", modifiedSince: "2015-01-01", sort: sort, limit: 25, facets: true),
            ]
        }
        let index = try await store.pool.read { try FacetIndex.build($0) }
        var walkedPages = 0
        for query in queries {
            // Three pages by cursor, each computed by both plans in one snapshot, with and without the in-memory copy.
            for facetIndex in [index, nil] {
                var cursor: String?
                for page in 0..<3 {
                    var paged = query
                    paged.cursor = cursor
                    let plan = try SearchPlan(paged)
                    let (walked, sorted, walks) = try await store.pool.read { db in
                        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) " + plan.matchSet().sql,
                                                     arguments: StatementArguments(plan.matchSet().arguments)) ?? 0
                        return (try plan.run(db, facetIndex: facetIndex).0, try plan.run(db, facetIndex: facetIndex, walking: false).0,
                                try plan.walkedIndex(db, total: total, facetIndex: facetIndex) != nil)
                    }
                    if walks { walkedPages += 1 }
                    let what = "\(query.text) \(query.sort) filters \(query.filters.map(\.facet)) page \(page)"
                    #expect(walked.total == sorted.total, "\(what)")
                    #expect(walked.hits.map(\.id) == sorted.hits.map(\.id), "\(what)")
                    #expect(walked.hits.map(\.rank) == sorted.hits.map(\.rank), "\(what)")
                    #expect(walked.facets == sorted.facets, "\(what)")
                    #expect(walked.nextCursor == sorted.nextCursor, "\(what)")
                    cursor = walked.nextCursor
                    if cursor == nil { break }
                }
            }
        }
        // The large match sets were walked (every sort, both with the copy and without).
        #expect(walkedPages >= 40, "\(walkedPages) pages walked")
    }

    @Test("Small match sets and pages far beyond what a walk would pass are sorted")
    func walkingIsChosenByCost() async throws {
        let store = try await SortedListingTests.catalogue()
        let index = try await store.pool.read { try FacetIndex.build($0) }
        #expect(index.datasetCount == 3_000)
        // (query, matches, with the in-memory copy) → the index walked, or nil for sorting.
        let cases: [(SearchQuery, Int, Bool, String?)] = [
            // Two thirds of the catalogue, first page: about 80 rows to pass.
            (SearchQuery("", format: ["CSV"], sort: .title, limit: 50), 2_000, false, "datasets_by_title"),
            (SearchQuery("water", sort: .modified), 2_000, false, "datasets_by_modified"),
            (SearchQuery("", sort: .changed), 3_000, false, "datasets_live_by_change"),
            (SearchQuery("", sort: .id), 3_000, true, "datasets_live_by_id"),
            // Too few matches to be worth it, and relevance, which ranks rather than sorts.
            (SearchQuery("water", sort: .title), 1_999, false, nil),
            (SearchQuery("water"), 3_000, false, nil),
            // (offset + limit + 1) × datasets / matches rows to pass, the datasets counted by the in-memory copy when
            // there is one and from the largest row key otherwise (3,000 both): 15,001 rows, then 400,051.
            (SearchQuery("water", sort: .title, limit: 100, offset: 9_900), 2_000, true, "datasets_by_title"),
            (SearchQuery("water", sort: .title, limit: 100, offset: 9_900), 2_000, false, "datasets_by_title"),
            (SearchQuery("water", sort: .title, limit: 100, offset: 266_600), 2_000, true, nil),
            (SearchQuery("water", sort: .title, limit: 100, offset: 266_600), 2_000, false, nil),
        ]
        let chosen = try await store.pool.read { db in
            try cases.map { query, total, withCopy, _ in
                try SearchPlan(query).walkedIndex(db, total: total, facetIndex: withCopy ? index : nil)
            }
        }
        for (index, expected) in cases.enumerated() {
            #expect(chosen[index] == expected.3, "case \(index): \(expected.0.text) \(expected.0.sort) offset \(expected.0.offset)")
        }
    }
}
