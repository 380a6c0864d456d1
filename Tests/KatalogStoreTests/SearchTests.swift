import Foundation
import KatalogModel
import Testing
@testable import KatalogStore

/// A small catalogue whose facet counts are known by hand.
func sampleCatalogue() async throws -> CatalogStore {
    let store = try CatalogStore.temporary()
    try await harvest(store, [
        makeRecord("s1", title: "Malmö bicycle counts", description: "Daily bicycle counts from automatic counters in Malmö.",
                   keywords: ["cycling", "traffic"], publisher: "Malmö stad", themes: ["TRAN"], formats: ["CSV"],
                   licence: "cc-by-4.0", language: "sv", modified: "2024-05-01", downloadURL: "https://example.org/s1.zip"),
        makeRecord("s2", title: "Åland ferry timetable", description: "Ferry departures between Åland and the mainland.",
                   keywords: ["ferry"], publisher: "Ålands landskapsregering", themes: ["TRAN"], formats: ["JSON"],
                   licence: "cc0", language: "sv", modified: "2023-01-15"),
        makeRecord("s3", title: "Air quality measurements",
                   description: "Hourly air quality readings, including pollution along the bicycle network.",
                   keywords: ["air", "pollution"], publisher: "Malmö stad", themes: ["ENVI"], formats: ["CSV", "JSON"],
                   licence: "cc-by-4.0", language: "en", modified: "2025-02-01T08:30:00+01:00",
                   downloadURL: "https://example.org/s3.zip"),
        makeRecord("s4", title: "Population statistics",
                   descriptions: ["en": "Population by municipality and year.", "sv": "Befolkning per kommun och år."],
                   keywords: ["population"], publisher: "SCB", themes: ["SOCI"], formats: ["XLSX"], licence: "cc-by-4.0",
                   language: "en"),
    ])
    try await harvest(store, source: "other", [
        makeRecord("s5", title: "Bicycle lanes", description: "Map of the cycle network.", keywords: ["cycling"],
                   publisher: "SCB", themes: ["TRAN"], formats: ["GeoJSON"], modified: "2022-06-01"),
    ])
    return store
}

@Suite("Search")
struct SearchTests {
    @Test("A search without records finds the same hits in the same order, with their index columns only")
    func hitsWithoutRecords() async throws {
        let store = try await sampleCatalogue()
        for text in ["", "bicycle"] {
            var query = SearchQuery(text, sort: text.isEmpty ? .id : .relevance, limit: 10, facets: true)
            let full = try await store.search(query)
            query.includesRecords = false
            let light = try await store.search(query)
            #expect(light.hits.map(\.id) == full.hits.map(\.id))
            #expect(light.hits.map(\.sourceIdentifier) == full.hits.map(\.sourceIdentifier))
            #expect(light.hits.map(\.updatedAt) == full.hits.map(\.updatedAt))
            #expect(light.hits.map(\.firstSeen) == full.hits.map(\.firstSeen))
            #expect(light.total == full.total)
            #expect(light.facets == full.facets)
            #expect(light.hits.allSatisfy { $0.title.isEmpty && $0.dataset.title.isEmpty && $0.snippet == nil })
            #expect(full.hits.allSatisfy { !$0.title.isEmpty })
        }
    }

    @Test("Words are ANDed; phrases, OR, exclusion and prefixes work")
    func syntax() async throws {
        let store = try await sampleCatalogue()
        #expect(try await ids(store, "bicycle counts") == ["s1"])
        #expect(try await ids(store, "\"bicycle counts\"") == ["s1"])
        #expect(try await ids(store, "\"counts bicycle\"").isEmpty)
        #expect(try await ids(store, "ferry OR population") == ["s2", "s4"])
        #expect(try await ids(store, "bicycle -lanes") == ["s1", "s3"])
        #expect(try await ids(store, "bicycle -\"bicycle lanes\"") == ["s1", "s3"])
        #expect(try await ids(store, "bicycle NOT lanes") == ["s1", "s3"])
        #expect(try await ids(store, "popul*") == ["s4"])
        #expect(try await ids(store, "pollu*") == ["s3"])
        #expect(try await ids(store, "BICYCLE AND counts") == ["s1"])
        #expect(try await ids(store, "cycling") == ["s1", "s5"])
    }

