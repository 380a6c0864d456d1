/// Terminals shared by Turtle and N-Triples: IRIs, prefixed names, strings, numbers, language tags.
extension TextReader {
    // MARK: - IRIs

    /// `IRIREF ::= '<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>'`, resolved against the base (Turtle) or required
    /// to be absolute (N-Triples).
    mutating func readIRIRef() throws -> String {
        let open = pos
        pos += 1
        let contentStart = pos
        var escaped = false
        while true {
            let runStart = pos
            while pos < end, !CharClass.isForbiddenInIRI(bytes[pos]) { pos += 1 }
            if escaped && pos > runStart {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<pos]))
            }
            if pos - contentStart > limits.maxIRIBytes {
                throw fault(.limitExceeded, "IRI longer than \(limits.maxIRIBytes) bytes", at: open)
            }
            guard let c = try peek() else { throw fault("IRI not closed before end of input", at: open) }
            if c == UInt8(ascii: ">") { break }
            guard c == UInt8(ascii: "\\") else {
                throw fault("character \(describeByte(c)) is not allowed in an IRI")
            }
            if !escaped {
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<pos]))
                escaped = true
            }
            let next = try peek(1)
            guard next == UInt8(ascii: "u") || next == UInt8(ascii: "U") else {
                throw fault("only \\u and \\U escapes are allowed in an IRI")
            }
            let escapeStart = pos
            let value = try readNumericEscape()
            if value < 0x80, CharClass.isForbiddenInIRI(UInt8(value)) {
                throw fault("escape \\u\(String(value, radix: 16)) encodes a character not allowed in an IRI", at: escapeStart)
            }
            CharClass.appendUTF8(value, to: &scratch)
        }
        let value = escaped ? String(decoding: scratch, as: UTF8.self) : string(contentStart..<pos)
        pos += 1
        return try absolute(value, at: open)
    }

    private func describeByte(_ c: UInt8) -> String {
        c > 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "0x\(String(c, radix: 16, uppercase: true))"
    }

    /// Makes `value` absolute: resolved against the base in Turtle, rejected when relative in N-Triples.
    private func absolute(_ value: String, at offset: Int) throws -> String {
        if hasScheme(value) { return value }
        if dialect == .nTriples {
            throw fault("relative IRI <\(value)> is not allowed in N-Triples", at: offset)
        }
        guard let base = state.base else {
            throw fault("relative IRI <\(value)> but no base IRI is set", at: offset)
        }
        let resolved = IRI.resolve(value, against: base)
        // The limit holds for the resolved IRI too: a chain of relative `@base`s would otherwise grow the base
        // without bound (each base resolved against the one before).
        if resolved.utf8.count > limits.maxIRIBytes {
            throw fault(.limitExceeded, "IRI longer than \(limits.maxIRIBytes) bytes once resolved against the base", at: offset)
        }
        return resolved
    }

    private func hasScheme(_ value: String) -> Bool {
        var first = true
        for c in value.utf8 {
            if c == UInt8(ascii: ":") { return !first }
            if first {
                guard CharClass.isAlpha(c) else { return false }
                first = false
            } else if !(CharClass.isAlpha(c) || CharClass.isDigit(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
                        || c == UInt8(ascii: ".")) {
                return false
            }
        }
        return false
    }

    /// `\uXXXX` or `\UXXXXXXXX` at `pos` (on the backslash); returns the scalar value and moves past it.
    mutating func readNumericEscape() throws -> UInt32 {
        let start = pos
        let count = try peek(1) == UInt8(ascii: "u") ? 4 : 8
        var value: UInt32 = 0
        for k in 0..<count {
            guard let h = try peek(2 + k), CharClass.isHex(h) else {
                throw fault("invalid \\\(count == 4 ? "u" : "U") escape: expected \(count) hex digits", at: start)
            }
            value = value << 4 | CharClass.hexValue(h)
        }
        guard value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else {
            throw fault("escape encodes U+\(String(value, radix: 16, uppercase: true)), which is not a Unicode scalar", at: start)
        }
        pos += 2 + count
        return value
    }

    // MARK: - Prefixed names

    /// Scans `PN_PREFIX` at `pos`; false (position unchanged) when the first character cannot start one.
    mutating func scanPrefixName() throws -> Bool {
        guard let first = try scalar(at: pos), CharClass.isBase(first.value) else { return false }
        pos += first.length
        var goodEnd = pos
        while let next = try scalar(at: pos) {
            if next.value == 0x2E {
                pos += 1
            } else if CharClass.isNameChar(next.value) {
                pos += next.length
                goodEnd = pos
            } else {
                break
            }
        }
        pos = goodEnd
        return true
    }

    /// `PrefixedName ::= PNAME_LN | PNAME_NS`, expanded with the declared namespace.
    mutating func readPrefixedName(context: String) throws -> String {
        let start = pos
        if try peek() != UInt8(ascii: ":") {
            guard try scanPrefixName() else {
                throw fault("expected \(context), found \(describeCurrent())")
            }
            guard try peek() == UInt8(ascii: ":") else {
                throw fault("expected \(context), found '\(string(start..<pos))'", at: start)
            }
        }
        let prefix = string(start..<pos)
        pos += 1
        guard let namespace = state.prefixes[prefix] else {
            throw fault("prefix '\(prefix):' is not declared", at: start)
        }
        let local = try readLocalName()
        if local.isEmpty { return namespace }
        return namespace + local
    }

    /// `PN_LOCAL`, with `\` escapes removed and `%XX` kept as written; empty when absent.
    private mutating func readLocalName() throws -> String {
        scratch.removeAll(keepingCapacity: true)
        var goodEnd = pos
        var goodLength = 0
        var isFirst = true
        while true {
            guard let c = try peek() else { break }
            if c == UInt8(ascii: "\\") {
                guard let e = try peek(1), CharClass.isLocalEscapable(e) else {
                    throw fault("invalid escape in a local name")
                }
                scratch.append(e)
                pos += 2
            } else if c == UInt8(ascii: "%") {
                guard let h1 = try peek(1), let h2 = try peek(2), CharClass.isHex(h1), CharClass.isHex(h2) else {
                    throw fault("'%' in a local name must be followed by two hex digits")
                }
                scratch.append(contentsOf: [c, h1, h2])
                pos += 3
            } else if c == UInt8(ascii: ":") || (isFirst && CharClass.isDigit(c)) {
                scratch.append(c)
                pos += 1
            } else if c == UInt8(ascii: ".") && !isFirst {
                scratch.append(c)
                pos += 1
                continue
            } else {
                guard let s = try scalar(at: pos),
                      isFirst ? CharClass.isBaseOrUnderscore(s.value) : CharClass.isNameChar(s.value) else { break }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pos..<(pos + s.length)]))
                pos += s.length
            }
            isFirst = false
            goodEnd = pos
            goodLength = scratch.count
        }
        pos = goodEnd
        return String(decoding: scratch[0..<goodLength], as: UTF8.self)
    }

    // MARK: - Literals

    /// Any of the four Turtle string forms (N-Triples: only `"…"`), escapes decoded.
    mutating func readString() throws -> String {
        let open = pos
        let quote = bytes[pos]
        if dialect == .nTriples && quote != UInt8(ascii: "\"") {
            throw fault("N-Triples strings use double quotes")
        }
        var isLong = false
        if dialect == .turtle, try peek(1) == quote, try peek(2) == quote {
            isLong = true
            pos += 3
        } else {
            pos += 1
        }
        let contentStart = pos
        var escaped = false
        while true {
            // Fast path: a run of ordinary bytes, copied at once when escapes forced a copy.
            let runStart = pos
            while pos < end {
                let c = bytes[pos]
                if c == quote || c == 0x5C || (!isLong && (c == 0x0A || c == 0x0D)) { break }
                pos += 1
            }
            if escaped && pos > runStart {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<pos]))
            }
            try checkLiteralSize(pos - contentStart, open)
            guard let c = try peek() else { throw fault("string not closed before end of input", at: open) }
            if c == quote {
                if !isLong { break }
                if try peek(1) == quote, try peek(2) == quote { break }
            } else if c == UInt8(ascii: "\\") {
                if !escaped {
                    scratch.removeAll(keepingCapacity: true)
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<pos]))
                    escaped = true
                }
                try readStringEscape()
                continue
            } else {
                throw fault("line break inside a short string (use \\n or a long string)")
            }
            // A lone quote inside a long string.
            if escaped { scratch.append(c) }
            pos += 1
        }
        let value = escaped ? String(decoding: scratch, as: UTF8.self) : string(contentStart..<pos)
        pos += isLong ? 3 : 1
        return value
    }

    @inline(__always) private func checkLiteralSize(_ size: Int, _ open: Int) throws {
        if size > limits.maxLiteralBytes {
            throw fault(.limitExceeded, "literal longer than \(limits.maxLiteralBytes) bytes", at: open)
        }
    }

    /// `ECHAR | UCHAR` at the backslash, appended decoded to `scratch`.
    private mutating func readStringEscape() throws {
        guard let e = try peek(1) else { throw fault("string ends with a lone backslash") }
        let decoded: UInt8
        switch e {
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"): decoded = e
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            CharClass.appendUTF8(try readNumericEscape(), to: &scratch)
            return
        default:
            throw fault("invalid escape '\\\(describeEscape(e))' in a string")
        }
        scratch.append(decoded)
        pos += 2
    }

    private func describeEscape(_ c: UInt8) -> String {
        c > 0x20 && c < 0x7F ? String(Character(Unicode.Scalar(c))) : "0x" + String(c, radix: 16)
    }

    /// An optional `LANGTAG` or `^^` datatype after a string.
    mutating func readLiteralSuffix(_ lexical: String) throws -> Literal {
        let c = try peek()
        if c == UInt8(ascii: "@") {
            return Literal(lexical, language: try readLanguageTag())
        }
        if c == UInt8(ascii: "^") {
            guard try peek(1) == UInt8(ascii: "^") else { throw fault("expected '^^' before the datatype") }
            pos += 2
            if dialect == .nTriples {
                guard try peek() == UInt8(ascii: "<") else { throw fault("expected '<' starting the datatype IRI") }
                return Literal(lexical, datatype: try readIRIRef())
            }
            try skipWhitespace()
            if try peek() == UInt8(ascii: "<") { return Literal(lexical, datatype: try readIRIRef()) }
            return Literal(lexical, datatype: try readPrefixedName(context: "datatype IRI"))
        }
        return Literal(lexical)
    }

    /// `LANGTAG ::= '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*`, at `@`.
    private mutating func readLanguageTag() throws -> String {
        let at = pos
        pos += 1
        let start = pos
        while let c = try peek(), CharClass.isAlpha(c) { pos += 1 }
        guard pos > start else { throw fault("language tag must start with a letter", at: at) }
        while try peek() == UInt8(ascii: "-") {
            pos += 1
            let partStart = pos
            while let c = try peek(), CharClass.isAlpha(c) || CharClass.isDigit(c) { pos += 1 }
            guard pos > partStart else { throw fault("empty subtag in language tag", at: at) }
        }
        return string(start..<pos)
    }

    /// `INTEGER | DECIMAL | DOUBLE`, with the lexical form kept as written.
    mutating func readNumber() throws -> Literal {
        let start = pos
        if let c = try peek(), c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { pos += 1 }
        var intDigits = 0
        while let c = try peek(), CharClass.isDigit(c) { pos += 1; intDigits += 1 }
        var datatype = Vocab.xsdInteger
        if try peek() == UInt8(ascii: "."), let next = try peek(1) {
            if CharClass.isDigit(next) {
                pos += 1
                while let c = try peek(), CharClass.isDigit(c) { pos += 1 }
                datatype = Vocab.xsdDecimal
            } else if intDigits > 0, next | 0x20 == UInt8(ascii: "e"), try exponentLength(at: pos + 1) > 0 {
                pos += 1
                datatype = Vocab.xsdDecimal
            }
        }
        if intDigits == 0 && datatype == Vocab.xsdInteger {
            throw fault("expected digits in a number", at: start)
        }
        if let c = try peek(), c | 0x20 == UInt8(ascii: "e") {
            let length = try exponentLength(at: pos)
            guard length > 0 else { throw fault("exponent needs digits", at: start) }
            pos += length
            datatype = Vocab.xsdDouble
        }
        return Literal(string(start..<pos), datatype: datatype)
    }

    /// Length of `EXPONENT ::= [eE] [+-]? [0-9]+` at `index`, or 0 when there is none.
    private func exponentLength(at index: Int) throws -> Int {
        var k = index - pos + 1
        if let c = try peek(k), c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { k += 1 }
        var digits = 0
        while let c = try peek(k), CharClass.isDigit(c) { k += 1; digits += 1 }
        return digits > 0 ? k - (index - pos) : 0
    }
}
