import Foundation
import GRDB
import Testing
@testable import KatalogStore

@Suite("Pruning the harvest history")
struct RunHistoryTests {
    private func runIDs(_ store: CatalogStore, source: String) async throws -> [Int64] {
        try await store.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM runs WHERE source = ? ORDER BY id", arguments: [source])
        }
    }

    private func errorRows(_ store: CatalogStore, run: RunID) async throws -> Int {
        try await store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run_errors WHERE run_id = ?", arguments: [run.rawValue]) ?? -1
        }
    }

    private func fail(_ store: CatalogStore, source: String) async throws -> RunID {
        let run = try await store.beginRun(source: source, kind: "ckan", url: "https://example.org/\(source)")
        try await store.failRun(run: run, error: "HTTP 503")
        return run
    }

    @Test("Old runs go with their errors; the newest applied run, the runs after it, the marked run and running runs stay")
    func prunesOldRunsButKeepsWhatIsNeeded() async throws {
        let clock = TestClock()
        let store = try CatalogStore.temporary(configuration: .init(staleRunInterval: 1_000_000_000, now: { clock.now }))
        let day: TimeInterval = 86400
        let issues = (1...3).map { RunIssue(subject: "r\($0)", cause: "bad date") }

        let oldApplied = try await harvest(store, source: "a", [makeRecord("r1", title: "One")], errors: issues).run
        #expect(try await errorRows(store, run: oldApplied) == 3)
        clock.advance(by: day)
        let oldFailed = try await fail(store, source: "a")
        clock.advance(by: day)
        let marked = try await harvest(store, source: "a", [makeRecord("r1", title: "One")]).run
        try await store.pool.write { db in
            try db.execute(sql: "INSERT INTO listing_marks (source, mark, fingerprint, full_listing_at, run_id) VALUES ('a', '2025-01-01T00:00:00Z', 'f', ?, ?)",
                           arguments: [clock.now, marked.rawValue])
        }
        clock.advance(by: day)
        let oldUnapplied = try await fail(store, source: "a")
        clock.advance(by: day)
        let newestApplied = try await harvest(store, source: "a", [makeRecord("r1", title: "One, revised")]).run
        clock.advance(by: day)
        let failedAfter = try await fail(store, source: "a")

        // Source b: never applied, only old failures. Source c: a run that never ended (a crashed process).
        let bFailed = try await fail(store, source: "b")
        _ = try await harvest(store, source: "c", [makeRecord("c1", title: "C")])
        let crashed = try await store.beginRun(source: "c", kind: "ckan", url: "https://example.org/c")

        clock.advance(by: 200 * day)
        let recent = try await fail(store, source: "a")
        let cutoff = clock.now.addingTimeInterval(-180 * day)

        // At most `limit` a call, oldest first.
        #expect(try await store.pruneRuns(source: "a", endedBefore: cutoff, limit: 1) == 1)
        #expect(try await runIDs(store, source: "a").first == oldFailed.rawValue)
        #expect(try await store.pruneRuns(source: "a", endedBefore: cutoff) == 2)
        #expect(try await runIDs(store, source: "a") == [marked, newestApplied, failedAfter, recent].map(\.rawValue))
        #expect(try await errorRows(store, run: oldApplied) == 0)
        _ = oldUnapplied

        #expect(try await store.pruneRuns(source: "b", endedBefore: cutoff) == 0)
        #expect(try await runIDs(store, source: "b") == [bFailed.rawValue])
        #expect(try await store.pruneRuns(source: "c", endedBefore: cutoff) == 0)
        #expect(try await runIDs(store, source: "c").last == crashed.rawValue)

        // What /health reports is unchanged by the pruning.
        let freshness = try #require(try await store.sourceFreshness()["a"])
        #expect(freshness.lastApplied?.id == newestApplied)
        #expect(freshness.failedSinceApplied == 2)
        // Datasets keep the id of the run that last wrote them.
        let stored = try #require(try await store.dataset(source: "a", sourceIdentifier: "r1"))
        #expect(stored.lastRun == newestApplied)
    }

    @Test("Runs that ended after the cutoff stay, even before the newest applied run")
    func keepsRecentRuns() async throws {
        let clock = TestClock()
        let store = try CatalogStore.temporary(configuration: .init(now: { clock.now }))
        let first = try await harvest(store, source: "a", [makeRecord("r1", title: "One")]).run
        clock.advance(by: 3600)
        let second = try await harvest(store, source: "a", [makeRecord("r1", title: "Two")]).run
        #expect(try await store.pruneRuns(source: "a", endedBefore: clock.now.addingTimeInterval(-7200)) == 0)
        #expect(try await runIDs(store, source: "a") == [first.rawValue, second.rawValue])
        #expect(try await store.pruneRuns(source: "a", endedBefore: clock.now) == 1)
        #expect(try await runIDs(store, source: "a") == [second.rawValue])
    }
}
