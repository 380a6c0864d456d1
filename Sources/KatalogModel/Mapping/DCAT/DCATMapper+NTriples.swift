import KatalogRDF

extension DCATMapper {
    /// Serialises triples as canonical N-Triples, one statement per line, lines sorted.
    ///
    /// Blank nodes are relabelled `_:b0`, `_:b1` … in order of first appearance, so the text does not depend on
    /// the labels a parser happened to assign. Literals use the canonical escapes of RDF 1.2 N-Triples.
    public static func canonicalNTriples(_ triples: [Triple]) -> String {
        var labels: [String: String] = [:]
        func append(_ term: Term, to line: inout String) {
            guard case .blank(let label) = term else { return TermSyntax.term(term, into: &line) }
            if let known = labels[label] { return TermSyntax.blank(known, into: &line) }
            let canonical = "b\(labels.count)"
            labels[label] = canonical
            TermSyntax.blank(canonical, into: &line)
        }
        var lines = triples.map { triple in
            var line = ""
            line.reserveCapacity(160)
            append(triple.subject, to: &line)
            line.append(" ")
            TermSyntax.iri(triple.predicate, into: &line)
            line.append(" ")
            append(triple.object, to: &line)
            line.append(" .\n")
            return line
        }
        lines.sort()
        // Equal lines are neighbours once sorted: dropping repeats needs no set of every line.
        var unique: [String] = []
        unique.reserveCapacity(lines.count)
        for line in lines where unique.last != line { unique.append(line) }
        return unique.joined()
    }
}