    @Test("Matching ignores diacritics and case")
    func diacritics() async throws {
        let store = try await sampleCatalogue()
        #expect(try await ids(store, "malmo") == ["s1", "s3"])
        #expect(try await ids(store, "aland") == ["s2"])
        #expect(try await ids(store, "ÅLAND") == ["s2"])
        #expect(try await ids(store, "kommun ar") == ["s4"])
    }

    @Test("BM25 ranks title matches above description matches")
    func ranking() async throws {
        let store = try await sampleCatalogue()
        let result = try await store.search(SearchQuery("bicycle"))
        #expect(result.total == 3)
        #expect(result.hits.last?.sourceIdentifier == "s3")
        let ranks = result.hits.compactMap(\.rank)
        #expect(ranks.count == 3)
        #expect(ranks == ranks.sorted())
    }

    @Test("Snippets come from the description in the preferred language, with matches marked")
    func snippets() async throws {
        let store = try await sampleCatalogue()
        let swedish = try #require(try await store.search(SearchQuery("kommun", languages: ["sv"])).hits.first)
        #expect(swedish.snippet?.language == "sv")
        #expect(swedish.snippet?.marked() == "Befolkning per [kommun] och år.")
        let english = try #require(try await store.search(SearchQuery("population", languages: ["en"])).hits.first)
        #expect(english.snippet?.language == "en")
        #expect(english.snippet?.marked() == "[Population] by municipality and year.")
        #expect(english.snippet?.text == "Population by municipality and year.")
        let diacritic = try #require(try await store.search(SearchQuery("malmo counts")).hits.first)
        #expect(diacritic.snippet?.marked(open: "<b>", close: "</b>") == "Daily bicycle <b>counts</b> from automatic counters in <b>Malmö</b>.")
        let all = try await store.search(SearchQuery("", languages: ["sv"]))
        let s4 = try #require(all.hits.first { $0.sourceIdentifier == "s4" })
        #expect(s4.snippet?.marked() == "Befolkning per kommun och år.")
        #expect(s4.rank == nil)
    }

    @Test("Long descriptions are cut around the first match")
    func longSnippet() async throws {
        let store = try CatalogStore.temporary()
        let filler = Array(repeating: "lorem ipsum dolor", count: 60).joined(separator: " ")
        try await harvest(store, [makeRecord("long", title: "Long", description: filler + " needle " + filler)])
        let snippet = try #require(try await store.search(SearchQuery("needle")).hits.first?.snippet)
        let marked = snippet.marked()
        #expect(marked.hasPrefix("…"))
        #expect(marked.hasSuffix("…"))
        #expect(marked.contains("[needle]"))
        #expect(snippet.text.count <= Snippet.maxCharacters + 2)
    }

