import Foundation
import KatalogModel
import KatalogStore
import Testing
@testable import KatalogHub

/// The search body is written by hand (`SortedJSONWritable`); it must be byte for byte what Foundation's
/// `JSONEncoder` writes for the same view, for every kind of value a hit can hold.
struct SearchBodyTests {
    /// Records with every optional field both set and missing, and text that needs escaping.
    static var records: [SourceRecord] {
        var tricky = HubTestCatalogue.dataset(
            "q\"1", title: ["sv": "Citat \"här\" och \\ snedstreck / delat", "en": "Tab\there, newline\nthere \u{1} \u{7F} 😀"],
            description: ["sv": String(repeating: "Lång beskrivning om vatten. ", count: 40)],
            publisher: "Myndighet \"A\"", keywords: ["vatten", "a/b", "ö\u{8}"], formats: ["CSV", "JSON"])
        tricky.dataset.landingPages = ["https://example.se/a?b=c&d=\"e\""]
        tricky.dataset.issued = DateValue(raw: "2021")
        tricky.dataset.distributions[0].title = LocalizedText("Fil \u{2028} ett", language: "sv")
        tricky.dataset.distributions[0].mediaType = "text/csv"
        var bare = HubTestCatalogue.dataset("bare", title: [:], publisher: "P", formats: [])
        bare.dataset.publisher = nil
        bare.dataset.modified = nil
        return HubTestCatalogue.records + [tricky, bare]
    }

    @Test("The hand-written search body equals Foundation's encoding", arguments: [
        SearchQuery("", facets: true), SearchQuery("vatten", facets: true), SearchQuery("luftkvalitet", facets: true, languages: ["en"]),
        SearchQuery("", limit: 2, facets: true), SearchQuery("nothing-matches-this", facets: true), SearchQuery(""),
        SearchQuery("citat", languages: ["fi", "sv"]),
    ])
    func matchesFoundation(_ query: SearchQuery) async throws {
        let store = try CatalogStore.temporary()
        let run = try await store.beginRun(source: "demo", kind: "ckan", url: "http://127.0.0.1/")
        try await store.stage(run: run, records: Self.records)
        _ = try await store.completeRun(run: run, seen: Set(Self.records.map(\.sourceIdentifier)), isComplete: true)
        let result = try await store.search(query)
        let placeholder = 987_654_321.125
        let written = try HubDocuments.search(result, query: query, queryTime: .zero, queryTimeMs: placeholder)
        let foundation = try HubDocuments.encode(HubDocuments.searchView(result, query: query, queryTimeMs: placeholder))
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: foundation, as: UTF8.self))
        #expect(written == foundation)
        if query.text.isEmpty {
            #expect(result.hits.count == min(query.limit, Self.records.count), "the body covers real hits")
        }
        if query.limit == 2 { #expect(result.nextCursor != nil, "a next cursor is written") }
    }

    @Test("Query times are written with three decimals")
    func milliseconds() {
        #expect(SearchResponseView.milliseconds(0) == "0.000")
        #expect(SearchResponseView.milliseconds(12.3456) == "12.346")
        #expect(SearchResponseView.milliseconds(1_234.5) == "1234.500")
        #expect(SearchResponseView.milliseconds(-1) == "0.000")
        #expect(SearchResponseView.milliseconds(.nan) == "0.000")
    }
}
