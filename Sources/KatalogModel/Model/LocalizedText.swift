/// Text in several languages: language tag → value. The empty tag holds an untagged value.
///
/// Sources with one language still produce a `LocalizedText` (under their declared
/// language, or untagged), so every layer handles multilingual text the same way.
public struct LocalizedText: Hashable, Sendable, Codable {
    /// Language tag (lower-case BCP 47, `""` for untagged) → text.
    public private(set) var values: [String: String]

    /// An empty text.
    public init() { values = [:] }

    /// Creates a text from a map of language → value; empty values are dropped.
    public init(_ values: [String: String]) {
        self.values = [:]
        for (language, value) in values { set(value, language: language) }
    }

    /// Creates an untagged (or single-language) text.
    public init(_ value: String, language: String? = nil) {
        self.values = [:]
        set(value, language: language)
    }

    /// True when no language has a value.
    public var isEmpty: Bool { values.isEmpty }

    /// Languages that have a value, sorted; `""` stands for untagged.
    public var languages: [String] { values.keys.sorted() }

    /// Sets the value for a language; the first non-empty value of a language wins unless `replace` is true.
    public mutating func set(_ value: String, language: String?, replace: Bool = false) {
        let key = LocalizedText.normalizedTag(language)
        guard replace || values[key] == nil else { return }
        let trimmed = value.trimmingWhitespace()
        guard !trimmed.isEmpty else { return }
        values[key] = trimmed
    }

    /// The value in the first preferred language present, then English, untagged, and any other (sorted).
    public func best(_ preferred: [String] = []) -> String? {
        for language in preferred {
            let key = LocalizedText.normalizedTag(language)
            if let value = values[key] { return value }
            // "sv" matches "sv-se" and the reverse.
            if let match = values.keys.sorted().first(where: { $0.hasPrefix(key + "-") || key.hasPrefix($0 + "-") && !$0.isEmpty }) {
                return values[match]
            }
        }
        if let english = values["en"] { return english }
        if let untagged = values[""] { return untagged }
        return values.keys.sorted().first.flatMap { values[$0] }
    }

    /// The language of the value `best(preferred)` returns.
    public func bestLanguage(_ preferred: [String] = []) -> String? {
        guard let value = best(preferred) else { return nil }
        return values.keys.sorted().first { values[$0] == value }
    }

    /// All values, in language order, for indexing.
    public var allValues: [String] { languages.compactMap { values[$0] } }

    /// Decodes from a plain object of language → text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(try container.decode([String: String].self))
    }

    /// Encodes as a plain object of language → text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }

    /// Lower-cases a tag and maps nil to the untagged key.
    public static func normalizedTag(_ tag: String?) -> String {
        String((tag ?? "").trimmingWhitespace().lowercased().map { $0 == "_" ? "-" : $0 })
    }
}

/// A single string with an optional language, e.g. one keyword.
public struct LangString: Hashable, Sendable, Codable {
    /// The text.
    public var value: String
    /// Lower-case language tag, or nil when untagged.
    public var language: String?

    /// Creates a language-tagged string.
    public init(_ value: String, language: String? = nil) {
        self.value = value.trimmingWhitespace()
        let tag = LocalizedText.normalizedTag(language)
        self.language = tag.isEmpty ? nil : tag
    }
}
