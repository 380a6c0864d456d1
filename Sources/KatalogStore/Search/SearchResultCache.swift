import Synchronization

/// Recent search results, each tied to the change sequence of the snapshot it was computed in.
///
/// A result is only ever returned for a search whose own snapshot is at that same sequence, so a cached
/// answer is exactly the answer the search would compute; every run that changes the catalogue moves the
/// sequence and so retires every entry. Business systems that poll the same queries, and the hub's page
/// being paged back and forth, are then answered without touching the full-text index.
final class SearchResultCache: Sendable {
    private struct Key: Hashable {
        var query: SearchQuery
        var version: Int64
    }

    private struct Entry {
        var result: SearchResult
        var lastUse: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var version: Int64 = .min
        var tick: UInt64 = 0
    }

    /// The most results kept; 0 turns the cache off.
    let capacity: Int
    /// Results with more hits than this are not kept (they are large and rarely repeated).
    static let maxHits = 100
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// The result kept for `query` at `version`, if any.
    func result(for query: SearchQuery, version: Int64) -> SearchResult? {
        guard capacity > 0 else { return nil }
        return state.withLock { state in
            let key = Key(query: query, version: version)
            guard var entry = state.entries[key] else { return nil }
            state.tick += 1
            entry.lastUse = state.tick
            state.entries[key] = entry
            return entry.result
        }
    }

    /// Keeps `result` for `query` at `version`; entries of older versions are dropped, and the least recently
    /// used one when the cache is full.
    func keep(_ result: SearchResult, for query: SearchQuery, version: Int64) {
        guard capacity > 0, result.hits.count <= SearchResultCache.maxHits else { return }
        state.withLock { state in
            if version > state.version {
                state.entries.removeAll(keepingCapacity: true)
                state.version = version
            }
            guard version == state.version else { return }
            if state.entries.count >= capacity,
               let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
                state.entries[oldest] = nil
            }
            state.tick += 1
            state.entries[Key(query: query, version: version)] = Entry(result: result, lastUse: state.tick)
        }
    }

    /// How many results are kept now.
    var count: Int { state.withLock { $0.entries.count } }
}
