import Foundation
import KatalogModel

/// One page of search results.
public struct SearchResult: Hashable, Sendable {
    /// How many live records match, over all pages.
    public var total: Int
    /// This page's hits, in order.
    public var hits: [SearchHit]
    /// Facet → values with counts over the whole match set, most frequent first (at most 50 each); empty unless asked.
    public var facets: [String: [FacetCount]]
    /// Pass as `cursor` to get the next page; nil on the last page.
    public var nextCursor: String?
    /// The catalogue's change sequence in the snapshot the result was computed in: equal values mean the
    /// same query gives the same result (see ``CatalogStore/catalogueVersion()``).
    public var catalogueVersion: Int64 = 0

    /// Creates a result (the store makes them; this is for other front ends and tests).
    public init(total: Int, hits: [SearchHit], facets: [String: [FacetCount]], nextCursor: String?, catalogueVersion: Int64 = 0) {
        self.total = total
        self.hits = hits
        self.facets = facets
        self.nextCursor = nextCursor
        self.catalogueVersion = catalogueVersion
    }
}

/// One matching dataset.
public struct SearchHit: Hashable, Sendable {
    /// Katalog's id.
    public var id: String
    /// The source's name.
    public var source: String
    /// The source's own identifier.
    public var sourceIdentifier: String
    /// The best title in the preferred languages (empty when the record has none).
    public var title: String
    /// The mapped dataset.
    public var dataset: Dataset
    /// The BM25 score (lower is better, as SQLite reports it); nil when the query had no text.
    public var rank: Double?
    /// A passage of the description in the preferred language, with the matched words marked.
    public var snippet: Snippet?
    /// When the catalogue first saw the record.
    public var firstSeen: Date
    /// When its content last changed.
    public var updatedAt: Date
    /// The records other sources (or this one) hold of the same dataset, which searches do not show on their own
    /// (see ``SameDatasetKey``); empty when no other source carries it.
    public var otherRecords: [RecordReference] = []
    /// The key the publisher facet and the `publisher` filter know the dataset's publisher by: the record's own publisher
    /// key, or, for a publisher known only by name, the key of the publisher with an IRI and the same name it stands
    /// for (see the store's documentation, "Publishers named twice"). Nil without a publisher, and in listings
    /// without records.
    public var publisherKey: String?
}

/// A value of a facet and how many matching records carry it.
public struct FacetCount: Hashable, Sendable, Codable {
    /// The facet value (a key: publisher IRI, theme code, format, …).
    public var value: String
    /// Matching records with this value.
    public var count: Int
    /// A display name, when one is known (publishers' names in the preferred language).
    public var label: String?

    /// Creates a count.
    public init(value: String, count: Int, label: String? = nil) {
        self.value = value
        self.count = count
        self.label = label
    }
}

/// A short passage of text with the words that matched the query marked.
///
/// Kept as segments, so the caller escapes the text for its output (HTML, JSON, a terminal)
/// and chooses its own markers; ``marked(open:close:)`` renders with `[` and `]` by default.
public struct Snippet: Hashable, Sendable, Codable {
    /// A run of text, highlighted or not.
    public struct Segment: Hashable, Sendable, Codable {
        /// The text.
        public var text: String
        /// Whether the text matched a query term.
        public var highlighted: Bool

        /// Creates a segment.
        public init(text: String, highlighted: Bool) {
            self.text = text
            self.highlighted = highlighted
        }
    }

    /// The passage, in order; a leading or trailing `…` marks a cut.
    public var segments: [Segment]
    /// The language tag of the text (`""` for untagged).
    public var language: String

    /// Creates a snippet.
    public init(segments: [Segment], language: String) {
        self.segments = segments
        self.language = language
    }

    /// The text without markers.
    public var text: String { segments.map(\.text).joined() }

    /// The text with highlighted runs wrapped in `open` and `close` (default `[` and `]`).
    public func marked(open: String = "[", close: String = "]") -> String {
        segments.map { $0.highlighted ? open + $0.text + close : $0.text }.joined()
    }
}