    @Test("Each filter narrows the match set; values OR within a facet and AND across facets")
    func filters() async throws {
        let store = try await sampleCatalogue()
        func find(_ query: SearchQuery) async throws -> Set<String> {
            Set(try await store.search(query).hits.map(\.sourceIdentifier))
        }
        #expect(try await find(SearchQuery(publisher: ["https://example.org/org/malmö stad"])) == ["s1", "s3"])
        #expect(try await find(SearchQuery(publisher: ["https://example.org/org/malmö stad", "https://example.org/org/scb"]))
            == ["s1", "s3", "s4", "s5"])
        #expect(try await find(SearchQuery(theme: ["TRAN"])) == ["s1", "s2", "s5"])
        #expect(try await find(SearchQuery(format: ["csv"])) == ["s1", "s3"])
        #expect(try await find(SearchQuery(licence: ["cc0"])) == ["s2"])
        #expect(try await find(SearchQuery(language: ["SV"])) == ["s1", "s2"])
        #expect(try await find(SearchQuery(source: ["other"])) == ["s5"])
        #expect(try await find(SearchQuery(keyword: ["Cycling"])) == ["s1", "s5"])
        #expect(try await find(SearchQuery(theme: ["TRAN"], format: ["CSV"])) == ["s1"])
        #expect(try await find(SearchQuery("bicycle", theme: ["TRAN"])) == ["s1", "s5"])
        #expect(try await find(SearchQuery(modifiedSince: "2024-01-01")) == ["s1", "s3"])
        #expect(try await find(SearchQuery(modifiedSince: "2025-02-01T07:30:00Z")) == ["s3"])
        #expect(try await find(SearchQuery(modifiedSince: "2025-02-01T07:31:00Z")).isEmpty)
        #expect(try await find(SearchQuery(hasDownloadURL: true)) == ["s1", "s3"])
        #expect(try await find(SearchQuery(hasDownloadURL: false)) == ["s2", "s4", "s5"])
        await #expect { try await store.search(SearchQuery(modifiedSince: "last tuesday")) } throws: { error in
            (error as? StoreError)?.code == .invalidQuery
        }
    }

    @Test("Facet counts cover the whole match set, not just the page")
    func facets() async throws {
        let store = try await sampleCatalogue()
        let all = try await store.search(SearchQuery(limit: 1, facets: true))
        #expect(all.total == 5)
        #expect(all.hits.count == 1)
        #expect(all.facets["theme"] == [FacetCount(value: "TRAN", count: 3), FacetCount(value: "ENVI", count: 1),
                                        FacetCount(value: "SOCI", count: 1)])
        #expect(all.facets["format"]?.map(\.value) == ["CSV", "JSON", "ZIP", "GEOJSON", "XLSX"])
        #expect(all.facets["format"]?.map(\.count) == [2, 2, 2, 1, 1])
        #expect(all.facets["source"] == [FacetCount(value: "test", count: 4), FacetCount(value: "other", count: 1)])
        #expect(all.facets["licence"] == [FacetCount(value: "cc-by-4.0", count: 3), FacetCount(value: "cc0", count: 1)])
        #expect(all.facets["language"] == [FacetCount(value: "en", count: 5), FacetCount(value: "sv", count: 2)])
        let publishers = try #require(all.facets["publisher"])
        #expect(publishers.first == FacetCount(value: "https://example.org/org/malmö stad", count: 2, label: "Malmö stad"))
        #expect(publishers.map(\.count) == [2, 2, 1])

        let bicycle = try await store.search(SearchQuery("bicycle", facets: true))
        #expect(bicycle.facets["theme"] == [FacetCount(value: "TRAN", count: 2), FacetCount(value: "ENVI", count: 1)])
        let none = try await store.search(SearchQuery(limit: 5))
        #expect(none.facets.isEmpty)
    }

    @Test("Sorting by title and by modified date")
    func sorting() async throws {
        let store = try await sampleCatalogue()
        #expect(try await ids(store, SearchQuery(sort: .title)) == ["s3", "s5", "s1", "s4", "s2"])
        #expect(try await ids(store, SearchQuery(sort: .modified)) == ["s3", "s1", "s2", "s5", "s4"])
        #expect(try await ids(store, SearchQuery(sort: .relevance)) == ["s3", "s1", "s2", "s5", "s4"])
        #expect(try await ids(store, SearchQuery("bicycle", sort: .modified)) == ["s3", "s1", "s5"])
        #expect(try await ids(store, SearchQuery("bicycle", sort: .title)) == ["s3", "s5", "s1"])
    }

    @Test("Limits outside 1…1000 are rejected")
    func limits() async throws {
        let store = try CatalogStore.temporary()
        for limit in [0, -1, 1_001] {
            await #expect { try await store.search(SearchQuery(limit: limit)) } throws: { error in
                (error as? StoreError)?.code == .invalidQuery
            }
        }
        #expect(try await store.search(SearchQuery(limit: 1_000)).total == 0)
    }
}
