import Testing
@testable import KatalogRDF

@Suite("Streaming, limits and UTF-8")
struct TurtleStreamingTests {
    static let document = """
        @prefix ex: <http://example.org/> . # comment
        @base <http://example.org/base/> .
        ex:d a ex:Dataset ; ex:title "Väg", "Straße"@de, \"""multi
        line\""" ; ex:n 1.5e-3, .5, 42 ;
          ex:list ( <x> [ ex:p "🚀" ] ( ) ) ;
          ex:node [ ex:q _:b1 ] .
        _:b1 ex:r 'x\\u00E9\\U0001F600' .
        """

    @Test(arguments: [1, 2, 3, 7, 4096])
    func anyChunkingGivesTheSameTriples(chunkSize: Int) throws {
        let whole = try turtle(Self.document, chunkSize: Int.max)
        #expect(whole.count == 18)
        #expect(try turtle(Self.document, chunkSize: chunkSize) == whole)
    }

    @Test(arguments: [1, 2, 3, 7, 4096])
    func nTriplesChunkingGivesTheSameTriples(chunkSize: Int) throws {
        let text = "<http://e/s> <http://e/p> \"é\\n\"@en-GB .\n_:a <http://e/p> \"1\"^^<http://e/t> . # c\n\n"
        let whole = try nTriples(text, chunkSize: Int.max)
        #expect(whole.count == 2)
        #expect(try nTriples(text, chunkSize: chunkSize) == whole)
    }

    @Test(arguments: [
        ([0xC3, 0x28], "truncated two-byte sequence"),
        ([0xED, 0xA0, 0x80], "UTF-16 surrogate"),
        ([0xC0, 0xAF], "overlong slash"),
        ([0xF4, 0x90, 0x80, 0x80], "above U+10FFFF"),
    ] as [([UInt8], String)])
    func invalidUTF8IsReportedWhereItIs(bytes: [UInt8], label: String) {
        let input = Array("<p:s> <p:p> \"ok\" .\n<p:s> <p:p> \"ä".utf8) + bytes + Array("\" .\n".utf8)
        for chunkSize in [1, 2, 4096] {
            let error = parseError {
                _ = try parseAll(TurtleParser(baseIRI: nil), input, chunkSize: chunkSize)
            }
            #expect(error?.code == .invalidUTF8, "\(label)")
            #expect(error?.line == 2 && error?.column == 15, "\(label), chunk \(chunkSize): \(String(describing: error))")
            let ntError = parseError { _ = try parseAll(NTriplesParser(), input, chunkSize: chunkSize) }
            #expect(ntError?.code == .invalidUTF8 && ntError?.line == 2 && ntError?.column == 15, "\(label)")
        }
    }

    @Test func inputEndingInsideASequenceIsInvalid() {
        let error = parseError { _ = try parseAll(TurtleParser(), Array("<p:s> <p:p> \"".utf8) + [0xE2, 0x82]) }
        #expect(error?.code == .invalidUTF8 && error?.column == 14)
    }

    @Test func deepBracketNestingIsRejected() {
        let text = "<p:s> <p:p> " + String(repeating: "[ <p:p> ", count: 10_000) + "<p:o>" + String(repeating: " ]", count: 10_000) + " ."
        let error = parseError { _ = try turtle(text) }
        #expect(error?.code == .limitExceeded)
    }

