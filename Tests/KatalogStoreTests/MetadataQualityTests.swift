import Foundation
import KatalogModel
import Testing
@testable import KatalogStore

@Suite("Counting metadata quality per source")
struct MetadataQualityTests {
    @Test("Each indicator counts the datasets that have it, once however many values they have")
    func counts() async throws {
        let store = try CatalogStore.temporary()
        var full = makeRecord("full", title: "Full", description: "Everything is here", keywords: ["a", "b"], publisher: "Org",
                              themes: ["ENVI", "TRAN"], formats: ["CSV", "JSON"], licence: "CC-BY-4.0", language: "sv",
                              modified: "2024-01-01", downloadURL: "https://example.org/full.zip")
        full.dataset.distributions[0].license = Concept(raw: "CC0-1.0")
        full.dataset.contactPoints = [ContactPoint(email: "data@example.org"), ContactPoint(url: "https://example.org/kontakt")]
        full.dataset.temporal = [TemporalRange(start: DateValue(raw: "2020-01-01"))]
        full.dataset.spatial = [SpatialCoverage(iri: "http://publications.europa.eu/resource/authority/country/SWE"),
                                SpatialCoverage(bbox: "POLYGON((11 55, 24 55, 24 69, 11 69, 11 55))")]
        full.dataset.accessRights = Concept(raw: "PUBLIC")
        let local = makeRecord("local", title: "Local terms", description: "Some text", themes: ["egna teman"],
                               formats: ["egen-export"], licence: "egna villkor")
        var closed = makeRecord("closed", title: "Closed", titleLanguage: nil, licence: "other-closed")
        closed.dataset.spatial = [SpatialCoverage(geometry: "POINT(18.07 59.33)")]
        closed.dataset.accessRights = Concept(raw: "NON_PUBLIC")
        let bare = makeRecord("bare", title: "Bare", titleLanguage: nil)
        try await harvest(store, source: "a", [full, local, closed, bare])
        try await harvest(store, source: "b", [makeRecord("b1", title: "Other source", description: "Text")])

        let quality = try await store.metadataQuality()
        let a = try #require(quality["a"])
        #expect(a.datasets == 4)
        #expect(a.description == 2)
        #expect(a.keywords == 1)
        #expect(a.theme == 2)
        #expect(a.themeFromVocabulary == 1)
        #expect(a.publisher == 1)
        #expect(a.licence == 3)
        #expect(a.licenceFromVocabulary == 2, "CC BY and other-closed are known; egna villkor is not")
        #expect(a.openLicence == 1)
        #expect(a.format == 2)
        #expect(a.formatFromVocabulary == 1)
        #expect(a.downloadURL == 1)
        #expect(a.modified == 1)
        #expect(a.language == 2, "full declares sv; local's title is in English")
        #expect(a.contactPoint == 1, "once, though it has two")
        #expect(a.temporal == 1)
        #expect(a.spatial == 2)
        #expect(a.accessRights == 2)
        #expect(quality["b"]?.spatial == 0)
        #expect(quality["b"]?.datasets == 1)
        #expect(quality["b"]?.description == 1)

        var total = MetadataQuality()
        for value in quality.values { total.add(value) }
        #expect(total.datasets == 5)
        #expect(total.description == 3)
        #expect(total.indicators.map(\.key).first == "description")
    }
}
