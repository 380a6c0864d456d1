/// A streaming RDF 1.1 N-Triples parser: strict (absolute IRIs, valid escapes and UTF-8), one triple per line.
///
/// Blank node labels are rewritten to `<prefix>_label` so they stay unique per parse (see ``TurtleParser``).
/// Memory is bounded by the longest line (``ParserLimits/maxStatementBytes``) plus one chunk.
public struct NTriplesParser: RDFStreamParser {
    private var core: TextParserCore

    /// Creates a parser. N-Triples has no relative IRIs, so there is no base.
    public init(limits: ParserLimits = ParserLimits(), blankNodePrefix: String? = nil) {
        core = TextParserCore(dialect: .nTriples, baseIRI: nil, limits: limits, blankNodePrefix: blankNodePrefix)
    }

    /// Parses the next chunk, handing every completed line's triple to `sink`.
    public mutating func feed<Sink: TripleSink>(_ chunk: UnsafeRawBufferPointer, into sink: inout Sink) throws {
        try core.feed(chunk, into: &sink)
    }

    /// Parses the last line; throws when the input ends inside a triple.
    public mutating func finish<Sink: TripleSink>(into sink: inout Sink) throws {
        try core.finish(into: &sink)
    }

    /// Bytes currently held for an unfinished line.
    var bufferedBytes: Int { core.bufferedBytes }
}
