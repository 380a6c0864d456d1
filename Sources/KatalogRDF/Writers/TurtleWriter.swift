/// Writes triples as Turtle while they arrive: prefixes first, then consecutive triples with the same subject
/// grouped with `;` and `,`. Call ``finish()`` after the last triple to close the final statement.
public struct TurtleWriter<Output: TextOutputStream>: TripleSink {
    /// Where the text goes.
    public var output: Output
    private let prefixes: [(name: String, namespace: String)]
    private var headerWritten = false
    private var subject: Term?
    private var predicate: String?
    private var text = ""

    /// Creates a writer; `prefixes` maps prefix names (without `:`) to namespaces used to abbreviate IRIs.
    public init(output: Output, prefixes: [String: String] = [:]) {
        self.output = output
        // Longest namespace first, so the most specific prefix wins.
        self.prefixes = prefixes.map { (name: $0.key, namespace: $0.value) }
            .filter { TurtleWriter.isValidPrefixName($0.name) }
            .sorted { $0.namespace.utf8.count != $1.namespace.utf8.count
                ? $0.namespace.utf8.count > $1.namespace.utf8.count : $0.name < $1.name }
    }

    /// Writes one triple, continuing the current subject's statement when the subject repeats.
    public mutating func consume(_ triple: Triple) {
        text.removeAll(keepingCapacity: true)
        writeHeaderIfNeeded()
        if subject == triple.subject {
            if predicate == triple.predicate {
                text.append(" ,\n        ")
            } else {
                text.append(" ;\n    ")
                writePredicate(triple.predicate)
                text.append(" ")
            }
        } else {
            if subject != nil { text.append(" .\n") }
            writeTerm(triple.subject)
            text.append(" ")
            writePredicate(triple.predicate)
            text.append(" ")
        }
        subject = triple.subject
        predicate = triple.predicate
        writeTerm(triple.object)
        output.write(text)
    }

    /// Closes the last statement (and writes the prefixes of an empty document).
    public mutating func finish() {
        text.removeAll(keepingCapacity: true)
        writeHeaderIfNeeded()
        if subject != nil { text.append(" .\n") }
        subject = nil
        predicate = nil
        output.write(text)
    }

    private mutating func writeHeaderIfNeeded() {
        guard !headerWritten else { return }
        headerWritten = true
        for (name, namespace) in prefixes.sorted(by: { $0.name < $1.name }) {
            text.append("@prefix \(name): ")
            TermSyntax.iri(namespace, into: &text)
            text.append(" .\n")
        }
        if !prefixes.isEmpty { text.append("\n") }
    }

    private mutating func writePredicate(_ iri: String) {
        if iri == Vocab.rdfType { text.append("a") } else { writeIRI(iri) }
    }

    private mutating func writeTerm(_ term: Term) {
        switch term {
        case .iri(let value): writeIRI(value)
        case .blank(let label): TermSyntax.blank(label, into: &text)
        case .literal(let literal): writeLiteral(literal)
        }
    }

    private mutating func writeIRI(_ iri: String) {
        for (name, namespace) in prefixes where iri.hasPrefix(namespace) {
            let local = iri.utf8.dropFirst(namespace.utf8.count)
            if TurtleWriter.isSafeLocalName(local) {
                text.append(name)
                text.append(":")
                text.append(String(decoding: local, as: UTF8.self))
                return
            }
        }
        TermSyntax.iri(iri, into: &text)
    }

    private mutating func writeLiteral(_ literal: Literal) {
        if literal.language == nil, TurtleWriter.isBareLiteral(literal) {
            text.append(literal.lexical)
            return
        }
        TermSyntax.quoted(literal.lexical, into: &text)
        if let language = literal.language {
            text.append("@")
            text.append(language)
        } else if literal.datatype != Vocab.xsdString {
            text.append("^^")
            writeIRI(literal.datatype)
        }
    }
}
