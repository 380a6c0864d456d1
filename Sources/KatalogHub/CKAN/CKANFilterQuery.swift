/// The part of Solr's query syntax CKAN clients put in `fq` (and sometimes `q`): clauses `field:value`,
/// `field:"a phrase"`, `field:(a OR "b c")`, `field:[from TO to]`, each optionally prefixed with `+` or `-`,
/// separated by spaces. Clauses are ANDed, as Solr ANDs filter queries.
struct CKANFilterQuery: Equatable, Sendable {
    /// One `field:value` clause.
    struct Clause: Equatable, Sendable {
        var field: String
        /// The values, any of which matches (one unless the clause lists `(a OR b)`).
        var values: [String]
        /// A `[from TO to]` range instead of values.
        var range: Range?
        /// `-field:value`: records with the value are excluded.
        var negated: Bool
    }

    /// `[from TO to]`; `*` is open.
    struct Range: Equatable, Sendable {
        var from: String
        var to: String
    }

    var clauses: [Clause] = []
    /// The words left over (in `q`: the full-text part).
    var text: String = ""

    /// The most clauses one parameter may hold.
    static let maxClauses = 20

    /// Parses `input`. With `fields`, only clauses on those fields are taken out (the rest stays text, as
    /// `q=water:quality` is a search for two words); without, every clause must be `field:value`.
    static func parse(_ input: String, parameter: String, fields: Set<String>? = nil) throws(CKANError) -> CKANFilterQuery {
        var result = CKANFilterQuery()
        var words: [String] = []
        let split: [String]
        do {
            split = try tokens(input, parameter: parameter)
        } catch where fields != nil {
            // Words with an unbalanced quote or bracket are still a search: the search syntax reads them as it does
            // on /api/v1/search.
            result.text = input
            return result
        }
        for token in split {
            if token == "*:*" { continue }
            guard let clause = try clause(token, parameter: parameter), fields.map({ $0.contains(clause.field) }) ?? true else {
                guard fields != nil else {
                    throw CKANError.validation(parameter, "'\(token.prefix(60))' is not a field:value clause")
                }
                words.append(token)
                continue
            }
            result.clauses.append(clause)
            guard result.clauses.count <= maxClauses else {
                throw CKANError.validation(parameter, "more than \(maxClauses) clauses")
            }
        }
        result.text = words.joined(separator: " ")
        return result
    }

    /// Splits on spaces outside quotes, parentheses and brackets.
    private static func tokens(_ input: String, parameter: String) throws(CKANError) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quoted = false
        var depth = 0
        for character in input {
            if quoted {
                current.append(character)
                if character == "\"" { quoted = false }
                continue
            }
            switch character {
            case "\"": quoted = true
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            default: break
            }
            if character.isWhitespace, depth == 0 {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                current.append(character)
            }
            guard depth >= 0 else { throw CKANError.validation(parameter, "a closing bracket without an opening one") }
        }
        guard !quoted else { throw CKANError.validation(parameter, "a quote is not closed") }
        guard depth == 0 else { throw CKANError.validation(parameter, "a bracket is not closed") }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// A token as a clause; nil when it is not `field:value`.
    private static func clause(_ token: String, parameter: String) throws(CKANError) -> Clause? {
        var body = Substring(token)
        var negated = false
        if body.first == "+" {
            body = body.dropFirst()
        } else if body.first == "-" {
            negated = true
            body = body.dropFirst()
        }
        guard let colon = body.firstIndex(of: ":"), colon != body.startIndex else { return nil }
        let field = String(body[..<colon])
        guard field.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }) else { return nil }
        let value = body[body.index(after: colon)...]
        guard !value.isEmpty else { throw CKANError.validation(parameter, "'\(field)' has no value") }
        if value.first == "[" || value.first == "{" {
            guard value.last == "]" || value.last == "}" else { throw CKANError.validation(parameter, "'\(field)': a range must end with ] or }") }
            let inner = value.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
            guard inner.count == 3, inner[1] == "TO" else {
                throw CKANError.validation(parameter, "'\(field)': a range is [from TO to]")
            }
            return Clause(field: field, values: [], range: Range(from: unquote(inner[0]), to: unquote(inner[2])), negated: negated)
        }
        if value.first == "(" {
            guard value.last == ")" else { throw CKANError.validation(parameter, "'\(field)': a list must end with )") }
            var values: [String] = []
            for part in try tokens(String(value.dropFirst().dropLast()), parameter: parameter) {
                if part == "OR" { continue }
                guard part != "AND", part != "NOT" else {
                    throw CKANError.validation(parameter, "'\(field)': only OR may join values in a list")
                }
                values.append(unquote(Substring(part)))
            }
            guard !values.isEmpty else { throw CKANError.validation(parameter, "'\(field)': an empty list") }
            return Clause(field: field, values: values, range: nil, negated: negated)
        }
        return Clause(field: field, values: [unquote(value)], range: nil, negated: negated)
    }

    private static func unquote(_ text: Substring) -> String {
        if text.count >= 2, text.first == "\"", text.last == "\"" { return String(text.dropFirst().dropLast()) }
        return String(text)
    }
}
