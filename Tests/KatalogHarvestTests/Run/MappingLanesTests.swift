import Foundation
import KatalogModel
import KatalogStore
import Logging
import Synchronization
import Testing
@testable import KatalogHarvest

/// Mapping lanes hand batches to the collector in listing order whatever order they finish in, and stop the work
/// in flight when the task is cancelled.
struct MappingLanesTests {
    private func collector() async throws -> (RunCollector, CatalogStore, RunID) {
        let store = try CatalogStore.temporary()
        let source = SourceConfig(name: "s", kind: .ckan, url: "https://portal.example/")
        let run = try await store.beginRun(source: "s", kind: "ckan", url: source.url)
        return (RunCollector(store: store, run: run, source: source, logger: Logger(label: "test"), batchSize: 2), store, run)
    }

    private static func record(_ identifier: String) -> MappedRecord {
        .mapped(SourceRecord(dataset: Dataset(sourceIdentifier: identifier, title: LocalizedText(identifier, language: "en")),
                             raw: Data(identifier.utf8), rawFormat: "text/plain"), limits: RecordLimits())
    }

    @Test("a batch that finishes before the one listed ahead of it still reaches the collector after it")
    func batchesArriveInListingOrder() async throws {
        let (collector, store, run) = try await collector()
        // Batch 0 may not finish before batch 1 has: the order the lanes finish in is the reverse of the listing.
        let batchOneDone = DispatchSemaphore(value: 0)
        let finished = Mutex<[Int]>([])
        var listed = 0
        var progress: [Int] = []
        let delivered = try await MappingLanes.collect(
            lanes: 2, into: collector, url: "u", cancellation: CancellationFlag(),
            next: { () -> MappingLanes.Batch<Int>? in
                guard listed < 4 else { return nil }
                defer { listed += 1 }
                return MappingLanes.Batch(work: listed, identifiers: [])
            },
            map: { batch, _, _ in
                if batch == 0 { _ = batchOneDone.wait(timeout: .now() + 30) }
                finished.withLock { $0.append(batch) }
                if batch == 1 { batchOneDone.signal() }
                return [Self.record("\(batch)-a"), Self.record("\(batch)-b")]
            },
            delivered: { progress.append($0) })
        #expect(delivered == 8)
        #expect(progress == [2, 4, 6, 8])
        #expect(finished.withLock { Array($0.prefix(2)) } == [1, 0])
        try await collector.flush()
        let summary = try await store.completeRun(run: run, isComplete: true)
        #expect(summary.counts.added == 8)
        let notes = await collector.errors
        #expect(notes.isEmpty)
    }

    @Test("cancelling the task sets the flag the lanes check, and the collection throws")
    func cancellationStopsTheLanes() async throws {
        let (collector, _, _) = try await collector()
        let cancellation = CancellationFlag()
        let started = Atomic<Bool>(false)
        let task = Task {
            var listed = 0
            return try await MappingLanes.collect(
                lanes: 2, into: collector, url: "u", cancellation: cancellation,
                next: { () -> MappingLanes.Batch<Int>? in
                    defer { listed += 1 }
                    return MappingLanes.Batch(work: listed, identifiers: [])
                },
                map: { _, _, _ in
                    started.store(true, ordering: .relaxed)
                    // Busy until cancelled, as a long batch would be; bounded so a broken flag fails the test.
                    let deadline = ContinuousClock.now + .seconds(30)
                    while ContinuousClock.now < deadline { try cancellation.check() }
                    return []
                })
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while !started.load(ordering: .relaxed), ContinuousClock.now < deadline { await Task.yield() }
        let didStart = started.load(ordering: .relaxed)
        #expect(didStart)
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(cancellation.isCancelled)
    }
}
