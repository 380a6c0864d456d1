/// A value that may map onto a controlled vocabulary: the raw source value is always kept beside the mapped IRI.
///
/// Licences, formats, themes, languages, access rights and frequencies are concepts.
public struct Concept: Hashable, Sendable, Codable {
    /// The value exactly as the source gave it (an IRI, a code, a label).
    public var raw: String
    /// The vocabulary IRI the raw value was mapped to, when one is known.
    public var uri: String?
    /// A display label, when the source or the vocabulary provides one.
    public var label: LocalizedText?

    /// Creates a concept.
    public init(raw: String, uri: String? = nil, label: LocalizedText? = nil) {
        self.raw = raw.trimmingWhitespace()
        self.uri = uri
        self.label = label
    }

    /// The key used for facets and filters: the mapped IRI's code when known, else the raw value lower-cased.
    public var key: String {
        if let uri, let code = uri.split(separator: "/").last, !code.isEmpty { return String(code) }
        return raw.lowercased()
    }
}
