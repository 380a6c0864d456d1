/// Recent search results, each tied to the change sequence of the snapshot it was computed in.
///
/// A result is only ever returned for a search whose own snapshot is at that same sequence, so a cached
/// answer is exactly the answer the search would compute; every run that changes the catalogue moves the
/// sequence and so retires every entry. Business systems that poll the same queries, and the hub's page
/// being paged back and forth, are then answered without touching the full-text index.
final class SearchResultCache: Sendable {
    /// Results with more hits than this are not kept (they are large and rarely repeated).
    static let maxHits = 100
    private let cache: VersionedCache<SearchQuery, SearchResult>

    init(capacity: Int) {
        cache = VersionedCache(capacity: capacity)
    }

    /// The most results kept; 0 turns the cache off.
    var capacity: Int { cache.capacity }

    /// The result kept for `query` at `version`, if any.
    func result(for query: SearchQuery, version: Int64) -> SearchResult? {
        cache.value(for: query, version: version)
    }

    /// Keeps `result` for `query` at `version` (unless it has more than ``maxHits`` hits).
    func keep(_ result: SearchResult, for query: SearchQuery, version: Int64) {
        guard result.hits.count <= SearchResultCache.maxHits else { return }
        cache.keep(result, for: query, version: version)
    }

    /// How many results are kept now.
    var count: Int { cache.count }
}
