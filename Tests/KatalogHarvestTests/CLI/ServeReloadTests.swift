import Foundation
import KatalogHarvest
import KatalogStore
import Logging
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `katalog serve --config` reads its sources again on SIGHUP: a source added is harvested without a restart and
/// shows in `/health`, a source removed stops being scheduled, and a file that no longer loads changes nothing.
struct ServeReloadTests {
    @Test func sighupAddsAndRemovesScheduledSources() async throws {
        let site = DCATTestSite()
        site.set("/a.ttl", DCATTestSite.turtle(DCATTestSite.datasets(2)), contentType: "text/turtle")
        site.set("/b.ttl", DCATTestSite.turtle(DCATTestSite.datasets(3)), contentType: "text/turtle")
        let server = TestHTTPServer(handler: site.handler)
        try server.start()
        defer { server.stop() }

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("katalog.sqlite").path
        let config = directory.appendingPathComponent("sources.yaml")
        func source(_ name: String) -> String {
            "  - name: \(name)\n    type: dcat\n    url: \(server.url("/\(name).ttl"))\n    every: 1m\n"
        }
        try ("database: \(database)\nsources:\n" + source("a")).write(to: config, atomically: true, encoding: .utf8)

        let log = directory.appendingPathComponent("serve.log")
        let process = try ChildProcess(KatalogProcess.executable(),
                                       ["serve", "--config", config.path, "--host", "127.0.0.1", "--port", "0", "--log-level", "info",
                                        "--log-format", "json"],
                                       stdout: log.path, stderr: log.path)
        defer { process.send(SIGTERM) }
        func output() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

        let port = try await ServeShutdownTests.poll("the hub to listen", deadline: .seconds(30)) {
            output().firstMatch(of: /listening on http:\/\/127\.0\.0\.1:(\d+)\//).map { String($0.1) }
        }
        let store = try await ServeShutdownTests.poll("the database to appear", deadline: .seconds(30)) {
            FileManager.default.fileExists(atPath: database) ? try CatalogStore(path: database, logger: Logger(label: "test")) : nil
        }
        func applied(_ name: String) async throws -> Bool {
            try await store.runs(source: name, limit: 5).contains { $0.status == .succeeded }
        }
        // A source never harvested with an `every` schedule runs at once (after at most 3 s of jitter: 5% of 1m).
        _ = try await ServeShutdownTests.poll("source a's first run", deadline: .seconds(240)) { try await applied("a") ? true : nil }

        // Add b, and send SIGHUP: b is harvested and /health lists it as scheduled, without a restart.
        // harvest.concurrency changes too: only a restart applies it, and the reload says so.
        try ("database: \(database)\nharvest: {concurrency: 3}\nsources:\n" + source("a") + source("b"))
            .write(to: config, atomically: true, encoding: .utf8)
        process.send(SIGHUP)
        _ = try await ServeShutdownTests.poll("the reload", deadline: .seconds(30)) {
            output().contains("b added") ? true : nil
        }
        _ = try await ServeShutdownTests.poll("source b's first run", deadline: .seconds(240)) { try await applied("b") ? true : nil }
        #expect(process.isRunning)
        let health = try await Self.health(port: port)
        let sources = try #require(health["sources"] as? [[String: Any]])
        #expect(sources.first { $0["name"] as? String == "b" }?["schedule"] as? String == "every: 60s", "\(sources)")
        #expect(output().contains(#""harvest.changes":"b added""#), "a is unchanged, so its schedule goes on as it was")
        #expect(output().contains(#""config.setting":"harvest.concurrency""#), "\(output())")

        // A file that does not load: the running configuration stays.
        try "sources: [".write(to: config, atomically: true, encoding: .utf8)
        process.send(SIGHUP)
        _ = try await ServeShutdownTests.poll("the failed reload to be logged", deadline: .seconds(30)) {
            output().contains("reloading the configuration failed") ? true : nil
        }
        #expect(process.isRunning)

        // Remove a: it is no longer scheduled, so /health no longer gives it a schedule.
        try ("database: \(database)\nsources:\n" + source("b")).write(to: config, atomically: true, encoding: .utf8)
        process.send(SIGHUP)
        _ = try await ServeShutdownTests.poll("a's removal", deadline: .seconds(30)) { output().contains("a removed") ? true : nil }
        let after = try #require(try await Self.health(port: port)["sources"] as? [[String: Any]])
        #expect(after.first { $0["name"] as? String == "a" }?["schedule"] == nil, "\(after)")
        #expect(after.first { $0["name"] as? String == "b" }?["schedule"] as? String != nil)

        process.send(SIGTERM)
        _ = try await ServeShutdownTests.poll("katalog serve to exit", deadline: .seconds(30)) { process.isRunning ? nil : true }
        #expect(process.termination?.code == 0, "\(output())")
        // With --log-format json every line is a JSON object, the address it listens on among them.
        let lines = output().split(separator: "\n")
        #expect(lines.count > 10)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["message"] is String, "\(line)")
        }
        #expect(lines.contains { $0.contains(#""level":"notice""#) && $0.contains("Katalog hub listening on") })
    }

    @Test func sighupWithoutAConfigIsLoggedAndNotFatal() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // A catalogue to serve: a harvest creates it, even one whose source (a closed port) fails.
        try "database: katalog.sqlite\nsources:\n  - {name: gone, type: dcat, url: \"http://127.0.0.1:1/c.ttl\"}\n".write(
            to: directory.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
        _ = try await KatalogProcess.run(["harvest", "--config", "sources.yaml"], in: directory)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("katalog.sqlite").path))
        let log = directory.appendingPathComponent("serve.log")
        let process = try ChildProcess(KatalogProcess.executable(),
                                       ["serve", "--db", directory.appendingPathComponent("katalog.sqlite").path, "--port", "0"],
                                       stdout: log.path, stderr: log.path)
        defer { process.send(SIGTERM) }
        func output() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        _ = try await ServeShutdownTests.poll("the hub to listen", deadline: .seconds(30)) { output().contains("listening on") ? true : nil }
        process.send(SIGHUP)
        _ = try await ServeShutdownTests.poll("the warning", deadline: .seconds(30)) {
            output().contains("there is no configuration to reload") ? true : nil
        }
        #expect(process.isRunning)
        process.send(SIGTERM)
        _ = try await ServeShutdownTests.poll("katalog serve to exit", deadline: .seconds(30)) { process.isRunning ? nil : true }
        #expect(process.termination?.code == 0, "\(output())")
    }

    /// `/health` of the hub on `port`, through Katalog's own client (which asks for gzip and decodes it).
    static func health(port: String) async throws -> [String: Any] {
        let response = try await HTTPTestSupport.client().get(HTTPRequest(url: "http://127.0.0.1:\(port)/health"))
        #expect(response.status == 200)
        #expect(response.head.headers["Content-Encoding"] == "gzip", "the hub compresses for a client that accepts it")
        return try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
    }
}
