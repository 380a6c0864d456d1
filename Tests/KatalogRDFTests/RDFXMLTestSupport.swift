import KatalogRDF

/// Collects every triple a parser produces.
struct RDFXMLCollectingSink: TripleSink {
    var triples: [Triple] = []
    mutating func consume(_ triple: Triple) throws { triples.append(triple) }
}

/// Counts triples and remembers whether any literal contains a marker, keeping nothing else.
struct RDFXMLScanningSink: TripleSink {
    var count = 0
    var marker: String
    var markerSeen = false
    mutating func consume(_ triple: Triple) throws {
        count += 1
        if let literal = triple.object.literalValue, literal.lexical.contains(marker) { markerSeen = true }
    }
}

enum RDFXMLTestSupport {
    static let rdfHeader = """
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/ns#"
                 xmlns:dct="http://purl.org/dc/terms/">
        """

    /// Parses `document` fed in chunks of `chunkSize` bytes (the whole document when nil).
    static func parse(_ document: String, base: String? = "http://example.org/doc", chunkSize: Int? = nil,
                      limits: ParserLimits = ParserLimits()) throws -> [Triple] {
        var parser = RDFXMLParser(baseIRI: base, limits: limits, location: "test.rdf")
        var sink = RDFXMLCollectingSink()
        let bytes = Array(document.utf8)
        let size = chunkSize ?? max(bytes.count, 1)
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + size, bytes.count)
            try bytes[offset..<end].withUnsafeBytes { try parser.feed($0, into: &sink) }
            offset = end
        }
        try parser.finish(into: &sink)
        return sink.triples
    }

    /// Parses a body wrapped in `rdf:RDF` with the `ex:` and `dct:` prefixes.
    static func parseBody(_ body: String, chunkSize: Int? = nil) throws -> [Triple] {
        try parse(rdfHeader + body + "</rdf:RDF>", chunkSize: chunkSize)
    }

    /// Triples as N-Triples-like lines with blank node labels renamed in order of first appearance
    /// over the sorted ground form, then sorted: equal for graphs that differ only in labels when
    /// blank nodes are told apart by their surroundings (enough for these small tests).
    static func canonical(_ triples: [Triple]) -> [String] {
        var labels: [String: String] = [:]
        func name(_ term: Term) -> String {
            switch term {
            case .iri(let iri): return "<\(iri)>"
            case .blank(let label):
                if let known = labels[label] { return known }
                let fresh = "_:c\(labels.count)"
                labels[label] = fresh
                return fresh
            case .literal(let literal):
                if let language = literal.language { return "\"\(literal.lexical)\"@\(language)" }
                return "\"\(literal.lexical)\"^^<\(literal.datatype)>"
            }
        }
        // Order triples by their ground parts first so labels are assigned deterministically.
        let ordered = triples.sorted { ground($0) < ground($1) }
        return ordered.map { "\(name($0.subject)) <\($0.predicate)> \(name($0.object))" }.sorted()
    }

    private static func ground(_ triple: Triple) -> String {
        func part(_ term: Term) -> String {
            switch term {
            case .iri(let iri): return "<\(iri)>"
            case .blank: return "_"
            case .literal(let literal): return "\"\(literal.lexical)\"@\(literal.language ?? "")^^\(literal.datatype)"
            }
        }
        return "\(part(triple.subject)) \(triple.predicate) \(part(triple.object))"
    }

    /// The error a parse throws, or nil when it succeeds.
    static func parseError(_ body: () throws -> Void) -> RDFParseError? {
        do {
            try body()
            return nil
        } catch let error as RDFParseError {
            return error
        } catch {
            return nil
        }
    }
}
