/// A writer for any of the four syntaxes Katalog writes, chosen at run time.
public struct RDFDocumentWriter<Output: TextOutputStream> {
    /// The syntax written.
    public let format: RDFFormat
    private var sink: any DocumentSink<Output>

    /// A writer of `format`; `prefixes` abbreviate IRIs in Turtle and are declared in RDF/XML.
    public init(format: RDFFormat, output: Output, prefixes: [String: String] = [:]) {
        self.format = format
        switch format {
        case .ntriples: sink = NTriplesWriter(output: output)
        case .turtle: sink = TurtleWriter(output: output, prefixes: prefixes)
        case .rdfxml: sink = RDFXMLWriter(output: output, prefixes: prefixes)
        case .jsonld: sink = JSONLDWriter(output: output)
        }
    }

    /// The media type of documents in `format`.
    public static func mediaType(of format: RDFFormat) -> String {
        switch format {
        case .ntriples: return "application/n-triples"
        case .turtle: return "text/turtle"
        case .rdfxml: return "application/rdf+xml"
        case .jsonld: return "application/ld+json"
        }
    }

    /// Writes one triple.
    public mutating func consume(_ triple: Triple) throws {
        try sink.consume(triple)
    }

    /// Ends the document.
    public mutating func finish() {
        sink.finish()
    }

    /// The output (for a `String` output, the document written so far).
    public var output: Output { sink.output }
}

/// What ``RDFDocumentWriter`` needs of each syntax's writer: the writers' own `consume`, `finish` and `output`.
protocol DocumentSink<Output>: TripleSink {
    associatedtype Output: TextOutputStream
    mutating func finish()
    var output: Output { get }
}

extension NTriplesWriter: DocumentSink {}
extension TurtleWriter: DocumentSink {}
extension RDFXMLWriter: DocumentSink {}
extension JSONLDWriter: DocumentSink {}
