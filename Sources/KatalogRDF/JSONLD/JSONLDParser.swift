/// A JSON-LD 1.1 to RDF parser for catalogue documents: it buffers the fed bytes, then on
/// ``finish(into:)`` decodes the JSON and emits the triples of the JSON-LD *deserialize to RDF*
/// algorithm. Remote contexts come only from the ``JSONLDContextLoader``; triples of named graphs
/// are emitted into the default graph.
public struct JSONLDParser: RDFStreamParser {
    /// The IRI relative references in the document resolve against, and the location in errors.
    public let baseIRI: String?
    /// The bounds applied to the document.
    public let limits: ParserLimits
    /// Where remote contexts come from.
    public let contexts: JSONLDContextLoader
    private var buffer: [UInt8] = []
    private var finished = false

    /// Creates a parser for one document.
    public init(baseIRI: String?, limits: ParserLimits = ParserLimits(), contexts: JSONLDContextLoader = .bundled) {
        self.baseIRI = baseIRI
        self.limits = limits
        self.contexts = contexts
    }

    /// Buffers `chunk`; JSON-LD needs the whole document before the first triple is known.
    public mutating func feed<Sink: TripleSink>(_ chunk: UnsafeRawBufferPointer, into sink: inout Sink) throws {
        guard !finished else { throw RDFParseError(.syntax, "input fed after finish", location: baseIRI) }
        guard buffer.count + chunk.count <= limits.maxStatementBytes else {
            throw RDFParseError(.limitExceeded, "JSON-LD document larger than \(limits.maxStatementBytes) bytes", location: baseIRI)
        }
        buffer.append(contentsOf: chunk)
    }

    /// Decodes the buffered document and emits its triples to `sink`.
    public mutating func finish<Sink: TripleSink>(into sink: inout Sink) throws {
        guard !finished else { throw RDFParseError(.syntax, "finish called twice", location: baseIRI) }
        finished = true
        let bytes = buffer
        buffer = []
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw RDFParseError(.syntax, "empty JSON-LD document", line: 1, column: 1, location: baseIRI)
        }
        let limits = self.limits
        let base = baseIRI
        let loader = contexts
        try JSONLDDeepStack.run {
            let document = try JSONLDDecoder.decode(bytes, limits: limits, location: base)
            let processor = JSONLDContextProcessor(loader: loader, limits: limits, location: base, documentBytes: bytes.count)
            var emitter = JSONLDEmitter(sink: sink, processor: processor, limits: limits, documentBase: base)
            defer { sink = emitter.sink }
            try emitter.emitDocument(document)
        }
    }
}
