import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

@Suite("Deletions and the circuit breaker")
struct DeletionTests {
    private func records(_ count: Int) -> [SourceRecord] {
        (1...count).map { makeRecord("r\($0)", title: "Harbour statistics \($0)") }
    }

    @Test("A complete run that omits records tombstones them")
    func tombstones() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, records(10))
        let summary = try await harvest(store, Array(records(10).prefix(9)))
        #expect(summary.status == .succeeded)
        #expect(summary.counts.deleted == 1)
        #expect(summary.counts.unchanged == 9)
        let gone = try #require(try await store.dataset(source: "test", sourceIdentifier: "r10"))
        #expect(gone.deletedAt != nil)
        #expect(try await ids(store, "harbour").count == 9)
        #expect(!(try await ids(store, "harbour").contains("r10")))
        #expect(try await store.search(SearchQuery("", limit: 100)).total == 9)
        #expect(try await store.datasetCount() == 9)
        #expect(try await store.datasetCount(includeDeleted: true) == 10)
        #expect(try await store.knownHashes(source: "test").count == 9)
        let changes = try await store.changes(sinceSeq: 0, limit: 100).changes
        #expect(changes.last?.id == gone.id)
        #expect(changes.last?.kind == .deleted)
        // An incomplete listing never deletes.
        let partial = try await harvest(store, Array(records(10).prefix(1)), isComplete: false)
        #expect(partial.counts.deleted == 0)
        #expect(partial.status == .partial)
        #expect(try await store.datasetCount() == 9)
    }

    @Test("A tombstoned record that comes back is added again")
    func revive() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, records(10))
        try await harvest(store, Array(records(10).prefix(9)))
        let summary = try await harvest(store, records(10))
        #expect(summary.counts.added == 1)
        #expect(try await ids(store, "harbour").count == 10)
        let back = try #require(try await store.dataset(source: "test", sourceIdentifier: "r10"))
        #expect(back.deletedAt == nil)
    }

    @Test("The breaker holds deletions over the limit, but applies the upserts")
    func breakerHoldsLargeDeletions() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, records(100))
        var next = Array(records(100).prefix(50))
        next[0] = makeRecord("r1", title: "Lighthouse statistics")
        let before = try await store.datasetCount()
        let summary = try await harvest(store, next)
        #expect(summary.status == .held)
        #expect(summary.heldDeletions == 50)
        #expect(summary.counts.deleted == 0)
        #expect(summary.counts.updated == 1)
        #expect(summary.message.contains("would delete 50 of 100 records (50%), over the 20% limit"))
        #expect(summary.message.contains("katalog harvest --source test --accept-deletions"))
        #expect(try await store.datasetCount() == before)
        #expect(try await ids(store, "lighthouse") == ["r1"])
        let run = try #require(try await store.run(summary.run))
        #expect(run.status == .held)
        #expect(run.heldDeletions == 50)

        let accepted = try await harvest(store, next, policy: DeletionPolicy(acceptDeletions: true))
        #expect(accepted.status == .succeeded)
        #expect(accepted.counts.deleted == 50)
        #expect(try await store.datasetCount() == 50)
    }

    @Test("Exactly at the limit deletes; a run that saw nothing is held")
    func breakerEdges() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, records(10))
        let atLimit = try await harvest(store, Array(records(10).prefix(8)))
        #expect(atLimit.status == .succeeded)
        #expect(atLimit.counts.deleted == 2)
        let empty = try await harvest(store, [])
        #expect(empty.status == .held)
        #expect(empty.heldDeletions == 8)
        #expect(empty.message.contains("saw no records while the source has 8"))
        #expect(try await store.datasetCount() == 8)
        // A stricter policy holds what the default allows.
        let strict = try await harvest(store, Array(records(10).prefix(7)), policy: DeletionPolicy(maxDeleteFraction: 0.1))
        #expect(strict.status == .held)
        #expect(strict.heldDeletions == 1)
    }

    @Test("Tombstones are purged after the grace period, not before")
    func gracePeriodPurge() async throws {
        let clock = TestClock()
        let store = try CatalogStore.temporary(configuration: .init(now: { clock.now }))
        try await harvest(store, records(10))
        try await harvest(store, Array(records(10).prefix(9)))
        clock.advance(by: 29 * 86_400)
        let early = try await harvest(store, Array(records(10).prefix(9)))
        #expect(early.purged == 0)
        #expect(try await store.datasetCount(includeDeleted: true) == 10)
        clock.advance(by: 2 * 86_400)
        let late = try await harvest(store, Array(records(10).prefix(9)))
        #expect(late.purged == 1)
        #expect(try await store.datasetCount(includeDeleted: true) == 9)
        #expect(try await store.dataset(source: "test", sourceIdentifier: "r10") == nil)
        #expect(try await store.integrityCheck())
    }

    @Test("Deletions in one source never touch another")
    func sourcesAreIndependent() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, source: "a", records(5))
        try await harvest(store, source: "b", records(5))
        try await harvest(store, source: "a", Array(records(5).prefix(4)), policy: DeletionPolicy(acceptDeletions: true))
        #expect(try await store.datasetCount() == 9)
        #expect(try await store.knownHashes(source: "b").count == 5)
        let facets = try await store.search(SearchQuery("", facets: true)).facets["source"] ?? []
        #expect(facets == [FacetCount(value: "b", count: 5), FacetCount(value: "a", count: 4)])
    }
}
