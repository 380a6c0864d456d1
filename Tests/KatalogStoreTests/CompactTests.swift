import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

/// `CatalogStore.compact`: an older catalogue rewritten with 16 KiB pages keeps everything it held.
struct CompactTests {
    private static func pageSize(_ path: String) throws -> Int {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: "PRAGMA page_size") ?? 0 }
    }

    @Test func aFourKilobyteCatalogueGetsSixteenKilobytePagesAndKeepsItsDatasets() async throws {
        let old = try await OldCatalogue { queue in
            try await queue.write { db in try db.execute(sql: "PRAGMA page_size = 4096; CREATE TABLE old_marker (x INTEGER)") }
            _ = try await queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
        }
        defer { old.remove() }
        var before: [String] = []
        do {
            // Without the in-memory facet copy: a search would start its refresh in the background, which keeps the
            // store (and a connection) alive past this block, and compacting needs the catalogue to itself.
            let store = try CatalogStore(path: old.path, configuration: CatalogStore.Configuration(inMemoryFacets: false))
            try await harvest(store, (0..<40).map { makeRecord("c\($0)", title: "Lake \($0)", description: String(repeating: "water ", count: 800)) })
            // Deleting half leaves free pages for the rewrite to give back.
            try await harvest(store, (0..<20).map { makeRecord("c\($0)", title: "Lake \($0)", description: String(repeating: "water ", count: 800)) },
                              policy: DeletionPolicy(acceptDeletions: true))
            before = try await ids(store, SearchQuery("lake", limit: 100))
        }
        #expect(try Self.pageSize(old.path) == 4_096)
        let report = try CatalogStore.compact(path: old.path)
        #expect(report.pageSizeBefore == 4_096 && report.pageSizeAfter == 16_384)
        #expect(try Self.pageSize(old.path) == 16_384)
        let store = try CatalogStore(path: old.path)
        #expect(try await store.integrityCheck())
        #expect(try await ids(store, SearchQuery("lake", limit: 100)) == before)
        #expect(try await harvest(store, [makeRecord("c99", title: "Lake new")]).counts.added == 1)
        let mode = try await store.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func aCatalogueOpenElsewhereIsNotCompactedAndStaysUsable() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, [makeRecord("o1", title: "Open")])
        // The store keeps a connection, as `katalog serve` would.
        _ = try await ids(store, "open")
        #expect {
            try CatalogStore.compact(path: store.path, pageSize: 8_192)
        } throws: { error in
            (error as? StoreError)?.code == .busy && "\(error)".contains("open in another process")
        }
        #expect(try await ids(store, "open") == ["o1"])
        #expect(try await harvest(store, [makeRecord("o1", title: "Open"), makeRecord("o2", title: "Open two")]).counts.added == 1)
    }

    @Test func badArgumentsAreRefused() throws {
        #expect(throws: StoreError.self) { try CatalogStore.compact(path: "/nonexistent/katalog.sqlite") }
        #expect(throws: StoreError.self) { try CatalogStore.compact(path: "/nonexistent/katalog.sqlite", pageSize: 5_000) }
    }
}
