extension JSONReader {
    /// One element of the lazily read array: where it is in the bytes, and whether the document holds only a stub of it.
    struct LazyElement {
        var range: Range<Int>
        var hash: Int
        var isStub: Bool
    }

    /// Reads a whole document like ``document()``, except that when it is an object, each element of its array
    /// member `key` is parsed (so every syntax error is still found), passed to `summarise`, and replaced in the
    /// returned document by the summary, or kept when `summarise` returns nil. `lazy` lists every element of the
    /// last such member, in order, with its byte range.
    mutating func document(lazyArray key: String, summarise: (JSONValue) -> JSONValue?) throws(JSONParseError)
        -> (document: JSONValue, lazy: [LazyElement]) {
        skipWhitespace()
        guard index < end, bytes[index] == UInt8(ascii: "{") else { return (try document(), []) }
        index += 1
        var members: [String: JSONValue] = [:]
        var lazy: [LazyElement] = []
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
                    lazy = read.lazy
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
        return (.object(members), lazy)
    }

    /// The array at `index` (depth 2), its elements summarised.
    private mutating func lazyArray(summarise: (JSONValue) -> JSONValue?) throws(JSONParseError)
        -> (elements: [JSONValue], lazy: [LazyElement]) {
        index += 1
        var elements: [JSONValue] = []
        var lazy: [LazyElement] = []
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return (elements, lazy)
        }
        while true {
            skipWhitespace()
            let start = index
            let element = try value(depth: 2)
            if let summary = summarise(element) {
                elements.append(summary)
                lazy.append(LazyElement(range: start..<index, hash: element.hashValue, isStub: true))
            } else {
                elements.append(element)
                lazy.append(LazyElement(range: start..<index, hash: element.hashValue, isStub: false))
            }
            skipWhitespace()
            guard index < end else { throw fail(.unexpectedEnd, "unterminated array") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return (elements, lazy) }
            throw fail(.unexpectedCharacter, "expected ',' or ']'")
        }
    }
}
