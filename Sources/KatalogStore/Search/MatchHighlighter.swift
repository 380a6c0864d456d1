import Foundation
import GRDB
import GRDBSQLite

/// What FTS5's `highlight(datasets_fts, column, open, close)` returns for a search's hits, computed in Swift from
/// the column's text, which the decoded record already gives.
///
/// `highlight()` in SQL needs the hits' rows matched again: `… MATCH ? AND rowid IN (20 keys)` runs the whole
/// expression once per key. On the benchmark catalogue that was 2.3 ms of a 7 ms two-word search, ten times the
/// cost of reading the 20 records. This does what `highlight()` does, with the table's own tokenizer:
/// - the text is split into tokens with `unicode61 remove_diacritics 2`, each query phrase likewise;
/// - an instance of a phrase is a run of consecutive tokens equal to the phrase's tokens (the last one only
///   starting with it for a prefix phrase);
/// - instances that overlap are merged, and each merged run is wrapped in the markers, from the first
///   token's first byte to the last token's last byte; everything else is copied as it is.
/// Only the positive phrases count: a matched row holds none of a query's excluded phrases.
/// `MatchHighlighterTests` compares the result with SQL's `highlight()`.
struct MatchHighlighter {
    private struct Phrase {
        var tokens: [[UInt8]]
        var prefix: Bool
    }

    private let phrases: [Phrase]
    private let tokenizer: any FTS5Tokenizer

    /// The tokenizer of `datasets_fts` (see the schema).
    static let tokenizerDescriptor = FTS5TokenizerDescriptor(components: ["unicode61", "remove_diacritics", "2"])

    /// A highlighter for a query's positive terms (as ``QueryParser`` parses them); nil when there are none.
    init?(_ db: Database, terms: [QueryParser.Term]) throws {
        guard !terms.isEmpty else { return nil }
        let tokenizer = try db.makeTokenizer(MatchHighlighter.tokenizerDescriptor)
        self.tokenizer = tokenizer
        phrases = try terms.map { term in
            Phrase(tokens: try MatchHighlighter.tokens(of: term.text, tokenizer: tokenizer, query: true).map(\.bytes),
                   prefix: term.prefix)
        }
    }

    /// `text` with every merged run of phrase instances wrapped in `open` and `close`.
    func highlight(_ text: String, open: Character, close: Character) throws -> String {
        let tokens = try MatchHighlighter.tokens(of: text, tokenizer: tokenizer, query: false)
        var ranges: [(start: Int, end: Int)] = []
        for position in tokens.indices {
            for phrase in phrases where !phrase.tokens.isEmpty && matches(phrase, tokens, at: position) {
                let end = position + phrase.tokens.count - 1
                if let last = ranges.last, position <= last.end {
                    ranges[ranges.count - 1].end = max(last.end, end)
                } else {
                    ranges.append((position, end))
                }
            }
        }
        guard !ranges.isEmpty else { return text }
        let bytes = Array(text.utf8)
        let (opening, closing) = (Array(String(open).utf8), Array(String(close).utf8))
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + ranges.count * (opening.count + closing.count))
        var copied = 0
        for range in ranges {
            output += bytes[copied..<tokens[range.start].start]
            output += opening
            output += bytes[tokens[range.start].start..<tokens[range.end].end]
            output += closing
            copied = tokens[range.end].end
        }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    private func matches(_ phrase: Phrase, _ tokens: [Token], at position: Int) -> Bool {
        guard position + phrase.tokens.count <= tokens.count else { return false }
        for (index, wanted) in phrase.tokens.enumerated() {
            let found = tokens[position + index].bytes
            if phrase.prefix && index == phrase.tokens.count - 1 {
                guard found.starts(with: wanted) else { return false }
            } else {
                guard found == wanted else { return false }
            }
        }
        return true
    }

    /// One token: its folded bytes and where it stands in the text (UTF-8 offsets).
    private struct Token {
        var bytes: [UInt8]
        var start: Int
        var end: Int
    }

    private final class Collected {
        var tokens: [Token] = []
    }

    private static func tokens(of text: String, tokenizer: any FTS5Tokenizer, query: Bool) throws -> [Token] {
        let utf8 = ContiguousArray(text.utf8)
        let collected = Collected()
        let code = utf8.withUnsafeBufferPointer { buffer -> CInt in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return SQLITE_OK }
            let context = Unmanaged.passUnretained(collected).toOpaque()
            return tokenizer.tokenize(
                context: context, tokenization: query ? .query : .aux,
                pText: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), nText: CInt(buffer.count),
                tokenCallback: { context, flags, token, length, start, end in
                    guard let context else { return SQLITE_ERROR }
                    // Colocated tokens (synonyms) take no position of their own; unicode61 makes none.
                    if flags & 0x0001 != 0 { return SQLITE_OK }
                    let collected = Unmanaged<Collected>.fromOpaque(context).takeUnretainedValue()
                    let bytes = token.map { pointer in
                        Array(UnsafeRawBufferPointer(start: pointer, count: Int(length)))
                    } ?? []
                    collected.tokens.append(Token(bytes: bytes, start: Int(start), end: Int(end)))
                    return SQLITE_OK
                })
        }
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "tokenizing text for highlighting failed")
        }
        return collected.tokens
    }
}
