import Foundation
import KatalogStore
import Logging
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `katalog serve --config` as an operator runs it: a scheduled harvest starts by itself, and SIGTERM in the
/// middle of it ends the process cleanly with the run recorded as aborted, never left running.
struct ServeShutdownTests {
    @Test func sigtermDuringAScheduledRunAbortsItAndExitsCleanly() async throws {
        let site = DCATTestSite()
        site.set("/slow.ttl", DCATTestSite.turtle(DCATTestSite.datasets(2)), contentType: "text/turtle")
        // The source takes a minute to answer: the run is still fetching when the signal comes.
        site.inject([.delayed(.seconds(60), then: .text("late"))], at: "/slow.ttl")
        let server = TestHTTPServer(handler: site.handler)
        try server.start()
        defer { server.stop() }

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("katalog.sqlite").path
        let config = directory.appendingPathComponent("sources.yaml")
        try """
            database: \(database)
            sources:
              - name: slow
                type: dcat
                url: \(server.url("/slow.ttl"))
                every: 1m
            """.write(to: config, atomically: true, encoding: .utf8)

        let log = directory.appendingPathComponent("serve.log")
        let process = try ChildProcess(KatalogProcess.executable(),
                                       ["serve", "--config", config.path, "--host", "127.0.0.1", "--port", "0", "--log-level", "warning"],
                                       stdout: log.path, stderr: log.path)
        defer { process.send(SIGTERM) }

        // The scheduler starts the never-harvested source at once (plus at most 3 s of jitter).
        let store = try await Self.poll("the database to appear", deadline: .seconds(30)) {
            FileManager.default.fileExists(atPath: database) ? try CatalogStore(path: database, logger: Logger(label: "test")) : nil
        }
        _ = try await Self.poll("the scheduled run to start", deadline: .seconds(30)) {
            try await store.runs(source: "slow", limit: 1).first.flatMap { $0.status == .running ? $0 : nil }
        }
        _ = try await Self.poll("the run's request to reach the source", deadline: .seconds(30)) { site.requests.isEmpty ? nil : true }

        process.send(SIGTERM)
        _ = try await Self.poll("katalog serve to exit", deadline: .seconds(30)) { process.isRunning ? nil : true }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(process.termination?.exited == true)
        #expect(process.termination?.code == 0, "\(output)")
        let runs = try await store.runs(source: "slow", limit: 10)
        #expect(runs.count == 1)
        #expect(runs.first?.status == .aborted, "\(runs.first.map { "\($0.status): \($0.message ?? "")" } ?? "no run")")
        #expect(!runs.contains { $0.status == .running })
        #expect(try await store.integrityCheck())
    }

    /// Polls `probe` every 50 ms until it returns a value, failing after `deadline`. It asks once more after the
    /// deadline: on a machine loaded by the rest of the suite, the poller itself may wake up only after it.
    static func poll<T>(_ what: String, deadline: Duration, _ probe: () async throws -> T?) async throws -> T {
        let end = ContinuousClock.now + deadline
        while ContinuousClock.now < end {
            if let value = try await probe() { return value }
            try await Task.sleep(for: .milliseconds(50))
        }
        if let value = try await probe() { return value }
        throw TestFailure("timed out waiting for \(what)")
    }
}
