import Foundation
import KatalogStore
import Synchronization

/// Encoded `/api/v1/search` bodies of recent results, kept as the bytes before and after the
/// `query_time_ms` value so a repeated query is answered without encoding its hits again.
///
/// Entries are keyed by the query and the catalogue version of the result, so a body is reused only for
/// an identical result; a newer version retires the older entries.
final class SearchBodyCache: Sendable {
    private struct Key: Hashable {
        var query: SearchQuery
        var version: Int64
    }

    private struct Entry {
        var head: Data
        var tail: Data
        var lastUse: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var version: Int64 = .min
        var tick: UInt64 = 0
    }

    /// A `query_time_ms` value no real query takes, exactly representable, so its JSON text is predictable.
    static let placeholder = 987_654_321.125
    private static let marker = Data(#""query_time_ms":987654321.125"#.utf8)
    private static let key = Data(#""query_time_ms":"#.utf8)

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// The body for `result` with `queryTime` in it: spliced from a kept encoding, or encoded (and kept).
    func body(for result: SearchResult, query: SearchQuery, queryTime: Duration) throws -> Data {
        guard capacity > 0, result.hits.count <= 100 else {
            return try HubDocuments.search(result, query: query, queryTime: queryTime)
        }
        let key = Key(query: query, version: result.catalogueVersion)
        if let entry = lookup(key) {
            return SearchBodyCache.splice(entry.head, queryTime, entry.tail)
        }
        let encoded = try HubDocuments.search(result, query: query, queryTime: .zero, queryTimeMs: SearchBodyCache.placeholder)
        guard let range = encoded.firstRange(of: SearchBodyCache.marker) else {
            return try HubDocuments.search(result, query: query, queryTime: queryTime)
        }
        let head = encoded[..<range.lowerBound] + SearchBodyCache.key
        let tail = Data(encoded[range.upperBound...])
        keep(key, head: Data(head), tail: tail)
        return SearchBodyCache.splice(Data(head), queryTime, tail)
    }

    private static func splice(_ head: Data, _ queryTime: Duration, _ tail: Data) -> Data {
        // Milliseconds with three decimals, written by hand (String(format:) showed up in profiles).
        let micros = max(0, Int((queryTime.milliseconds * 1000).rounded()))
        let fraction = String(micros % 1000)
        let number = String(micros / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
        var body = Data(capacity: head.count + number.utf8.count + tail.count)
        body.append(head)
        body.append(contentsOf: number.utf8)
        body.append(tail)
        return body
    }

    private func lookup(_ key: Key) -> Entry? {
        state.withLock { state in
            guard var entry = state.entries[key] else { return nil }
            state.tick += 1
            entry.lastUse = state.tick
            state.entries[key] = entry
            return entry
        }
    }

    private func keep(_ key: Key, head: Data, tail: Data) {
        state.withLock { state in
            if key.version > state.version {
                state.entries.removeAll(keepingCapacity: true)
                state.version = key.version
            }
            guard key.version == state.version else { return }
            if state.entries.count >= capacity,
               let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
                state.entries[oldest] = nil
            }
            state.tick += 1
            state.entries[key] = Entry(head: head, tail: tail, lastUse: state.tick)
        }
    }

    /// How many bodies are kept now.
    var count: Int { state.withLock { $0.entries.count } }
}
