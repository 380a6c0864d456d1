import Foundation
import GRDB
import KatalogModel
import Synchronization
import Testing
@testable import KatalogStore

/// Searches wait for the first in-memory copy of the facet terms when it is being read, and for nothing else
/// (``FacetIndexCache/waitForFirstCopy()``).
struct FacetIndexFirstCopyTests {
    private static func index() async throws -> (CatalogStore, FacetIndex) {
        let store = try CatalogStore.temporary()
        try await harvest(store, [makeRecord("a", title: "Bicycle lanes", formats: ["csv"]),
                                  makeRecord("b", title: "Bicycle counts", formats: ["json"])])
        let index = try await store.pool.read { try FacetIndex.build($0) }
        return (store, index)
    }

    /// A refresh that finishes only once it is opened (or 30 s pass), and says whether it has finished.
    private final class Gate: Sendable {
        private let opened = Mutex(false)
        private let done = Mutex(false)
        func open() { opened.withLock { $0 = true } }
        var finished: Bool { done.withLock { $0 } }
        func refresh(returning index: FacetIndex) async -> FacetIndex {
            let deadline = ContinuousClock.now + .seconds(30)
            while !opened.withLock({ $0 }), ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(2)) }
            done.withLock { $0 = true }
            return index
        }
    }

    @Test("While the first copy is being read, waiting returns only once it is installed")
    func waitsForTheFirstCopy() async throws {
        let (store, index) = try await Self.index()
        let cache = FacetIndexCache()
        cache.refreshInBackground { _ in
            // A slow first read (a million datasets take seconds).
            try await Task.sleep(for: .milliseconds(200))
            return index
        }
        await cache.waitForFirstCopy()
        // Had the wait returned before the read finished, there would be no copy yet.
        #expect(cache.current?.version == index.version)
        withExtendedLifetime(store) {}
    }

    @Test("With no read in flight, or a copy already there (even behind the catalogue), it returns at once")
    func doesNotWaitOtherwise() async throws {
        let (store, index) = try await Self.index()
        let cache = FacetIndexCache()
        await cache.waitForFirstCopy()
        #expect(cache.current == nil)

        try await cache.refresh { _ in index }
        // A refresh after the first copy: searches keep the copy they have (and count with SQL where it is behind).
        let gate = Gate()
        cache.refreshInBackground { _ in await gate.refresh(returning: index) }
        await cache.waitForFirstCopy()
        #expect(!gate.finished)
        #expect(cache.current?.version == index.version)
        gate.open()
        // Turned off, there is nothing to wait for.
        let off = FacetIndexCache()
        off.setEnabled(false)
        let offGate = Gate()
        off.refreshInBackground { _ in await offGate.refresh(returning: index) }
        await off.waitForFirstCopy()
        #expect(!offGate.finished)
        #expect(off.current == nil)
        offGate.open()
        withExtendedLifetime(store) {}
    }

    @Test("A first read slower than the limit is not waited for past the limit")
    func waitsNoLongerThanTheLimit() async throws {
        let (store, index) = try await Self.index()
        let cache = FacetIndexCache()
        let gate = Gate()
        cache.refreshInBackground { _ in await gate.refresh(returning: index) }
        let started = ContinuousClock.now
        await cache.waitForFirstCopy(atMost: .milliseconds(100))
        #expect(!gate.finished)
        #expect(cache.current == nil)
        #expect(ContinuousClock.now - started >= .milliseconds(100))
        gate.open()
        await cache.waitForFirstCopy(atMost: .seconds(30))
        #expect(cache.current?.version == index.version)
        withExtendedLifetime(store) {}
    }
}
