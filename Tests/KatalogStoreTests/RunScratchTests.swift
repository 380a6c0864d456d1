import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

@Suite("The run scratch file")
struct RunScratchTests {
    private func scratchRows(_ store: CatalogStore, run: RunID? = nil) async throws -> Int {
        try await store.pool.write { db in
            let filter = run.map { " WHERE run_id = \($0.rawValue)" } ?? ""
            return try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM scratch.staged_records\(filter)) + (SELECT COUNT(*) FROM scratch.run_seen\(filter))") ?? -1
        }
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? -1
    }

    @Test("Staged records go to the scratch file, not the catalogue, and the file is emptied when the run ends")
    func stagedRecordsLiveInTheScratchUntilTheRunEnds() async throws {
        let store = try CatalogStore.temporary()
        let catalogueTables = try await store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'table'")
        }
        #expect(!catalogueTables.contains("staged_records") && !catalogueTables.contains("run_seen"))

        let run = try await store.beginRun(source: "test", kind: "ckan", url: "https://example.org/test")
        let records = (1...300).map { makeRecord("r\($0)", title: "Record \($0)", description: String(repeating: "text ", count: 400)) }
        _ = try await store.recordListing(run: run, try records.map { .record(try CatalogStore.prepare($0)) })
        #expect(try await scratchRows(store) == 600)
        let grown = fileSize(store.scratchPath)
        #expect(grown > 300 * 2_000)

        let summary = try await store.completeRun(run: run, isComplete: true)
        #expect(summary.counts.added == 300)
        #expect(try await scratchRows(store) == 0)
        #expect(fileSize(store.scratchPath) < grown / 10)
        // The next run stages into the fresh file.
        let next = try await store.beginRun(source: "test", kind: "ckan", url: "https://example.org/test")
        let changed = makeRecord("r1", title: "Record 1, revised")
        #expect(try await store.recordListing(run: next, [.record(try CatalogStore.prepare(changed))]).staged == 1)
        #expect(try await store.completeRun(run: next, isComplete: false).counts.updated == 1)
        #expect(try await store.dataset(id: DatasetID.make(source: "test", sourceIdentifier: "r1"))?.dataset.title.best() == "Record 1, revised")
    }

    @Test("A run that ends while another runs takes only its own rows")
    func endingOneRunKeepsTheOtherRunsRows() async throws {
        let store = try CatalogStore.temporary()
        let first = try await store.beginRun(source: "a", kind: "ckan", url: "https://example.org/a")
        let second = try await store.beginRun(source: "b", kind: "ckan", url: "https://example.org/b")
        let records = (1...600).map { makeRecord("r\($0)", title: "Record \($0)") }
        _ = try await store.recordListing(run: first, try records.map { .record(try CatalogStore.prepare($0)) })
        _ = try await store.recordListing(run: second, try records.prefix(5).map { .record(try CatalogStore.prepare($0)) })

        try await store.failRun(run: first, error: "the source went away")
        #expect(try await scratchRows(store, run: first) == 0)
        #expect(try await scratchRows(store, run: second) == 10)
        let summary = try await store.completeRun(run: second, isComplete: true)
        #expect(summary.counts.added == 5)
        #expect(try await scratchRows(store) == 0)
    }

    @Test("Each store has its own scratch file, deleted with the store; a dead process's file is deleted on open")
    func scratchFilesAreOwnedAndCleanedUp() async throws {
        let store = try CatalogStore.temporary()
        let path = store.path
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        // A file left by a process of this host that no longer exists (pid 2^22 + 1 is above Linux's pid limit);
        // one of a live process (this one) and one of another host, which must be left alone.
        let prefix = RunScratch.prefix(of: path)
        let abandoned = directory.appendingPathComponent(prefix + "4194305-deadbeef-" + RunScratch.host).path
        let alive = directory.appendingPathComponent(prefix + "\(getpid())-0000live-" + RunScratch.host).path
        let elsewhere = directory.appendingPathComponent(prefix + "4194305-deadbeef-another-host.example").path
        for file in [abandoned, alive, elsewhere] {
            #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        }
        var second: CatalogStore? = try CatalogStore(path: path)
        let secondScratch = try #require(second?.scratchPath)
        #expect(secondScratch != store.scratchPath)
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        #expect(FileManager.default.fileExists(atPath: alive))
        #expect(FileManager.default.fileExists(atPath: elsewhere))
        #expect(FileManager.default.fileExists(atPath: secondScratch))
        #expect(secondScratch.hasSuffix("-" + RunScratch.host))
        second = nil
        #expect(!FileManager.default.fileExists(atPath: secondScratch))
        #expect(FileManager.default.fileExists(atPath: store.scratchPath))
    }

    @Test("A temporary store's directory, with its database and WAL, is removed when the store is released")
    func temporaryStoreRemovesItsDirectory() async throws {
        var store: CatalogStore? = try CatalogStore.temporary()
        let directory = try #require(store.map { URL(fileURLWithPath: $0.path).deletingLastPathComponent().path })
        try await store?.write("writing") { db in try db.execute(sql: "CREATE TABLE probe (x)") }
        #expect(FileManager.default.fileExists(atPath: directory))
        #expect(FileManager.default.fileExists(atPath: store!.path + "-wal"))
        store = nil
        #expect(!FileManager.default.fileExists(atPath: directory))
    }

    @Test("A catalogue from before v5 loses its staging tables on open, and harvests as before")
    func migrationDropsTheOldStagingTables() async throws {
        let old = try await OldCatalogue { queue in
            try CatalogStore.migrator.migrate(queue, upTo: "v4-staged-live-row")
            try await queue.write { db in
                try db.execute(sql: """
                    INSERT INTO runs (id, source, kind, url, status, started_at, heartbeat_at) VALUES (1, 's', 'ckan', 'u', 'failed', '2026-01-01', '2026-01-01');
                    INSERT INTO staged_records (run_id, source_identifier, content_hash, record_json, raw, raw_format) VALUES (1, 'x', 'h', '{}', x'00', 'application/json');
                    """)
            }
        }
        defer { old.remove() }
        let path = old.path
        let store = try CatalogStore(path: path)
        let tables = try await store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'table'")
        }
        #expect(tables.contains("datasets") && !tables.contains("staged_records") && !tables.contains("run_seen"))
        let summary = try await harvest(store, [makeRecord("r1", title: "One")])
        #expect(summary.counts.added == 1)
    }
}
