/// The N-Triples line grammar: `subject predicate object '.'` then only a comment before the line break.
extension TextReader {
    /// Parses one triple line; the caller has skipped blank lines and comment lines.
    mutating func parseNTriplesLine() throws {
        let subject: Term
        switch try peek() {
        case UInt8(ascii: "<"): subject = .iri(try readIRIRef())
        case UInt8(ascii: "_"): subject = try readBlankLabel()
        default: throw fault("expected an IRI or blank node as subject, found \(describeCurrent())")
        }
        try skipInlineWhitespace()
        guard try peek() == UInt8(ascii: "<") else {
            throw fault("expected an IRI as predicate, found \(describeCurrent())")
        }
        let predicate = try readIRIRef()
        try skipInlineWhitespace()
        let object: Term
        switch try peek() {
        case UInt8(ascii: "<"): object = .iri(try readIRIRef())
        case UInt8(ascii: "_"): object = try readBlankLabel()
        case UInt8(ascii: "\""):
            let lexical = try readString()
            object = .literal(try readLiteralSuffix(lexical))
        default: throw fault("expected an IRI, blank node or literal as object, found \(describeCurrent())")
        }
        try skipInlineWhitespace()
        try expect(UInt8(ascii: "."), "'.' at the end of the triple")
        try skipInlineWhitespace()
        if try peek() == UInt8(ascii: "#") { try skipComment() }
        if let c = try peek(), c != 0x0A, c != 0x0D {
            throw fault("expected the end of the line after the triple, found \(describeCurrent())")
        }
        emit(subject, predicate, object)
    }
}
