import CKatalogSearch
import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

/// `katalog_rank` must return FTS5's `bm25` bit for bit, whether the row lengths and phrase frequencies come
/// from memory or from FTS5, and the in-memory inputs must follow the catalogue as it changes.
struct RankScanTests {
    static let words = ["vatten", "skola", "färja", "budget", "luft", "väg", "hamn", "karta"]

    /// Records whose columns have very different lengths (so length normalisation matters), some over 127 and
    /// one over 16,383 tokens (two- and three-byte varints in `_docsize`).
    static func records(_ range: Range<Int>, edition: String = "") -> [SourceRecord] {
        range.map { i in
            let repeats = i % 17 == 0 ? 150 : (i % 5) * 3 + 1
            var description = (0..<repeats).map { words[($0 * 7 + i) % words.count] }.joined(separator: " ")
            if i == 13 { description = Array(repeating: "lång", count: 17_000).joined(separator: " ") + " vatten" }
            return makeRecord("r\(i)", title: "\(words[i % 8]) \(words[(i / 8) % 8]) data \(i)\(edition)",
                              description: description, keywords: i % 3 == 0 ? [words[(i / 3) % 8], "öppen"] : [],
                              publisher: "Myndighet \(i % 6)", themes: ["TRAN"], formats: ["CSV"])
        }
    }

    static let expressions: [String] = [
        "vatten", "skola", "vatten karta", "färja OR budget -luft", "sko*", "\"vatten skola\"", "data",
        "hamn OR väg OR luft", "öppen budget", "lång", "myndighet", "finnsinte",
    ]

