import KatalogStore
import Synchronization

/// The catalogue's keywords with their dataset counts, as `tag_list` lists them, read again only when the catalogue
/// has changed since they were last read: counting them reads every keyword term (about five per dataset), which
/// for a million datasets takes most of a second, and a client paging with `limit` and `offset` or narrowing with
/// `query` would otherwise pay it on every call.
final class CKANTags: Sendable {
    private struct Snapshot {
        var version: Int64
        var tags: [FacetCount]
    }

    private let store: CatalogStore
    private let current = Mutex<Snapshot?>(nil)

    init(store: CatalogStore) {
        self.store = store
    }

    /// Every keyword of the live catalogue in code-point order, with its dataset count.
    func all() async throws -> [FacetCount] {
        let version = try await store.catalogueVersion()
        if let kept = current.withLock({ $0 }), kept.version == version { return kept.tags }
        let tags = try await store.keywordCounts()
        current.withLock { $0 = Snapshot(version: version, tags: tags) }
        return tags
    }
}
