import Foundation
import KatalogModel
import KatalogStore
import Logging
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Kills real `katalog harvest` processes with SIGKILL at random points and checks that the catalogue
/// stays intact and that the next run ends exactly where an uninterrupted run does.
@Suite(.serialized)
struct CrashSafetyTests {
    static let packageCount = 120

    static func packages(version: Int) -> [String] {
        (0..<packageCount).map { index in
            CKANTestPortal.package(
                id: String(format: "k%04d", index), title: "Dataset \(index) version \(version)",
                notes: "Beskrivning \(index)", tags: ["t\(index % 7)"],
                resources: [("CSV", "https://data.example.org/\(index)-\(version).csv")])
        }
    }

    /// Titles of live datasets, read through the library.
    static func liveTitles(_ path: String) async throws -> [String: String] {
        let store = try CatalogStore(path: path, logger: Logger(label: "test"))
        var query = SearchQuery()
        query.limit = 1000
        let result = try await store.search(query)
        #expect(try await store.integrityCheck())
        return Dictionary(uniqueKeysWithValues: result.hits.map { ($0.sourceIdentifier, $0.dataset.title.best() ?? "") })
    }

    @Test func killedHarvestsLeaveTheCatalogueIntactAndTheNextRunCompletes() async throws {
        let portal = CKANTestPortal(packages: Self.packages(version: 1))
        // Every page takes a little while, so kills land in the middle of paging, staging and applying.
        let server = TestHTTPServer(handler: { request in .delayed(.milliseconds(15), then: portal.handler(request)) })
        try server.start()
        defer { server.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            database: crash.sqlite
            sources:
              - name: crashy
                type: ckan
                url: \(server.url("/"))
                page_size: 7
            """.write(to: folder.appendingPathComponent("sources.yaml"), atomically: true, encoding: .utf8)
        let dbPath = folder.appendingPathComponent("crash.sqlite").path

        let first = try await KatalogProcess.run(["harvest", "--config", "sources.yaml"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let version1 = try await Self.liveTitles(dbPath)
        #expect(version1.count == Self.packageCount)

        portal.setPackages(Self.packages(version: 2))
        var generator = SystemRandomNumberGenerator()
        var killed = 0
        for _ in 0..<12 {
            let process = try ChildProcess(KatalogProcess.executable(), ["harvest", "--config", "sources.yaml"], in: folder)
            let delay = Int.random(in: 5...400, using: &generator)
            let deadline = ContinuousClock.now + .milliseconds(delay)
            while process.isRunning && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(2))
            }
            if process.isRunning {
                process.send(SIGKILL)
                killed += 1
            }
            try await process.wait(timeout: .seconds(60), what: "a killed harvest")
            // Whatever the moment of death, the catalogue is whole: all of version 1 or all of version 2.
            let titles = try await Self.liveTitles(dbPath)
            #expect(titles.count == Self.packageCount)
            let versions = Set(titles.values.map { $0.hasSuffix("version 2") })
            #expect(versions.count == 1, "a half-applied run is visible")
        }
        #expect(killed > 0, "no harvest was killed mid-run; the test proved nothing")

        // The next run is not blocked by the dead runs (their processes are gone, so their locks are void),
        // and it ends where an uninterrupted run ends.
        let last = try await KatalogProcess.run(["harvest", "--config", "sources.yaml"], in: folder, timeout: .seconds(120))
        #expect(last.status == 0, "\(last.stderr)")
        let final = try await Self.liveTitles(dbPath)
        #expect(final == Dictionary(uniqueKeysWithValues: Self.packages(version: 2).enumerated().map {
            (String(format: "k%04d", $0.offset), "Dataset \($0.offset) version 2")
        }))
        let store = try CatalogStore(path: dbPath, logger: Logger(label: "test"))
        let runs = try await store.runs(source: "crashy", limit: 100)
        #expect(!runs.contains { $0.status == .running })
    }
}
