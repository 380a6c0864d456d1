import Foundation
import GRDB
import Testing
@testable import KatalogStore

/// Several processes opening one new catalogue at once (a harvest starting beside `katalog serve`) all migrate it.
@Suite("Migrating a catalogue from several processes at once")
struct ConcurrentMigrationTests {
    @Test(arguments: 1...3)
    func everyOpenerSucceeds(round: Int) async throws {
        let old = try await OldCatalogue { queue in
            // A catalogue as the first release left it, so every later migration is still to run.
            try CatalogStore.migrator.migrate(queue, upTo: "v1")
        }
        defer { old.remove() }
        let path = old.path
        // Each store has its own connection pool, as another process would.
        let opened = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<4 {
                group.addTask { try CatalogStore(path: path).pool.read { _ in true } }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(opened == 4)
        let store = try CatalogStore(path: path)
        #expect(try await store.integrityCheck())
        #expect(try await harvest(store, [makeRecord("m1", title: "Migrated")]).counts.added == 1)
    }
}
