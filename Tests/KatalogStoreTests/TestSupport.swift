import Foundation
import GRDB
import KatalogModel
import Synchronization
import Testing
@testable import KatalogStore

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_750_000_000))

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// Builds a source record with the fields the tests care about.
func makeRecord(_ identifier: String, title: String, description: String = "", titleLanguage: String? = "en",
                descriptions: [String: String]? = nil, keywords: [String] = [], publisher: String? = nil,
                themes: [String] = [], formats: [String] = [], licence: String? = nil, language: String? = nil,
                modified: String? = nil, downloadURL: String? = nil) -> SourceRecord {
    var distributions = formats.map { format in
        Distribution(accessURLs: ["https://example.org/\(identifier)/\(format)"], format: Concept(raw: format))
    }
    if let downloadURL {
        distributions.append(Distribution(downloadURLs: [downloadURL], format: Concept(raw: "zip")))
    }
    let dataset = Dataset(
        sourceIdentifier: identifier,
        title: LocalizedText(title, language: titleLanguage),
        description: descriptions.map { LocalizedText($0) } ?? LocalizedText(description, language: titleLanguage),
        keywords: keywords.map { LangString($0, language: "en") },
        themes: themes.map { Concept(raw: $0, uri: "http://publications.europa.eu/resource/authority/data-theme/\($0)") },
        publisher: publisher.map { Agent(iri: "https://example.org/org/\($0.lowercased())", name: LocalizedText($0, language: "en")) },
        modified: modified.map(DateValue.init(raw:)),
        license: licence.map { Concept(raw: $0) },
        languages: language.map { [Concept(raw: $0)] } ?? [],
        distributions: distributions)
    return SourceRecord(dataset: dataset, raw: Data("{\"id\":\"\(identifier)\"}".utf8), rawFormat: "application/json")
}

/// Harvests `records` as one run of `source` the way the harvester does: skip unchanged, stage the rest, complete.
@discardableResult
func harvest(_ store: CatalogStore, source: String = "test", _ records: [SourceRecord], isComplete: Bool = true,
             policy: DeletionPolicy = DeletionPolicy(), errors: [RunIssue] = [], priority: Int = 0) async throws -> RunSummary {
    let run = try await store.beginRun(source: source, kind: "ckan", url: "https://example.org/\(source)", priority: priority)
    let known = try await store.knownHashes(source: source)
    var changed: [SourceRecord] = []
    for record in records where try known[record.sourceIdentifier] != CatalogStore.contentHash(of: record) {
        changed.append(record)
    }
    for start in stride(from: 0, to: changed.count, by: 50) {
        try await store.stage(run: run, records: Array(changed[start..<min(start + 50, changed.count)]))
    }
    return try await store.completeRun(run: run, seen: Set(records.map(\.sourceIdentifier)), isComplete: isComplete,
                                       deletionPolicy: policy, counts: RunCounts(fetched: records.count,
                                                                                 errored: errors.count),
                                       errors: errors)
}

/// Every row of the live tables, as text, for before/after comparisons.
func dumpLiveTables(_ store: CatalogStore) async throws -> [String] {
    try await store.pool.read { db in
        var lines: [String] = []
        for (table, order) in [("datasets", "pk"), ("distributions", "dataset_pk, position"),
                               ("dataset_terms", "facet, value, dataset_pk"), ("publishers", "key"),
                               ("store_state", "id")] {
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") {
                lines.append("\(table): \(row)")
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT rowid, * FROM datasets_fts ORDER BY rowid") {
            lines.append("fts: \(row)")
        }
        return lines
    }
}

/// The ids of all hits of a search, or the error's code.
func ids(_ store: CatalogStore, _ query: SearchQuery) async throws -> [String] {
    try await store.search(query).hits.map(\.sourceIdentifier)
}

/// The search text of a query given only text.
func ids(_ store: CatalogStore, _ text: String) async throws -> Set<String> {
    Set(try await store.search(SearchQuery(text, limit: 1_000)).hits.map(\.sourceIdentifier))
}

/// A catalogue file as an older Katalog (or plain SQLite) left it, in a temporary directory of its own: `make` writes
/// it through a GRDB queue, which is closed before a store opens the file. Call ``remove()`` when done.
struct OldCatalogue {
    let directory: URL
    let path: String

    init(_ make: (DatabaseQueue) async throws -> Void) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-old-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("old.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try await make(queue)
            try queue.close()
        } catch {
            remove()
            throw error
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
