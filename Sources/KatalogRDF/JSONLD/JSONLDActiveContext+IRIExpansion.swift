extension JSONLDActiveContext {
    /// Keywords of JSON-LD 1.1.
    static let keywords: Set<String> = [
        "@base", "@container", "@context", "@direction", "@graph", "@id", "@import", "@included", "@index",
        "@json", "@language", "@list", "@nest", "@none", "@prefix", "@propagate", "@protected", "@reverse",
        "@set", "@type", "@value", "@version", "@vocab",
    ]

    /// True for strings of the form `@` followed by letters only, which JSON-LD reserves for keywords.
    static func hasKeywordForm(_ value: String) -> Bool {
        guard value.utf8.count > 1, value.hasPrefix("@") else { return false }
        return value.utf8.dropFirst().allSatisfy { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
    }

    /// IRI expansion (JSON-LD 1.1 API §5.2) once any term definitions it needs exist.
    /// Returns nil when the value maps to nothing (a `null` term or an unknown keyword-like string).
    func expandIRI(_ value: String, documentRelative: Bool = false, vocab: Bool = false) -> String? {
        if Self.keywords.contains(value) { return value }
        if Self.hasKeywordForm(value) { return nil }
        if let definition = terms[value] {
            if let iri = definition.iri, Self.keywords.contains(iri) { return iri }
            if vocab { return definition.iri }
        }
        if let colon = value.firstIndex(of: ":"), colon != value.startIndex {
            let prefix = String(value[..<colon])
            let suffix = value[value.index(after: colon)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let definition = terms[prefix], let iri = definition.iri, definition.isPrefix {
                return iri + suffix
            }
            if IRI.isAbsolute(value) { return value }
        }
        if vocab, let vocabulary { return vocabulary + value }
        if documentRelative { return IRI.resolve(value, against: baseIRI) }
        return value
    }

    /// The definition of `term`, if any.
    func definition(_ term: String?) -> JSONLDTermDefinition? {
        guard let term else { return nil }
        return terms[term]
    }

    /// True when the key expands (through an alias or directly) to `keyword`.
    func isKeyword(_ key: String, _ keyword: String) -> Bool {
        expandIRI(key, vocab: true) == keyword
    }
}
