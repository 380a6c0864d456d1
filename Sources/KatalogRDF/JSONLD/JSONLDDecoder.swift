/// A strict JSON (RFC 8259) decoder for JSON-LD input: validates UTF-8, bounds nesting depth and
/// string size, keeps object key order and number text, and reports errors with line and column.
struct JSONLDDecoder {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let limits: ParserLimits
    private let location: String?
    private var index = 0

    /// Decodes one JSON document from `bytes`.
    static func decode(_ bytes: [UInt8], limits: ParserLimits, location: String? = nil) throws -> JSONLDValue {
        try bytes.withUnsafeBufferPointer { buffer in
            if let bad = JSONLDDecoder.firstInvalidUTF8Offset(buffer) {
                let (line, column) = JSONLDDecoder.position(of: bad, in: buffer)
                throw RDFParseError(.invalidUTF8, "JSON-LD input is not valid UTF-8 (byte offset \(bad))", line: line, column: column, location: location)
            }
            var decoder = JSONLDDecoder(bytes: buffer, limits: limits, location: location)
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { decoder.index = 3 }
            decoder.skipWhitespace()
            let value = try decoder.parseValue(depth: 1)
            decoder.skipWhitespace()
            if decoder.index < buffer.count {
                throw decoder.error("unexpected \(decoder.describeCurrent()) after the end of the JSON document")
            }
            return value
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, limits: ParserLimits, location: String?) {
        self.bytes = bytes
        self.limits = limits
        self.location = location
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws -> JSONLDValue {
        guard index < bytes.count else { throw error("unexpected end of input, expected a JSON value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected \(describeCurrent()), expected a JSON value")
        }
    }

    private mutating func parseObject(depth: Int) throws -> JSONLDValue {
        try checkDepth(depth)
        index += 1
        var object = JSONLDObject()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { index += 1; return .object(object) }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a string key in JSON object, found \(describeCurrent())") }
            let key = try parseString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after JSON object key \"\(key)\", found \(describeCurrent())") }
            index += 1
            skipWhitespace()
            object.set(key, try parseValue(depth: depth + 1))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(object)
            default: throw error("expected ',' or '}' in JSON object, found \(describeCurrent())")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws -> JSONLDValue {
        try checkDepth(depth)
        index += 1
        var values: [JSONLDValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { index += 1; return .array(values) }
        while true {
            skipWhitespace()
            values.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(values)
            default: throw error("expected ',' or ']' in JSON array, found \(describeCurrent())")
            }
        }
    }

    private func checkDepth(_ depth: Int) throws {
        if depth > limits.maxDepth {
            throw error("JSON nesting deeper than \(limits.maxDepth) levels", code: .limitExceeded)
        }
    }

    private mutating func expectWord(_ word: StaticString) throws {
        let start = index
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { expected in
            guard bytes.count - start >= count else { return false }
            for offset in 0..<count where bytes[start + offset] != expected[offset] { return false }
            return true
        }
        guard matches else { throw error("invalid literal, expected '\(word)'") }
        index += count
    }

    // MARK: - Numbers

    private mutating func parseNumber() throws -> JSONLDNumber {
        let start = index
        var isInteger = true
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else { throw error("invalid number: expected a digit") }
        if first == UInt8(ascii: "0") {
            index += 1
            if let next = peek(), isDigit(next) { throw error("invalid number: leading zeros are not allowed") }
        } else {
            skipDigits()
        }
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard let next = peek(), isDigit(next) else { throw error("invalid number: expected a digit after '.'") }
            skipDigits()
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
            guard let next = peek(), isDigit(next) else { throw error("invalid number: expected a digit in the exponent") }
            skipDigits()
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text) else { throw error("invalid number '\(text)'") }
        return JSONLDNumber(text: text, double: value, isIntegerText: isInteger)
    }

    private mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    // MARK: - Strings

    private mutating func parseString() throws -> String {
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                try checkStringSize(index - start)
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("unescaped control character U+\(hex(UInt32(byte))) in JSON string") }
            index += 1
        }
        var scalars = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while true {
            guard index < bytes.count else { throw error("unterminated JSON string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                try checkStringSize(scalars.count)
                return String(decoding: scalars, as: UTF8.self)
            }
            if byte < 0x20 { throw error("unescaped control character U+\(hex(UInt32(byte))) in JSON string") }
            if byte != UInt8(ascii: "\\") {
                scalars.append(byte)
                index += 1
                try checkStringSize(scalars.count)
                continue
            }
            index += 1
            guard let escape = peek() else { throw error("unterminated escape in JSON string") }
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): scalars.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): scalars.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): scalars.append(0x08)
            case UInt8(ascii: "f"): scalars.append(0x0C)
            case UInt8(ascii: "n"): scalars.append(0x0A)
            case UInt8(ascii: "r"): scalars.append(0x0D)
            case UInt8(ascii: "t"): scalars.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try parseUnicodeEscape()
                scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                index -= 1
                throw error("invalid escape '\\\(describeCurrent())' in JSON string")
            }
        }
    }

    private mutating func parseUnicodeEscape() throws -> Unicode.Scalar {
        let high = try parseHex4()
        if (0xD800...0xDBFF).contains(high) {
            guard peek() == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                throw error("unpaired surrogate \\u\(hex(high)) in JSON string")
            }
            index += 2
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate \\u\(hex(high)) in JSON string") }
            let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw error("invalid \\u escape in JSON string") }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else { throw error("unpaired surrogate \\u\(hex(high)) in JSON string") }
        return scalar
    }

    private mutating func parseHex4() throws -> UInt32 {
        guard bytes.count - index >= 4 else { throw error("truncated \\u escape in JSON string") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// Strings are bounded by the larger of the literal and IRI limits; the converter then applies
    /// each limit to the strings that become literals or IRIs.
    private func checkStringSize(_ size: Int) throws {
        let bound = max(limits.maxLiteralBytes, limits.maxIRIBytes)
        if size > bound {
            throw error("JSON string longer than \(bound) bytes", code: .limitExceeded)
        }
    }

    // MARK: - Helpers

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of input" }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private func error(_ message: String, code: RDFParseError.Code = .syntax) -> RDFParseError {
        let (line, column) = JSONLDDecoder.position(of: index, in: bytes)
        return RDFParseError(code, message, line: line, column: column, location: location)
    }

    /// 1-based line and column (in characters) of byte `offset`.
    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var line = 1
        var column = 1
        var position = 0
        let end = min(offset, bytes.count)
        while position < end {
            let byte = bytes[position]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            position += 1
        }
        return (line, column)
    }
}
