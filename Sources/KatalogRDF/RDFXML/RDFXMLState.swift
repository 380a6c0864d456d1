import CLibXML2

/// The RDF/XML grammar as a stack machine driven by libxml2's SAX2 events.
///
/// The SAX callbacks cannot be generic over the sink, so triples are collected in `pending` and
/// handed to the sink by ``RDFXMLParser`` after every slice of input it gives libxml2.
final class RDFXMLState {
    let limits: ParserLimits
    let location: String?
    /// Open elements, innermost last; the bottom frame is `.document`.
    var frames: [RDFXMLFrame]
    var names = RDFXMLNameTable()
    /// Triples produced since the last drain.
    var pending: [Triple] = []
    /// The first failure; once set, every later event is ignored.
    var failure: RDFParseError?
    /// Text of the innermost property element without `rdf:parseType`.
    var text: [UInt8] = []
    /// The XML literal being written inside a `parseType="Literal"` property.
    var literal = RDFXMLLiteralWriter()
    /// Attributes of the current start tag (reused to avoid an allocation per element).
    var attributes: [RDFXMLAttribute] = []
    /// The top-level libxml2 context, for positions and for stopping the parse.
    var mainContext: xmlParserCtxtPtr?
    /// Bytes handed to libxml2 so far, and bytes that came out of attribute values and entity text.
    var inputBytes = 0
    var decodedBytes = 0
    private var blankCount = 0
    private var seenIDs: Set<String> = []

    /// Most `rdf:ID` values remembered for the duplicate check; past this the check stops (memory bound).
    static let maxTrackedIDs = 100_000
    /// Entity and attribute text may be this many times larger than the input (plus a fixed allowance).
    static let maxAmplification = 10
    static let amplificationAllowance = 1 << 20

    init(baseIRI: String?, limits: ParserLimits, location: String?) {
        self.limits = limits
        self.location = location
        let base = baseIRI.map(IRI.removingFragment)
        frames = [RDFXMLFrame(kind: .document, base: base, language: "")]
    }

    // MARK: Errors

    /// An error at the parser's current position.
    func error(_ code: RDFParseError.Code, _ message: String) -> RDFParseError {
        var line = 0, column = 0
        if let mainContext {
            line = Int(xmlSAX2GetLineNumber(mainContext))
            column = Int(xmlSAX2GetColumnNumber(mainContext))
        }
        return RDFParseError(code, message, line: line, column: column, location: location)
    }

    /// Records the first failure and stops libxml2 (the entity sub-parser too, when that is where we are).
    func fail(_ failure: RDFParseError, context: xmlParserCtxtPtr?) {
        if self.failure == nil { self.failure = failure }
        if let context { RDFXMLCallbacks.halt(context) }
        if let mainContext, mainContext != context { RDFXMLCallbacks.halt(mainContext) }
    }

    // MARK: Terms

    /// A fresh blank node; generated labels start with "b", `rdf:nodeID` labels with "n", so they never collide.
    func newBlankNode() -> Term {
        blankCount += 1
        return .blank("b\(blankCount)")
    }

    /// The blank node for an `rdf:nodeID` value.
    func blankNode(nodeID: String) -> Term {
        .blank("n" + nodeID)
    }

    /// Resolves an IRI reference against the base in scope.
    func resolve(_ reference: String, base: String?) throws(RDFParseError) -> String {
        let iri: String
        if let base {
            iri = IRI.resolve(reference, against: base)
        } else {
            iri = reference
        }
        if iri.utf8.count > limits.maxIRIBytes {
            throw error(.limitExceeded, "IRI longer than \(limits.maxIRIBytes) bytes")
        }
        return iri
    }

    /// The IRI an `rdf:ID` stands for; rejects non-NCName values and a second use of the same IRI.
    func idIRI(_ id: String, base: String?) throws(RDFParseError) -> String {
        guard RDFXMLNCName.isValid(id) else {
            throw error(.syntax, "rdf:ID value \"\(id)\" is not an XML NCName")
        }
        let iri = try resolve("#" + id, base: base)
        if seenIDs.count < Self.maxTrackedIDs {
            guard seenIDs.insert(iri).inserted else {
                throw error(.syntax, "rdf:ID \"\(id)\" is used twice with the same base (<\(iri)>)")
            }
        }
        return iri
    }

    // MARK: Output

    func emit(_ subject: Term, _ predicate: String, _ object: Term) {
        pending.append(Triple(subject, predicate, object))
    }

    /// Emits the triple of a property element, and its reification when it has an `rdf:ID`.
    func emit(_ statement: RDFXMLStatement, object: Term) {
        emit(statement.subject, statement.predicate, object)
        if let reification = statement.reification {
            let node = Term.iri(reification)
            emit(node, Vocab.rdfType, .iri(Vocab.rdf + "Statement"))
            emit(node, Vocab.rdf + "subject", statement.subject)
            emit(node, Vocab.rdf + "predicate", .iri(statement.predicate))
            emit(node, Vocab.rdf + "object", object)
        }
    }

    /// Counts decoded bytes (attribute values, entity replacement text) against the input size.
    func countDecoded(_ count: Int) throws(RDFParseError) {
        decodedBytes += count
        if decodedBytes > inputBytes * Self.maxAmplification + Self.amplificationAllowance {
            throw error(.limitExceeded, "entity expansion produced \(decodedBytes) bytes from \(inputBytes) bytes of input")
        }
    }
}