    /// (rowid, rank) of every match, by SQL's bm25.
    func bm25(_ db: Database, _ expression: String) throws -> [Int64: Double] {
        var ranks: [Int64: Double] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT rowid, bm25(datasets_fts, 10.0, 5.0, 2.0, 1.0) FROM datasets_fts WHERE datasets_fts MATCH ?
            """, arguments: [expression]) {
            ranks[row[0]] = row[1]
        }
        return ranks
    }

    func scan(_ db: Database, _ expression: String, frequencies: [Int64]?, lengths: [UInt32]) throws
        -> ([Int64: Double], RankScan.Fallbacks) {
        var ranks: [Int64: Double] = [:]
        var order: [Int64] = []
        let fallbacks = try RankScan.scan(db, expression: expression, frequencies: frequencies, rowLengths: lengths) {
            ranks[$0] = $1
            order.append($0)
        }
        #expect(order == order.sorted(), "matches come in rowid order")
        return (ranks, fallbacks)
    }

    @Test("The rank equals bm25 exactly, with the inputs from memory, from FTS5, or mismatched and recounted")
    func equalsBM25() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, Self.records(0..<200))
        try await store.pool.read { db in
            let index = try FacetIndex.build(db)
            for text in Self.expressions {
                guard case .match(let expression) = try QueryParser.plan(for: text) else {
                    Issue.record("\(text) is not a match expression")
                    continue
                }
                let expected = try bm25(db, expression)
                let phrases = QueryParser.phrases(try QueryParser.parse(text))
                let frequencies = try phrases.map {
                    try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM datasets_fts WHERE datasets_fts MATCH ?", arguments: [$0]) ?? 0
                }

                let (fromMemory, memoryFallbacks) = try scan(db, expression, frequencies: frequencies, lengths: index.rowLengths)
                #expect(fromMemory == expected, "\(text): ranks from memory")
                #expect(memoryFallbacks == RankScan.Fallbacks(lengthLookups: 0, phraseRecounts: 0), "\(text)")

                let (fromFTS, ftsFallbacks) = try scan(db, expression, frequencies: nil, lengths: [])
                #expect(fromFTS == expected, "\(text): ranks from FTS5")
                #expect(ftsFallbacks.lengthLookups == Int64(expected.count), "\(text): every length looked up")
                if !expected.isEmpty {
                    #expect(ftsFallbacks.phraseRecounts == Int64(phrases.count), "\(text): every phrase recounted")
                }

                // A caller whose phrase list does not fit the expression gets FTS5's counts, not wrong ranks.
                let (mismatched, mismatchFallbacks) = try scan(db, expression, frequencies: frequencies + [1],
                                                               lengths: index.rowLengths)
                #expect(mismatched == expected, "\(text): ranks after a phrase-count mismatch")
                if !expected.isEmpty { #expect(mismatchFallbacks.phraseRecounts == Int64(phrases.count)) }
            }
            #expect(!(try bm25(db, "\"lång\"")).isEmpty, "the three-byte varint row is indexed")
        }
    }

    @Test("Row lengths decode every varint width and follow changes, additions and deletions")
    func rowLengthsFollowTheCatalogue() async throws {
        #expect(FacetIndex.rowLength(Data([0x05, 0x81, 0x00, 0x81, 0x80, 0x01, 0x00]).databaseValue) == UInt32(5 + 128 + 16_385))
        #expect(FacetIndex.rowLength(Data([0x81]).databaseValue) == nil, "a truncated varint")
        #expect(FacetIndex.rowLength("text".databaseValue) == nil)

        let store = try CatalogStore.temporary()
        try await harvest(store, Self.records(0..<120))
        let first = try await store.pool.read { try FacetIndex.build($0) }
        try await expectLengthsMatchFTS(store, first)

        // Twenty changed, forty new, the rest deleted by a complete run that no longer lists them.
        try await harvest(store, Self.records(0..<20, edition: " andra utgåvan med fler ord") + Self.records(20..<60) + Self.records(120..<160))
        let updated = try await store.pool.read { try first.updated($0) }
        let incremental = try #require(updated)
        #expect(incremental.version != first.version)
        try await expectLengthsMatchFTS(store, incremental)
        let rebuilt = try await store.pool.read { try FacetIndex.build($0) }
        for pk in 0..<max(rebuilt.rowLengths.count, incremental.rowLengths.count) {
            let a = pk < rebuilt.rowLengths.count ? rebuilt.rowLengths[pk] : KATALOG_RANK_UNKNOWN_LENGTH
            let b = pk < incremental.rowLengths.count ? incremental.rowLengths[pk] : KATALOG_RANK_UNKNOWN_LENGTH
            #expect(a == b, "row \(pk): rebuilt and incremental lengths agree")
        }
    }

    /// Every full-text row's length in `index` is FTS5's own (`xColumnSize`, through the fallback path).
    func expectLengthsMatchFTS(_ store: CatalogStore, _ index: FacetIndex, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await store.pool.read { db in
            let rows = try Int64.fetchAll(db, sql: "SELECT rowid FROM datasets_fts")
            let deleted = try Int64.fetchAll(db, sql: "SELECT pk FROM datasets WHERE deleted_at IS NOT NULL")
            for pk in deleted where pk < index.rowLengths.count {
                #expect(index.rowLengths[Int(pk)] == KATALOG_RANK_UNKNOWN_LENGTH, "deleted row \(pk) has no length",
                        sourceLocation: sourceLocation)
            }
            var known = 0
            for pk in rows {
                guard pk < index.rowLengths.count, index.rowLengths[Int(pk)] != KATALOG_RANK_UNKNOWN_LENGTH else {
                    Issue.record("row \(pk) has no in-memory length", sourceLocation: sourceLocation)
                    continue
                }
                known += 1
            }
            #expect(known == rows.count, sourceLocation: sourceLocation)
            // The lengths themselves: ranks computed with them equal bm25's, which reads `_docsize`.
            let (expected, ranked) = (try bm25(db, "\"data\""), try scanAll(db, index))
            #expect(ranked == expected, "ranks with the in-memory lengths", sourceLocation: sourceLocation)
        }
    }

    private func scanAll(_ db: Database, _ index: FacetIndex) throws -> [Int64: Double] {
        var ranks: [Int64: Double] = [:]
        let fallbacks = try RankScan.scan(db, expression: "\"data\"", frequencies: nil, rowLengths: index.rowLengths) { ranks[$0] = $1 }
        #expect(fallbacks.lengthLookups == 0, "every matched row's length was in memory")
        return ranks
    }

    @Test("Phrase frequencies are counted once per catalogue version and recounted after a change")
    func termStatistics() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, Self.records(0..<50))
        let statistics = TermStatistics(capacity: 8)
        let version = try await store.catalogueVersion()
        let first = try await store.pool.read { try statistics.frequencies(of: ["\"vatten\"", "\"sko\" *"], version: version, in: $0) }
        let expected = try await store.pool.read { db in
            try ["\"vatten\"", "\"sko\" *"].map {
                try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM datasets_fts WHERE datasets_fts MATCH ?", arguments: [$0]) ?? -1
            }
        }
        #expect(first == expected)
        #expect(first[0] > 0 && first[1] > 0)
        #expect(statistics.count == 2)

        try await harvest(store, Self.records(0..<80))
        let next = try await store.catalogueVersion()
        #expect(next != version)
        let recounted = try await store.pool.read { try statistics.frequencies(of: ["\"vatten\""], version: next, in: $0) }
        #expect(recounted[0] > first[0], "the new version's count, not the kept one")
        #expect(statistics.count == 1, "the older version's counts were dropped")
    }
}
