import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

/// ``MatchHighlighter`` must mark exactly what FTS5's `highlight()` marks in the description column.
struct MatchHighlighterTests {
    static let descriptions: [[String: String]] = [
        ["sv": "Vattenkvalitet i sjöar och vattendrag. Vatten, VATTEN och vätten!", "en": "Water quality in lakes; water-quality data."],
        ["sv": "Skolor i Göteborg: grundskola, gymnasieskola och skol-data 2024.", "fi": "Koulut Göteborgissa"],
        ["en": "Quality of bus stops – quality quality quality", "de": "Qualität der Haltestellen; Straße, Strasse"],
        ["en": "A line that ends with water", "sv": "quality begins this line. Café crème brûlée 😀 naïve"],
        ["en": "Nitrogen dioxide (NO2) measurements at Amiralsgatan, hourly; NO2 and no2-data"],
        ["nb": "Vannkvalitet i innsjøer og elver; vann og vannføring", "en": "lake lake lake water quality water"],
        ["da": "Luftkvalitet målt ved Åboulevarden. Luft-kvalitet og luftkvalitetsdata."],
        ["en": ""],
    ]

    static let queries = [
        "water", "vatten", "quality", "water quality", "\"water quality\"", "\"quality water\"", "wat*", "qual* water",
        "skola OR skol*", "no2", "\"lake water\"", "quality -bus", "luftkvalitet", "café", "cafe creme", "strasse",
        "ends water", "\"with water quality\"", "la*", "göteborg", "😀 water", "qu*", "\"water quality\" OR lake",
    ]

    /// The terms a search marks: the positive ones, as ``SearchPlan`` keeps them.
    static func positiveTerms(_ text: String) throws -> [QueryParser.Term] {
        try SearchPlan(SearchQuery(text)).positiveTerms
    }

    @Test("The marks equal SQL highlight() for every matched row of every query")
    func equalsSQLHighlight() async throws {
        let store = try CatalogStore.temporary()
        let records = Self.descriptions.enumerated().map { index, descriptions in
            makeRecord("h\(index)", title: "Dataset \(index)", descriptions: descriptions)
        }
        try await harvest(store, records)
        let compared = try await store.pool.read { db -> Int in
            var compared = 0
            var marked = 0
            for text in Self.queries {
                guard case .match(let expression) = try QueryParser.plan(for: text) else {
                    Issue.record("\(text) is not a match")
                    continue
                }
                let highlighter = try #require(try MatchHighlighter(db, terms: Self.positiveTerms(text)))
                let rows = try Row.fetchAll(db, sql: """
                    SELECT f.rowid, highlight(datasets_fts, 2, char(57344), char(57345)), d.id, d.record_json
                    FROM datasets_fts f JOIN datasets d ON d.pk = f.rowid WHERE datasets_fts MATCH ?
                    """, arguments: [expression])
                for row in rows {
                    let expected: String = row[1]
                    let dataset = try CatalogStore.decodeDataset(row[3], id: row[2])
                    let ours = try highlighter.highlight(FullText(dataset).description, open: LiveWriter.markOpen,
                                                         close: LiveWriter.markClose)
                    #expect(ours == expected, "\(text) in \(row[2] as String)")
                    compared += 1
                    if expected.contains(LiveWriter.markOpen) { marked += 1 }
                }
            }
            #expect(marked > 30, "most comparisons have marks in them (\(marked))")
            return compared
        }
        #expect(compared > 40)
    }

    @Test("A query of exclusions only has nothing to highlight")
    func exclusionsOnly() async throws {
        let store = try CatalogStore.temporary()
        try await store.pool.read { db in
            let exclusions = try MatchHighlighter(db, terms: Self.positiveTerms("-water"))
            let blank = try MatchHighlighter(db, terms: Self.positiveTerms(""))
            #expect(exclusions == nil)
            #expect(blank == nil)
        }
    }
}
