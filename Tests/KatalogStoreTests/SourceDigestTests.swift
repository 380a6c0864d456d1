import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

/// Source digests: stored with the records they were read with, handed back per batch, counted unchanged when an
/// adapter skips a record by its digest, and never left standing for content they do not describe.
@Suite("Source digests")
struct SourceDigestTests {
    private func prepared(_ identifier: String, _ title: String, digest: String?) throws -> PreparedRecord {
        var record = try CatalogStore.prepare(makeRecord(identifier, title: title))
        record.sourceDigest = digest
        return record
    }

    @discardableResult
    private func run(_ store: CatalogStore, _ entries: [ListingEntry], acceptDeletions: Bool = false,
                     listed: ((ListingOutcome) -> Void)? = nil) async throws -> RunSummary {
        let run = try await store.beginRun(source: "s", kind: "dcat", url: "https://example.org/s")
        let outcome = try await store.recordListing(run: run, entries)
        listed?(outcome)
        return try await store.completeRun(run: run, isComplete: true,
                                           deletionPolicy: DeletionPolicy(acceptDeletions: acceptDeletions))
    }

    @Test("an unchanged entry is seen and counted unchanged, so a complete run keeps its record")
    func unchangedEntriesKeepTheirRecords() async throws {
        let store = try CatalogStore.temporary()
        try await run(store, [.record(try prepared("a", "A", digest: "da")), .record(try prepared("b", "B", digest: nil))])
        #expect(try await store.sourceDigests(source: "s", identifiers: ["a", "b", "c"]) == ["a": "da"])
        var outcome = ListingOutcome()
        let second = try await run(store, [.unchanged("a"), .unchanged("a"), .record(try prepared("b", "B", digest: "db"))]) {
            outcome = $0
        }
        #expect(outcome == ListingOutcome(staged: 0, unchanged: 2, repeated: ["a"]))
        #expect(second.counts.unchanged == 2)
        #expect(second.counts.deleted == 0)
        #expect(try await store.sourceDigests(source: "s", identifiers: ["a", "b"]) == ["a": "da", "b": "db"],
                "an unchanged record read with a digest keeps it")
    }

    @Test("a content change or a tombstone written without a digest, as an older version writes, clears the digest")
    func olderWritersClearDigests() async throws {
        let store = try CatalogStore.temporary()
        try await run(store, [.record(try prepared("a", "A", digest: "da")), .record(try prepared("b", "B", digest: "db")),
                                  .record(try prepared("c", "C", digest: "dc"))])
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE datasets SET content_hash = 'changed elsewhere' WHERE source_identifier = 'a'")
            try db.execute(sql: "UPDATE datasets SET deleted_at = '2026-12-03 10:00:00.000' WHERE source_identifier = 'b'")
            try db.execute(sql: "UPDATE datasets SET title_sort = 'c2' WHERE source_identifier = 'c'")
        }
        #expect(try await store.sourceDigests(source: "s", identifiers: ["a", "b", "c"]) == ["c": "dc"])
    }

    @Test("a run that changes a record stores its new digest, or none; a tombstone has none")
    func writesFollowTheRun() async throws {
        let store = try CatalogStore.temporary()
        try await run(store, [.record(try prepared("a", "A", digest: "da")), .record(try prepared("b", "B", digest: "db"))])
        let second = try await run(store, [.record(try prepared("a", "A2", digest: "da2")), .record(try prepared("b", "B2", digest: nil))])
        #expect(second.counts.updated == 2)
        #expect(try await store.sourceDigests(source: "s", identifiers: ["a", "b"]) == ["a": "da2"])
        let third = try await run(store, [.unchanged("a")], acceptDeletions: true)
        #expect(third.counts.deleted == 1)
        let fourth = try await run(store, [.record(try prepared("b", "B2", digest: "db2"))], acceptDeletions: true)
        #expect(fourth.counts.deleted == 1)
        #expect(fourth.counts.added == 1, "b comes back")
        #expect(try await store.sourceDigests(source: "s", identifiers: ["a", "b"]) == ["b": "db2"])
    }
}
