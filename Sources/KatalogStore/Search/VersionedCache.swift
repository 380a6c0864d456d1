import Synchronization

/// A bounded, least-recently-used map whose entries belong to one version of the catalogue (its change
/// sequence): an entry is returned only for the version it was kept at, and keeping one at a newer version
/// drops every older entry. Used for search results (``CatalogStore``) and the hub's encoded bodies.
public final class VersionedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var lastUse: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var version: Int64 = .min
        var tick: UInt64 = 0
    }

    /// The most entries kept; 0 keeps nothing.
    public let capacity: Int
    private let state = Mutex(State())

    /// Creates an empty cache of at most `capacity` entries.
    public init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// The value kept for `key` at `version`, if any (and marks it recently used).
    public func value(for key: Key, version: Int64) -> Value? {
        guard capacity > 0 else { return nil }
        return state.withLock { state in
            guard state.version == version, var entry = state.entries[key] else { return nil }
            state.tick += 1
            entry.lastUse = state.tick
            state.entries[key] = entry
            return entry.value
        }
    }

    /// Keeps `value` for `key` at `version`. A newer version first drops every entry; an older one is not kept.
    /// When full, the least recently used entry makes room.
    public func keep(_ value: Value, for key: Key, version: Int64) {
        guard capacity > 0 else { return }
        state.withLock { state in
            if version > state.version {
                state.entries.removeAll(keepingCapacity: true)
                state.version = version
            }
            guard version == state.version else { return }
            if state.entries[key] == nil, state.entries.count >= capacity,
               let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
                state.entries[oldest] = nil
            }
            state.tick += 1
            state.entries[key] = Entry(value: value, lastUse: state.tick)
        }
    }

    /// How many entries are kept now.
    public var count: Int { state.withLock { $0.entries.count } }
}
