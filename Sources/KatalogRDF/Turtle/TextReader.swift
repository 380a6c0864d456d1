/// Which text grammar a ``TextReader`` accepts.
enum TextDialect: Sendable {
    /// Turtle 1.1.
    case turtle
    /// RDF 1.1 N-Triples (one triple per line, absolute IRIs only).
    case nTriples
}

/// Thrown inside a reader when the buffer ends before the current statement does; the caller rewinds.
struct NeedMoreInput: Error {}

/// A grammar violation found by a ``TextReader``, at a byte offset of its buffer.
struct ReaderFault: Error {
    var code: RDFParseError.Code
    var message: String
    var offset: Int
}

/// The parse state that survives from one statement to the next.
struct TextReaderState: Sendable {
    /// Prefix name (without `:`) → namespace IRI.
    var prefixes: [String: String] = [:]
    /// The current base IRI.
    var base: String?
    /// Prepended to every blank-node label of this parse so labels never collide across parses.
    var blankPrefix: String
    /// Counter for anonymous blank nodes (`[]`, property lists, collection cells).
    var anonymousCount = 0
}

/// A recursive-descent reader over one buffer of bytes; parses one statement per call and records its triples.
///
/// The reader never allocates per byte: it scans `bytes` in place and copies into `scratch` only when escapes
/// must be decoded. Whenever it needs a byte past the end of a non-final buffer it throws ``NeedMoreInput``.
struct TextReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    let isFinal: Bool
    let dialect: TextDialect
    let limits: ParserLimits
    var pos: Int
    var state: TextReaderState
    /// Triples of the statement being parsed; handed to the sink once the statement is complete.
    var pending: [Triple] = []
    var depth = 0
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, pos: Int, isFinal: Bool, dialect: TextDialect, limits: ParserLimits,
         state: TextReaderState) {
        self.bytes = bytes
        self.end = bytes.count
        self.isFinal = isFinal
        self.dialect = dialect
        self.limits = limits
        self.pos = pos
        self.state = state
    }

    // MARK: - Byte access

    /// The byte `offset` places ahead, nil at the true end of input; throws ``NeedMoreInput`` at a chunk end.
    @inline(__always) func peek(_ offset: Int = 0) throws -> UInt8? {
        let i = pos + offset
        if i < end { return bytes[i] }
        if isFinal { return nil }
        throw NeedMoreInput()
    }

    /// Decodes the (already validated) scalar at `index`, returning it and its byte length.
    func scalar(at index: Int) throws -> (value: UInt32, length: Int)? {
        guard index < end else {
            if isFinal { return nil }
            throw NeedMoreInput()
        }
        let b0 = bytes[index]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let length = b0 >= 0xF0 ? 4 : (b0 >= 0xE0 ? 3 : 2)
        guard index + length <= end else {
            if isFinal { throw fault(.invalidUTF8, "input ends inside a UTF-8 sequence", at: index) }
            throw NeedMoreInput()
        }
        var value = UInt32(b0) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
        for k in 1..<length { value = (value << 6) | (UInt32(bytes[index + k]) & 0x3F) }
        return (value, length)
    }

    func fault(_ code: RDFParseError.Code, _ message: String, at offset: Int? = nil) -> ReaderFault {
        ReaderFault(code: code, message: message, offset: offset ?? pos)
    }

    /// A syntax fault at `offset` (default: the current position).
    func fault(_ message: String, at offset: Int? = nil) -> ReaderFault {
        ReaderFault(code: .syntax, message: message, offset: offset ?? pos)
    }

    /// A short, printable description of what is at `pos`, for messages.
    func describeCurrent() -> String {
        guard pos < end else { return "end of input" }
        var stop = pos
        while stop < end, stop - pos < 12, !CharClass.isWhitespace(bytes[stop]) { stop += 1 }
        if stop == pos { stop = pos + 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[pos..<stop]), as: UTF8.self)
        return "'\(text)'"
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    // MARK: - Whitespace

    /// Skips whitespace and comments (Turtle everywhere; N-Triples between statements).
    mutating func skipWhitespace() throws {
        while true {
            guard let c = try peek() else { return }
            if CharClass.isWhitespace(c) {
                pos += 1
            } else if c == UInt8(ascii: "#") {
                try skipComment()
            } else {
                return
            }
        }
    }

    /// Skips spaces and tabs only (inside an N-Triples line).
    mutating func skipInlineWhitespace() throws {
        while let c = try peek(), c == 0x20 || c == 0x09 { pos += 1 }
    }

    /// Skips from `#` to the end of the line (not consuming the line break).
    mutating func skipComment() throws {
        while let c = try peek(), c != 0x0A, c != 0x0D { pos += 1 }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws {
        guard try peek() == byte else {
            throw fault("expected \(what), found \(describeCurrent())")
        }
        pos += 1
    }

    // MARK: - Blank nodes

    mutating func freshBlank() -> Term {
        state.anonymousCount += 1
        return .blank(state.blankPrefix + "x" + String(state.anonymousCount))
    }

    /// `BLANK_NODE_LABEL ::= '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?`, at `_`.
    mutating func readBlankLabel() throws -> Term {
        let start = pos
        pos += 1
        try expect(UInt8(ascii: ":"), "':' after '_' in a blank node label")
        let labelStart = pos
        guard let first = try scalar(at: pos),
              CharClass.isBaseOrUnderscore(first.value) || (first.value < 0x80 && CharClass.isDigit(UInt8(first.value)))
        else { throw fault("invalid blank node label", at: start) }
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
        return .blank(state.blankPrefix + "_" + string(labelStart..<goodEnd))
    }

    // MARK: - Statements

    /// Parses one statement; returns false at a clean end of input.
    mutating func parseStatement() throws -> Bool {
        try skipWhitespace()
        guard let c = try peek() else { return false }
        if dialect == .nTriples {
            try parseNTriplesLine()
            return true
        }
        if c == UInt8(ascii: "@") {
            try parseAtDirective()
            return true
        }
        if CharClass.isAlpha(c), try parseSPARQLDirectiveIfPresent() {
            return true
        }
        try parseTriples()
        try skipWhitespace()
        try expect(UInt8(ascii: "."), "'.' at the end of the statement")
        return true
    }

    mutating func emit(_ subject: Term, _ predicate: String, _ object: Term) {
        pending.append(Triple(subject, predicate, object))
    }
}
