/// A streaming RDF/XML parser (RDF 1.1 XML Syntax) on libxml2's SAX2 push parser.
///
/// Bytes go in as they arrive; triples come out as soon as each is complete, so memory stays
/// bounded by the nesting depth and the largest literal, not by the document. Internal entities
/// declared in the DOCTYPE are replaced; external entities, DTD loading and network access are
/// refused. Blank nodes get labels unique to this parse (`b1`, `b2`, … and `n` + the `rdf:nodeID`).
///
/// ```swift
/// var parser = RDFXMLParser(baseIRI: "https://example.org/catalog.rdf")
/// try bytes.withUnsafeBytes { try parser.feed($0, into: &sink) }
/// try parser.finish(into: &sink)
/// ```
public struct RDFXMLParser: RDFStreamParser {
    private let context: RDFXMLParserContext

    /// Creates a parser; `baseIRI` resolves relative IRIs (usually the document's URL), `location` names the input in errors.
    public init(baseIRI: String?, limits: ParserLimits = ParserLimits(), location: String? = nil) {
        context = RDFXMLParserContext(baseIRI: baseIRI, limits: limits, location: location)
    }

    /// Parses the next chunk of input, handing complete triples to `sink`.
    public mutating func feed<Sink: TripleSink>(_ chunk: UnsafeRawBufferPointer, into sink: inout Sink) throws {
        guard chunk.count > 0 else { return }
        try context.parse(chunk, terminate: false, into: &sink)
    }

    /// Signals the end of input; throws when the document is incomplete or not well-formed.
    public mutating func finish<Sink: TripleSink>(into sink: inout Sink) throws {
        try context.parse(UnsafeRawBufferPointer(start: nil, count: 0), terminate: true, into: &sink)
    }
}
