import Dispatch
import Foundation
import GRDB
import KatalogModel
import Logging
import Testing
@testable import KatalogHarvest
@testable import KatalogStore

/// Two processes harvesting into one catalogue: while one holds the write lock (applying a large run takes
/// minutes), the other's writes wait for it instead of failing, and say that they wait.
struct WriteLockTests {
    /// Holds the catalogue's write lock from a connection of its own until `release()`.
    struct LockHolder {
        let gate: DispatchSemaphore
        let task: Task<Void, any Error>

        /// Returns once the lock is held. The holding write blocks a GRDB writer thread, never the task pool.
        static func hold(path: String) async throws -> LockHolder {
            let other = try CatalogStore(path: path)
            let gate = DispatchSemaphore(value: 0)
            let (held, signal) = AsyncStream<Void>.makeStream()
            let task = Task {
                defer { signal.finish() }
                try await other.pool.write { db in
                    try db.execute(sql: "UPDATE store_state SET change_seq = change_seq WHERE id = 1")
                    signal.yield()
                    gate.wait()
                }
            }
            for await _ in held { break }
            return LockHolder(gate: gate, task: task)
        }

        func release() async throws {
            gate.signal()
            try await task.value
        }
    }

    static func portal() -> CKANTestPortal {
        CKANTestPortal(packages: (0..<5).map { index in
            CKANTestPortal.package(id: "pkg-\(index)", title: "Bullerkartläggning \(index)", notes: "Väg och järnväg.",
                                   tags: ["buller"], resources: [("CSV", "https://data.example.se/buller/\(index).csv")])
        })
    }

    @Test func aHarvestWaitsForAnotherProcesssWriteAndSaysSo() async throws {
        let server = TestHTTPServer(handler: Self.portal().handler)
        try server.start()
        defer { server.stop() }
        let (logger, log) = RecordingLogHandler.logger()
        // The wait is logged after half the limit (at most 5 s): here after 5 s, with 5 s to spare. (With a 2 s limit
        // a loaded machine's first 0.5 s attempt once overran the whole limit, and the write gave up unannounced.)
        let store = try CatalogStore.temporary(configuration: .init(busyTimeout: 10), logger: logger)
        let holder = try await LockHolder.hold(path: store.path)
        let harvester = Harvester(store: store, logger: logger)
        let source = SourceConfig(name: "buller", kind: .ckan, url: server.url("/portal/"), pageSize: 10)
        let run = Task { try await harvester.run(source) }

        let deadline = ContinuousClock.now + .seconds(30)
        while !log.all.contains(where: { $0.message.hasPrefix("waiting for the catalogue's write lock") }), ContinuousClock.now < deadline {
            await Task.yield()
        }
        let notice = try #require(log.all.first { $0.message.hasPrefix("waiting for the catalogue's write lock") })
        #expect(notice.level == .warning)
        #expect(notice.metadata["store.path"]?.description == store.path)
        try await holder.release()

        let summary = try await run.value
        #expect(summary.status == .succeeded)
        #expect(summary.counts.added == 5)
        #expect(try await store.datasetCount() == 5)
    }

    @Test func aWriteGivesUpAfterItsLimitWithABusyError() async throws {
        let (logger, log) = RecordingLogHandler.logger()
        let store = try CatalogStore.temporary(configuration: .init(busyTimeout: 0.3), logger: logger)
        let holder = try await LockHolder.hold(path: store.path)
        do {
            _ = try await store.beginRun(source: "buller", kind: "ckan", url: "http://127.0.0.1/")
            Issue.record("expected a busy error")
        } catch let error as StoreError {
            #expect(error.code == .busy)
            #expect(error.message.contains("starting a run"))
        }
        try await holder.release()
        #expect(log.all.contains { $0.level == .error && $0.message == "gave up waiting for the catalogue's write lock" })
        // Once the lock is free the same call succeeds.
        let run = try await store.beginRun(source: "buller", kind: "ckan", url: "http://127.0.0.1/")
        try await store.failRun(run: run, error: "test over", status: .aborted)
    }

    @Test func cancellingAWaitingWriteEndsTheWait() async throws {
        let (logger, log) = RecordingLogHandler.logger()
        // The default limit (ten minutes); the wait is logged after 5 s.
        let store = try CatalogStore.temporary(logger: logger)
        let holder = try await LockHolder.hold(path: store.path)
        let waiting = Task { try await store.beginRun(source: "buller", kind: "ckan", url: "http://127.0.0.1/") }
        let deadline = ContinuousClock.now + .seconds(30)
        while !log.all.contains(where: { $0.message.hasPrefix("waiting for the catalogue's write lock") }), ContinuousClock.now < deadline {
            await Task.yield()
        }
        #expect(log.all.contains { $0.message.hasPrefix("waiting for the catalogue's write lock") })
        let cancelled = ContinuousClock.now
        waiting.cancel()
        await #expect(throws: (any Error).self) { _ = try await waiting.value }
        // Within one attempt (SQLite waits at most 2 s), not the ten-minute limit.
        #expect(ContinuousClock.now - cancelled < .seconds(4))
        try await holder.release()
        #expect(try await store.runs(limit: 10).isEmpty)
    }

    @Test func aCatalogueOpensWhileAnotherProcessWrites() async throws {
        let store = try CatalogStore.temporary(configuration: .init(busyTimeout: 2))
        let holder = try await LockHolder.hold(path: store.path)
        let started = ContinuousClock.now
        let other = try CatalogStore(path: store.path, configuration: .init(busyTimeout: 2))
        #expect(ContinuousClock.now - started < .seconds(1), "an up-to-date catalogue opens without the write lock")
        #expect(try await other.datasetCount() == 0)
        try await holder.release()
    }
}
