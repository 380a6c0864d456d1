import Foundation
import KatalogModel
import NIOCore

/// The parameters of a CKAN action call: the query string of a GET, or the JSON object (or form) a POST sends,
/// as CKAN accepts both. Read with CKAN's validation errors (409, naming the field).
struct CKANParameters: Sendable {
    private var values: [String: JSONValue] = [:]
    /// Names in the order given, for the unknown-parameter check.
    private var order: [String] = []

    /// The largest POST body read, in bytes.
    static let maxBodyBytes = 64 * 1024
    /// The longest text value accepted, in Unicode code points (as JSON Schema's `maxLength` counts).
    static let maxValueLength = 2_000

    /// From a query string.
    init(query: String?) throws(CKANError) {
        let parameters: QueryParameters
        do {
            parameters = try QueryParameters(query)
        } catch {
            throw CKANError.badRequest("Bad request - \(error.detail)")
        }
        for (name, value) in parameters.all {
            // A repeated name is a list, as CKAN reads `facet.field=a&facet.field=b` (ckanapi's GET form of a list).
            switch values[name] {
            case nil:
                values[name] = .string(value)
                order.append(name)
            case .array(let items)?:
                values[name] = .array(items + [.string(value)])
            case let first?:
                values[name] = .array([first, .string(value)])
            }
        }
    }

    /// From a POST body: a JSON object, or `application/x-www-form-urlencoded` when `isForm`.
    init(body: ByteBuffer, isForm: Bool) throws(CKANError) {
        let bytes = Data(body.readableBytesView)
        if isForm {
            guard let text = String(data: bytes, encoding: .utf8) else { throw CKANError.badRequest("Bad request - the form is not valid UTF-8") }
            self = try CKANParameters(query: text)
            return
        }
        // No body at all is no parameters; anything else must be a JSON object (white space alone is not JSON, and
        // CKAN answers it with a JSON error too).
        if bytes.isEmpty {
            self = try CKANParameters(query: nil)
            return
        }
        let decoded: JSONValue
        do {
            decoded = try JSONValue.decode(bytes)
        } catch {
            throw CKANError.badRequest("Bad request - JSON Error: the body is not valid JSON (\(String(describing: error).prefix(200)))")
        }
        guard let object = decoded.object else {
            throw CKANError.badRequest("Bad request - JSON Error: the body must be a JSON object of parameters")
        }
        var parameters = try CKANParameters(query: nil)
        for name in object.keys.sorted() {
            parameters.values[name] = object[name]
            parameters.order.append(name)
        }
        self = parameters
    }

    /// Throws a validation error naming the first parameter not in `known`, so a typo never widens an answer.
    func rejectUnknown(_ known: Set<String>) throws(CKANError) {
        for name in order where !known.contains(name) {
            throw CKANError.validation(String(name.prefix(40)), "unknown parameter; known: \(known.sorted().joined(separator: ", "))")
        }
    }

    /// A text parameter; nil when absent, null or empty. A JSON body must give it as a string.
    func string(_ name: String) throws(CKANError) -> String? {
        guard let value = values[name] else { return nil }
        switch value {
        case .null: return nil
        case .string(let text):
            try CKANParameters.check(text, name)
            return text.isEmpty ? nil : text
        case .array: throw CKANError.validation(name, "must be one value, not a list")
        default: throw CKANError.validation(name, "must be text")
        }
    }

    /// The text of a number or boolean parameter (a JSON number or boolean as its text); nil when absent or null,
    /// a validation error when empty.
    private func scalar(_ name: String) throws(CKANError) -> String? {
        switch values[name] {
        case nil, .null?: return nil
        case .int(let number)?: return String(number)
        case .bool(let flag)?: return flag ? "true" : "false"
        case .number?: throw CKANError.validation(name, "Invalid integer")
        case .string(let text)?:
            try CKANParameters.check(text, name)
            guard !text.isEmpty else { throw CKANError.validation(name, "is empty; give a value or leave the parameter out") }
            return text
        case .array?: throw CKANError.validation(name, "must be one value, not a list")
        case .object?: throw CKANError.validation(name, "must be one value, not an object")
        }
    }

    /// Refuses text over ``maxValueLength`` or with control characters (a JSON body can carry what a query string's
    /// decoder already refuses).
    private static func check(_ text: String, _ name: String) throws(CKANError) {
        guard text.unicodeScalars.count <= maxValueLength else {
            throw CKANError.validation(name, "longer than \(maxValueLength) characters")
        }
        guard !QueryParameters.hasControlCharacters(text) else {
            throw CKANError.validation(name, "contains control characters")
        }
    }

    /// A whole number in `range`; `default` when absent. Values above the range are clamped when `clamp` is set
    /// (as CKAN clamps `rows` to its configured maximum), else refused.
    func int(_ name: String, default fallback: Int, in range: ClosedRange<Int>, clamp: Bool = false) throws(CKANError) -> Int {
        guard let text = try scalar(name) else { return fallback }
        guard let value = Int(text.trimmingWhitespace()) else { throw CKANError.validation(name, "Invalid integer") }
        if value > range.upperBound, clamp { return range.upperBound }
        guard range.contains(value) else {
            throw CKANError.validation(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A boolean (`true/false/1/0/yes/no`, any case); nil when absent.
    func bool(_ name: String) throws(CKANError) -> Bool? {
        if case .int? = values[name] { throw CKANError.validation(name, "must be true or false, not a number") }
        guard let text = try scalar(name) else { return nil }
        switch text.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw CKANError.validation(name, "'\(text.prefix(40))' is not true or false")
        }
    }

    /// The `lang` parameter: up to five preferred languages, best first, as normalised tags.
    func languages() throws(CKANError) -> [String] {
        try list("lang", maxItems: 5)?.map { LocalizedText.normalizedTag($0) } ?? []
    }

    /// A list: a JSON array of texts, a text holding one (as CKAN's GET clients send `facet.field`), or
    /// comma-separated text; nil when absent. At most `maxItems` items.
    func list(_ name: String, maxItems: Int = 50) throws(CKANError) -> [String]? {
        guard let value = values[name], !value.isNull else { return nil }
        var items: [JSONValue]
        if let array = value.array {
            items = array
        } else if let text = try string(name) {
            let trimmed = text.trimmingWhitespace()
            if trimmed.hasPrefix("[") {
                guard let decoded = try? JSONValue.decode(Data(trimmed.utf8)), let array = decoded.array else {
                    throw CKANError.validation(name, "not a valid JSON list")
                }
                items = array
            } else {
                items = trimmed.split(separator: ",").map { .string($0.trimmingWhitespace()) }
            }
        } else {
            return nil
        }
        guard items.count <= maxItems else { throw CKANError.validation(name, "\(items.count) items; at most \(maxItems)") }
        var strings: [String] = []
        for item in items {
            guard let text = item.string else { throw CKANError.validation(name, "every item must be text") }
            try CKANParameters.check(text, name)
            if !text.isEmpty { strings.append(text) }
        }
        return strings
    }
}
