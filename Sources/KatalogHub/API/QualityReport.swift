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
    /// A count: each source by name, and their total.
    public struct Counts: Sendable {
        public var sources: [(name: String, quality: MetadataQuality)]
        public var total: MetadataQuality
    }

    /// A count and whether it is of the catalogue as it is now.
    public struct Report: Sendable {
        public var counts: Counts
        public var upToDate: Bool
    }

    private struct State {
        var counts: Counts?
        var version: Int64 = .min
        var counting = false
    }

    private let store: CatalogStore
    private let state = Mutex(State())

    public init(store: CatalogStore) {
        self.store = store
    }

    /// Each source by name, and the total, counted now.
    public static func count(_ store: CatalogStore) async throws -> Counts {
        let bySource = try await store.metadataQuality()
        var total = MetadataQuality()
        for quality in bySource.values { total.add(quality) }
        return Counts(sources: bySource.keys.sorted().map { ($0, bySource[$0]!) }, total: total)
    }

    /// The last count, and whether it is of the current catalogue; nil until the first count is done (the first call
    /// starts it, in the background: on a large catalogue it takes most of a minute, longer than a reader should wait).
    public func report() async throws -> Report? {
        let version = try await store.catalogueVersion()
        let (counts, upToDate, start): (Counts?, Bool, Bool) = state.withLock { state in
            if let counts = state.counts, state.version == version { return (counts, true, false) }
            let start = !state.counting
            state.counting = true
            return (state.counts, false, start)
        }
        if start { countInBackground(version: version) }
        return counts.map { Report(counts: $0, upToDate: upToDate) }
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
                    state.counts = counted
                    state.version = version
                }
            }
        }
    }

    /// The `/api/v1/quality` body for `counts`.
    public static func document(_ counts: Counts, upToDate: Bool = true) throws -> Data {
        func entry(_ name: String?, _ quality: MetadataQuality) -> QualityView.Entry {
            QualityView.Entry(name: name, datasets: quality.datasets, indicators: quality.indicatorsByName)
        }
        return try HubDocuments.encode(QualityView(upToDate: upToDate, total: entry(nil, counts.total),
                                                   sources: counts.sources.map { entry($0.name, $0.quality) }))
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
