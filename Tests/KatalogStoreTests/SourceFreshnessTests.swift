import Foundation
import Testing
@testable import KatalogStore

@Suite("When each source was last brought up to date")
struct SourceFreshnessTests {
    @Test("The newest applied run, the failures after it, and the first run, per source")
    func freshnessPerSource() async throws {
        let clock = TestClock()
        let store = try CatalogStore.temporary(configuration: .init(now: { clock.now }))
        let firstRun = clock.now

        // Source a: applied, then failed, then aborted.
        let applied = try await harvest(store, source: "a", [makeRecord("r1", title: "One")]).run
        clock.advance(by: 3600)
        let failed = try await store.beginRun(source: "a", kind: "ckan", url: "https://example.org/a")
        try await store.failRun(run: failed, error: "connection refused")
        clock.advance(by: 3600)
        let aborted = try await store.beginRun(source: "a", kind: "ckan", url: "https://example.org/a")
        try await store.failRun(run: aborted, error: "cancelled", status: .aborted)

        // Source b: only failures.
        let onlyFailed = try await store.beginRun(source: "b", kind: "dcat", url: "https://example.org/b")
        try await store.failRun(run: onlyFailed, error: "HTTP 500")

        // Source c: applied, failed, then found unchanged (a 304 counts as up to date), then one running.
        _ = try await harvest(store, source: "c", [makeRecord("r1", title: "One")])
        let cFailed = try await store.beginRun(source: "c", kind: "dcat", url: "https://example.org/c")
        try await store.failRun(run: cFailed, error: "timeout")
        clock.advance(by: 60)
        let unchanged = try await store.beginRun(source: "c", kind: "dcat", url: "https://example.org/c")
        _ = try await store.completeUnchangedRun(run: unchanged)
        let running = try await store.beginRun(source: "c", kind: "dcat", url: "https://example.org/c")

        let freshness = try await store.sourceFreshness()
        #expect(freshness.keys.sorted() == ["a", "b", "c"])

        let a = try #require(freshness["a"])
        #expect(a.lastRun.id == aborted)
        #expect(a.lastRun.status == .aborted)
        #expect(a.lastApplied?.id == applied)
        #expect(a.lastApplied?.status == .succeeded)
        #expect(a.failedSinceApplied == 2)
        #expect(a.firstRunStartedAt == firstRun)

        let b = try #require(freshness["b"])
        #expect(b.lastApplied == nil)
        #expect(b.failedSinceApplied == 1)
        #expect(b.lastRun.id == onlyFailed)

        let c = try #require(freshness["c"])
        #expect(c.lastRun.id == running)
        #expect(c.lastRun.status == .running)
        #expect(c.lastApplied?.id == unchanged)
        #expect(c.lastApplied?.status == .unchanged)
        #expect(c.lastApplied?.endedAt == clock.now)
        #expect(c.failedSinceApplied == 0)
    }

    @Test("Deletions a held run kept back are reported until a run applies the source again")
    func heldDeletions() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, source: "a", (1...5).map { makeRecord("r\($0)", title: "Record \($0)") })
        // Two of five gone: 40%, over the breaker's 20%.
        let held = try await harvest(store, source: "a", (1...3).map { makeRecord("r\($0)", title: "Record \($0)") })
        #expect(held.status == .held)
        #expect(try await store.sourceFreshness()["a"]?.deletionsHeld == 2)
        let failed = try await store.beginRun(source: "a", kind: "ckan", url: "https://example.org/a")
        try await store.failRun(run: failed, error: "HTTP 503")
        #expect(try await store.sourceFreshness()["a"]?.deletionsHeld == 2, "a failure after the held run changes nothing")
        try await harvest(store, source: "a", (1...3).map { makeRecord("r\($0)", title: "Record \($0)") },
                          policy: DeletionPolicy(acceptDeletions: true))
        #expect(try await store.sourceFreshness()["a"]?.deletionsHeld == 0)
    }

    @Test("Which statuses bring a source up to date")
    func appliedStatuses() {
        #expect(RunStatus.allCases.filter(\.isApplied) == [.succeeded, .partial, .held, .unchanged])
    }

    @Test("A catalogue without runs has no sources to report")
    func noRuns() async throws {
        let store = try CatalogStore.temporary()
        #expect(try await store.sourceFreshness().isEmpty)
    }
}
