/// A streaming Turtle 1.1 parser: push bytes in any chunking, receive triples as statements complete.
///
/// Relative IRIs resolve against `@base`/`BASE`, else the `baseIRI` given at creation (RFC 3986). Blank
/// node labels are rewritten to be unique per parse: `_:x` becomes `<prefix>_x` and anonymous nodes
/// `<prefix>x<n>`, where the prefix is `blankNodePrefix` or a random `b…` string. Memory is bounded by the
/// longest statement (``ParserLimits/maxStatementBytes``) plus one chunk.
public struct TurtleParser: RDFStreamParser {
    private var core: TextParserCore

    /// Creates a parser; `baseIRI` resolves relative IRIs until the document sets its own base.
    public init(baseIRI: String? = nil, limits: ParserLimits = ParserLimits(), blankNodePrefix: String? = nil) {
        core = TextParserCore(dialect: .turtle, baseIRI: baseIRI, limits: limits, blankNodePrefix: blankNodePrefix)
    }

    /// Parses the next chunk, handing every completed statement's triples to `sink`.
    public mutating func feed<Sink: TripleSink>(_ chunk: UnsafeRawBufferPointer, into sink: inout Sink) throws {
        try core.feed(chunk, into: &sink)
    }

    /// Parses what is left; throws when the input ends inside a statement.
    public mutating func finish<Sink: TripleSink>(into sink: inout Sink) throws {
        try core.finish(into: &sink)
    }

    /// Bytes currently held for an unfinished statement.
    var bufferedBytes: Int { core.bufferedBytes }
}
