/// Which terms may be written in their short Turtle forms.
extension TurtleWriter {
    /// `PN_PREFIX` restricted to ASCII: a letter, then letters, digits, `_`, `-`, inner `.`; or empty.
    static func isValidPrefixName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first else { return true }
        guard CharClass.isAlpha(first), bytes.last != UInt8(ascii: ".") else { return false }
        return bytes.allSatisfy {
            CharClass.isAlpha($0) || CharClass.isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
                || $0 == UInt8(ascii: ".")
        }
    }

    /// ASCII local names that need no escaping: letters, digits, `_`, `-`, inner `.`, not starting with `-` or `.`.
    static func isSafeLocalName(_ local: Substring.UTF8View) -> Bool {
        guard let first = local.first else { return true }
        guard CharClass.isAlpha(first) || CharClass.isDigit(first) || first == UInt8(ascii: "_") else { return false }
        guard local.last != UInt8(ascii: ".") else { return false }
        return local.allSatisfy {
            CharClass.isAlpha($0) || CharClass.isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
                || $0 == UInt8(ascii: ".")
        }
    }

    /// True when the literal can be written bare (integer, decimal, double, boolean) and reads back identical.
    static func isBareLiteral(_ literal: Literal) -> Bool {
        let lexical = Array(literal.lexical.utf8)
        switch literal.datatype {
        case Vocab.xsdBoolean:
            return literal.lexical == "true" || literal.lexical == "false"
        case Vocab.xsdInteger:
            return numberShape(lexical) == .integer
        case Vocab.xsdDecimal:
            return numberShape(lexical) == .decimal
        case Vocab.xsdDouble:
            return numberShape(lexical) == .double
        default:
            return false
        }
    }

    private enum NumberShape { case integer, decimal, double, none }

    /// Classifies `lexical` against Turtle's INTEGER, DECIMAL and DOUBLE productions.
    private static func numberShape(_ s: [UInt8]) -> NumberShape {
        var i = 0
        if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
        var intDigits = 0
        while i < s.count, CharClass.isDigit(s[i]) { i += 1; intDigits += 1 }
        var fracDigits = 0
        var hasDot = false
        if i < s.count, s[i] == UInt8(ascii: ".") {
            hasDot = true
            i += 1
            while i < s.count, CharClass.isDigit(s[i]) { i += 1; fracDigits += 1 }
        }
        if i == s.count {
            if !hasDot { return intDigits > 0 ? .integer : .none }
            return fracDigits > 0 ? .decimal : .none
        }
        guard intDigits + fracDigits > 0, s[i] | 0x20 == UInt8(ascii: "e") else { return .none }
        i += 1
        if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
        var expDigits = 0
        while i < s.count, CharClass.isDigit(s[i]) { i += 1; expDigits += 1 }
        return i == s.count && expDigits > 0 ? .double : .none
    }
}
