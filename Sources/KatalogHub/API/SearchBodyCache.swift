import Foundation
import KatalogStore

/// Encoded `/api/v1/search` bodies of recent results, kept as the bytes before and after the
/// `query_time_ms` value so a repeated query is answered without encoding its hits again.
///
/// Entries are keyed by the query and the catalogue version of the result, so a body is reused only for
/// an identical result; a newer version retires the older entries.
final class SearchBodyCache: Sendable {
    /// A body cut around its `query_time_ms` value.
    private struct Parts: Sendable {
        var head: Data
        var tail: Data
    }

    /// A `query_time_ms` value no real query takes, exactly representable, so its JSON text is predictable.
    static let placeholder = 987_654_321.125
    private static let marker = Data(#""query_time_ms":987654321.125"#.utf8)
    private static let key = Data(#""query_time_ms":"#.utf8)

    private let cache: VersionedCache<SearchQuery, Parts>

    init(capacity: Int) {
        cache = VersionedCache(capacity: capacity)
    }

    /// The body for `result` with `queryTime` in it: spliced from a kept encoding, or encoded (and kept).
    func body(for result: SearchResult, query: SearchQuery, queryTime: Duration) throws -> Data {
        guard cache.capacity > 0, result.hits.count <= 100 else {
            return try HubDocuments.search(result, query: query, queryTime: queryTime)
        }
        if let parts = cache.value(for: query, version: result.catalogueVersion) {
            return SearchBodyCache.splice(parts.head, queryTime, parts.tail)
        }
        let encoded = try HubDocuments.search(result, query: query, queryTime: .zero, queryTimeMs: SearchBodyCache.placeholder)
        guard let range = encoded.firstRange(of: SearchBodyCache.marker) else {
            return try HubDocuments.search(result, query: query, queryTime: queryTime)
        }
        let parts = Parts(head: Data(encoded[..<range.lowerBound] + SearchBodyCache.key), tail: Data(encoded[range.upperBound...]))
        cache.keep(parts, for: query, version: result.catalogueVersion)
        return SearchBodyCache.splice(parts.head, queryTime, parts.tail)
    }

    private static func splice(_ head: Data, _ queryTime: Duration, _ tail: Data) -> Data {
        let number = SearchResponseView.milliseconds(queryTime.milliseconds)
        var body = Data(capacity: head.count + number.utf8.count + tail.count)
        body.append(head)
        body.append(contentsOf: number.utf8)
        body.append(tail)
        return body
    }

    /// How many bodies are kept now.
    var count: Int { cache.count }
}
