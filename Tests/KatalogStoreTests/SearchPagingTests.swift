import Foundation
import KatalogModel
import Testing
@testable import KatalogStore

@Suite("Cursor paging")
struct SearchPagingTests {
    /// 57 records with repeated titles and dates, so ties on the sort key are broken by id.
    private func records(prefix: String, count: Int) -> [SourceRecord] {
        (0..<count).map { index in
            makeRecord("\(prefix)\(index)", title: "Dataset \(index % 7) river water", description: "Measurements \(index)",
                       modified: index % 5 == 0 ? nil : "2024-0\(1 + index % 9)-1\(index % 3)")
        }
    }

    private func collect(_ store: CatalogStore, _ query: SearchQuery,
                         between: (Int) async throws -> Void = { _ in }) async throws -> [String] {
        var seen: [String] = []
        var query = query
        var page = 0
        while true {
            let result = try await store.search(query)
            seen += result.hits.map(\.sourceIdentifier)
            guard let next = result.nextCursor else { break }
            #expect(result.hits.count == query.limit)
            query.cursor = next
            page += 1
            try await between(page)
            #expect(page < 100)
            if page >= 100 { break }
        }
        return seen
    }

    @Test("Every record appears exactly once across pages", arguments: SearchQuery.Sort.allCases)
    func everyRecordOnce(sort: SearchQuery.Sort) async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, records(prefix: "a", count: 57))
        // Words alone rank from the full-text index; a condition (here: no download URL) joins the records.
        for query in [SearchQuery("", sort: sort, limit: 10), SearchQuery("river", sort: sort, limit: 10),
                      SearchQuery("river", hasDownloadURL: false, sort: sort, limit: 10)] {
            let seen = try await collect(store, query)
            #expect(seen.count == 57)
            #expect(Set(seen).count == 57)
        }
    }

    @Test("Records added between page fetches cause no repeats or gaps", arguments: [SearchQuery.Sort.modified, .title])
    func stableUnderWrites(sort: SearchQuery.Sort) async throws {
        let store = try CatalogStore.temporary()
        let original = records(prefix: "a", count: 57)
        try await harvest(store, original)
        var batch = 0
        let seen = try await collect(store, SearchQuery("", sort: sort, limit: 10)) { _ in
            batch += 1
            try await harvest(store, source: "later\(batch)", records(prefix: "b\(batch)-", count: 6))
        }
        #expect(Set(seen).count == seen.count)
        let originalIDs = Set(original.map(\.sourceIdentifier))
        #expect(originalIDs.isSubset(of: Set(seen)))
    }

    @Test("Malformed or foreign cursors are rejected as invalidCursor")
    func badCursors() async throws {
        let store = try await sampleCatalogue()
        let page = try await store.search(SearchQuery(sort: .title, limit: 2))
        let cursor = try #require(page.nextCursor)
        let bad = ["garbage!", "", "AAAA", String(repeating: "A", count: 5_000), "eyJ4IjoxfQ", cursor + "x"]
        for text in bad {
            await #expect { try await store.search(SearchQuery(sort: .title, limit: 2, cursor: text)) } throws: { error in
                (error as? StoreError)?.code == .invalidCursor
            }
        }
        await #expect { try await store.search(SearchQuery(sort: .modified, limit: 2, cursor: cursor)) } throws: { error in
            (error as? StoreError)?.code == .invalidCursor
        }
        let second = try await store.search(SearchQuery(sort: .title, limit: 2, cursor: cursor))
        #expect(second.hits.map(\.sourceIdentifier) == ["s1", "s4"])
        #expect(second.total == 5)
    }
}
