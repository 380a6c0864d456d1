import Foundation
import KatalogStore
import Synchronization

/// Encoded `/api/v1/search` bodies of recent results, kept as the bytes before and after the
/// `query_time_ms` value so a repeated query is answered without encoding its hits again.
///
/// Entries are keyed by the query and the catalogue version of the result, so a body is reused only for
/// an identical result; a newer version retires the older entries.
final class SearchBodyCache: Sendable {
    /// A body cut around its `query_time_ms` value, and the two parts compressed, made the first time a client that
    /// accepts gzip asks for it.
    private final class Parts: Sendable {
        let head: Data
        let tail: Data
        private let compressed = Mutex<SplicedGzip??>(nil)

        init(head: Data, tail: Data) {
            self.head = head
            self.tail = tail
        }

        /// The parts compressed (nil when zlib fails).
        var gzip: SplicedGzip? {
            if let done = compressed.withLock({ $0 }) { return done }
            // Two first requests may both compress; either result is the same.
            let made = SplicedGzip(head: head, tail: tail)
            compressed.withLock { $0 = .some(made) }
            return made
        }
    }

    /// An answer's body, and whether it is gzip-compressed.
    struct Body {
        var data: Data
        var gzip: Bool
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
    ///
    /// With `gzip` (the client accepts it and the hub compresses), a kept body of at least
    /// ``ResponseCompression/minimumSize`` bytes is spliced from its kept compressed parts, so a repeated search is not
    /// compressed again; other bodies come back plain, for ``CompressionMiddleware`` to compress.
    func body(for result: SearchResult, query: SearchQuery, queryTime: Duration, gzip: Bool = false) throws -> Body {
        guard cache.capacity > 0, result.hits.count <= 100 else {
            return Body(data: try HubDocuments.search(result, query: query, queryTime: queryTime), gzip: false)
        }
        let parts: Parts
        if let kept = cache.value(for: query, version: result.catalogueVersion) {
            parts = kept
        } else {
            let encoded = try HubDocuments.search(result, query: query, queryTime: .zero, queryTimeMs: SearchBodyCache.placeholder)
            guard let range = encoded.firstRange(of: SearchBodyCache.marker) else {
                return Body(data: try HubDocuments.search(result, query: query, queryTime: queryTime), gzip: false)
            }
            parts = Parts(head: Data(encoded[..<range.lowerBound] + SearchBodyCache.key), tail: Data(encoded[range.upperBound...]))
            cache.keep(parts, for: query, version: result.catalogueVersion)
        }
        let number = Data(SearchResponseView.milliseconds(queryTime.milliseconds).utf8)
        if gzip, parts.head.count + number.count + parts.tail.count >= ResponseCompression.minimumSize,
           let compressed = parts.gzip {
            return Body(data: compressed.body(middle: number), gzip: true)
        }
        var body = Data(capacity: parts.head.count + number.count + parts.tail.count)
        body.append(parts.head)
        body.append(number)
        body.append(parts.tail)
        return Body(data: body, gzip: false)
    }

    /// How many bodies are kept now.
    var count: Int { cache.count }
}
