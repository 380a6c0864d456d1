import Foundation
import GRDB
import Synchronization
import Testing
@testable import KatalogStore

/// Kept search results and the catalogue version are read without a pool reader (``VersionReader``).
struct VersionReaderTests {
    private final class Flag: Sendable {
        private let value = Mutex(false)
        var isSet: Bool { value.withLock { $0 } }
        func set() { value.withLock { $0 = true } }
    }

    @Test("While long searches hold every reader, a kept result and the version are still answered")
    func keptResultsDoNotWaitForAReader() async throws {
        let owner = try CatalogStore.temporary()
        let store = try CatalogStore(path: owner.path, configuration: .init(maximumReaderCount: 1))
        try await harvest(store, [makeRecord("a", title: "Bicycle lanes"), makeRecord("b", title: "Bicycle counts")])
        let kept = try await store.search(SearchQuery("bicycle", facets: true))
        #expect(kept.total == 2)

        // The only reader is taken by a read that lasts until the searches below have answered (or 20 s pass).
        let holding = Flag()
        let released = Flag()
        let holder = Task {
            try await store.pool.read { _ in
                holding.set()
                let deadline = ContinuousClock.now + .seconds(20)
                while !released.isSet, ContinuousClock.now < deadline {
                    Thread.sleep(forTimeInterval: 0.001)
                }
                return released.isSet
            }
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while !holding.isSet, ContinuousClock.now < deadline { await Task.yield() }
        #expect(holding.isSet)

        let again = try await store.search(SearchQuery("bicycle", facets: true))
        let version = try await store.catalogueVersion()
        released.set()
        // The holder saw the release: the answers above did not wait for its reader.
        #expect(try await holder.value == true)
        #expect(again.hits.map(\.id) == kept.hits.map(\.id))
        #expect(version == kept.catalogueVersion)
        withExtendedLifetime(owner) {}
    }

    @Test("The version read aside moves with every applied run, so a kept result is never served stale")
    func versionFollowsWrites() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, [makeRecord("a", title: "Bicycle lanes")])
        let before = try await store.catalogueVersion()
        #expect(try await store.search(SearchQuery("bicycle")).total == 1)
        try await harvest(store, [makeRecord("a", title: "Bicycle lanes"), makeRecord("b", title: "Bicycle counts")])
        #expect(try await store.catalogueVersion() > before)
        #expect(try await store.search(SearchQuery("bicycle")).total == 2)
    }
}
