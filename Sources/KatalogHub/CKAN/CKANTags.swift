import KatalogStore

/// The catalogue's keywords with their dataset counts, as `tag_list` lists them, read again only when the catalogue
/// has changed since they were last read: counting them reads every keyword term (about five per dataset), which
/// for a million datasets takes most of a second, and a client paging with `limit` and `offset` or narrowing with
/// `query` would otherwise pay it on every call.
final class CKANTags: Sendable {
    private let store: CatalogStore
    /// One entry: every keyword, at the catalogue version it was counted at.
    private let kept = VersionedCache<Bool, [FacetCount]>(capacity: 1)

    init(store: CatalogStore) {
        self.store = store
    }

    /// Every keyword of the live catalogue in code-point order, with its dataset count.
    func all() async throws -> [FacetCount] {
        let version = try await store.catalogueVersion()
        if let tags = kept.value(for: true, version: version) { return tags }
        let tags = try await store.keywordCounts()
        kept.keep(tags, for: true, version: version)
        return tags
    }
}
