import Foundation
import GRDB
import Testing
@testable import KatalogStore

@Suite("Backing up a catalogue in use")
struct BackupTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("The copy holds what the last applied run left, opens as a catalogue, and is taken while a run is staged")
    func copiesACatalogueInUse() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("katalog.sqlite").path
        let store = try CatalogStore(path: path)
        try await harvest(store, (1...30).map { makeRecord("r\($0)", title: "Water quality \($0)") })
        // A run in progress: staged, not applied. The copy must not hold it.
        let running = try await store.beginRun(source: "other", kind: "ckan", url: "https://example.org/other")
        try await store.stage(run: running, records: [makeRecord("x1", title: "Not applied yet")])

        let destination = dir.appendingPathComponent("backup.sqlite").path
        let report = try CatalogStore.backup(path: path, to: destination)
        #expect(report.datasets == 30)
        #expect(report.bytes > 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty)

        let copy = try CatalogStore(path: destination)
        #expect(try await copy.datasetCount() == 30)
        #expect(try await ids(copy, "water").count == 30)
        #expect(try await ids(copy, "applied").isEmpty)
        // The original goes on.
        _ = try await store.completeRun(run: running, seen: ["x1"], isComplete: true)
        #expect(try await store.datasetCount() == 31)
    }

    @Test("An existing destination is refused and left alone; a missing catalogue is Not Found")
    func refusals() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("katalog.sqlite").path
        _ = try CatalogStore(path: path)
        let existing = dir.appendingPathComponent("there.sqlite").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: existing))
        #expect(throws: StoreError.self) { try CatalogStore.backup(path: path, to: existing) }
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me")
        do {
            _ = try CatalogStore.backup(path: dir.appendingPathComponent("none.sqlite").path, to: dir.appendingPathComponent("b.sqlite").path)
            Issue.record("a backup of no catalogue succeeded")
        } catch let error as StoreError {
            #expect(error.code == .notFound)
        }
        // A destination folder that does not exist fails and leaves nothing behind.
        #expect(throws: StoreError.self) { try CatalogStore.backup(path: path, to: dir.appendingPathComponent("no/such/b.sqlite").path) }
    }
}
