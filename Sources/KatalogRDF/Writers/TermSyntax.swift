/// Term spelling shared by the N-Triples and Turtle writers and the DCAT mapper's canonical N-Triples (RDF 1.1/1.2
/// canonical escapes). Content hashes are taken over the canonical N-Triples, so the bytes written for a term must
/// not change (`DCATSubgraphTests.canonicalNTriplesBytesArePinned`).
public enum TermSyntax {
    /// `<iri>`, with characters that may not appear raw in an IRIREF written as `\uXXXX`, and DEL too (allowed raw,
    /// but a control character).
    public static func iri(_ value: String, into out: inout String) {
        out.append("<")
        if value.containsUTF8Byte(where: isEscapedInIRI) {
            for scalar in value.unicodeScalars {
                if scalar.value < 0x80, isEscapedInIRI(UInt8(scalar.value)) {
                    appendUCHAR(scalar.value, into: &out)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        } else {
            out.append(value)
        }
        out.append(">")
    }

    /// Whether ``iri(_:into:)`` writes `value` as it is: it holds no byte an IRIREF may not hold, nor DEL.
    public static func isWrittenRaw(iri value: String) -> Bool {
        !value.containsUTF8Byte(where: isEscapedInIRI)
    }

    /// Whether an IRI byte is written as `\uXXXX`: the bytes an IRIREF may not hold, and DEL.
    @inline(__always)
    static func isEscapedInIRI(_ byte: UInt8) -> Bool {
        CharClass.isForbiddenInIRI(byte) || byte == 0x7F
    }

    /// `"lexical"` with the canonical escapes: ECHAR for BS, HT, LF, FF, CR, `"` and `\`, UCHAR for other controls.
    public static func quoted(_ lexical: String, into out: inout String) {
        out.append("\"")
        if lexical.containsUTF8Byte(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) {
            for scalar in lexical.unicodeScalars {
                switch scalar.value {
                case 0x08: out.append("\\b")
                case 0x09: out.append("\\t")
                case 0x0A: out.append("\\n")
                case 0x0C: out.append("\\f")
                case 0x0D: out.append("\\r")
                case 0x22: out.append("\\\"")
                case 0x5C: out.append("\\\\")
                case 0..<0x20, 0x7F: appendUCHAR(scalar.value, into: &out)
                default: out.unicodeScalars.append(scalar)
                }
            }
        } else {
            out.append(lexical)
        }
        out.append("\"")
    }

    /// `_:label`; labels that are not valid `BLANK_NODE_LABEL`s (or look like an encoded one) are hex-encoded.
    public static func blank(_ label: String, into out: inout String) {
        out.append("_:")
        if isPlainBlankLabel(label) && !label.hasPrefix("bnhex_") {
            out.append(label)
        } else {
            out.append("bnhex_")
            for byte in label.utf8 {
                let hex = String(byte, radix: 16, uppercase: false)
                if hex.count == 1 { out.append("0") }
                out.append(hex)
            }
        }
    }

    /// ASCII labels of letters, digits, `_`, `-` and inner `.`, not starting with `-` or `.`.
    private static func isPlainBlankLabel(_ label: String) -> Bool {
        let bytes = label.utf8
        guard let first = bytes.first, let last = bytes.last else { return false }
        guard CharClass.isAlpha(first) || CharClass.isDigit(first) || first == UInt8(ascii: "_") else { return false }
        guard last != UInt8(ascii: ".") else { return false }
        return bytes.allSatisfy {
            CharClass.isAlpha($0) || CharClass.isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
                || $0 == UInt8(ascii: ".")
        }
    }

    private static func appendUCHAR(_ value: UInt32, into out: inout String) {
        let hex = String(value, radix: 16, uppercase: true)
        out.append("\\u")
        out.append(String(repeating: "0", count: max(0, 4 - hex.count)))
        out.append(hex)
    }

    /// A literal in N-Triples form: `"…"`, `"…"@lang` or `"…"^^<datatype>`.
    public static func literal(_ literal: Literal, into out: inout String) {
        quoted(literal.lexical, into: &out)
        if let language = literal.language {
            out.append("@")
            out.append(language)
        } else if literal.datatype != Vocab.xsdString {
            out.append("^^")
            iri(literal.datatype, into: &out)
        }
    }

    /// Any term in N-Triples form.
    public static func term(_ term: Term, into out: inout String) {
        switch term {
        case .iri(let value): iri(value, into: &out)
        case .blank(let label): blank(label, into: &out)
        case .literal(let value): literal(value, into: &out)
        }
    }
}
