import Testing
@testable import KatalogStore

@Suite("Query parser")
struct QueryParserTests {
    @Test("Builds fully quoted FTS5 expressions", arguments: [
        ("bicycle counts", "(\"bicycle\") AND (\"counts\")"),
        ("\"exact phrase\"", "(\"exact phrase\")"),
        ("a OR b c", "(\"a\" OR \"b\") AND (\"c\")"),
        ("a -b -\"c d\"", "((\"a\")) NOT (\"b\" OR \"c d\")"),
        ("popul*", "(\"popul\" *)"),
        ("\"river wat\"*", "(\"river wat\" *)"),
        ("NEAR(a b)", "(\"NEAR(a\") AND (\"b)\")"),
        ("'; DROP TABLE datasets; --", "(\"DROP\") AND (\"TABLE\") AND (\"datasets;\")"),
        ("\"unclosed phrase", "(\"unclosed phrase\")"),
        ("a OR", "(\"a\")"),
        ("OR a", "(\"a\")"),
        ("a - b", "(\"a\") AND (\"b\")"),
    ])
    func expressions(input: String, expected: String) throws {
        #expect(try QueryParser.plan(for: input) == .match(expected))
    }

    @Test("Exclusions alone leave matches out; text without words matches nothing")
    func exclusionsAndWordless() throws {
        #expect(try QueryParser.plan(for: "-draft -\"old data\"") == .excluding("\"draft\" OR \"old data\""))
        #expect(try QueryParser.plan(for: "*") == .nothing)
        #expect(try QueryParser.plan(for: "} ;") == .nothing)
    }

    @Test("Blank text matches everything")
    func blank() throws {
        #expect(try QueryParser.plan(for: "") == .everything)
        #expect(try QueryParser.plan(for: "  \n\t ") == .everything)
        #expect(try QueryParser.plan(for: "\u{0}") == .everything)
    }
}
