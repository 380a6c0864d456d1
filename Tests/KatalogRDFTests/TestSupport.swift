@testable import KatalogRDF

/// Feeds `bytes` to `parser` in chunks of `chunkSize` and returns everything it produced.
func parseAll<P: RDFStreamParser>(_ parser: P, _ bytes: [UInt8], chunkSize: Int = 4096) throws -> [Triple] {
    var parser = parser
    var graph = Graph()
    var offset = 0
    try bytes.withUnsafeBytes { all in
        while offset < all.count {
            let next = min(offset + chunkSize, all.count)
            try parser.feed(UnsafeRawBufferPointer(rebasing: all[offset..<next]), into: &graph)
            offset = next
        }
    }
    try parser.finish(into: &graph)
    return graph.triples
}

/// Parses Turtle text with a fixed blank node prefix `t`.
func turtle(_ text: String, base: String? = "http://example.org/doc", chunkSize: Int = 4096,
            limits: ParserLimits = ParserLimits()) throws -> [Triple] {
    try parseAll(TurtleParser(baseIRI: base, limits: limits, blankNodePrefix: "t"), Array(text.utf8), chunkSize: chunkSize)
}

/// Parses N-Triples text with a fixed blank node prefix `t`.
func nTriples(_ text: String, chunkSize: Int = 4096) throws -> [Triple] {
    try parseAll(NTriplesParser(blankNodePrefix: "t"), Array(text.utf8), chunkSize: chunkSize)
}

/// The parse error thrown by `body`, or nil.
func parseError(_ body: () throws -> Void) -> RDFParseError? {
    do {
        try body()
        return nil
    } catch let error as RDFParseError {
        return error
    } catch {
        return nil
    }
}

let ex = "http://example.org/"
