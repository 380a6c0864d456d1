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
    /// The prefix is tokenised here and every token is quoted, so no user text reaches `MATCH` as syntax. The last
    /// word is completed when it has at least ``minCompletedPrefix`` characters; a single character is matched as a
    /// whole word, since every title has words starting with most letters.
    ///
    /// Titles are ranked by BM25 on the title column from the full-text index alone (`katalog_rank`, with the row
    /// lengths kept in memory when they are current), and only the best rows' ids are read: a typed letter or two
    /// can match most of the catalogue.
    public func suggest(prefix: String, limit: Int = 10) async throws -> Suggestions {
        let text = prefix.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= CatalogStore.maxSuggestPrefix else {
            throw StoreError(.invalidQuery, "the prefix is \(text.count) characters, over the limit of \(CatalogStore.maxSuggestPrefix)")
        }
        let limit = min(max(limit, 1), 50)
        let tokens = text.lowercased().split { !($0.isLetter || $0.isNumber) }.prefix(8).map(String.init)
        guard !tokens.isEmpty else { return Suggestions(titles: [], keywords: []) }
        let phrases = tokens.enumerated().map { index, token in
            let completed = index == tokens.count - 1 && token.count >= CatalogStore.minCompletedPrefix
            return "\"\(token.replacingOccurrences(of: "\"", with: "\"\""))\"" + (completed ? "*" : "")
        }
        // The column filter covers every phrase only when they are bracketed together.
        let pattern = "title : (" + phrases.joined(separator: " ") + ")"
        let keywordPrefix = text.lowercased()
        let index = facetIndexCache.current
        let statistics = termStatistics
        let limits = searchLimits
        return try await read("suggesting completions", context: ["prefix": String(text.prefix(40))]) { db in
            try limits.run(db, what: "the completion") {
                let version = try FacetIndex.currentVersion(db)
                let lengths = index.flatMap { $0.version == version ? $0.rowLengths : nil } ?? []
                let frequencies = try statistics.frequencies(of: phrases.map { "title : " + $0 }, version: version, in: db)
                var best = BestRanks(capacity: limit)
                // The index holds live datasets only (a tombstone removes its row), so no join to `datasets` is needed.
                try RankScan.scan(db, expression: pattern, frequencies: frequencies, rowLengths: lengths,
                                  weights: [10, 0, 0, 0]) { pk, rank in best.offer(rank: rank, pk: pk) }
                let pks = best.ordered.map(\.pk)
                var titles: [Suggestions.Title] = []
                if !pks.isEmpty {
                    let marks = Array(repeating: "?", count: pks.count).joined(separator: ", ")
                    var found: [Int64: (id: String, title: String)] = [:]
                    for row in try Row.fetchAll(db, sql: """
                        SELECT d.pk, d.id, f.title FROM datasets d JOIN datasets_fts f ON f.rowid = d.pk WHERE d.pk IN (\(marks))
                        """, arguments: StatementArguments(pks)) {
                        found[row[0]] = (row[1], row[2])
                    }
                    let folded = tokens.last.map { CatalogStore.fold($0) } ?? ""
                    for pk in pks {
                        guard let (id, all) = found[pk] else { continue }
                        let lines = all.split(separator: "\n").map(String.init)
                        let best = lines.first { CatalogStore.fold($0).contains(folded) } ?? lines.first ?? all
                        titles.append(.init(id: id, title: best))
                    }
                }
                var keywords: [Suggestions.Keyword] = []
                // Tombstones keep no terms, so every keyword row belongs to a live dataset.
                let keywordRows = try Row.fetchAll(db, sql: """
                    SELECT value, COUNT(*) AS uses FROM dataset_terms
                    WHERE facet = 'keyword' AND value >= ? AND value < ?
                    GROUP BY value ORDER BY uses DESC, value LIMIT ?
                    """, arguments: [keywordPrefix, keywordPrefix + "\u{10FFFF}", limit])
                for row in keywordRows {
                    keywords.append(.init(keyword: row[0], count: row[1]))
                }
                return Suggestions(titles: titles, keywords: keywords)
            }
        }
    }

    /// The fewest characters of the last typed word that are completed as a prefix.
    public static let minCompletedPrefix = 2

    /// Lower-cased and without diacritics, for matching a typed prefix against a title line.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The first change at or after a time. SQLite's planner prefers `datasets_by_change` for `MIN(change_seq)` and
    /// would read rows in change order until one is recent enough; the time index reads only the recent entries.
    static let changePositionSQL = """
        SELECT MIN(change_seq) FROM datasets INDEXED BY datasets_by_change_time WHERE COALESCE(deleted_at, updated_at) >= ?
        """

    /// The first change sequence at or after `time`, minus one: `changes(sinceSeq:)` from there lists every change since `time`.
    /// Reads only the index entries at or after `time` (`datasets_by_change_time`).
    public func changeSequence(before time: Date) async throws -> Int64 {
        try await read("finding a change position") { db in
            let first = try Int64.fetchOne(db, sql: CatalogStore.changePositionSQL, arguments: [time])
            if let first { return first - 1 }
            return try Int64.fetchOne(db, sql: "SELECT MAX(change_seq) FROM datasets") ?? 0
        }
    }
}
