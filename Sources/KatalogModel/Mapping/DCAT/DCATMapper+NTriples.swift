import KatalogRDF

extension DCATMapper {
    /// Serialises triples as canonical N-Triples, one statement per line, lines sorted.
    ///
    /// Blank nodes are relabelled `_:b0`, `_:b1` … in order of first appearance, so the text does not depend on
    /// the labels a parser happened to assign. Literals use the canonical escapes of RDF 1.2 N-Triples.
    public static func canonicalNTriples(_ triples: [Triple]) -> String {
        var labels: [String: String] = [:]
        func term(_ term: Term) -> String {
            switch term {
            case .iri(let iri):
                return "<" + escapeIRI(iri) + ">"
            case .blank(let label):
                if let known = labels[label] { return known }
                let canonical = "_:b\(labels.count)"
                labels[label] = canonical
                return canonical
            case .literal(let literal):
                let quoted = "\"" + escapeLiteral(literal.lexical) + "\""
                if let language = literal.language { return quoted + "@" + language }
                if literal.datatype == Vocab.xsdString { return quoted }
                return quoted + "^^<" + escapeIRI(literal.datatype) + ">"
            }
        }
        var lines = triples.map { triple in
            term(triple.subject) + " <" + escapeIRI(triple.predicate) + "> " + term(triple.object) + " .\n"
        }
        lines.sort()
        // Equal lines are neighbours once sorted: dropping repeats needs no set of every line.
        var unique: [String] = []
        unique.reserveCapacity(lines.count)
        for line in lines where unique.last != line { unique.append(line) }
        return unique.joined()
    }

    /// Escapes a literal's lexical form: `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`, other controls as `\u00XX`.
    static func escapeLiteral(_ text: String) -> String {
        guard text.containsUTF8Byte(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{00}"..."\u{1F}", "\u{7F}": out += unicodeEscape(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escapes the characters an N-Triples IRIREF may not hold (controls, space, `<>"{}|^` and backquote, backslash).
    static func escapeIRI(_ iri: String) -> String {
        guard iri.containsUTF8Byte(where: isForbiddenInIRI) else { return iri }
        var out = ""
        for scalar in iri.unicodeScalars {
            switch scalar {
            case "\u{00}"..."\u{20}", "<", ">", "\"", "{", "}", "|", "^", "`", "\\", "\u{7F}":
                out += unicodeEscape(scalar)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether an IRI byte must be escaped; a switch, as this runs for every byte of every IRI of every dataset.
    @inline(__always)
    private static func isForbiddenInIRI(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00...0x20, 0x3C, 0x3E, 0x22, 0x7B, 0x7D, 0x7C, 0x5E, 0x60, 0x5C, 0x7F: return true
        default: return false
        }
    }

    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
