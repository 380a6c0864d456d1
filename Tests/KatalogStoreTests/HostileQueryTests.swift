import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

@Suite("Hostile queries")
struct HostileQueryTests {
    static let queries: [String] = [
        "\"", "\"\"", "*", "**", "-", "--", "NEAR(", "NEAR(a b)", "'; DROP TABLE datasets; --", "a OR", "OR a", "OR",
        "NOT", "a NOT", "((((", "))", "a AND", "title:bicycle", "^bicycle", "bicycle\"", "\"bicycle", "bi\"cy\"cle",
        String(repeating: "x", count: 10_000), String(repeating: "a ", count: 40), "\u{0}", "bicycle\u{0}counts",
        "\u{7}\u{1B}[31m", "😀", "🚲 bicycle", "e\u{301}\u{301}\u{301}", "\u{301}", "Z̷̢͈a̵l̸g̶o̵",
        String(decoding: [0xED, 0xA0, 0x80], as: UTF8.self), "\u{FFFD}", "\u{E000}bicycle\u{E001}", "a*b*c", "-\"\"",
        "\"a\" *", "{col}: x", "x + y", "x:*", "*bicycle", "bicy*cle", "OR OR OR", "\\", "%_", "a\nb\tc",
    ]

    @Test("No hostile query throws anything but invalidQuery, and the catalogue survives", arguments: queries)
    func hostile(_ text: String) async throws {
        let store = try await sampleCatalogue()
        do {
            let result = try await store.search(SearchQuery(text, facets: true))
            #expect(result.total >= 0)
        } catch let error as StoreError {
            #expect(error.code == .invalidQuery, "\(error)")
            #expect(!error.message.isEmpty)
        } catch {
            Issue.record("unexpected error type for \(text.debugDescription.prefix(80)): \(error)")
        }
        #expect(try await store.datasetCount() == 5)
        let tables = try await store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('datasets', 'datasets_fts')")
        }
        #expect(Set(tables) == ["datasets", "datasets_fts"])
        #expect(try await store.integrityCheck())
    }

    @Test("Over-long queries and too many terms are invalidQuery with a message")
    func rejected() async throws {
        let store = try CatalogStore.temporary()
        let cases: [(String, String)] = [
            (String(repeating: "x", count: 1_001), "limit is 1000"),
            ((1...33).map { "w\($0)" }.joined(separator: " "), "limit is 32"),
            // One-letter prefixes: FTS5 merges every word they begin, uninterruptibly (seconds at a million datasets).
            ("a*", "at least 2 letters"),
            ("bicycle OR a* OR b*", "'a*'"),
            ("-s*", "at least 2 letters"),
            ("\"air q\"*", "'air q*'"),
            ("x:*", "at least 2 letters"),
            ("e\u{301}*", "at least 2 letters"),
            ("7*", "at least 2 letters"),
        ]
        for (text, expected) in cases {
            do {
                _ = try await store.search(SearchQuery(text))
                Issue.record("expected invalidQuery for \(text.prefix(40))")
            } catch let error as StoreError {
                #expect(error.code == .invalidQuery)
                #expect(error.message.contains(expected), "\(error.message)")
            }
        }
    }

    @Test("Prefixes of two letters or more are searched; the rule counts the last word's letters")
    func prefixLengths() async throws {
        let store = try CatalogStore.temporary()
        _ = try await harvest(store, [
            makeRecord("a", title: "Harbour statistics"),
            makeRecord("b", title: "Air quality in Malmö"),
            makeRecord("c", title: "Road works 2024"),
        ])
        #expect(try await store.search(SearchQuery("st*")).hits.map(\.dataset.sourceIdentifier) == ["a"])
        #expect(try await store.search(SearchQuery("\"air qu\"*")).hits.map(\.dataset.sourceIdentifier) == ["b"])
        #expect(try await store.search(SearchQuery("20*")).hits.map(\.dataset.sourceIdentifier) == ["c"])
        #expect(try await store.search(SearchQuery("ma*")).hits.map(\.dataset.sourceIdentifier) == ["b"])
        #expect(QueryParser.prefixLetters("air q") == 1)
        #expect(QueryParser.prefixLetters("air qu.") == 2)
        #expect(QueryParser.prefixLetters("e\u{301}") == 1)
        #expect(QueryParser.prefixLetters("Malmö") == 5)
    }

    @Test("A query that only excludes lists everything else; a query without words matches nothing")
    func exclusionOnlyAndWordless() async throws {
        let store = try CatalogStore.temporary()
        _ = try await harvest(store, [
            makeRecord("a", title: "Harbour draft statistics"),
            makeRecord("b", title: "Harbour statistics"),
            makeRecord("c", title: "Old data about ferries"),
        ])
        let excluding = try await store.search(SearchQuery("-draft"))
        #expect(Set(excluding.hits.map(\.dataset.sourceIdentifier)) == ["b", "c"])
        let twoExclusions = try await store.search(SearchQuery("-draft -\"old data\""))
        #expect(twoExclusions.hits.map(\.dataset.sourceIdentifier) == ["b"])
        for wordless in ["*", "😀", "}", "-"] {
            let result = try await store.search(SearchQuery(wordless, facets: true))
            #expect(result.total == 0, "\(wordless)")
            #expect(result.hits.isEmpty)
        }
        #expect(try await store.search(SearchQuery("   ")).total == 3)
    }
}
