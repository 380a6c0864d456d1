import Foundation
import KatalogStore
import Synchronization

/// The catalogue's ``MetadataQuality`` per source and in total, for `/api/v1/quality`, `/sources` and `katalog quality`.
///
/// Counting reads every description and every term of six facets: about 1 s for 20,000 datasets (release build), so
/// most of a minute for a million. So the hub does not make a reader wait for it after each harvest: once a count
/// exists, a change of the catalogue starts a new count in the background, and readers get the last count,
/// marked as not up to date, until it is done. Only the very first count is waited for.
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

    /// The last count, and whether it is of the current catalogue; the first call waits for a count.
    public func report() async throws -> Report {
        let version = try await store.catalogueVersion()
        enum Next { case serve([Row], Bool), countInBackground([Row]), countNow }
        let next: Next = state.withLock { state in
            if let rows = state.rows {
                if state.version == version { return .serve(rows, true) }
                if state.counting { return .serve(rows, false) }
                state.counting = true
                return .countInBackground(rows)
            }
            return .countNow
        }
        switch next {
        case .serve(let rows, let upToDate):
            return Report(rows: rows, upToDate: upToDate)
        case .countInBackground(let rows):
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
            return Report(rows: rows, upToDate: false)
        case .countNow:
            let rows = try await Self.count(store)
            state.withLock { state in
                if version > state.version {
                    state.rows = rows
                    state.version = version
                }
            }
            return Report(rows: rows, upToDate: true)
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
