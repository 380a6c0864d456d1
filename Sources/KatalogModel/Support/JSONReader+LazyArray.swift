/// An element of an array read by ``JSONReader/document(lazyArray:summarise:)`` that the document holds only a
/// summary of: where its bytes are, and the hash of its parsed value.
struct SummarisedElement {
    var range: Range<Int>
    var hash: Int
}

extension JSONReader {
    /// Reads a whole document like ``document()``, except that when it is an object, each element of its array
    /// member `key` is parsed (so every syntax error is still found), passed to `summarise`, and replaced in the
    /// returned document by the summary, or kept when `summarise` returns nil. `summarised` gives, by position in
    /// the last such member, every element that was replaced.
    mutating func document(lazyArray key: String, summarise: (JSONValue) -> JSONValue?) throws(JSONParseError)
        -> (document: JSONValue, summarised: [Int: SummarisedElement]) {
        skipWhitespace()
        guard index < end, bytes[index] == UInt8(ascii: "{") else { return (try document(), [:]) }
        index += 1
        var members: [String: JSONValue] = [:]
        var summarised: [Int: SummarisedElement] = [:]
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                guard index < end else { throw fail(.unexpectedEnd, "unterminated object") }
                guard bytes[index] == UInt8(ascii: "\"") else { throw fail(.unexpectedCharacter, "expected a member name") }
                let name = try string()
                skipWhitespace()
                guard index < end else { throw fail(.unexpectedEnd, "unterminated object") }
                guard bytes[index] == UInt8(ascii: ":") else { throw fail(.unexpectedCharacter, "expected ':'") }
                index += 1
                skipWhitespace()
                if name == key, index < end, bytes[index] == UInt8(ascii: "[") {
                    let read = try lazyArray(summarise: summarise)
                    members[name] = .array(read.elements)
                    summarised = read.summarised
                } else {
                    members[name] = try value(depth: 1)
                }
                skipWhitespace()
                guard index < end else { throw fail(.unexpectedEnd, "unterminated object") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; break }
                throw fail(.unexpectedCharacter, "expected ',' or '}'")
            }
        }
        skipWhitespace()
        guard index == end else { throw fail(.trailingData, "data after the JSON value") }
        return (.object(members), summarised)
    }

    /// The array at `index` (depth 2), its elements summarised.
    private mutating func lazyArray(summarise: (JSONValue) -> JSONValue?) throws(JSONParseError)
        -> (elements: [JSONValue], summarised: [Int: SummarisedElement]) {
        index += 1
        var elements: [JSONValue] = []
        var summarised: [Int: SummarisedElement] = [:]
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return (elements, summarised)
        }
        while true {
            skipWhitespace()
            let start = index
            let element = try value(depth: 2)
            if let summary = summarise(element) {
                summarised[elements.count] = SummarisedElement(range: start..<index, hash: element.hashValue)
                elements.append(summary)
            } else {
                elements.append(element)
            }
            skipWhitespace()
            guard index < end else { throw fail(.unexpectedEnd, "unterminated array") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return (elements, summarised) }
            throw fail(.unexpectedCharacter, "expected ',' or ']'")
        }
    }
}
