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
        if let uri, let code = Concept.lastSegment(of: uri) { return code }
        return raw.lowercased()
    }

    /// The last non-empty `/`-separated part of `uri`, nil when it has none. Every facet term and every rendered hit
    /// asks for keys: an ASCII IRI (vocabulary IRIs are) is read byte by byte, without splitting it into an array.
    static func lastSegment(of uri: String) -> String? {
        let bytes = uri.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            // Split by characters, as ever: a combining mark after a slash makes one character that is not a slash.
            return uri.split(separator: "/").last.map(String.init)
        }
        let slash = UInt8(ascii: "/")
        guard let last = bytes.lastIndex(where: { $0 != slash }) else { return nil }
        let end = bytes.index(after: last)
        let start = bytes[..<end].lastIndex(of: slash).map { bytes.index(after: $0) } ?? bytes.startIndex
        return String(uri[start..<end])
    }
}
