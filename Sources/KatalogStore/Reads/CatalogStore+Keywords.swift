import GRDB

extension CatalogStore {
    /// The most keywords ``keywordCounts(containing:limit:offset:)`` hands over at once.
    public static let maxKeywordCounts = 1_000_000

    /// The keywords of the live catalogue (lower-cased, as searches match them) with how many datasets carry each, in
    /// code-point order, after `offset` and at most `limit` (1…``maxKeywordCounts``). With `containing`, only keywords
    /// holding that text (compared lower-cased). A dataset that several sources carry counts once, as in searches.
    public func keywordCounts(containing: String? = nil, limit: Int = maxKeywordCounts, offset: Int = 0) async throws -> [FacetCount] {
        guard (1...CatalogStore.maxKeywordCounts).contains(limit) else {
            throw StoreError(.invalidQuery, "limit must be between 1 and \(CatalogStore.maxKeywordCounts), not \(limit)")
        }
        guard offset >= 0 else { throw StoreError(.invalidQuery, "offset must not be negative, not \(offset)") }
        let needle = containing?.lowercased() ?? ""
        return try await read("listing keywords") { db in
            // The terms' primary key (facet, value, dataset_pk) hands the keywords over in order, each value's rows
            // together; tombstones and folded records keep no keyword terms.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT value, COUNT(*) FROM dataset_terms
                WHERE facet = 'keyword' AND (? = '' OR instr(value, ?) > 0)
                GROUP BY value ORDER BY value LIMIT ? OFFSET ?
                """, arguments: [needle, needle, limit, offset])
            var counts: [FacetCount] = []
            while let row = try rows.next() { counts.append(FacetCount(value: row[0], count: row[1])) }
            return counts
        }
    }
}
