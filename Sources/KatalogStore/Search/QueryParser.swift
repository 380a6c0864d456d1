import Foundation

/// Turns the user's search text into an FTS5 expression built only from quoted strings and operators.
///
/// Syntax: words are ANDed; `"exact phrase"`; `OR` between two terms; `-word`, `-"phrase"` or `NOT word`
/// to exclude; a trailing `*` for a prefix; `AND` is accepted and ignored. Anything else is literal text:
/// an unclosed quote runs to the end, a lone `-`, `*`, `OR` at an edge, or brackets are dropped,
/// control characters count as spaces. Terms without a letter or digit are dropped.
struct QueryParser {
    /// The longest query, in Unicode scalars.
    static let maxLength = 1_000
    /// The most terms (words and phrases) a query may have.
    static let maxTerms = 32
    /// The fewest letters or digits a prefix (`stat*`) must have. FTS5 merges the posting lists of every word that
    /// begins with the prefix before it can match anything, and that merge cannot be interrupted: with a million
    /// datasets, 32 one-letter prefixes ORed (`a* OR b* OR …`) kept a core busy for 11 s, 32 two-letter ones 3 s
    /// (BENCHMARKS.md, "Prefix searches"). Completing one letter is what `/api/v1/suggest` is for.
    static let minPrefixLength = 2

    /// One word or phrase.
    struct Term: Equatable {
        var text: String
        var prefix = false
        var excluded = false
    }

    private enum Token: Equatable {
        case term(Term)
        case or
        case not
    }

    /// The FTS5 expression for `text`, or nil when the text is blank (match everything).
    /// What a query text asks for.
    enum Plan: Equatable {
        /// No text: every dataset.
        case everything
        /// Text without a single indexable word (only punctuation or symbols): no dataset can match.
        case nothing
        /// An FTS5 expression the datasets must match.
        case match(String)
        /// Only exclusions (`-draft`): every dataset except those matching this FTS5 expression.
        case excluding(String)
    }

    static func plan(for text: String) throws -> Plan {
        plan(try parse(text), text: text)
    }

    /// The plan for `groups`, ``parse(_:)``'s reading of `text`.
    static func plan(_ groups: Groups, text: String) -> Plan {
        let excluded = groups.excluded.isEmpty ? nil : groups.excluded.map(quoted).joined(separator: " OR ")
        guard !groups.positive.isEmpty else {
            if let excluded { return .excluding(excluded) }
            let hasContent = text.unicodeScalars.contains { !$0.properties.isWhitespace && $0.properties.generalCategory != .control }
            return hasContent ? .nothing : .everything
        }
        let positive = groups.positive.map { group in
            "(" + group.map(quoted).joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
        guard let excluded else { return .match(positive) }
        return .match("(" + positive + ") NOT (" + excluded + ")")
    }

    /// The quoted phrases of the `.match` expression ``plan(_:text:)`` makes of `groups`, in the order they appear
    /// in it (FTS5 numbers a query's phrases that way): the positive terms group by group, then the excluded ones.
    static func phrases(_ groups: Groups) -> [String] {
        groups.positive.flatMap { $0.map(quoted) } + groups.excluded.map(quoted)
    }

    /// A query's terms: the positive ones as OR-groups (ANDed together), and the excluded ones.
    typealias Groups = (positive: [[Term]], excluded: [Term])

    /// The positive terms as OR-groups (ANDed together) and the excluded terms.
    static func parse(_ text: String) throws -> Groups {
        let scalarCount = text.unicodeScalars.count
        guard scalarCount <= maxLength else {
            throw StoreError(.invalidQuery, "the query is \(scalarCount) characters long; the limit is \(maxLength)")
        }
        let tokens = tokenize(text)
        let termCount = tokens.filter { if case .term = $0 { true } else { false } }.count
        guard termCount <= maxTerms else {
            throw StoreError(.invalidQuery, "the query has \(termCount) words or phrases; the limit is \(maxTerms)")
        }
        for case .term(let term) in tokens where term.prefix {
            let letters = prefixLetters(term.text)
            guard letters >= minPrefixLength else {
                throw StoreError(.invalidQuery, "'\(term.text.prefix(100))*' asks for every word that begins with \(letters) letter; "
                    + "a prefix needs at least \(minPrefixLength) letters or digits before the '*'")
            }
        }
        var positive: [[Term]] = []
        var excluded: [Term] = []
        var pendingOr = false
        var pendingNot = false
        var lastWasPositive = false
        for token in tokens {
            switch token {
            case .or:
                pendingOr = lastWasPositive
            case .not:
                pendingNot = true
            case .term(var term):
                if pendingNot { term.excluded = true }
                pendingNot = false
                if term.excluded {
                    excluded.append(term)
                    lastWasPositive = false
                    pendingOr = false
                } else {
                    if pendingOr, !positive.isEmpty {
                        positive[positive.count - 1].append(term)
                    } else {
                        positive.append([term])
                    }
                    lastWasPositive = true
                    pendingOr = false
                }
            }
        }
        return (positive, excluded)
    }

    private static func quoted(_ term: Term) -> String {
        "\"" + term.text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (term.prefix ? " *" : "")
    }

    /// True when the text holds something the unicode61 tokenizer indexes (a letter, a digit, a private-use character).
    static func hasTokenCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .privateUse:
                return true
            default:
                return false
            }
        }
    }

    /// The letters and digits of the word a `*` after `text` makes a prefix of: its last word as the tokenizer splits
    /// it (`"air q"*` → `q`), combining marks not counted (`e\u{301}` is one letter).
    static func prefixLetters(_ text: String) -> Int {
        var count = 0
        var started = false
        for scalar in text.unicodeScalars.reversed() {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                started = true
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .privateUse:
                started = true
                count += 1
            default:
                // A separator: before the last word's letters it is trailing punctuation, after them the word ended.
                if started { return count }
            }
        }
        return count
    }

    private static func tokenize(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 })
        var tokens: [Token] = []
        var index = 0
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }
        while index < scalars.count {
            if isSpace(scalars[index]) {
                index += 1
                continue
            }
            var excluded = false
            if scalars[index] == "-", index + 1 < scalars.count, !isSpace(scalars[index + 1]) {
                excluded = true
                index += 1
            }
            var body = String.UnicodeScalarView()
            var isPhrase = false
            if scalars[index] == "\"" {
                isPhrase = true
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    body.append(scalars[index])
                    index += 1
                }
                index += 1 // the closing quote, or past the end
            } else {
                while index < scalars.count, !isSpace(scalars[index]), scalars[index] != "\"" {
                    body.append(scalars[index])
                    index += 1
                }
            }
            var prefix = false
            while index < scalars.count, scalars[index] == "*" {
                prefix = true
                index += 1
            }
            var word = String(body)
            if !isPhrase {
                if !excluded, word == "OR" { tokens.append(.or); continue }
                if !excluded, word == "AND" { continue }
                if !excluded, word == "NOT" { tokens.append(.not); continue }
                while word.hasSuffix("*") {
                    word.removeLast()
                    prefix = true
                }
            }
            guard hasTokenCharacter(word) else { continue }
            tokens.append(.term(Term(text: word, prefix: prefix, excluded: excluded)))
        }
        return tokens
    }
}
