/// Writes triples as RDF/XML while they arrive: one `rdf:Description` per run of triples with the same subject.
///
/// Namespaces given at creation are declared on `rdf:RDF`; a predicate in any other namespace declares its own on
/// its element. A predicate IRI that cannot be split into a namespace and an XML name (it ends in `/`, or its last
/// segment starts with a digit) cannot be written in RDF/XML at all: ``consume(_:)`` throws
/// ``RDFXMLWriterError``. XML 1.0 cannot hold most control characters; in literals and IRIs they are written as
/// U+FFFD (the other syntaxes keep them). Call ``finish()`` after the last triple.
public struct RDFXMLWriter<Output: TextOutputStream>: TripleSink {
    /// Where the text goes.
    public var output: Output
    private let namespaces: [(prefix: String, namespace: String)]
    private var headerWritten = false
    private var subject: Term?
    private var blankIDs: [String: String] = [:]
    /// Each predicate's qualified element name and the namespace declaration it needs (empty when declared on the root).
    private var elements: [String: (name: String, declaration: String)] = [:]
    private var text = ""

    /// Creates a writer; `prefixes` maps prefix names to namespaces declared on the root element.
    public init(output: Output, prefixes: [String: String] = [:]) {
        self.output = output
        self.namespaces = prefixes.filter { $0.key != "rdf" && RDFXMLWriter.isNCName($0.key) }
            .map { (prefix: $0.key, namespace: $0.value) }.sorted { $0.prefix < $1.prefix }
    }

    /// Writes one triple, inside the current `rdf:Description` when the subject repeats.
    public mutating func consume(_ triple: Triple) throws {
        let element = try element(for: triple.predicate)
        text.removeAll(keepingCapacity: true)
        writeHeaderIfNeeded()
        if subject != triple.subject {
            if subject != nil { text.append("  </rdf:Description>\n") }
            text.append("  <rdf:Description ")
            switch triple.subject {
            case .blank(let label): text.append("rdf:nodeID=\"\(blankID(label))\"")
            default: text.append("rdf:about=\""); RDFXMLWriter.escape(triple.subject.iriValue ?? "", attribute: true, into: &text); text.append("\"")
            }
            text.append(">\n")
            subject = triple.subject
        }
        text.append("    <")
        let qualified = element.name
        text.append(qualified)
        text.append(element.declaration)
        switch triple.object {
        case .iri(let iri):
            text.append(" rdf:resource=\"")
            RDFXMLWriter.escape(iri, attribute: true, into: &text)
            text.append("\"/>\n")
        case .blank(let label):
            text.append(" rdf:nodeID=\"\(blankID(label))\"/>\n")
        case .literal(let literal):
            if let language = literal.language {
                text.append(" xml:lang=\"")
                RDFXMLWriter.escape(language, attribute: true, into: &text)
                text.append("\"")
            } else if literal.datatype != Vocab.xsdString {
                text.append(" rdf:datatype=\"")
                RDFXMLWriter.escape(literal.datatype, attribute: true, into: &text)
                text.append("\"")
            }
            text.append(">")
            RDFXMLWriter.escape(literal.lexical, attribute: false, into: &text)
            text.append("</\(qualified)>\n")
        }
        output.write(text)
    }

    /// Closes the last description and the document (an empty document is a bare `rdf:RDF`).
    public mutating func finish() {
        text.removeAll(keepingCapacity: true)
        writeHeaderIfNeeded()
        if subject != nil { text.append("  </rdf:Description>\n") }
        text.append("</rdf:RDF>\n")
        subject = nil
        output.write(text)
    }

    /// The element name of a predicate (and a namespace declaration when the root does not declare it), worked out
    /// once per predicate.
    private mutating func element(for predicate: String) throws -> (name: String, declaration: String) {
        if let known = elements[predicate] { return known }
        guard let (namespace, localName) = RDFXMLWriter.split(predicate) else { throw RDFXMLWriterError(predicate: predicate) }
        let element: (name: String, declaration: String)
        if namespace == Vocab.rdf {
            element = ("rdf:" + localName, "")
        } else if let declared = namespaces.first(where: { $0.namespace == namespace }) {
            element = (declared.prefix + ":" + localName, "")
        } else {
            var declaration = " xmlns:ns=\""
            RDFXMLWriter.escape(namespace, attribute: true, into: &declaration)
            element = ("ns:" + localName, declaration + "\"")
        }
        if elements.count < 4_096 { elements[predicate] = element }
        return element
    }

    private mutating func writeHeaderIfNeeded() {
        guard !headerWritten else { return }
        headerWritten = true
        text.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF xmlns:rdf=\"\(Vocab.rdf)\"")
        for (prefix, namespace) in namespaces {
            text.append("\n    xmlns:\(prefix)=\"")
            RDFXMLWriter.escape(namespace, attribute: true, into: &text)
            text.append("\"")
        }
        text.append(">\n")
    }

    /// A node ID for a blank node label: the label when it is an XML name, else a new `b<n>` (the same each time).
    private mutating func blankID(_ label: String) -> String {
        if let known = blankIDs[label] { return known }
        let id = RDFXMLWriter.isNCName(label) && !label.hasPrefix("b_") ? label : "b_\(blankIDs.count)"
        blankIDs[label] = id
        return id
    }

    /// Splits a predicate IRI into a namespace and a local XML name: the longest name at the end that is an NCName.
    static func split(_ iri: String) -> (namespace: String, localName: String)? {
        let scalars = Array(iri.unicodeScalars)
        var start = scalars.count
        while start > 0, isNameScalar(scalars[start - 1]) { start -= 1 }
        // The name must start with a letter or `_`.
        while start < scalars.count, !isNameStartScalar(scalars[start]) { start += 1 }
        guard start < scalars.count, start > 0 else { return nil }
        var namespace = String.UnicodeScalarView()
        namespace.append(contentsOf: scalars[..<start])
        var name = String.UnicodeScalarView()
        name.append(contentsOf: scalars[start...])
        return (String(namespace), String(name))
    }

    static func isNCName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isNameStartScalar(first) else { return false }
        return text.unicodeScalars.allSatisfy(isNameScalar)
    }

    static func isNameStartScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x5F, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
             0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
             0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        if isNameStartScalar(scalar) { return true }
        switch scalar.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }

    /// Escapes text for XML content or a double-quoted attribute; characters XML 1.0 cannot hold become U+FFFD.
    static func escape(_ value: String, attribute: Bool, into text: inout String) {
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": text.append("&amp;")
            case "<": text.append("&lt;")
            case ">": text.append("&gt;")
            case "\"" where attribute: text.append("&quot;")
            case "\n" where attribute: text.append("&#10;")
            case "\r": text.append("&#13;")
            case "\t" where attribute: text.append("&#9;")
            case "\t", "\n": text.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF {
                    text.append("\u{FFFD}")
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
    }
}

/// A predicate that RDF/XML cannot write (no XML name at its end).
public struct RDFXMLWriterError: Error, CustomStringConvertible {
    /// The predicate IRI.
    public var predicate: String
    public var description: String {
        "the predicate <\(predicate)> cannot be written in RDF/XML: it does not end in an XML name"
    }
}
