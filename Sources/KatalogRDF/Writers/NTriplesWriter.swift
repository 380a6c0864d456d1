/// Writes triples as canonical N-Triples, one line per triple, to any text output stream as they arrive.
public struct NTriplesWriter<Output: TextOutputStream>: TripleSink {
    /// Where the lines go.
    public var output: Output
    private var line = ""

    /// Creates a writer appending to `output`.
    public init(output: Output) {
        self.output = output
    }

    /// Writes one triple as a line.
    public mutating func consume(_ triple: Triple) {
        line.removeAll(keepingCapacity: true)
        NTriplesWriter.append(triple, to: &line)
        output.write(line)
    }

    /// Ends the document: N-Triples needs nothing after the last line (for writers that take any syntax).
    public mutating func finish() {}

    /// Appends the canonical N-Triples line for `triple` (with its `\n`) to `text`.
    public static func append(_ triple: Triple, to text: inout String) {
        TermSyntax.term(triple.subject, into: &text)
        text.append(" ")
        TermSyntax.iri(triple.predicate, into: &text)
        text.append(" ")
        TermSyntax.term(triple.object, into: &text)
        text.append(" .\n")
    }
}

extension NTriplesWriter where Output == String {
    /// The canonical N-Triples document for `triples`.
    public static func string(from triples: some Sequence<Triple>) -> String {
        var writer = NTriplesWriter(output: "")
        for triple in triples { writer.consume(triple) }
        return writer.output
    }
}
