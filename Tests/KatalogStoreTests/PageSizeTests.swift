import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

/// New catalogues get 16 KiB pages; a catalogue created with another page size keeps it and works as before.
@Suite("Page size")
struct PageSizeTests {
    static func pageSize(_ store: CatalogStore) async throws -> Int {
        try await store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0 }
    }

    static func overflowPages(_ store: CatalogStore) async throws -> Int {
        try await store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dbstat WHERE name = 'datasets' AND pagetype = 'overflow'") ?? -1
        }
    }

    @Test("A new catalogue has 16 KiB pages, and a record fits in its page")
    func newCataloguesHaveLargePages() async throws {
        let store = try CatalogStore.temporary()
        #expect(try await Self.pageSize(store) == 16_384)
        try await harvest(store, [makeRecord("p1", title: "Vattenkvalitet", description: String(repeating: "sjö ", count: 1_500))])
        #expect(try await Self.overflowPages(store) == 0, "a 6 KB record needs no overflow page")
    }

    @Test("A catalogue made with 4 KiB pages keeps them, migrates, harvests and searches")
    func existingCataloguesKeepTheirPageSize() async throws {
        let old = try await OldCatalogue { queue in
            // What SQLite made by default before: 4 KiB pages, in WAL mode, with a table in it.
            try await queue.write { db in
                try db.execute(sql: "PRAGMA page_size = 4096")
                try db.execute(sql: "CREATE TABLE old_marker (x INTEGER)")
            }
            _ = try await queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
        }
        defer { old.remove() }
        let path = old.path
        let store = try CatalogStore(path: path)
        #expect(try await Self.pageSize(store) == 4_096)
        try await harvest(store, [makeRecord("o1", title: "Luftkvalitet i Malmö"), makeRecord("o2", title: "Skolor"),
                                  makeRecord("o3", title: "Sjöar", description: String(repeating: "sjö ", count: 1_500))])
        #expect(try await Self.overflowPages(store) > 0, "with 4 KiB pages the same 6 KB record spills")
        #expect(try await ids(store, "luftkvalitet") == ["o1"])
        #expect(try await store.datasetIDs(limit: 10).count == 3)
    }
}
