import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

/// Runs of sources that report deletions (OAI-PMH `status="deleted"`) and list only what changed (`from`).
@Suite("Incremental runs and records the source reports deleted")
struct IncrementalRunTests {
    private func live(_ store: CatalogStore) async throws -> [String] {
        try await store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT source_identifier FROM datasets WHERE deleted_at IS NULL ORDER BY source_identifier")
        }
    }

    /// Lists `records` (new or changed ones staged), `withdrawn` and `unchanged` identifiers in one batch of a new run.
    private func run(_ store: CatalogStore, records: [SourceRecord] = [], withdrawn: [String] = [],
                     unchanged: [String] = []) async throws -> RunID {
        let run = try await store.beginRun(source: "test", kind: "oai-pmh", url: "https://example.org/oai")
        var entries: [ListingEntry] = try records.map { .record(try CatalogStore.prepare($0)) }
        entries += withdrawn.map { .withdrawn($0) } + unchanged.map { .unchanged($0) }
        _ = try await store.recordListing(run: run, entries)
        return run
    }

    private func tenRecords(_ store: CatalogStore) async throws {
        try await harvest(store, (0..<10).map { makeRecord("r\($0)", title: "Record \($0)") })
    }

    @Test("An incremental run deletes what the source reports deleted and keeps what it did not list")
    func incrementalRunsDeleteOnlyWithdrawnRecords() async throws {
        let store = try CatalogStore.temporary()
        try await tenRecords(store)
        let run = try await run(store, records: [makeRecord("r1", title: "Record 1, revised"), makeRecord("r10", title: "New")],
                                withdrawn: ["r4"])
        let summary = try await store.completeRun(run: run, isComplete: true, counts: RunCounts(fetched: 3, skipped: 1),
                                                  listing: RunListing(changesSince: "2026-12-01T00:00:00Z",
                                                                      mark: "2026-12-02T00:00:00Z", fingerprint: "f"))
        #expect(summary.status == .succeeded, "\(summary.message)")
        #expect(summary.counts.added == 1)
        #expect(summary.counts.updated == 1)
        #expect(summary.counts.deleted == 1)
        #expect(summary.message.hasPrefix("changes since 2026-12-01T00:00:00Z: 1 added, 1 updated"))
        #expect(try await live(store) == ["r0", "r1", "r10", "r2", "r3", "r5", "r6", "r7", "r8", "r9"])
        let stored = try #require(try await store.run(run))
        #expect(stored.changesSince == "2026-12-01T00:00:00Z")
        #expect(stored.isComplete == true)
    }

    @Test("A record reported deleted is deleted by a run whose listing is incomplete, but not one listed in the same run")
    func withdrawnRecordsAreDeletedByIncompleteRuns() async throws {
        let store = try CatalogStore.temporary()
        try await tenRecords(store)
        let run = try await run(store, withdrawn: ["r2", "r3", "r3", "r99"], unchanged: ["r3"])
        let summary = try await store.completeRun(run: run, isComplete: false)
        #expect(summary.status == .partial)
        // r3 was also listed, and r99 was never stored: only r2 goes.
        #expect(summary.counts.deleted == 1)
        #expect(summary.message.contains("only records the source reported deleted were deleted"))
        #expect(try await live(store) == ["r0", "r1", "r3", "r4", "r5", "r6", "r7", "r8", "r9"])
        // The run scratch is empty once the run has ended.
        let left = try await store.pool.write { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scratch.run_withdrawn") }
        #expect(left == 0)
    }

    @Test("The circuit breaker holds reported deletions over the limit, and accepting them applies them")
    func theBreakerHoldsWithdrawals() async throws {
        let store = try CatalogStore.temporary()
        try await tenRecords(store)
        let withdrawn = ["r0", "r1", "r2"]
        let listing = RunListing(changesSince: "2026-12-01", mark: "2026-12-02T00:00:00Z", fingerprint: "f")
        let held = try await store.completeRun(run: try await run(store, withdrawn: withdrawn), isComplete: true, listing: listing)
        #expect(held.status == .held)
        #expect(held.heldDeletions == 3)
        #expect(try await live(store).count == 10)
        let accepted = try await store.completeRun(run: try await run(store, withdrawn: withdrawn), isComplete: true,
                                                   deletionPolicy: DeletionPolicy(acceptDeletions: true), listing: listing)
        #expect(accepted.counts.deleted == 3)
        #expect(try await live(store).count == 7)
    }

    @Test("A run that only reports deletions is not a run that saw nothing")
    func onlyWithdrawalsIsNotSawNothing() async throws {
        let store = try CatalogStore.temporary()
        try await tenRecords(store)
        let summary = try await store.completeRun(run: try await run(store, withdrawn: ["r5"]), isComplete: true,
                                                  listing: RunListing(changesSince: "2026-12-01", fingerprint: "f"))
        #expect(summary.status == .succeeded, "\(summary.message)")
        #expect(summary.counts.deleted == 1)
    }

    @Test("The listing mark is stored by runs read to the end and applied in full, and keeps the full listing's time")
    func listingMarks() async throws {
        let clock = TestClock()
        var configuration = CatalogStore.Configuration()
        configuration.now = { clock.now }
        let store = try CatalogStore.temporary(configuration: configuration)
        #expect(try await store.listingMark(source: "test") == nil)

        // A full listing read to the end starts the full-listing clock.
        let full = try await run(store, records: (0..<10).map { makeRecord("r\($0)", title: "Record \($0)") })
        let fullStart = clock.now
        clock.advance(by: 60)
        _ = try await store.completeRun(run: full, isComplete: true, listing: RunListing(mark: "2026-12-01T00:00:00Z", fingerprint: "f"))
        var mark = try #require(try await store.listingMark(source: "test"))
        #expect(mark.mark == "2026-12-01T00:00:00Z")
        #expect(mark.fingerprint == "f")
        #expect(abs(mark.fullListingAt.timeIntervalSince(fullStart)) < 1)
        #expect(mark.run == full)

        // An incremental run moves the mark, not the clock.
        clock.advance(by: 3600)
        let changes = try await run(store, records: [makeRecord("r1", title: "Changed")])
        _ = try await store.completeRun(run: changes, isComplete: true,
                                        listing: RunListing(changesSince: "2026-12-01T00:00:00Z", mark: "2026-12-02T00:00:00Z", fingerprint: "f"))
        mark = try #require(try await store.listingMark(source: "test"))
        #expect(mark.mark == "2026-12-02T00:00:00Z")
        #expect(abs(mark.fullListingAt.timeIntervalSince(fullStart)) < 1)
        #expect(mark.run == changes)

        // Neither an incomplete list, nor a held run, nor a mark under another fingerprint moves it.
        _ = try await store.completeRun(run: try await run(store), isComplete: false,
                                        listing: RunListing(changesSince: "2026-12-02T00:00:00Z", mark: "2026-12-03T00:00:00Z", fingerprint: "f"))
        _ = try await store.completeRun(run: try await run(store, withdrawn: ["r0", "r2", "r3"]), isComplete: true,
                                        listing: RunListing(changesSince: "2026-12-02T00:00:00Z", mark: "2026-12-04T00:00:00Z", fingerprint: "f"))
        _ = try await store.completeRun(run: try await run(store), isComplete: true,
                                        listing: RunListing(changesSince: "2026-12-02T00:00:00Z", mark: "2026-12-05T00:00:00Z", fingerprint: "g"))
        // A run without a mark leaves the older one, a lower bound still.
        _ = try await store.completeRun(run: try await run(store), isComplete: true,
                                        listing: RunListing(changesSince: "2026-12-02T00:00:00Z", fingerprint: "f"))
        #expect(try await store.listingMark(source: "test")?.mark == "2026-12-02T00:00:00Z")

        // A full listing under a new fingerprint replaces it, clock and all.
        clock.advance(by: 86400)
        let again = try await run(store)
        _ = try await store.completeRun(run: again, isComplete: true, deletionPolicy: DeletionPolicy(acceptDeletions: true),
                                        listing: RunListing(mark: "2026-12-06T00:00:00Z", fingerprint: "g"))
        mark = try #require(try await store.listingMark(source: "test"))
        #expect(mark.fingerprint == "g")
        #expect(mark.mark == "2026-12-06T00:00:00Z")
        #expect(mark.fullListingAt > fullStart.addingTimeInterval(86400))
    }
}
