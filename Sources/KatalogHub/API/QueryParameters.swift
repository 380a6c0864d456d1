import HTTPTypes
import KatalogModel

/// The query string of a request, decoded strictly: `+` is a space, percent-escapes must form valid UTF-8,
/// and the number and size of parameters are bounded.
struct QueryParameters: Sendable {
    private var pairs: [(String, String)] = []

    /// Most parameters accepted in one query string.
    static let maxParameters = 100
    /// Longest query string accepted, in bytes.
    static let maxQueryBytes = 16 * 1024

    init(_ query: String?) throws(APIError) {
        guard let query, !query.isEmpty else { return }
        guard query.utf8.count <= QueryParameters.maxQueryBytes else {
            throw APIError(.badRequest, "the query string is \(query.utf8.count) bytes, over the limit of \(QueryParameters.maxQueryBytes)")
        }
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            guard pairs.count < QueryParameters.maxParameters else {
                throw APIError(.badRequest, "more than \(QueryParameters.maxParameters) query parameters")
            }
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try QueryParameters.decode(pieces[0], parameter: String(pieces[0].prefix(40)))
            let value = pieces.count > 1 ? try QueryParameters.decode(pieces[1], parameter: name) : ""
            pairs.append((name, value))
        }
    }

    /// The first value of a parameter; an empty value counts as absent.
    func get(_ name: String) -> String? {
        pairs.first { $0.0 == name && !$0.1.isEmpty }?.1
    }

    /// The value of a number or boolean parameter: nil when absent, a 400 when present but empty.
    private func typed(_ name: String) throws(APIError) -> String? {
        guard let pair = pairs.first(where: { $0.0 == name }) else { return nil }
        guard !pair.1.isEmpty else { throw APIError.badParameter(name, "is empty; give a value or leave the parameter out") }
        return pair.1
    }

    /// All values of a parameter, repeated or comma-separated, without empty ones.
    func list(_ name: String) -> [String] {
        pairs.filter { $0.0 == name }.flatMap { $0.1.split(separator: ",").map { $0.trimmingWhitespace() } }.filter { !$0.isEmpty }
    }

    /// Throws a 400 naming the first parameter not in `known`, so typos do not silently change an answer.
    func rejectUnknown(_ known: Set<String>) throws(APIError) {
        for name in names where !known.contains(name) {
            throw APIError.badParameter(String(name.prefix(40)), "unknown parameter; known: \(known.sorted().joined(separator: ", "))")
        }
    }

    /// Every parameter in order, repeats and empty values included.
    var all: [(name: String, value: String)] { pairs.map { (name: $0.0, value: $0.1) } }

    /// Names of all parameters present.
    var names: [String] { pairs.map(\.0) }

    /// How many times a parameter is given (before comma-separated values are split).
    func occurrences(of name: String) -> Int {
        pairs.lazy.filter { $0.0 == name }.count
    }

    /// An integer parameter within a range; nil when absent.
    func int(_ name: String, in range: ClosedRange<Int>) throws(APIError) -> Int? {
        guard let text = try typed(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badParameter(name, "'\(text.prefix(40))' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A boolean parameter (`true/false/1/0/yes/no`); nil when absent.
    func bool(_ name: String) throws(APIError) -> Bool? {
        guard let text = try typed(name) else { return nil }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw APIError.badParameter(name, "'\(text.prefix(40))' is not true or false")
        }
    }

    /// True when the text holds a control character other than tab, which no parameter may.
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" }
    }

    private static func decode(_ text: Substring, parameter: String) throws(APIError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw APIError.badParameter(parameter, "a malformed percent-escape")
                }
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw APIError.badParameter(parameter, "not valid UTF-8 after percent-decoding")
        }
        guard !hasControlCharacters(decoded) else {
            throw APIError.badParameter(parameter, "contains control characters")
        }
        return decoded
    }
}

private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
}
