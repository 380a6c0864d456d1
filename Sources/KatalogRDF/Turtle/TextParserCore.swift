/// The streaming engine behind ``TurtleParser`` and ``NTriplesParser``.
///
/// Bytes are checked as UTF-8 and appended to a buffer; complete statements are parsed from the buffer and
/// their triples handed to the sink. When a chunk ends inside a statement, the reader rewinds to the
/// statement's start and the tail stays buffered until more bytes arrive. To keep a long statement from being
/// re-scanned once per chunk, the next attempt waits until the tail has doubled (amortised linear time).
/// The tail is bounded by ``ParserLimits/maxStatementBytes``: memory stays under that plus one chunk.
struct TextParserCore {
    let dialect: TextDialect
    let limits: ParserLimits
    private var state: TextReaderState
    private var buffer: [UInt8] = []
    /// First byte of `buffer` not yet consumed by a complete statement.
    private var consumed = 0
    /// Line and column (in scalars) of `buffer[0]`, for error positions.
    private var baseLine = 1
    private var baseColumn = 1
    private var validator = UTF8Validator()
    /// Do not try to parse again until this many unconsumed bytes are buffered.
    private var retryThreshold = 0
    private var atDocumentStart = true
    private var finished = false

    init(dialect: TextDialect, baseIRI: String?, limits: ParserLimits, blankNodePrefix: String?) {
        self.dialect = dialect
        self.limits = limits
        self.state = TextReaderState(base: baseIRI, blankPrefix: blankNodePrefix ?? TextParserCore.randomPrefix())
    }

    /// Bytes held for an incomplete statement (exposed for memory-bound tests).
    var bufferedBytes: Int { buffer.count - consumed }

    /// A short random label prefix, so that blank nodes of two parses never share a label.
    static func randomPrefix() -> String {
        "b" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
    }

    mutating func feed<Sink: TripleSink>(_ chunk: UnsafeRawBufferPointer, into sink: inout Sink) throws {
        guard !finished else { throw RDFParseError(.syntax, "input fed after finish") }
        guard chunk.count > 0 else { return }
        try validator.validate(chunk)
        compact()
        buffer.append(contentsOf: chunk.bindMemory(to: UInt8.self))
        if atDocumentStart {
            if buffer.count < 3 { return }
            if buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { skipByteOrderMark() }
            atDocumentStart = false
        }
        if bufferedBytes >= retryThreshold {
            try parseBuffered(isFinal: false, into: &sink)
        }
        if bufferedBytes > limits.maxStatementBytes {
            throw error(ReaderFault(code: .limitExceeded,
                                    message: "statement longer than \(limits.maxStatementBytes) bytes",
                                    offset: consumed))
        }
    }

    mutating func finish<Sink: TripleSink>(into sink: inout Sink) throws {
        guard !finished else { return }
        finished = true
        try validator.finish()
        if atDocumentStart, buffer.count >= 3, buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            skipByteOrderMark()
        }
        atDocumentStart = false
        try parseBuffered(isFinal: true, into: &sink)
        buffer = []
        consumed = 0
    }

    private mutating func parseBuffered<Sink: TripleSink>(isFinal: Bool, into sink: inout Sink) throws {
        let bytes = buffer
        let outcome: Result<(Int, TextReaderState), ReaderFault> = try bytes.withUnsafeBufferPointer { pointer in
            var reader = TextReader(bytes: pointer, pos: consumed, isFinal: isFinal, dialect: dialect, limits: limits,
                                    state: state)
            var statementStart = reader.pos
            // A statement cut off by the end of the buffer is read again with more input. Directives change the
            // prefixes and base only once complete, so only the blank-node counter needs rolling back.
            var savedAnonymousCount = reader.state.anonymousCount
            while true {
                do {
                    guard try reader.parseStatement() else { break }
                } catch is NeedMoreInput {
                    reader.state.anonymousCount = savedAnonymousCount
                    reader.pos = statementStart
                    break
                } catch let fault as ReaderFault {
                    return .failure(fault)
                }
                for triple in reader.pending { try sink.consume(triple) }
                reader.pending.removeAll(keepingCapacity: true)
                reader.depth = 0
                statementStart = reader.pos
                savedAnonymousCount = reader.state.anonymousCount
            }
            return .success((statementStart, reader.state))
        }
        switch outcome {
        case .failure(let fault):
            throw error(fault)
        case .success(let (position, newState)):
            consumed = position
            state = newState
            let tail = bufferedBytes
            retryThreshold = tail == 0 ? 0 : min(tail * 2, limits.maxStatementBytes + 1)
        }
    }

    /// Skips a leading UTF-8 byte order mark; it does not count as a column.
    private mutating func skipByteOrderMark() {
        consumed = 3
        baseColumn = 0
    }

    /// Drops consumed bytes from the front of the buffer, advancing the base line and column.
    private mutating func compact() {
        guard consumed > 0 else { return }
        (baseLine, baseColumn) = advance(line: baseLine, column: baseColumn, over: 0..<consumed)
        buffer.removeSubrange(0..<consumed)
        consumed = 0
    }

    private func advance(line: Int, column: Int, over range: Range<Int>) -> (Int, Int) {
        var line = line, column = column
        buffer.withUnsafeBufferPointer { bytes in
            guard let base = UnsafeRawPointer(bytes.baseAddress) else { return }
            var i = range.lowerBound
            while i < range.upperBound {
                if i + 8 <= range.upperBound,
                   UTF8Validator.isPlainASCIIWord(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    column += 8
                    i += 8
                    continue
                }
                let c = bytes[i]
                i += 1
                if c == 0x0A {
                    line += 1
                    column = 1
                } else if c & 0xC0 != 0x80 {
                    column += 1
                }
            }
        }
        return (line, column)
    }

    private func error(_ fault: ReaderFault) -> RDFParseError {
        let (line, column) = advance(line: baseLine, column: baseColumn, over: 0..<min(fault.offset, buffer.count))
        return RDFParseError(fault.code, fault.message, line: line, column: column)
    }
}
