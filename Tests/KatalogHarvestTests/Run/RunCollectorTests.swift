import Foundation
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// The collector holds one batch; what the run has seen is in the store, so repeats are found across batches.
struct RunCollectorTests {
    private func record(_ identifier: String, _ title: String) -> SourceRecord {
        SourceRecord(dataset: Dataset(sourceIdentifier: identifier, title: LocalizedText(title, language: "en")),
                     raw: Data(#"{"id": "\#(identifier)"}"#.utf8), rawFormat: "application/json")
    }

    @Test func aRecordRepeatedBatchesLaterIsSkippedWithANoteAndTheFirstCopyKept() async throws {
        let store = try CatalogStore.temporary()
        let source = SourceConfig(name: "s", kind: .ckan, url: "https://portal.example/")
        let run = try await store.beginRun(source: "s", kind: "ckan", url: source.url)
        let collector = RunCollector(store: store, run: run, source: source, logger: Logger(label: "test"), batchSize: 2)
        for (identifier, title) in [("a", "First a"), ("b", "B"), ("c", "C"), ("d", "D"), ("a", "Second a"), ("e", "E")] {
            try await collector.accept(record(identifier, title))
        }
        await collector.fail(identifier: "f", url: nil, cause: "could not be mapped")
        try await collector.accept(record("f", "F after its failure"))
        try await collector.flush()

        let counts = await collector.counts
        #expect(counts.fetched == 7)
        #expect(counts.skipped == 2)
        #expect(counts.errored == 1)
        let notes = await collector.errors.filter { $0.cause.contains("more than once") }.map(\.subject)
        #expect(notes == ["a", "f"])

        let summary = try await store.completeRun(run: run, isComplete: true)
        #expect(summary.counts.added == 5)
        #expect(try await store.dataset(source: "s", sourceIdentifier: "a")?.dataset.title.best() == "First a")
        #expect(try await store.dataset(source: "s", sourceIdentifier: "f") == nil)
    }
}
