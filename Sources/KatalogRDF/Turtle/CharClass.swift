/// Character classes of the Turtle / N-Triples grammars (RDF 1.1), on bytes and Unicode scalars.
enum CharClass {
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isHex(_ c: UInt8) -> Bool { isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66) }
    /// `WS ::= #x20 | #x9 | #xD | #xA`.
    @inline(__always) static func isWhitespace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    /// The value of a hex digit already known to be one.
    @inline(__always) static func hexValue(_ c: UInt8) -> UInt32 {
        isDigit(c) ? UInt32(c - 0x30) : UInt32((c | 0x20) - 0x61 + 10)
    }

    /// `PN_CHARS_BASE`.
    static func isBase(_ s: UInt32) -> Bool {
        switch s {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
             0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
             0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    /// `PN_CHARS_U`.
    @inline(__always) static func isBaseOrUnderscore(_ s: UInt32) -> Bool { s == 0x5F || isBase(s) }

    /// `PN_CHARS`.
    static func isNameChar(_ s: UInt32) -> Bool {
        if s < 0x80 {
            let c = UInt8(s)
            return isAlpha(c) || isDigit(c) || c == 0x5F || c == 0x2D
        }
        return s == 0xB7 || (0x300...0x36F).contains(s) || (0x203F...0x2040).contains(s) || isBase(s)
    }

    /// Characters allowed after `\` in `PN_LOCAL_ESC`.
    static func isLocalEscapable(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "!"),
             UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
             UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    /// Bytes never allowed raw inside `<…>`: controls, space, and `<>"{}|^`\`.
    @inline(__always) static func isForbiddenInIRI(_ c: UInt8) -> Bool {
        c <= 0x20 || c == 0x3C || c == 0x3E || c == 0x22 || c == 0x7B || c == 0x7D || c == 0x7C || c == 0x5E
            || c == 0x60 || c == 0x5C
    }

    /// Appends the UTF-8 encoding of a valid scalar.
    static func appendUTF8(_ s: UInt32, to out: inout [UInt8]) {
        switch s {
        case 0..<0x80:
            out.append(UInt8(s))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (s >> 6)))
            out.append(UInt8(0x80 | (s & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (s >> 12)))
            out.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (s & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (s >> 18)))
            out.append(UInt8(0x80 | ((s >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((s >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (s & 0x3F)))
        }
    }
}
