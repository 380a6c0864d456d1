import Foundation
import GRDB

/// Completions for a typed prefix: dataset titles and keywords.
public struct Suggestions: Hashable, Sendable {
    /// A title that matches, with its dataset.
    public struct Title: Hashable, Sendable {
        /// The dataset id.
        public var id: String
        /// The matching title (in the language that matched).
        public var title: String
    }

    /// A keyword that starts with the prefix, and how many datasets carry it.
    public struct Keyword: Hashable, Sendable {
        /// The keyword, lower-cased.
        public var keyword: String
        /// Live datasets with the keyword.
        public var count: Int
    }

    /// Matching titles, best first.
    public var titles: [Title]
    /// Matching keywords, most used first.
    public var keywords: [Keyword]
}

extension CatalogStore {
    /// Longest prefix `suggest` accepts.
    public static let maxSuggestPrefix = 100

    /// Titles whose words start with the typed words (the last one as a prefix) and keywords starting with the text.
    ///
    /// The prefix is tokenised here and every token is quoted, so no user text reaches `MATCH` as syntax.
    public func suggest(prefix: String, limit: Int = 10) async throws -> Suggestions {
        let text = prefix.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= CatalogStore.maxSuggestPrefix else {
            throw StoreError(.invalidQuery, "the prefix is \(text.count) characters, over the limit of \(CatalogStore.maxSuggestPrefix)")
        }
        let limit = min(max(limit, 1), 50)
        let tokens = text.lowercased().split { !($0.isLetter || $0.isNumber) }.prefix(8).map(String.init)
        guard !tokens.isEmpty else { return Suggestions(titles: [], keywords: []) }
        let pattern = "title : " + tokens.enumerated().map { index, token in
            "\"\(token.replacingOccurrences(of: "\"", with: "\"\""))\"" + (index == tokens.count - 1 ? "*" : "")
        }.joined(separator: " ")
        let keywordPrefix = text.lowercased()
        return try await read("suggesting completions", context: ["prefix": String(text.prefix(40))]) { db in
            var titles: [Suggestions.Title] = []
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.id, datasets_fts.title FROM datasets_fts JOIN datasets d ON d.pk = datasets_fts.rowid
                WHERE datasets_fts MATCH ? AND d.deleted_at IS NULL
                ORDER BY bm25(datasets_fts, 10.0, 0.0, 0.0, 0.0) LIMIT ?
                """, arguments: [pattern, limit])
            for row in rows {
                let all: String = row[1]
                let lines = all.split(separator: "\n").map(String.init)
                let folded = tokens.last.map { CatalogStore.fold($0) } ?? ""
                let best = lines.first { CatalogStore.fold($0).contains(folded) } ?? lines.first ?? all
                titles.append(.init(id: row[0], title: best))
            }
            var keywords: [Suggestions.Keyword] = []
            let keywordRows = try Row.fetchAll(db, sql: """
                SELECT t.value, COUNT(*) AS uses FROM dataset_terms t JOIN datasets d ON d.pk = t.dataset_pk
                WHERE t.facet = 'keyword' AND t.value >= ? AND t.value < ? AND d.deleted_at IS NULL
                GROUP BY t.value ORDER BY uses DESC, t.value LIMIT ?
                """, arguments: [keywordPrefix, keywordPrefix + "\u{10FFFF}", limit])
            for row in keywordRows {
                keywords.append(.init(keyword: row[0], count: row[1]))
            }
            return Suggestions(titles: titles, keywords: keywords)
        }
    }

    /// Lower-cased and without diacritics, for matching a typed prefix against a title line.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The first change sequence at or after `time`, minus one: `changes(sinceSeq:)` from there lists every change since `time`.
    public func changeSequence(before time: Date) async throws -> Int64 {
        try await read("finding a change position") { db in
            let first = try Int64.fetchOne(db, sql: """
                SELECT MIN(change_seq) FROM datasets WHERE COALESCE(deleted_at, updated_at) >= ?
                """, arguments: [time])
            if let first { return first - 1 }
            return try Int64.fetchOne(db, sql: "SELECT MAX(change_seq) FROM datasets") ?? 0
        }
    }
}
