import Foundation
import KatalogStore
import Synchronization

/// The catalogue's ``MetadataQuality`` per source and in total, for `/api/v1/quality`, `/sources` and `katalog quality`.
///
/// Counting reads every description and every term of six facets: about 1 s for 20,000 datasets (release build), so
/// most of a minute for a million. So the hub never makes a reader wait for it: counts run in the background, the
/// first when the hub starts, then one after each change of the catalogue, and readers get the last count (marked
/// not up to date while a newer one runs), or none until the first is done.
public final class QualityReport: Sendable {
    /// One row of the report: a source, or the total (no name).
    public struct Row: Sendable {
        public var name: String?
        public var quality: MetadataQuality
    }

    /// A count and whether it is of the catalogue as it is now.
    public struct Report: Sendable {
        public var rows: [Row]
        public var upToDate: Bool
    }

    private struct State {
        var rows: [Row]?
        var version: Int64 = .min
        var counting = false
    }

    private let store: CatalogStore
    private let state = Mutex(State())

    public init(store: CatalogStore) {
        self.store = store
    }

    /// The total first, then each source by name, counted now.
    public static func count(_ store: CatalogStore) async throws -> [Row] {
        let bySource = try await store.metadataQuality()
        var total = MetadataQuality()
        for quality in bySource.values { total.add(quality) }
        return [Row(name: nil, quality: total)] + bySource.keys.sorted().map { Row(name: $0, quality: bySource[$0]!) }
    }

    /// The last count, and whether it is of the current catalogue; nil until the first count is done (the first call
    /// starts it, in the background: on a large catalogue it takes most of a minute, longer than a reader should wait).
    public func report() async throws -> Report? {
        let version = try await store.catalogueVersion()
        let (rows, upToDate, start): ([Row]?, Bool, Bool) = state.withLock { state in
            if let rows = state.rows, state.version == version { return (rows, true, false) }
            let start = !state.counting
            state.counting = true
            return (state.rows, false, start)
        }
        if start { countInBackground(version: version) }
        return rows.map { Report(rows: $0, upToDate: upToDate) }
    }

    /// Starts counting now (`katalog serve` calls it when it starts, so the first reader seldom waits).
    public func prepare() async throws {
        _ = try await report()
    }

    private func countInBackground(version: Int64) {
        let store = self.store
        Task.detached(priority: .utility) { [self] in
            let counted = try? await Self.count(store)
            self.state.withLock { state in
                state.counting = false
                if let counted, version > state.version {
                    state.rows = counted
                    state.version = version
                }
            }
        }
    }

    /// The `/api/v1/quality` body for `rows`.
    public static func document(_ rows: [Row], upToDate: Bool = true) throws -> Data {
        func entry(_ row: Row) -> QualityView.Entry {
            QualityView.Entry(name: row.name, datasets: row.quality.datasets,
                              indicators: Dictionary(uniqueKeysWithValues: row.quality.indicators.map { ($0.key, $0.value) }))
        }
        let total = rows.first { $0.name == nil } ?? Row(name: nil, quality: MetadataQuality())
        return try HubDocuments.encode(QualityView(upToDate: upToDate, total: entry(total), sources: rows.filter { $0.name != nil }.map(entry)))
    }
}

/// The body of `/api/v1/quality`.
struct QualityView: Encodable {
    struct Entry: Encodable {
        var name: String?
        var datasets: Int
        var indicators: [String: Int]
    }

    /// False while a count of the current catalogue runs in the background, and this is the last one.
    var upToDate: Bool
    var total: Entry
    var sources: [Entry]
}
