/// A catalogue search: words, filters, sort order and paging.
///
/// The query text uses a small, safe syntax: words are ANDed, `"exact phrase"`,
/// `OR` between terms, `-word` or `-"phrase"` to exclude, `prefix*`. The store builds the full-text
/// expression itself; user text never reaches SQLite's `MATCH` unquoted.
public struct SearchQuery: Hashable, Sendable, Codable {
    /// How hits are ordered.
    public enum Sort: String, Hashable, Sendable, Codable, CaseIterable {
        /// Best BM25 match first (falls back to `modified` when the text is empty).
        case relevance
        /// Most recently modified (else issued) first; undated records last.
        case modified
        /// By best title, A to Z; untitled records first.
        case title
        /// By Katalog's id, A to Z: an order that never changes, for walking the whole match set.
        case id
        /// Most recently changed in this catalogue first (added, or updated by a harvest).
        case changed
    }

    /// The most hits one page may ask for.
    public static let maxLimit = 1_000
    /// The most values one facet filter may list.
    public static let maxFilterValues = 1_000
    /// The largest ``offset``.
    public static let maxOffset = 10_000_000
    /// The most values ``facetValues`` may ask for per facet.
    public static let maxFacetValues = 10_000

    /// The search text; empty matches every live record.
    public var text: String
    /// Publisher keys (``KatalogModel/Agent/key``); any of them matches.
    public var publisher: [String]
    /// Theme keys (e.g. `ECON`).
    public var theme: [String]
    /// Format keys (e.g. `CSV`; compared upper-case).
    public var format: [String]
    /// Licence keys (e.g. `CC-BY-4.0`, `cc-by`).
    public var licence: [String]
    /// Language tags (compared lower-case).
    public var language: [String]
    /// Source names.
    public var source: [String]
    /// Keywords (compared lower-case).
    public var keyword: [String]
    /// Only records modified (else issued) at or after this ISO 8601 date or date-time.
    public var modifiedSince: String?
    /// When set, only records that have (true) or lack (false) a download URL.
    public var hasDownloadURL: Bool?
    /// Only records whose last change in this catalogue came after this change sequence (see
    /// ``CatalogStore/changeSequence(before:)``, which turns a time into one).
    public var changedAfter: Int64?
    /// The order of hits.
    public var sort: Sort
    /// Hits per page, 1…1000.
    public var limit: Int
    /// The `nextCursor` of the previous page, to continue after it.
    public var cursor: String?
    /// Hits to skip before the page (after the cursor, when there is one), 0…``maxOffset``. A cursor stays
    /// correct while harvests write; an offset shifts when records are added or removed before it.
    public var offset: Int
    /// Whether to count facet values over the whole match set.
    public var facets: Bool
    /// With ``facets``: how many values each facet returns, the most frequent first, 1…``maxFacetValues``
    /// (default 50). Every value is counted whatever this says; it bounds the answer.
    public var facetValues = 50
    /// Preferred languages for titles and snippets, best first.
    public var languages: [String]
    /// Whether hits carry their records: the mapped dataset, the title and the snippet (default true). False reads
    /// only what the index rows hold (id, source, source identifier, first seen, last change), for listings of
    /// identifiers such as the CKAN API's `fl=id`: each hit's `dataset` is then empty but for its source identifier.
    public var includesRecords = true

    /// Creates a query; everything but the text has a default (relevance, 20 hits, no facets).
    public init(_ text: String = "", publisher: [String] = [], theme: [String] = [], format: [String] = [],
                licence: [String] = [], language: [String] = [], source: [String] = [], keyword: [String] = [],
                modifiedSince: String? = nil, hasDownloadURL: Bool? = nil, sort: Sort = .relevance, limit: Int = 20,
                cursor: String? = nil, facets: Bool = false, languages: [String] = [], offset: Int = 0,
                changedAfter: Int64? = nil) {
        self.text = text
        self.publisher = publisher
        self.theme = theme
        self.format = format
        self.licence = licence
        self.language = language
        self.source = source
        self.keyword = keyword
        self.modifiedSince = modifiedSince
        self.hasDownloadURL = hasDownloadURL
        self.sort = sort
        self.limit = limit
        self.cursor = cursor
        self.facets = facets
        self.languages = languages
        self.offset = offset
        self.changedAfter = changedAfter
    }

    /// The facet filters as (facet, normalised values), leaving out empty ones.
    var filters: [(facet: String, values: [String])] {
        let all: [(String, [String])] = [
            ("publisher", publisher), ("theme", theme), ("format", format.map { $0.uppercased() }),
            ("licence", licence), ("language", language.map { $0.lowercased() }), ("source", source),
            ("keyword", keyword.map { $0.lowercased() }),
        ]
        return all.map { ($0.0, $0.1.filter { !$0.isEmpty }) }.filter { !$0.1.isEmpty }
    }
}

extension SearchQuery {
    /// Decodes a query encoded by this or an earlier version: members added since the first (`facetValues`,
    /// `includesRecords`, and any filter or option left out) take their defaults, as ``init(_:publisher:theme:format:licence:language:source:keyword:modifiedSince:hasDownloadURL:sort:limit:cursor:facets:languages:offset:changedAfter:)``
    /// gives them.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decodeIfPresent(String.self, forKey: .text) ?? "")
        publisher = try c.decodeIfPresent([String].self, forKey: .publisher) ?? []
        theme = try c.decodeIfPresent([String].self, forKey: .theme) ?? []
        format = try c.decodeIfPresent([String].self, forKey: .format) ?? []
        licence = try c.decodeIfPresent([String].self, forKey: .licence) ?? []
        language = try c.decodeIfPresent([String].self, forKey: .language) ?? []
        source = try c.decodeIfPresent([String].self, forKey: .source) ?? []
        keyword = try c.decodeIfPresent([String].self, forKey: .keyword) ?? []
        modifiedSince = try c.decodeIfPresent(String.self, forKey: .modifiedSince)
        hasDownloadURL = try c.decodeIfPresent(Bool.self, forKey: .hasDownloadURL)
        changedAfter = try c.decodeIfPresent(Int64.self, forKey: .changedAfter)
        sort = try c.decodeIfPresent(Sort.self, forKey: .sort) ?? .relevance
        limit = try c.decodeIfPresent(Int.self, forKey: .limit) ?? 20
        cursor = try c.decodeIfPresent(String.self, forKey: .cursor)
        offset = try c.decodeIfPresent(Int.self, forKey: .offset) ?? 0
        facets = try c.decodeIfPresent(Bool.self, forKey: .facets) ?? false
        facetValues = try c.decodeIfPresent(Int.self, forKey: .facetValues) ?? 50
        languages = try c.decodeIfPresent([String].self, forKey: .languages) ?? []
        includesRecords = try c.decodeIfPresent(Bool.self, forKey: .includesRecords) ?? true
    }
}
