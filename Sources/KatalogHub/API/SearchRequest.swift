import KatalogModel
import KatalogStore

/// Turns `/api/v1/search` query parameters into a store query, rejecting anything out of bounds with a 400.
enum SearchRequest {
    /// Parameters the search endpoint knows; any other is a 400, so typos do not silently widen a search.
    static let knownParameters: Set<String> = [
        "q", "publisher", "theme", "format", "licence", "license", "language", "source", "modified_since",
        "has_download", "sort", "limit", "cursor", "lang", "facets", "facet_limit",
    ]
    /// Largest page.
    static let maxLimit = 100
    /// Most values one filter may list.
    static let maxFilterValues = 20

    static func query(from parameters: QueryParameters) throws(APIError) -> (SearchQuery, languages: [String]) {
        try parameters.rejectUnknown(knownParameters)
        var query = SearchQuery()
        query.text = parameters.get("q") ?? ""
        query.publisher = try filter(parameters, "publisher")
        query.theme = try filter(parameters, "theme")
        query.format = try filter(parameters, "format")
        query.licence = try filter(parameters, "licence") + filter(parameters, "license")
        query.language = try filter(parameters, "language")
        query.source = try filter(parameters, "source")
        if let since = parameters.get("modified_since") {
            guard let normalized = SearchRequest.timestamp(since) else {
                throw APIError.badParameter("modified_since", "'\(since.prefix(40))' is not an ISO 8601 date or date-time (e.g. 2024-01-31 or 2024-01-31T12:00:00Z)")
            }
            query.modifiedSince = normalized
        }
        query.hasDownloadURL = try parameters.bool("has_download")
        if let sort = parameters.get("sort") {
            guard let value = SearchQuery.Sort(rawValue: sort) else {
                throw APIError.badParameter("sort", "'\(sort.prefix(40))' is not one of \(SearchQuery.Sort.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query.sort = value
        } else {
            query.sort = query.text.isEmpty ? .modified : .relevance
        }
        query.limit = try parameters.int("limit", in: 1...maxLimit) ?? 20
        query.cursor = parameters.get("cursor")
        query.facets = try parameters.bool("facets") ?? true
        query.facetValues = try parameters.int("facet_limit", in: 1...SearchQuery.maxFacetValues) ?? 50
        // Up to 5 `lang` parameters (the OpenAPI document's maxItems); of the languages they list, the first 5 count.
        let langCount = parameters.occurrences(of: "lang")
        guard langCount <= 5 else { throw APIError.badParameter("lang", "repeated \(langCount) times; at most 5") }
        let languages = parameters.list("lang").prefix(5).map { LocalizedText.normalizedTag($0) }
        query.languages = Array(languages)
        return (query, Array(languages))
    }

    private static func filter(_ parameters: QueryParameters, _ name: String) throws(APIError) -> [String] {
        // The parameter may be repeated up to 20 times (the OpenAPI document's maxItems), and each may list
        // values separated by commas; the values, once split and with repeats removed, are bounded by the store.
        let occurrences = parameters.occurrences(of: name)
        guard occurrences <= maxFilterValues else {
            throw APIError.badParameter(name, "repeated \(occurrences) times; at most \(maxFilterValues)")
        }
        var seen = Set<String>()
        let values = parameters.list(name).filter { seen.insert($0).inserted }
        guard values.count <= SearchQuery.maxFilterValues else {
            throw APIError.badParameter(name, "\(values.count) values; at most \(SearchQuery.maxFilterValues)")
        }
        for value in values where value.utf8.count > 500 {
            throw APIError.badParameter(name, "a value longer than 500 bytes")
        }
        return values
    }

    /// Normalises `2024`, `2024-01-31` or a date-time to a sortable UTC timestamp.
    static func timestamp(_ text: String) -> String? {
        DateValue(raw: text).sortKey
    }
}
