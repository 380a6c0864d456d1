import Foundation
import KatalogStore
import Logging
import Synchronization
import Testing
@testable import KatalogHarvest

@Suite("The harvester prunes a source's old runs before each run")
struct RunHistoryHarvestTests {
    private final class Clock: Sendable {
        private let current = Mutex(Date(timeIntervalSince1970: 1_750_000_000))
        var now: Date { current.withLock { $0 } }
        func advance(days: Double) { current.withLock { $0 = $0.addingTimeInterval(days * 86400) } }
    }

    private func harvestThreeTimes(keepRuns: TimeInterval?) async throws -> (runs: [RunID], kept: [RunID], log: RecordingLogHandler.Store) {
        let portal = CKANTestPortal(packages: CKANHarvestTests.packages(3))
        let server = TestHTTPServer(handler: portal.handler)
        try server.start()
        defer { server.stop() }
        let clock = Clock()
        let store = try CatalogStore.temporary(configuration: .init(now: { clock.now }))
        let (logger, log) = RecordingLogHandler.logger()
        let harvester = Harvester(store: store, logger: logger, clientConfiguration: CKANHarvestTests.fastRetries, keepRuns: keepRuns)
        var source = SourceConfig(name: "portal", kind: .ckan, url: server.url("/portal/"), pageSize: 5)
        source.incremental = false
        var runs: [RunID] = []
        for _ in 0..<3 {
            let summary = try await harvester.run(source)
            #expect(summary.status == .succeeded)
            runs.append(summary.run)
            clock.advance(days: 200)
        }
        let kept = try await store.runs(source: "portal", limit: 100).map(\.id)
        return (runs, kept.sorted { $0.rawValue < $1.rawValue }, log)
    }

    @Test("Runs older than keep_runs leave the history, and the removal is logged")
    func prunes() async throws {
        let (runs, kept, log) = try await harvestThreeTimes(keepRuns: 180 * 86400)
        // Before the third run, the first (200 days old, older than the newest applied run) goes. The second is old
        // too, but it is the newest applied run at that moment.
        #expect(kept == [runs[1], runs[2]])
        let removal = try #require(log.all.first { $0.message == "old runs removed from the harvest history" })
        #expect(removal.metadata["harvest.runs_removed"]?.description == "1")
        #expect(removal.metadata["harvest.keep_days"]?.description == "180")
    }

    @Test("keep_runs: all keeps every run")
    func keepsAll() async throws {
        let (runs, kept, _) = try await harvestThreeTimes(keepRuns: nil)
        #expect(kept == runs)
    }
}
