import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

@Suite("A run's listing kept on disk")
struct RunListingTests {
    private func listing(_ records: [SourceRecord]) throws -> [ListingEntry] {
        try records.map { .record(try CatalogStore.prepare($0)) }
    }

    private func scratchRows(_ store: CatalogStore) async throws -> (seen: Int, staged: Int) {
        // The run scratch is attached to the writer connection only.
        try await store.pool.write { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run_seen") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staged_records") ?? -1)
        }
    }

    @Test("New records are staged, unchanged ones are not, and a record listed again in a later batch is repeated")
    func batchesAreSortedIntoStagedUnchangedAndRepeated() async throws {
        let store = try CatalogStore.temporary()
        let records = (1...4).map { makeRecord("r\($0)", title: "Record \($0)") }
        try await harvest(store, records)

        let run = try await store.beginRun(source: "test", kind: "ckan", url: "https://example.org/test")
        let changed = makeRecord("r2", title: "Record 2, revised")
        let first = try await store.recordListing(run: run, try listing([records[0], changed, makeRecord("r9", title: "New")]))
        #expect(first == ListingOutcome(staged: 2, unchanged: 1, repeated: []))
        // A later batch lists r1 and r9 again, and r3 for the first time.
        let second = try await store.recordListing(run: run, try listing([records[0], records[2], makeRecord("r9", title: "Other")]))
        #expect(second == ListingOutcome(staged: 0, unchanged: 1, repeated: ["r1", "r9"]))
        #expect(try await scratchRows(store) == (seen: 4, staged: 2))

        // r4 was never listed: the complete run deletes it (1 of 4, within this breaker's limit).
        let summary = try await store.completeRun(run: run, isComplete: true, deletionPolicy: DeletionPolicy(maxDeleteFraction: 0.5))
        #expect(summary.counts.added == 1)
        #expect(summary.counts.updated == 1)
        #expect(summary.counts.unchanged == 2)
        #expect(summary.counts.deleted == 1)
        let titles = try await store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT source_identifier FROM datasets WHERE deleted_at IS NULL ORDER BY source_identifier")
        }
        #expect(titles == ["r1", "r2", "r3", "r9"])
        // The first copy of r9 won: its title is "New".
        let r9 = try await store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT title_sort FROM datasets WHERE source_identifier = 'r9'")
        }
        #expect(r9 == "new")
        #expect(try await scratchRows(store) == (seen: 0, staged: 0))
    }

    @Test("An identifier seen only (its record failed) keeps the earlier copy alive, and a copy listed after it is repeated")
    func seenOnlyKeepsTheEarlierCopy() async throws {
        let store = try CatalogStore.temporary()
        let records = (1...3).map { makeRecord("r\($0)", title: "Record \($0)") }
        try await harvest(store, records)

        let run = try await store.beginRun(source: "test", kind: "ckan", url: "https://example.org/test")
        var entries = try listing([records[0], records[2]])
        entries.insert(.seenOnly("r2"), at: 1)
        entries.append(.record(try CatalogStore.prepare(makeRecord("r2", title: "Record 2, listed after its failure"))))
        let outcome = try await store.recordListing(run: run, entries)
        #expect(outcome == ListingOutcome(staged: 0, unchanged: 2, repeated: ["r2"]))
        let summary = try await store.completeRun(run: run, isComplete: true)
        #expect(summary.counts.deleted == 0)
        #expect(summary.counts.unchanged == 3)
        #expect(summary.status == .succeeded)
    }

    @Test("A run that listed nothing holds its deletions, and failing a run drops what it listed")
    func emptyListingHoldsAndFailureDropsScratch() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, (1...3).map { makeRecord("r\($0)", title: "Record \($0)") })

        let empty = try await store.beginRun(source: "test", kind: "ckan", url: "https://example.org/test")
        let held = try await store.completeRun(run: empty, isComplete: true)
        #expect(held.status == .held)
        #expect(held.heldDeletions == 3)

        let failing = try await store.beginRun(source: "test", kind: "ckan", url: "https://example.org/test")
        _ = try await store.recordListing(run: failing, try listing([makeRecord("r1", title: "Changed"), makeRecord("r7", title: "New")]))
        #expect(try await scratchRows(store) == (seen: 2, staged: 2))
        try await store.failRun(run: failing, error: "the source went away")
        #expect(try await scratchRows(store) == (seen: 0, staged: 0))
        await #expect(throws: StoreError.self) {
            try await store.recordListing(run: failing, try listing([makeRecord("r1", title: "Late")]))
        }
    }
}

struct LiveIdentifierTests {
    @Test("Live identifiers: those the source holds, without tombstones, other sources' or unknown ones")
    func liveIdentifiers() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, [makeRecord("a", title: "A"), makeRecord("b", title: "B"), makeRecord("c", title: "C")])
        try await harvest(store, source: "other", [makeRecord("d", title: "D")])
        #expect(try await store.liveIdentifiers(source: "test", among: ["a", "c", "d", "x"]) == ["a", "c"])
        try await harvest(store, [makeRecord("a", title: "A"), makeRecord("b", title: "B")], policy: DeletionPolicy(acceptDeletions: true))
        #expect(try await store.liveIdentifiers(source: "test", among: ["a", "c", "d", "x"]) == ["a"])
        #expect(try await store.liveIdentifiers(source: "test", among: []) == [])
        let many = (0..<1_200).map { "x\($0)" } + ["b"]
        #expect(try await store.liveIdentifiers(source: "test", among: many) == ["b"])
    }
}
