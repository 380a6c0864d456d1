import Foundation
import KatalogModel
import Testing
@testable import KatalogStore

/// Completion of titles and keywords (`GET /api/v1/suggest`).
struct SuggestTests {
    @Test("Titles complete the last word as a prefix, rank title matches, and every word must be in the title")
    func titles() async throws {
        let store = try await sampleCatalogue()
        let bicycle = try await store.suggest(prefix: "bicy")
        #expect(Set(bicycle.titles.map(\.id)).count == 2)
        #expect(bicycle.titles.map(\.title).sorted() == ["Bicycle lanes", "Malmö bicycle counts"])
        // s3 has "bicycle" only in its description: not a title completion.
        #expect(!bicycle.titles.map(\.title).contains("Air quality measurements"))
        // The shorter title ranks first (BM25 length normalisation on the title).
        #expect(bicycle.titles.first?.title == "Bicycle lanes")

        // Both words must be in the title; "network" is only in descriptions.
        #expect(try await store.suggest(prefix: "bicycle netw").titles.isEmpty)
        #expect(try await store.suggest(prefix: "malmö bicycle co").titles.map(\.title) == ["Malmö bicycle counts"])
        // Diacritics and case are ignored, as in search.
        #expect(try await store.suggest(prefix: "ALAND fer").titles.map(\.title) == ["Åland ferry timetable"])
        #expect(try await store.suggest(prefix: "bicycle", limit: 1).titles.count == 1)
    }

    @Test("A single typed character is a whole word, not a prefix of every word")
    func singleCharacter() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, [
            makeRecord("a1", title: "Vitamin A intake"), makeRecord("a2", title: "Air quality"), makeRecord("a3", title: "Ant colonies"),
        ])
        #expect(try await store.suggest(prefix: "a").titles.map(\.title) == ["Vitamin A intake"])
        #expect(Set(try await store.suggest(prefix: "an").titles.map(\.title)) == ["Ant colonies"])
        #expect(Set(try await store.suggest(prefix: "ai").titles.map(\.title)) == ["Air quality"])
    }

    @Test("Keywords start with the text, most used first, deleted datasets not counted")
    func keywords() async throws {
        let store = try await sampleCatalogue()
        let cycling = try await store.suggest(prefix: "cyc")
        #expect(cycling.keywords == [.init(keyword: "cycling", count: 2)])
        // A complete run without s1 tombstones it; its keywords stop counting.
        try await harvest(store, [makeRecord("s2", title: "Åland ferry timetable", keywords: ["ferry"])],
                          policy: DeletionPolicy(maxDeleteFraction: 1, acceptDeletions: true, gracePeriod: 0))
        #expect(try await store.suggest(prefix: "cyc").keywords == [.init(keyword: "cycling", count: 1)])
        #expect(try await store.suggest(prefix: "bicycle").titles.map(\.title) == ["Bicycle lanes"])
    }

    @Test("Ranks are the same with the in-memory row lengths and without them")
    func inMemoryLengths() async throws {
        let store = try await sampleCatalogue()
        let prefixes = ["bi", "bicycle c", "a", "po", "ferry"]
        var withoutIndex: [Suggestions] = []
        for prefix in prefixes { withoutIndex.append(try await store.suggest(prefix: prefix)) }
        try await store.refreshFacetIndex()
        var withIndex: [Suggestions] = []
        for prefix in prefixes { withIndex.append(try await store.suggest(prefix: prefix)) }
        #expect(withIndex == withoutIndex)
        #expect(withIndex[0].titles.count == 2)
    }

    @Test("Blank, symbol-only and over-long prefixes")
    func edges() async throws {
        let store = try await sampleCatalogue()
        #expect(try await store.suggest(prefix: "  ") == Suggestions(titles: [], keywords: []))
        #expect(try await store.suggest(prefix: "\"*()") == Suggestions(titles: [], keywords: []))
        #expect(try await store.suggest(prefix: "\"bicycle\" OR *").titles.isEmpty)
        await #expect(throws: StoreError.self) { try await store.suggest(prefix: String(repeating: "x", count: 101)) }
    }
}
