/// A streaming, strict UTF-8 checker (Unicode Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF)
/// that also counts lines and columns so a bad byte is reported where it is.
///
/// Chunks may split a multi-byte sequence anywhere; the checker carries the partial state over.
struct UTF8Validator: Sendable {
    /// 1-based line of the next byte.
    private(set) var line = 1
    /// 1-based column (in Unicode scalars) of the next scalar.
    private(set) var column = 1
    /// Continuation bytes still expected for the current sequence.
    private var needed = 0
    /// Allowed range for the next continuation byte (narrower after E0, ED, F0, F4).
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    /// Where the sequence being completed started, for the error position.
    private var sequenceLine = 1
    private var sequenceColumn = 1

    /// Checks the next chunk; throws ``RDFParseError/Code/invalidUTF8`` at the first malformed sequence.
    mutating func validate(_ chunk: UnsafeRawBufferPointer) throws {
        let bytes = chunk.bindMemory(to: UInt8.self)
        var line = self.line, column = self.column
        defer { self.line = line; self.column = column }
        var i = 0
        let count = bytes.count
        while i < count {
            if needed == 0, i + 8 <= count, let base = chunk.baseAddress {
                // Fast path: eight ASCII bytes without a line break at a time.
                while i + 8 <= count, UTF8Validator.isPlainASCIIWord(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    column += 8
                    i += 8
                }
                if i >= count { break }
            }
            let byte = bytes[i]
            i += 1
            if needed == 0 {
                if byte < 0x80 {
                    if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
                    continue
                }
                sequenceLine = line
                sequenceColumn = column
                switch byte {
                case 0xC2...0xDF: needed = 1; lower = 0x80; upper = 0xBF
                case 0xE0: needed = 2; lower = 0xA0; upper = 0xBF
                case 0xE1...0xEC, 0xEE...0xEF: needed = 2; lower = 0x80; upper = 0xBF
                case 0xED: needed = 2; lower = 0x80; upper = 0x9F
                case 0xF0: needed = 3; lower = 0x90; upper = 0xBF
                case 0xF1...0xF3: needed = 3; lower = 0x80; upper = 0xBF
                case 0xF4: needed = 3; lower = 0x80; upper = 0x8F
                default:
                    throw invalid(byte, line: line, column: column)
                }
            } else {
                guard byte >= lower && byte <= upper else {
                    throw invalid(byte, line: sequenceLine, column: sequenceColumn)
                }
                lower = 0x80
                upper = 0xBF
                needed -= 1
                if needed == 0 { column += 1 }
            }
        }
    }

    /// True when all eight bytes are ASCII and none is a line feed.
    @inline(__always) static func isPlainASCIIWord(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let flipped = word ^ 0x0A0A_0A0A_0A0A_0A0A
        let hasLineFeed = (flipped &- 0x0101_0101_0101_0101) & ~flipped & high
        return word & high == 0 && hasLineFeed == 0
    }

    /// Throws when the input ended inside a multi-byte sequence.
    func finish() throws {
        if needed != 0 {
            throw RDFParseError(.invalidUTF8, "input ends inside a UTF-8 sequence", line: sequenceLine, column: sequenceColumn)
        }
    }

    private func invalid(_ byte: UInt8, line: Int, column: Int) -> RDFParseError {
        let hex = String(byte, radix: 16, uppercase: true)
        return RDFParseError(.invalidUTF8, "invalid UTF-8 byte 0x\(hex.count == 1 ? "0" + hex : hex)", line: line, column: column)
    }
}
