import Foundation

/// A JSON document as a value: what CKAN package dicts and data.json entries are decoded into.
///
/// Integers stay exact in ``int(_:)``; other numbers are ``number(_:)``. Object key order is not kept;
/// a repeated key keeps its last value.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer that fits in 64 bits.
    case int(Int64)
    /// Any other number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])
}

extension JSONValue {
    /// Decodes a JSON document from bytes (with the fast reader in ``parse(_:)``; the `Codable`
    /// conformance gives the same values through `JSONDecoder`).
    public static func decode(_ data: Data) throws -> JSONValue {
        try parse(data)
    }

    /// Compact JSON with keys sorted by their UTF-8 bytes and `/` unescaped: byte for byte what Foundation's
    /// `JSONEncoder` writes for this value's `Encodable` conformance with `[.sortedKeys, .withoutEscapingSlashes]`,
    /// so the same value gives the same bytes (CKAN and data.json raw records, and their content hashes, are these
    /// bytes). Written by hand: through `JSONEncoder` it was a seventh of a CKAN harvest's CPU. `JSONWriterTests`
    /// compares the two. Never throws; `throws` is kept for the callers written against the encoder.
    public func encoded() throws -> Data {
        let sink = JSONByteSink()
        write(to: sink)
        return Data(sink.bytes)
    }

    private func write(to sink: JSONByteSink) {
        switch self {
        case .null: sink.appendASCII("null")
        case .bool(let value): sink.appendASCII(value ? "true" : "false")
        case .int(let value): sink.appendASCII(String(value))
        case .number(let value): sink.appendASCII(JSONValue.foundationText(of: value))
        case .string(let value): sink.appendString(value)
        case .array(let elements): JSONObjectWriter.array(elements, to: sink) { $0.write(to: sink) }
        case .object(let members): JSONObjectWriter.dictionary(members, to: sink) { $0.write(to: sink) }
        }
    }

    /// A number as Foundation's `JSONEncoder` writes a `Double`: its shortest round-tripping `description`
    /// without a trailing `.0` (`-125`, `0.1`, `1e+20`, `2.5e-05`); `null` for NaN and infinities, which the
    /// `Encodable` conformance encodes as nil (no parsed document has them).
    static func foundationText(of value: Double) -> String {
        guard value.isFinite else { return "null" }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// The member of an object, or nil for a missing key or a non-object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The element of an array, or nil when out of range or not an array.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let elements) = self, elements.indices.contains(index) { return elements[index] }
        return nil
    }

    /// The string, when this is a string.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The elements, when this is an array.
    public var array: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, when this is an object.
    public var object: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The boolean, when this is a boolean.
    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// True for `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value as a number, when it is one (integers included).
    public var double: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }

    /// The value as an exact integer: integers, integral numbers, and strings holding an integer.
    public var int64: Int64? {
        switch self {
        case .int(let value): return value
        case .number(let value):
            guard value.isFinite, value.rounded() == value, abs(value) < 9.2e18 else { return nil }
            return Int64(value)
        case .string(let text): return Int64(text.trimmingWhitespace())
        default: return nil
        }
    }

    /// Lenient text: strings as they are, numbers and booleans as their JSON text; nil otherwise.
    public var stringValue: String? {
        switch self {
        case .string(let value): return value
        case .int(let value): return String(value)
        case .number(let value):
            if value.isFinite, value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
            return String(value)
        case .bool(let value): return value ? "true" : "false"
        default: return nil
        }
    }

    /// Lenient text, trimmed, nil when empty.
    public var nonEmptyString: String? {
        guard let text = stringValue?.trimmingWhitespace(), !text.isEmpty else { return nil }
        return text
    }
}

extension JSONValue {
    /// Numbers compare by value: `.int(125)` equals `.number(125.0)`, as both are the JSON number 125.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.int(let a), .number(let b)), (.number(let b), .int(let a)): return Double(exactly: a) == b && JSONValue.number(b).int64 == a
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }

    /// Hashes consistently with `==`: an integral number hashes as the integer.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(1); hasher.combine(value)
        case .int(let value): hasher.combine(2); hasher.combine(value)
        case .number(let value):
            if let exact = JSONValue.number(value).int64, Double(exactly: exact) == value {
                hasher.combine(2); hasher.combine(exact)
            } else {
                hasher.combine(3); hasher.combine(value)
            }
        case .string(let value): hasher.combine(4); hasher.combine(value)
        case .array(let value): hasher.combine(5); hasher.combine(value)
        case .object(let value): hasher.combine(6); hasher.combine(value)
        }
    }
}
