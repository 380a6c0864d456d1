import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

/// Facets are counted from the match set for small matches and from the terms for large ones; both must agree.
struct FacetStrategyTests {
    @Test("Both facet-counting strategies give identical counts for every kind of query")
    func strategiesAgree() async throws {
        let store = try CatalogStore.temporary()
        let words = ["river", "harbour", "school", "ferry", "budget"]
        let records = (0..<300).map { i in
            makeRecord("r\(i)", title: "Dataset \(words[i % 5]) \(words[(i / 5) % 5]) \(i)",
                       keywords: [words[(i / 3) % 5]], publisher: "Org \(i % 7)", themes: [["TRAN", "ENVI", "EDUC"][i % 3]],
                       formats: i % 4 == 0 ? ["CSV", "JSON"] : ["XLSX"], licence: i % 2 == 0 ? "CC0" : "CC_BY_4_0",
                       language: i % 5 == 0 ? "fi" : "sv")
        }
        _ = try await harvest(store, records)
        let queries: [SearchQuery] = [
            SearchQuery(""), SearchQuery("river"), SearchQuery("river harbour"), SearchQuery("ferry OR budget -school"),
            SearchQuery("-river"), SearchQuery("nothingmatches"), SearchQuery("*"),
            SearchQuery("school", format: ["CSV"]), SearchQuery("", publisher: ["org 3"], theme: ["EDUC"]),
        ]
        for query in queries {
            let plan = try SearchPlan(query)
            let (fromMatches, fromTerms) = try await store.pool.read { db in
                let (sql, arguments) = plan.matchSet()
                return (try plan.countFacets(db, matchSQL: sql, arguments: arguments, fromMatchSet: true),
                        try plan.countFacets(db, matchSQL: sql, arguments: arguments, fromMatchSet: false))
            }
            #expect(fromMatches == fromTerms, "\(query.text)")
            let publishers = fromMatches["publisher"] ?? []
            let total = try await store.search(query).total
            #expect(publishers.reduce(0) { $0 + $1.count } == total, "every match has one publisher: \(query.text)")
        }
    }

    @Test("A query asks how many values each facet returns; every value is counted, in memory and in SQL alike")
    func facetValuesBoundTheAnswer() async throws {
        let records = (0..<70).map { i in
            makeRecord("r\(i)", title: "Dataset \(i)", publisher: "Org \(i)", themes: ["EDUC"], formats: ["CSV"], licence: "CC0",
                       language: "sv")
        }
        for inMemory in [true, false] {
            let store = try CatalogStore.temporary(configuration: .init(inMemoryFacets: inMemory))
            _ = try await harvest(store, records)
            if inMemory { try await store.refreshFacetIndex() }
            var query = SearchQuery("", limit: 1, facets: true)
            #expect(try await store.search(query).facets["publisher"]?.count == 50)
            query.facetValues = 1_000
            let all = try #require(try await store.search(query).facets["publisher"])
            #expect(all.count == 70)
            #expect(all.allSatisfy { $0.count == 1 && $0.label != nil })
            query.facetValues = 3
            #expect(try await store.search(query).facets["publisher"]?.count == 3)
            query.facetValues = 0
            await #expect(throws: StoreError.self) { try await store.search(query) }
            query.facetValues = SearchQuery.maxFacetValues + 1
            await #expect(throws: StoreError.self) { try await store.search(query) }
        }
    }
}

/// `SearchQuery` is `Codable` for library users: JSON written before a member existed still decodes.
struct SearchQueryCodingTests {
    @Test func aQueryRoundTripsAndOlderJSONTakesTheDefaults() throws {
        var query = SearchQuery("vatten", publisher: ["p"], sort: .title, limit: 5, facets: true, languages: ["sv"])
        query.facetValues = 200
        query.includesRecords = false
        let decoded = try JSONDecoder().decode(SearchQuery.self, from: JSONEncoder().encode(query))
        #expect(decoded == query)
        let older = try JSONDecoder().decode(SearchQuery.self, from: Data(#"{"text": "vatten", "facets": true, "limit": 5}"#.utf8))
        #expect(older.text == "vatten")
        #expect(older.facetValues == 50)
        #expect(older.includesRecords)
        #expect(older.limit == 5)
        #expect(older.sort == .relevance)
    }
}
