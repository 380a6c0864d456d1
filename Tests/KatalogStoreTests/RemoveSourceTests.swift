import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

@Suite("Removing a source from the catalogue")
struct RemoveSourceTests {
    private func record(_ identifier: String, iri: String, title: String, publisher: String) -> SourceRecord {
        var record = makeRecord(identifier, title: title, publisher: publisher)
        record.dataset.iri = iri
        return record
    }

    private let sharedIRI = "https://data.norrvik.example/dataset/air"

    @Test("Its records become tombstones the change feed reports, a shared dataset is shown as the other source's, and its marks are forgotten")
    func removesEverything() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, source: "a", [
            record("a1", iri: sharedIRI, title: "Air quality Norrvik", publisher: "Norrvik"),
            record("a2", iri: "https://data.norrvik.example/dataset/water", title: "Water quality Norrvik", publisher: "Norrvik"),
        ])
        try await harvest(store, source: "b", [
            record("b1", iri: sharedIRI, title: "Air quality (republished)", publisher: "Aggregator"),
            record("b2", iri: "https://portal.example/dataset/noise", title: "Traffic noise", publisher: "Aggregator"),
        ])
        try await store.refreshFacetIndex()
        #expect(try await store.search(SearchQuery("air quality", limit: 10)).hits.map(\.sourceIdentifier) == ["a1"])
        try await store.pool.write { db in
            try db.execute(sql: "INSERT INTO listing_marks (source, mark, fingerprint, full_listing_at, run_id) VALUES ('a', '2026-01-01T00:00:00Z', 'f', ?, 1)",
                           arguments: [Date()])
        }
        try await store.storeValidators(url: "https://example.org/a", DocumentValidators(etag: "\"v1\"", contentSHA256: "abc"))
        let before = try await store.catalogueVersion()

        let summary = try await store.removeSource("a")
        #expect(summary.counts.deleted == 2)
        #expect(summary.status == .succeeded)
        #expect(summary.message == "source removed from the catalogue: 2 datasets deleted")

        // Searches show the other source's record of the shared dataset, and nothing of a.
        let result = try await store.search(SearchQuery("quality", limit: 10, facets: true))
        #expect(result.hits.map(\.sourceIdentifier) == ["b1"])
        #expect(result.facets["source"]?.map(\.value) == ["b"])
        #expect(try await store.datasetCount() == 2)
        try await store.refreshFacetIndex()
        #expect(try await store.search(SearchQuery("quality", limit: 10, facets: true)).facets == result.facets)

        // The feed reports a's records deleted, and b1's promotion.
        let changes = try await store.changes(sinceSeq: before).changes
        let deleted = Set(changes.filter { $0.kind == .deleted }.map(\.id))
        #expect(deleted == [DatasetID.make(source: "a", sourceIdentifier: "a1"), DatasetID.make(source: "a", sourceIdentifier: "a2")])
        #expect(changes.contains { $0.id == DatasetID.make(source: "b", sourceIdentifier: "b1") })

        // Nothing would let a source of that name skip work; the run stays in the history.
        #expect(try await store.listingMark(source: "a") == nil)
        #expect(try await store.validators(url: "https://example.org/a") == nil)
        #expect(try await store.sources().map(\.name) == ["b"])
        let runs = try await store.runs(source: "a", limit: 10)
        #expect(runs.first?.message == "source removed from the catalogue: 2 datasets deleted")
        #expect(runs.count == 2)
        // /health and /metrics no longer report it.
        #expect(try await store.sourceFreshness().keys.sorted() == ["b"])

        // Harvested again under the same name, its records come back as added.
        let again = try await harvest(store, source: "a", [record("a2", iri: "https://data.norrvik.example/dataset/water",
                                                                  title: "Water quality Norrvik", publisher: "Norrvik")])
        #expect(again.counts.added == 1)
        #expect(try await store.datasetCount() == 3)
    }

    @Test("Removing a low-priority aggregator leaves the publisher's record shown")
    func priorityKept() async throws {
        let store = try CatalogStore.temporary()
        // The aggregator is harvested first, but its priority is lower: the publisher's record is shown.
        try await harvest(store, source: "agg", [record("x1", iri: sharedIRI, title: "Air quality (copy)", publisher: "Aggregator")],
                          priority: -1)
        try await harvest(store, source: "pub", [record("p1", iri: sharedIRI, title: "Air quality Norrvik", publisher: "Norrvik")])
        #expect(try await store.search(SearchQuery("air quality", limit: 10)).hits.map(\.sourceIdentifier) == ["p1"])
        let before = try await store.catalogueVersion()

        #expect(try await store.removeSource("agg").counts.deleted == 1)
        // The aggregator's record is deleted; the publisher's, still shown, changed only in no longer naming the copy.
        let changes = try await store.changes(sinceSeq: before).changes
        let pub = DatasetID.make(source: "pub", sourceIdentifier: "p1")
        #expect(Set(changes.map(\.id)) == [DatasetID.make(source: "agg", sourceIdentifier: "x1"), pub])
        #expect(changes.first { $0.id == pub }?.kind != .deleted)
        let hits = try await store.search(SearchQuery("air quality", limit: 10)).hits
        #expect(hits.map(\.sourceIdentifier) == ["p1"])
        #expect(hits.first?.otherRecords == [])
    }

    @Test("An unknown source is Not Found, and a source being harvested is busy")
    func refusals() async throws {
        let store = try CatalogStore.temporary()
        do {
            _ = try await store.removeSource("nowhere")
            Issue.record("removing an unknown source succeeded")
        } catch let error as StoreError {
            #expect(error.code == .notFound)
            #expect(error.description.contains("nowhere"))
        }
        try await harvest(store, source: "a", [makeRecord("a1", title: "One")])
        let running = try await store.beginRun(source: "a", kind: "ckan", url: "https://example.org/a")
        do {
            _ = try await store.removeSource("a")
            Issue.record("removing a source being harvested succeeded")
        } catch let error as StoreError {
            #expect(error.code == .sourceBusy)
        }
        #expect(try await store.datasetCount() == 1)
        try await store.failRun(run: running, error: "stopped")
        #expect(try await store.removeSource("a").counts.deleted == 1)
        #expect(try await store.datasetCount() == 0)
    }
}
