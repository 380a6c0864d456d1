/// A decoded JSON value as the JSON-LD converter sees it: object keys keep document order and
/// numbers keep enough information to pick the right XSD datatype.
enum JSONLDValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(JSONLDNumber)
    case string(String)
    case array([JSONLDValue])
    case object(JSONLDObject)

    /// The string when this is a string.
    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The object when this is an object.
    var objectValue: JSONLDObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The value itself wrapped in an array, unless it already is one.
    var asArray: [JSONLDValue] {
        if case .array(let values) = self { return values }
        return [self]
    }

    /// True for strings, numbers and booleans.
    var isScalar: Bool {
        switch self {
        case .string, .number, .bool: return true
        case .null, .array, .object: return false
        }
    }

    /// A short name of the JSON type, for error messages.
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A JSON number: its source text and whether the text had a fraction or an exponent.
struct JSONLDNumber: Hashable, Sendable {
    /// The number exactly as written in the document.
    var text: String
    /// The number's value as a double.
    var double: Double
    /// True when the text is a plain integer (no `.`, no exponent).
    var isIntegerText: Bool
}

/// A JSON object: the entries in document order plus a dictionary for lookup.
/// A repeated key keeps its last value, in the position of its first occurrence.
struct JSONLDObject: Hashable, Sendable {
    private(set) var keys: [String] = []
    private(set) var entries: [String: JSONLDValue] = [:]

    /// An empty object.
    init() {}

    /// Sets `key` to `value`, keeping the first position of a repeated key.
    mutating func set(_ key: String, _ value: JSONLDValue) {
        if entries.updateValue(value, forKey: key) == nil {
            keys.append(key)
        }
    }

    /// Removes `key`.
    mutating func remove(_ key: String) {
        if entries.removeValue(forKey: key) != nil {
            keys.removeAll { $0 == key }
        }
    }

    /// The value of `key`, if present.
    subscript(key: String) -> JSONLDValue? { entries[key] }

    /// The number of entries.
    var count: Int { keys.count }
}
