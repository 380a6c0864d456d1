import Foundation
import KatalogHarvest
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `katalog serve`'s options for long searches: refused when out of range, and shown in `/metrics` when accepted.
struct ServeOptionsTests {
    @Test func outOfRangeLongSearchOptionsAreRefusedByName() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-serve-options-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (arguments, message) in [
            (["--long-search-ms=-1"], "--long-search-ms must be between 0 and 3600000"),
            (["--long-searches", "0"], "--long-searches must be between 1 and 256"),
            (["--long-searches-waiting", "300"], "--long-searches-waiting must be between 0 and 256"),
        ] {
            let output = try await KatalogProcess.run(["serve", "--db", "k.sqlite", "--port", "0"] + arguments, in: directory)
            #expect(output.status != 0, "\(arguments)")
            #expect(output.stderr.contains(message), "\(arguments): \(output.stderr)")
        }
        // Nothing was served, so no catalogue was created.
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("k.sqlite").path))
    }

    @Test func longSearchesAreCountedInMetrics() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-serve-options-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // A catalogue to serve: a harvest creates it, even one whose source (a closed port) fails.
        try "database: k.sqlite\nsources:\n  - {name: gone, type: dcat, url: \"http://127.0.0.1:1/c.ttl\"}\n".write(
            to: directory.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
        _ = try await KatalogProcess.run(["harvest", "--config", "sources.yaml"], in: directory)
        let log = directory.appendingPathComponent("serve.log")
        let process = try ChildProcess(KatalogProcess.executable(),
                                       ["serve", "--db", directory.appendingPathComponent("k.sqlite").path, "--port", "0",
                                        "--long-search-ms", "50", "--long-searches", "2", "--long-searches-waiting", "3"],
                                       stdout: log.path, stderr: log.path)
        defer { process.send(SIGTERM) }
        func output() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        let port = try await ServeShutdownTests.poll("the hub to listen", deadline: .seconds(30)) { () -> String? in
            guard let range = output().range(of: #"listening on http://127\.0\.0\.1:([0-9]+)"#, options: .regularExpression) else { return nil }
            return String(output()[range].split(separator: ":").last ?? "")
        }
        let response = try await HTTPTestSupport.client().get(HTTPRequest(url: "http://127.0.0.1:\(port)/metrics"))
        #expect(response.status == 200)
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(text.contains("katalog_long_searches{state=\"running\"} 0\n"), "\(text)")
        #expect(text.contains("katalog_long_searches_total{outcome=\"refused\"} 0\n"))
        process.send(SIGTERM)
        _ = try await ServeShutdownTests.poll("katalog serve to exit", deadline: .seconds(30)) { process.isRunning ? nil : true }
        #expect(process.termination?.code == 0, "\(output())")
    }
}
