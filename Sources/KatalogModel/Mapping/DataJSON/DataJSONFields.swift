/// A reader over one data.json object that checks each field's JSON type as it reads it and collects
/// what is wrong (with the field's path), so a record reports every problem at once.
struct DataJSONFields {
    let object: [String: JSONValue]
    /// The object's path in the document (`dataset[3]`, `dataset[3].distribution[0]`).
    let path: String
    let identifier: String?
    private(set) var problems: [MappingError] = []

    init(_ object: [String: JSONValue], path: String, identifier: String?) {
        self.object = object
        self.path = path
        self.identifier = identifier
    }

    /// The value of a key, nil when absent or `null`.
    func value(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    mutating func problem(_ code: MappingError.Code, _ key: String, _ message: String) {
        problems.append(MappingError(code: code, message: message, field: path + "." + key, recordIdentifier: identifier))
    }

    /// Forgets the "missing field" problems of these keys (fields a kind of record may lack).
    mutating func waiveMissing(_ keys: [String]) {
        let fields = Set(keys.map { path + "." + $0 })
        problems.removeAll { $0.code == .missingField && fields.contains($0.field ?? "") }
    }

    /// Takes over the problems a reader of a nested object (a distribution, a contact) found.
    mutating func absorb(_ nested: DataJSONFields) {
        problems.append(contentsOf: nested.problems)
    }

    /// A string field (trimmed, nil when absent or empty); any other JSON type is a problem.
    mutating func text(_ key: String) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.string else {
            problem(.invalidField, key, "expected a string, found \(DataJSONFields.kind(of: value))")
            return nil
        }
        let trimmed = text.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A string, or (DCAT-US 3.0) an object naming a thing by `@id` or one of `labelKeys`.
    mutating func textOrNode(_ key: String, labelKeys: [String] = ["title", "prefLabel", "label", "name", "description"]) -> String? {
        guard let value = value(key) else { return nil }
        if let object = value.object {
            for candidate in ["@id"] + labelKeys {
                if let text = object[candidate]?.nonEmptyString { return text }
            }
            return nil
        }
        return text(key)
    }

    /// A list of strings: an array of strings (or of nodes, read like ``textOrNode(_:labelKeys:)``) or one string.
    mutating func strings(_ key: String, labelKeys: [String] = ["title", "prefLabel", "label", "name"]) -> [String] {
        guard let value = value(key) else { return [] }
        let items = value.array ?? [value]
        var result: [String] = []
        for (offset, item) in items.enumerated() {
            if let text = item.string {
                let trimmed = text.trimmingWhitespace()
                if !trimmed.isEmpty { result.append(trimmed) }
            } else if let node = item.object {
                if let text = (["@id"] + labelKeys).lazy.compactMap({ node[$0]?.nonEmptyString }).first { result.append(text) }
            } else if !item.isNull {
                problem(.invalidField, "\(key)[\(offset)]", "expected a string, found \(DataJSONFields.kind(of: item))")
            }
        }
        return result
    }

    /// A URI field: it must be an absolute URI (a scheme, no spaces or markup).
    mutating func uri(_ key: String) -> String? {
        guard let text = textOrNode(key, labelKeys: []) else { return nil }
        guard DataJSONFields.isAbsoluteURI(text) else {
            problem(.invalidField, key, "'\(DataJSONFields.excerpt(text))' is not an absolute URI")
            return nil
        }
        return text
    }

    /// A list of URIs; each must be absolute.
    mutating func uris(_ key: String) -> [String] {
        strings(key, labelKeys: []).filter { text in
            guard DataJSONFields.isAbsoluteURI(text) else {
                problem(.invalidField, key, "'\(DataJSONFields.excerpt(text))' is not an absolute URI")
                return false
            }
            return true
        }
    }

    /// Objects under a key: an array of objects or a single object; other elements are problems.
    mutating func objects(_ key: String) -> [(offset: Int, object: [String: JSONValue])] {
        guard let value = value(key) else { return [] }
        if let object = value.object { return [(0, object)] }
        guard let items = value.array else {
            problem(.invalidField, key, "expected an object or an array of objects, found \(DataJSONFields.kind(of: value))")
            return []
        }
        var result: [(Int, [String: JSONValue])] = []
        for (offset, item) in items.enumerated() {
            if let object = item.object {
                result.append((offset, object))
            } else if !item.isNull {
                problem(.invalidField, "\(key)[\(offset)]", "expected an object, found \(DataJSONFields.kind(of: item))")
            }
        }
        return result
    }

    /// The identifier of a dataset (or service) object: a string, a 3.0 `Identifier` object's `@id`,
    /// the first usable element of a 3.0 array, else (DCAT-US 3.0 only) the object's own `@id`.
    /// Nil when there is none; throws when `identifier` has a type no version allows.
    static func identifier(of item: JSONValue, version: DataJSONVersion) throws(MappingError) -> String? {
        guard let object = item.object else { return nil }
        if let value = object["identifier"], !value.isNull {
            let candidates = value.array ?? [value]
            for candidate in candidates {
                if let text = candidate.string?.trimmingWhitespace(), !text.isEmpty { return text }
                if let text = candidate["@id"]?.string?.trimmingWhitespace(), !text.isEmpty { return text }
                if candidate.string == nil, candidate.object == nil, !candidate.isNull {
                    throw MappingError(code: .invalidField, message: "identifier must be a string, found \(kind(of: candidate))",
                                       field: "identifier", recordIdentifier: object["title"]?.nonEmptyString)
                }
            }
        }
        if version == .v3_0, let id = object["@id"]?.string?.trimmingWhitespace(), !id.isEmpty { return id }
        return nil
    }

    /// Language codes from a `language` value (strings or 3.0 `LinguisticSystem` nodes).
    static func languageCodes(_ value: JSONValue?) -> [String] {
        guard let value, !value.isNull else { return [] }
        return (value.array ?? [value]).compactMap { item in
            item.nonEmptyString ?? item["@id"]?.nonEmptyString ?? item["identifier"]?.nonEmptyString ?? item["notation"]?.nonEmptyString
        }
    }

    /// True for an absolute URI: a scheme, then no white space, quotes or angle brackets.
    static func isAbsoluteURI(_ text: String) -> Bool {
        guard text.utf8.count <= 8192, let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first),
              scheme.unicodeScalars.allSatisfy({ $0.isASCII && (isASCIIAlphanumeric($0) || "+-.".unicodeScalars.contains($0)) })
        else { return false }
        let rest = text[text.index(after: colon)...]
        guard !rest.isEmpty else { return false }
        return !text.unicodeScalars.contains { $0.value <= 0x20 || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "\u{7F}" }
    }

    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// The JSON type's name, for messages.
    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The first 60 characters of a value, for messages.
    static func excerpt(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(60)) + "…"
    }
}
