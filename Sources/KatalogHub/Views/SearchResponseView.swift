/// The body of `GET /api/v1/search`.
struct SearchResponseView: Encodable, Sendable {
    var total: Int
    var limit: Int
    var nextCursor: String?
    var queryTimeMs: Double
    var results: [DatasetSummaryView]
    var facets: [String: [FacetValueView]]?

    enum CodingKeys: String, CodingKey {
        case total, limit, results, facets
        case nextCursor = "next_cursor"
        case queryTimeMs = "query_time_ms"
    }
}

/// One facet value with its count over the whole match set.
struct FacetValueView: Encodable, Sendable {
    var value: String
    var count: Int
}
