import Foundation

/// A read-only view of a CKAN package dict that finds DCAT fields wherever CKAN puts them:
/// at the top level (ckanext-scheming), in `extras` as `key` or legacy `dcat_key`.
struct CKANFields {
    let package: [String: JSONValue]
    let extras: [String: JSONValue]
    /// Extras keys in their published order, for the leftovers kept in the model.
    let extraKeys: [String]

    init(_ package: [String: JSONValue]) {
        self.package = package
        var extras: [String: JSONValue] = [:]
        var keys: [String] = []
        if let list = package["extras"]?.array {
            for item in list {
                guard let key = item["key"]?.nonEmptyString, let value = item["value"] else { continue }
                if extras[key] == nil { keys.append(key) }
                extras[key] = value
            }
        } else if let object = package["extras"]?.object {
            // Some portals publish extras as a plain object.
            for key in object.keys.sorted() {
                keys.append(key)
                extras[key] = object[key]
            }
        }
        self.extras = extras
        self.extraKeys = keys
    }

    /// A DCAT field: top level first, then extras `key`, then extras `dcat_key`.
    func value(_ key: String) -> JSONValue? {
        for candidate in [package[key], extras[key], extras["dcat_" + key]] {
            if let candidate, !candidate.isNull, candidate.nonEmptyString != nil || candidate.array != nil || candidate.object != nil {
                return candidate
            }
        }
        return nil
    }

    /// A DCAT field as trimmed text, nil when absent or empty.
    func text(_ key: String) -> String? {
        value(key)?.nonEmptyString
    }

    /// The first of several field names that has text.
    func text(_ keys: [String]) -> String? {
        keys.lazy.compactMap { text($0) }.first
    }

    /// A DCAT list field: a JSON array, a string holding a JSON array, or a comma-separated string.
    func list(_ key: String, splitCommas: Bool = true) -> [String] {
        guard let value = value(key) else { return [] }
        return CKANFields.strings(in: value, splitCommas: splitCommas)
    }

    /// The strings of a list-ish value.
    static func strings(in value: JSONValue, splitCommas: Bool = true) -> [String] {
        if let array = value.array {
            return array.compactMap(\.nonEmptyString)
        }
        guard let text = value.nonEmptyString else { return [] }
        if text.hasPrefix("["), let data = text.data(using: .utf8), let decoded = try? JSONValue.decode(data), let array = decoded.array {
            return array.compactMap(\.nonEmptyString)
        }
        if text.hasPrefix("{") { return [text] }
        guard splitCommas else { return [text] }
        return text.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// An object-valued field, decoding a JSON object or array held in a string.
    func structured(_ key: String) -> JSONValue? {
        guard let value = value(key) else { return nil }
        if let text = value.string?.trimmingWhitespace(), text.hasPrefix("{") || text.hasPrefix("["),
           let data = text.data(using: .utf8), let decoded = try? JSONValue.decode(data) {
            return decoded
        }
        return value
    }

    /// A language map (`{"sv": "…", "en": "…"}`) as a localized text; string values only.
    static func languageMap(_ value: JSONValue?) -> LocalizedText {
        var text = LocalizedText()
        guard let object = value?.object else { return text }
        for language in object.keys.sorted() {
            if let value = object[language]?.nonEmptyString { text.set(value, language: language) }
        }
        return text
    }

    /// Adds a plain value under `language` unless one of the translations already says the same thing.
    static func merge(_ plain: String?, into text: inout LocalizedText, language: String?) {
        guard let plain = plain?.trimmingWhitespace(), !plain.isEmpty else { return }
        if text.values.values.contains(plain) { return }
        let tag = language ?? ""
        if text.values[LocalizedText.normalizedTag(tag)] != nil {
            // The language already has a translation that differs: keep the plain value untagged.
            text.set(plain, language: nil)
        } else {
            text.set(plain, language: tag)
        }
    }

    /// True for an absolute http(s) URL.
    static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && lower.count > 8 && !lower.contains(" ")
    }
}
