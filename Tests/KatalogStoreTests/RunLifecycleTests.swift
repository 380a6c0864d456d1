import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

@Suite("Run lifecycle")
struct RunLifecycleTests {
    @Test("A second identical run stages nothing and writes no live row")
    func unchangedRunWritesNothing() async throws {
        let store = try CatalogStore.temporary()
        let records = (1...5).map { makeRecord("r\($0)", title: "Record \($0)", description: "About thing \($0)") }
        let first = try await harvest(store, records)
        #expect(first.counts.added == 5)
        #expect(first.status == .succeeded)
        let before = try await dumpLiveTables(store)

        let run = try await store.beginRun(source: "test", kind: "ckan", url: "https://example.org/test")
        let known = try await store.knownHashes(source: "test")
        let changed = try records.filter { try known[$0.sourceIdentifier] != CatalogStore.contentHash(of: $0) }
        #expect(changed.isEmpty)
        let staged = try await store.pool.write { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staged_records") }
        #expect(staged == 0)
        // A seen identifier that was skipped (never stored) is neither unchanged nor a deletion trigger.
        let seen = Set(records.map(\.sourceIdentifier)).union(["skipped-record"])
        let summary = try await store.completeRun(run: run, seen: seen, isComplete: true)
        #expect(summary.counts.added == 0)
        #expect(summary.counts.updated == 0)
        #expect(summary.counts.unchanged == 5)
        #expect(summary.counts.deleted == 0)
        #expect(try await dumpLiveTables(store) == before)
    }

    @Test("Staging an identical record again counts it unchanged without touching the live row")
    func stagedIdenticalRecordIsUnchanged() async throws {
        let store = try CatalogStore.temporary()
        let record = makeRecord("r1", title: "Same")
        try await harvest(store, [record])
        let before = try await dumpLiveTables(store)
        let run = try await store.beginRun(source: "test", kind: "ckan", url: "u")
        try await store.stage(run: run, records: [record])
        let summary = try await store.completeRun(run: run, seen: ["r1"], isComplete: true)
        #expect(summary.counts.unchanged == 1)
        #expect(summary.counts.updated == 0)
        #expect(try await dumpLiveTables(store) == before)
    }

    @Test("A changed record is updated, counted, and re-indexed")
    func changedRecordIsUpdated() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, [makeRecord("r1", title: "Bicycle counts"), makeRecord("r2", title: "Ferry timetable")])
        let id = DatasetID.make(source: "test", sourceIdentifier: "r1")
        let before = try #require(try await store.dataset(id: id))
        let summary = try await harvest(store, [makeRecord("r1", title: "Tram counts"), makeRecord("r2", title: "Ferry timetable")])
        #expect(summary.counts.updated == 1)
        #expect(summary.counts.added == 0)
        #expect(summary.counts.unchanged == 1)
        #expect(try await ids(store, "bicycle").isEmpty)
        #expect(try await ids(store, "tram") == ["r1"])
        let after = try #require(try await store.dataset(id: id))
        #expect(after.dataset.title.best() == "Tram counts")
        #expect(after.changeSeq > before.changeSeq)
        #expect(after.firstSeen == before.firstSeen)
        #expect(after.contentHash != before.contentHash)
        let all = try await store.changes(sinceSeq: 0, limit: 10)
        #expect(all.changes.count == 2)
        let changes = try await store.changes(sinceSeq: all.changes[0].changeSeq, limit: 10)
        #expect(changes.changes.map(\.id) == [id])
        #expect(changes.changes.first?.kind == .updated)
        #expect(changes.nextSeq == after.changeSeq)
    }

    @Test("A failed run leaves the live catalogue exactly as it was")
    func failedRunChangesNothing() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, [makeRecord("r1", title: "One"), makeRecord("r2", title: "Two")])
        let before = try await dumpLiveTables(store)
        let run = try await store.beginRun(source: "test", kind: "ckan", url: "u")
        try await store.stage(run: run, records: [makeRecord("r1", title: "Changed"), makeRecord("r3", title: "New")])
        try await store.failRun(run: run, error: "connection reset after 2 pages")
        #expect(try await dumpLiveTables(store) == before)
        let recorded = try #require(try await store.run(run))
        #expect(recorded.status == .failed)
        #expect(recorded.message == "connection reset after 2 pages")
        let staged = try await store.pool.write { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staged_records") }
        #expect(staged == 0)
        await #expect(throws: StoreError.self) { try await store.completeRun(run: run, seen: [], isComplete: true) }
    }

    @Test("A stale running run is aborted by the next beginRun; a fresh one makes the source busy")
    func staleAndBusyRuns() async throws {
        let clock = TestClock()
        let store = try CatalogStore.temporary(configuration: .init(staleRunInterval: 120, now: { clock.now }))
        let first = try await store.beginRun(source: "test", kind: "ckan", url: "u")
        try await store.stage(run: first, records: [makeRecord("r1", title: "Staged by a dead run")])
        clock.advance(by: 60)
        try await store.heartbeat(run: first)
        clock.advance(by: 100)
        do {
            _ = try await store.beginRun(source: "test", kind: "ckan", url: "u")
            Issue.record("expected sourceBusy")
        } catch let error as StoreError {
            #expect(error.code == .sourceBusy)
            #expect(error.context["run"] == first.description)
        }
        // Another source is not locked.
        let other = try await store.beginRun(source: "other", kind: "dcat", url: "u2")
        try await store.failRun(run: other, error: "cancelled", status: .aborted)

        clock.advance(by: 121)
        let second = try await store.beginRun(source: "test", kind: "ckan", url: "u")
        let aborted = try #require(try await store.run(first))
        #expect(aborted.status == .aborted)
        #expect(aborted.endedAt != nil)
        let staged = try await store.pool.write { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staged_records") }
        #expect(staged == 0)
        do {
            try await store.heartbeat(run: first)
            Issue.record("expected runNotActive")
        } catch let error as StoreError {
            #expect(error.code == .runNotActive)
        }
        let summary = try await store.completeRun(run: second, seen: [], isComplete: true)
        #expect(summary.status == .succeeded)
        #expect(try await store.datasetCount() == 0)
        let runs = try await store.runs(source: "test", limit: 10)
        #expect(runs.map(\.id) == [second, first])
        let last = try await store.lastRuns()
        #expect(last["test"]?.id == second)
        #expect(last["other"]?.status == .aborted)
    }

    @Test("Applying a run credits other running runs with the time it held the write lock")
    func applyCreditsOtherRunsHeartbeats() async throws {
        let clock = TestClock()
        let store = try CatalogStore.temporary(configuration: .init(staleRunInterval: 120, now: { clock.now }))
        let waiting = try await store.beginRun(source: "waiting", kind: "ckan", url: "u")
        let before = try #require(try await store.run(waiting)).heartbeatAt
        clock.advance(by: 100)
        let big = try await store.beginRun(source: "big", kind: "dcat", url: "u2")
        for batch in 0..<4 {
            let records = (0..<500).map { makeRecord("r\(batch)-\($0)", title: "Dataset \(batch) \($0)", description: "Text \($0)") }
            try await store.stage(run: big, records: records)
        }
        let started = ContinuousClock.now
        _ = try await store.completeRun(run: big, seen: [], isComplete: true)
        let applying = (ContinuousClock.now - started).seconds

        // The waiting run could not have written its heartbeat while the lock was held: the apply moved it on.
        let after = try #require(try await store.run(waiting)).heartbeatAt
        let credit = after.timeIntervalSince(before)
        #expect(credit > 0)
        #expect(credit <= applying + 0.001)
        // A run that ended is not credited, and the credit never passes the clock.
        let ended = try #require(try await store.run(big))
        #expect(ended.heartbeatAt == clock.now)
        #expect(after <= clock.now)
    }

    @Test("Run errors, counts and status are recorded")
    func errorsAreRecorded() async throws {
        let store = try CatalogStore.temporary()
        let summary = try await harvest(store, [makeRecord("r1", title: "One")],
                                        errors: [RunIssue(subject: "r2", cause: "no title")])
        #expect(summary.status == .partial)
        let run = try #require(try await store.run(summary.run))
        #expect(run.errors == [RunIssue(subject: "r2", cause: "no title")])
        #expect(run.counts.errored == 1)
        #expect(run.counts.fetched == 1)
        #expect(run.counts.added == 1)
        #expect(run.isComplete == true)
        let incomplete = try await harvest(store, [makeRecord("r1", title: "One")], isComplete: false)
        #expect(incomplete.status == .partial)
    }

    @Test("Reads: by source identifier, sources, distributions, publishers, validators, integrity")
    func reads() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, [makeRecord("r1", title: "One", publisher: "Lantmäteriet", formats: ["CSV", "json"],
                                             downloadURL: "https://example.org/r1.zip")])
        let stored = try #require(try await store.dataset(source: "test", sourceIdentifier: "r1"))
        #expect(stored.id == DatasetID.make(source: "test", sourceIdentifier: "r1"))
        #expect(String(decoding: stored.raw, as: UTF8.self) == "{\"id\":\"r1\"}")
        #expect(stored.rawFormat == "application/json")
        #expect(try await store.dataset(id: "not-an-id") == nil)
        let distributions = try await store.distributions(datasetID: stored.id)
        #expect(distributions.map(\.formatKey) == ["CSV", "JSON", "ZIP"])
        #expect(distributions.last?.downloadURL == "https://example.org/r1.zip")
        let sources = try await store.sources()
        #expect(sources == [SourceInfo(name: "test", kind: "ckan", url: "https://example.org/test", datasetCount: 1)])
        let publishers = try await store.publishers()
        #expect(publishers.map(\.key) == ["https://example.org/org/lantmäteriet"])
        #expect(publishers.first?.name.best() == "Lantmäteriet")
        #expect(try await store.datasets(limit: 10).map(\.sourceIdentifier) == ["r1"])

        #expect(try await store.validators(url: "https://example.org/a") == nil)
        let validators = DocumentValidators(etag: "\"abc\"", lastModified: "Tue, 01 Jul 2025 10:00:00 GMT",
                                        contentSHA256: String(repeating: "ab", count: 32), mapping: "m1")
        try await store.storeValidators(url: "https://example.org/a", validators)
        #expect(try await store.validators(url: "https://example.org/a") == validators)
        // A digest alone is worth keeping (a server without validators); nothing at all forgets the URL.
        try await store.storeValidators(url: "https://example.org/a", DocumentValidators(contentSHA256: "cd", mapping: "m2"))
        #expect(try await store.validators(url: "https://example.org/a") == DocumentValidators(contentSHA256: "cd", mapping: "m2"))
        try await store.storeValidators(url: "https://example.org/a", DocumentValidators(mapping: "m2"))
        #expect(try await store.validators(url: "https://example.org/a") == nil)
        #expect(try await store.integrityCheck())
    }

    @Test("Reopening an existing database keeps its data and does not re-run migrations")
    func reopen() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, [makeRecord("r1", title: "One")])
        let reopened = try CatalogStore(path: store.path)
        #expect(try await reopened.datasetCount() == 1)
    }

    @Test("A catalogue migrated by a newer Katalog is refused with a clear error, and left as it was")
    func newerSchemaIsRefused() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, [makeRecord("r1", title: "One")])
        try await store.pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-a-later-version')")
        }
        do {
            _ = try CatalogStore(path: store.path)
            Issue.record("expected newerSchema")
        } catch let error as StoreError {
            #expect(error.code == .newerSchema)
            #expect(error.message.contains("v99-from-a-later-version"))
            #expect(error.context["path"] == store.path)
        }
        #expect(try await store.datasetCount() == 1)
        let applied = try await store.pool.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied.contains("v99-from-a-later-version"))
    }
}
