/// Bounds that keep a parser's memory and time finite on hostile input. Every limit breach is an
/// ``RDFParseError`` with code ``RDFParseError/Code/limitExceeded``.
public struct ParserLimits: Sendable, Hashable {
    /// Deepest element / nesting level (XML elements, Turtle brackets and collections, JSON nesting).
    public var maxDepth: Int
    /// Largest single literal, in UTF-8 bytes.
    public var maxLiteralBytes: Int
    /// Largest IRI, in UTF-8 bytes.
    public var maxIRIBytes: Int
    /// Largest single statement a streaming text parser buffers while waiting for more input, in bytes.
    public var maxStatementBytes: Int
    /// JSON-LD: term definitions one document may have its contexts process, beyond four per byte of the document
    /// (a scoped context is processed again at each use, so a small document can otherwise ask for millions).
    public var jsonLDContextDefinitions: Int

    /// Defaults: depth 512, literals up to 16 MiB, IRIs up to 64 KiB, statements up to 64 MiB, 500,000 JSON-LD
    /// term definitions.
    public init(maxDepth: Int = 512, maxLiteralBytes: Int = 16 << 20, maxIRIBytes: Int = 64 << 10, maxStatementBytes: Int = 64 << 20,
                jsonLDContextDefinitions: Int = 500_000) {
        self.maxDepth = maxDepth
        self.maxLiteralBytes = maxLiteralBytes
        self.maxIRIBytes = maxIRIBytes
        self.maxStatementBytes = maxStatementBytes
        self.jsonLDContextDefinitions = jsonLDContextDefinitions
    }
}

/// The RDF serialisations Katalog reads.
public enum RDFFormat: String, Sendable, Hashable, CaseIterable {
    /// RDF/XML.
    case rdfxml
    /// Turtle 1.1.
    case turtle
    /// N-Triples.
    case ntriples
    /// JSON-LD 1.1 (the subset DCAT publishers use).
    case jsonld
}
