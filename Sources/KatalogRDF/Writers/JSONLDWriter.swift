/// Writes triples as JSON-LD in expanded, flattened form while they arrive: `{"@graph": [ node, … ]}`, one node
/// object per run of triples with the same subject, full IRIs as keys, every value an array of `{"@id"}` or
/// `{"@value", "@language" | "@type"}` objects. It needs no context, so any JSON-LD processor reads it without
/// fetching anything. Call ``finish()`` after the last triple.
public struct JSONLDWriter<Output: TextOutputStream>: TripleSink {
    /// Where the text goes.
    public var output: Output
    private var started = false
    private var subject: Term?
    private var predicate: String?
    /// The keys of the node object being written: a predicate that comes back after another one starts a new node
    /// object for the same subject (JSON-LD merges them), since a JSON object must not repeat a key.
    private var keys: Set<String> = []
    private var text = ""

    /// Creates a writer.
    public init(output: Output) {
        self.output = output
    }

    /// Writes one triple, inside the current node object when the subject repeats (and the current value array
    /// when the predicate repeats too).
    public mutating func consume(_ triple: Triple) {
        text.removeAll(keepingCapacity: true)
        if !started {
            started = true
            text.append("{\"@graph\": [")
        }
        if subject == triple.subject, predicate == triple.predicate {
            text.append(", ")
        } else if subject == triple.subject, !keys.contains(triple.predicate) {
            text.append("],\n    ")
            JSONLDCanonicalJSON.writeString(triple.predicate, to: &text)
            text.append(": [")
            keys.insert(triple.predicate)
        } else {
            keys = [triple.predicate]
            text.append(subject == nil ? "\n  {" : "]},\n  {")
            text.append("\"@id\": ")
            JSONLDCanonicalJSON.writeString(JSONLDWriter.id(triple.subject), to: &text)
            text.append(",\n    ")
            JSONLDCanonicalJSON.writeString(triple.predicate, to: &text)
            text.append(": [")
        }
        subject = triple.subject
        predicate = triple.predicate
        switch triple.object {
        case .iri, .blank:
            text.append("{\"@id\": ")
            JSONLDCanonicalJSON.writeString(JSONLDWriter.id(triple.object), to: &text)
            text.append("}")
        case .literal(let literal):
            text.append("{\"@value\": ")
            JSONLDCanonicalJSON.writeString(literal.lexical, to: &text)
            if let language = literal.language {
                text.append(", \"@language\": ")
                JSONLDCanonicalJSON.writeString(language, to: &text)
            } else if literal.datatype != Vocab.xsdString {
                text.append(", \"@type\": ")
                JSONLDCanonicalJSON.writeString(literal.datatype, to: &text)
            }
            text.append("}")
        }
        output.write(text)
    }

    /// Closes the last node object and the document.
    public mutating func finish() {
        text.removeAll(keepingCapacity: true)
        if !started { text.append("{\"@graph\": [") }
        text.append(subject == nil ? "]}\n" : "]}\n]}\n")
        started = true
        subject = nil
        predicate = nil
        output.write(text)
    }

    static func id(_ term: Term) -> String {
        switch term {
        case .iri(let iri): return iri
        case .blank(let label): return "_:" + label
        case .literal(let literal): return literal.lexical
        }
    }
}
