import KatalogRDF
import Testing

@Suite("JSON-LD errors")
struct JSONLDErrorTests {
    typealias T = JSONLDTestSupport

    private func error(_ body: () throws -> Void) -> RDFParseError? {
        do {
            try body()
            return nil
        } catch let error as RDFParseError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    @Test("malformed JSON is a syntax error with a line and column")
    func malformedJSON() throws {
        let failure = try #require(error { _ = try T.parse("{\n  \"@id\": \"http://example.org/s\",\n  \"p\": [1, 2,,]\n}") })
        #expect(failure.code == .syntax)
        #expect(failure.line == 3)
        #expect(failure.column == 14)
        #expect(failure.description.contains("http://example.org/doc:3:14"))
        for bad in ["", "{", "{\"a\" 1}", "[1 2]", "{\"a\": tru}", "{\"a\": 01}", "{} {}", "{\"a\": \"\\x\"}", "{\"a\": \"\u{01}\"}", "{\"a\": \"\\ud800\"}"] {
            #expect(error { _ = try T.parse(bad) }?.code == .syntax, "\(bad.debugDescription)")
        }
    }

    @Test("invalid UTF-8 is reported as such, with its position")
    func invalidUTF8() throws {
        var bytes = Array("{\"http://example.org/p\": \"ab".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\"}".utf8)
        let failure = try #require(error { _ = try T.parse(bytes: bytes) })
        #expect(failure.code == .invalidUTF8)
        #expect(failure.line == 1)
        #expect(failure.column == 29)
        for sequence: [UInt8] in [[0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let input = Array("[\"".utf8) + sequence + Array("\"]".utf8)
            #expect(error { _ = try T.parse(bytes: input) }?.code == .invalidUTF8)
        }
    }

    @Test("an unknown remote context is unsupported and never fetched")
    func unknownRemoteContext() throws {
        let failure = try #require(error {
            _ = try T.parse(#"{"@context": "https://example.com/unknown.jsonld", "@id": "http://example.org/s"}"#)
        })
        #expect(failure.code == .unsupported)
        #expect(failure.message == "remote JSON-LD context <https://example.com/unknown.jsonld> is not bundled; Katalog never fetches contexts")
        let relative = try #require(error { _ = try T.parse(#"{"@context": "ctx.jsonld"}"#, base: "http://example.org/dir/doc") })
        #expect(relative.message.contains("<http://example.org/dir/ctx.jsonld>"))
        #expect(error { _ = try T.parse(#"{"@context": "https://www.w3.org/ns/dcat.jsonld"}"#, contexts: .empty) }?.code == .unsupported)
    }

    @Test("a context that includes itself is rejected")
    func recursiveContext() throws {
        let loader = JSONLDContextLoader.empty.registering(#"{"@context": "https://example.org/loop"}"#, for: "https://example.org/loop")
        let failure = try #require(error { _ = try T.parse(#"{"@context": "https://example.org/loop"}"#, contexts: loader) })
        #expect(failure.code == .syntax)
        #expect(failure.message.contains("includes itself"))
    }

    @Test("nesting deeper than maxDepth is a limit error; the default depth parses without trouble")
    func depthLimit() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(error { _ = try T.parse(deep) }?.code == .limitExceeded)
        var limits = ParserLimits()
        limits.maxDepth = 6
        let nested = #"{"@context": {"@vocab": "http://example.org/"}, "a": {"a": {"a": {"a": {"a": {"a": {"a": {"a": "x"}}}}}}}}"#
        #expect(error { _ = try T.parse(nested, limits: limits) }?.code == .limitExceeded)
        let ok = "{\"@context\": {\"@vocab\": \"http://example.org/\"}, \"@id\": \"http://example.org/s\", \"a\": "
            + String(repeating: "{\"a\": ", count: 500) + "\"x\"" + String(repeating: "}", count: 500) + "}"
        #expect(try T.parse(ok).count == 501)
    }

    /// A scoped context is processed again at each use. A small document that applies a large one thousands of
    /// times is refused; a large document whose every node names a context is not (the budget grows with it).
    @Test("context processing is bounded by the document's size")
    func contextProcessingBudget() throws {
        let terms = (0..<500).map { "\"t\($0)\": \"http://example.org/t\($0)\"" }.joined(separator: ", ")
        let uses = (0..<300).map { _ in "{\"s\": \"x\"}" }.joined(separator: ", ")
        let hostile = """
            {"@context": {"@vocab": "http://example.org/", "s": {"@id": "http://example.org/s", "@context": {\(terms)}}},
             "@id": "http://example.org/n", "p": [\(uses)], "s": [\(Array(repeating: "\"v\"", count: 100).joined(separator: ", "))]}
            """
        var limits = ParserLimits()
        limits.jsonLDContextDefinitions = 20_000
        let failure = try #require(error { _ = try T.parse(hostile, limits: limits) })
        #expect(failure.code == .limitExceeded)
        #expect(failure.message.contains("term definitions in all"), "\(failure.message)")

        // 1,000 datasets, each naming the bundled DCAT 3 context again: every context is processed.
        let datasets = (0..<1_000).map { index in
            """
            {"@context": "https://www.w3.org/ns/dcat3.jsonld",
             "@id": "http://example.org/d/\(index)", "@type": "Dataset", "title": "Dataset \(index)"}
            """
        }
        let catalogue = "{\"@graph\": [\(datasets.joined(separator: ",\n"))]}"
        #expect(try T.parse(catalogue, limits: limits).count >= 1_000)
    }

    @Test("the term definitions held by the contexts around one node are bounded")
    func nestedContextsAreBounded() throws {
        let terms = (0..<2_000).map { "\"t\($0)\": \"http://example.org/t\($0)\"" }.joined(separator: ", ")
        let depth = 200
        let nested = String(repeating: #"{"@context": {"x": "http://example.org/x"}, "http://example.org/p": "#, count: depth)
            + "\"v\"" + String(repeating: "}", count: depth)
        let document = "{\"@context\": {\(terms)}, \"@id\": \"http://example.org/root\", \"http://example.org/p\": \(nested)}"
        let failure = try #require(error { _ = try T.parse(document) })
        #expect(failure.code == .limitExceeded)
        #expect(failure.message.contains("nested around one node"), "\(failure.message)")
        // The same nesting under a small context parses.
        let small = "{\"@context\": {\"t\": \"http://example.org/t\"}, \"@id\": \"http://example.org/root\", \"http://example.org/p\": \(nested)}"
        #expect(try T.parse(small).count == depth + 1)
    }

    @Test("literal and document size limits")
    func sizeLimits() throws {
        var limits = ParserLimits()
        limits.maxLiteralBytes = 10
        #expect(error { _ = try T.parse(#"{"http://example.org/p": "01234567890"}"#, limits: limits) }?.code == .limitExceeded)
        #expect(try T.parse(#"{"@id": "http://example.org/s", "http://example.org/p": "0123456789"}"#, limits: limits).count == 1)
        limits = ParserLimits()
        limits.maxStatementBytes = 16
        #expect(error { _ = try T.parse(#"{"http://example.org/p": "too long"}"#, limits: limits, chunkSize: 4) }?.code == .limitExceeded)
    }

    @Test("structurally invalid JSON-LD is a syntax error naming the problem")
    func invalidJSONLD() throws {
        let cases = [
            #"{"@id": 5}"#: "@id",
            #"{"@context": 5}"#: "@context",
            #"{"@context": {"@vocab": 5}}"#: "@vocab",
            #"{"@context": {"a": {"@id": "b"}, "b": {"@id": "a"}}, "a": 1}"#: "cyclic",
            #"{"@context": {"@id": "http://example.org/"}}"#: "keyword redefinition",
            #"{"@id": "http://example.org/s", "http://example.org/p": {"@value": {"a": 1}}}"#: "@value",
            #"{"@context": [{"@protected": true, "n": "http://xmlns.com/foaf/0.1/name"}, {"n": "http://example.org/n"}]}"#: "protected",
        ]
        for (input, fragment) in cases {
            let failure = error { _ = try T.parse(input) }
            #expect(failure?.code == .syntax, "\(input)")
            #expect(failure?.message.contains(fragment) == true, "\(input): \(failure?.message ?? "no error")")
        }
    }

    @Test("a protected term may be repeated unchanged")
    func protectedRepeat() throws {
        let triples = try T.parse("""
            {"@context": [{"@protected": true, "n": "http://xmlns.com/foaf/0.1/name"}, {"n": "http://xmlns.com/foaf/0.1/name"}],
             "@id": "http://example.org/s", "n": "x"}
            """)
        #expect(triples == [Triple(T.iri("http://example.org/s"), T.foaf + "name", T.string("x"))])
    }

    @Test("a sink error passes through unchanged")
    func sinkErrors() throws {
        struct Stop: Error {}
        struct FailingSink: TripleSink {
            mutating func consume(_ triple: Triple) throws { throw Stop() }
        }
        var parser = JSONLDParser(baseIRI: nil)
        var sink = FailingSink()
        let bytes = Array(#"{"@id": "http://example.org/s", "http://example.org/p": "x"}"#.utf8)
        try bytes.withUnsafeBytes { try parser.feed($0, into: &sink) }
        #expect(throws: Stop.self) { try parser.finish(into: &sink) }
    }
}