    @Test func deepCollectionNestingIsRejected() throws {
        let text = "<p:s> <p:p> " + String(repeating: "(", count: 10_000) + String(repeating: ")", count: 10_000) + " ."
        let error = parseError { _ = try turtle(text) }
        #expect(error?.code == .limitExceeded)
        #expect(try turtle("<p:s> <p:p> " + String(repeating: "(", count: 100) + String(repeating: ")", count: 100) + " .")
            .count == 199)
    }

    /// A 200 MB literal streamed in 64 KiB chunks; small limits keep the debug-build test quick.
    @Test func hugeLiteralIsRejectedWithBoundedMemory() throws {
        let limits = ParserLimits(maxLiteralBytes: 1 << 20, maxStatementBytes: 4 << 20)
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 64 << 10)
        var parser = TurtleParser(baseIRI: nil, limits: limits)
        var graph = Graph()
        var fed = 0
        var maxBuffered = 0
        let error = parseError {
            try Array("<p:s> <p:p> \"".utf8).withUnsafeBytes { try parser.feed($0, into: &graph) }
            while fed < 200 << 20 {
                try chunk.withUnsafeBytes { try parser.feed($0, into: &graph) }
                fed += chunk.count
                maxBuffered = max(maxBuffered, parser.bufferedBytes)
            }
        }
        #expect(error?.code == .limitExceeded)
        #expect(fed < 200 << 20, "the parser must stop before the whole literal arrives")
        #expect(maxBuffered <= limits.maxStatementBytes + chunk.count)
        #expect(graph.triples.isEmpty)
    }

    @Test func overlongStatementIsRejectedWithBoundedMemory() {
        let limits = ParserLimits(maxStatementBytes: 1 << 20)
        var parser = TurtleParser(baseIRI: nil, limits: limits)
        var graph = Graph()
        let objects = Array(String(repeating: "<p:o>, ", count: 1000).utf8)
        var maxBuffered = 0
        let error = parseError {
            try Array("<p:s> <p:p> ".utf8).withUnsafeBytes { try parser.feed($0, into: &graph) }
            for _ in 0..<1000 {
                try objects.withUnsafeBytes { try parser.feed($0, into: &graph) }
                maxBuffered = max(maxBuffered, parser.bufferedBytes)
            }
        }
        #expect(error?.code == .limitExceeded)
        #expect(maxBuffered <= limits.maxStatementBytes + objects.count)
    }

    @Test func completeStatementsAreEmittedBeforeTheInputEnds() throws {
        var parser = TurtleParser(baseIRI: nil)
        var graph = Graph()
        try Array("<p:s> <p:p> <p:o> .\n<p:s> <p:p> <p:o2".utf8).withUnsafeBytes { try parser.feed($0, into: &graph) }
        #expect(graph.triples.count == 1)
        #expect(parser.bufferedBytes > 0)
        try Array("> .".utf8).withUnsafeBytes { try parser.feed($0, into: &graph) }
        try parser.finish(into: &graph)
        #expect(graph.triples.count == 2)
    }
}

/// Directives change the reader's prefixes and base only once complete, so a statement cut off by the end of a
/// buffer is read again against the state before it; and a resolved IRI is held to the IRI length limit.
@Suite("Turtle directives across buffers")
struct TurtleDirectiveTests {
    static let document = """
        @prefix ex: <http://example.org/one/> .
        ex:a ex:p [ ex:q "1" ] .
        @prefix ex: <http://example.org/two/> .
        PREFIX dct: <http://purl.org/dc/terms/>
        ex:b dct:title "två" ; ex:r [ ex:q "2" ] .
        @base <http://example.org/base/> .
        <c> ex:p <d> .
        BASE <sub/>
        <e> ex:p [] .
        """

    @Test(arguments: [1, 2, 3, 5, 11, 4096])
    func cutDirectivesTakeEffectOnceComplete(chunkSize: Int) throws {
        let whole = try turtle(Self.document, chunkSize: Int.max)
        #expect(try turtle(Self.document, chunkSize: chunkSize) == whole)
        let text = Set(whole.map { "\($0.subject) \($0.predicate) \($0.object)" })
        #expect(whole.count == 7)
        #expect(whole.contains { $0.subject == .iri("http://example.org/one/a") && $0.predicate == "http://example.org/one/p" })
        #expect(whole.contains { $0.subject == .iri("http://example.org/two/b") && $0.predicate == "http://purl.org/dc/terms/title" })
        #expect(whole.contains { $0.subject == .iri("http://example.org/base/c") && $0.object == .iri("http://example.org/base/d") })
        #expect(whole.contains { $0.subject == .iri("http://example.org/base/sub/e") }, "\(text)")
    }

    @Test func manyPrefixesAreAllUsable() throws {
        var text = ""
        for index in 0..<20_000 { text += "@prefix p\(index): <http://example.org/ns\(index)/> .\n" }
        text += "p0:s p19999:p p12345:o .\n"
        let triples = try turtle(text, chunkSize: 1 << 16)
        #expect(triples == [Triple(.iri("http://example.org/ns0/s"), "http://example.org/ns19999/p", .iri("http://example.org/ns12345/o"))])
    }

    @Test func aBaseResolvedPastTheIRILimitIsAnError() {
        var limits = ParserLimits()
        limits.maxIRIBytes = 1_000
        // Each relative base adds a segment to the one before: no IRI written is long, but the base grows.
        var text = "@base <http://example.org/> .\n"
        for _ in 0..<200 { text += "@base <segment/> .\n" }
        text += "<s> <p> <o> .\n"
        let error = parseError { _ = try turtle(text, limits: limits) }
        #expect(error?.code == .limitExceeded)
        #expect(error?.message.contains("resolved") == true, "\(String(describing: error))")
    }
}
