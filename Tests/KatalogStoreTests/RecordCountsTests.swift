import Foundation
import KatalogModel
import Testing
@testable import KatalogStore

@Suite("Record counts per source, kept per catalogue version")
struct RecordCountsTests {
    @Test("Counts follow additions, foldings and deletions, though they are kept between changes")
    func countsFollowChanges() async throws {
        let store = try CatalogStore.temporary()
        func record(_ id: String, iri: String) -> SourceRecord {
            var record = makeRecord(id, title: "Record \(id)")
            record.dataset.iri = iri
            return record
        }
        try await harvest(store, source: "a", [record("a1", iri: "https://example.org/d/1"), record("a2", iri: "https://example.org/d/2")])
        #expect(try await store.recordCountsBySource()["a"] == SourceRecordCounts(live: 2, folded: 0))
        // Asked again without a change: the kept answer, the same.
        #expect(try await store.recordCountsBySource()["a"] == SourceRecordCounts(live: 2, folded: 0))
        // b carries a1's dataset: its record is folded.
        try await harvest(store, source: "b", [record("b1", iri: "https://example.org/d/1")])
        var counts = try await store.recordCountsBySource()
        #expect(counts["a"] == SourceRecordCounts(live: 2, folded: 0))
        #expect(counts["b"] == SourceRecordCounts(live: 1, folded: 1))
        // a drops a1: b's record is shown now, and a has one live record.
        try await harvest(store, source: "a", [record("a2", iri: "https://example.org/d/2")], policy: DeletionPolicy(acceptDeletions: true))
        counts = try await store.recordCountsBySource()
        #expect(counts["a"] == SourceRecordCounts(live: 1, folded: 0))
        #expect(counts["b"] == SourceRecordCounts(live: 1, folded: 0))
    }
}
