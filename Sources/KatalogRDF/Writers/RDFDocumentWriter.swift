/// A writer for any of the four syntaxes Katalog writes, chosen at run time.
public struct RDFDocumentWriter<Output: TextOutputStream> {
    /// The syntax written.
    public let format: RDFFormat
    // One of these is set; each is mutated in place (a writer taken out of an enum would copy its output).
    private var ntriples: NTriplesWriter<Output>?
    private var turtle: TurtleWriter<Output>?
    private var rdfxml: RDFXMLWriter<Output>?
    private var jsonld: JSONLDWriter<Output>?

    /// A writer of `format`; `prefixes` abbreviate IRIs in Turtle and are declared in RDF/XML.
    public init(format: RDFFormat, output: Output, prefixes: [String: String] = [:]) {
        self.format = format
        switch format {
        case .ntriples: ntriples = NTriplesWriter(output: output)
        case .turtle: turtle = TurtleWriter(output: output, prefixes: prefixes)
        case .rdfxml: rdfxml = RDFXMLWriter(output: output, prefixes: prefixes)
        case .jsonld: jsonld = JSONLDWriter(output: output)
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
        switch format {
        case .ntriples: ntriples!.consume(triple)
        case .turtle: turtle!.consume(triple)
        case .rdfxml: try rdfxml!.consume(triple)
        case .jsonld: jsonld!.consume(triple)
        }
    }

    /// Ends the document.
    public mutating func finish() {
        switch format {
        case .ntriples: break
        case .turtle: turtle!.finish()
        case .rdfxml: rdfxml!.finish()
        case .jsonld: jsonld!.finish()
        }
    }

    /// The output (for a `String` output, the document written so far).
    public var output: Output {
        switch format {
        case .ntriples: return ntriples!.output
        case .turtle: return turtle!.output
        case .rdfxml: return rdfxml!.output
        case .jsonld: return jsonld!.output
        }
    }
}
