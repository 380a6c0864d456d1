/// Los, the Norwegian public sector's theme vocabulary, which DCAT-AP-NO catalogues give as `dcat:theme` beside (or
/// instead of) the EU data themes (`https://psi.norge.no/los/tema/natur-klima-og-miljo`).
///
/// ``DataTheme`` maps a Los theme onto the EU theme its words name, where one does (`natur-klima-og-miljo` →
/// `ENVI`); the others stay raw concepts, and this gives them the vocabulary's labels, so the theme facet and the
/// dataset page show "Friluftsliv" (or "Outdoor life") rather than the IRI.
public enum LOSTheme {
    /// The namespace of Los themes, as the vocabulary writes it (catalogues also use `http://`).
    public static let namespace = "https://psi.norge.no/los/tema/"

    struct Entry {
        let slug: String
        /// The slug of the theme above this one; nil for the fourteen main themes.
        let broader: String?
        let labels: [String: String]
    }

    /// The Bokmål, Nynorsk and English labels of the Los theme `iri` names (`http` or `https`, any letter case, with
    /// or without a trailing slash); nil for anything else.
    public static func labels(_ iri: String) -> LocalizedText? {
        slug(of: iri).flatMap { bySlug[$0] }.map { LocalizedText($0.labels) }
    }

    /// The slug of a Los theme IRI, whether or not the vocabulary knows it; nil when `iri` is not one.
    static func slug(of iri: String) -> String? {
        guard iri.utf8.count <= 200 else { return nil }
        var rest = Substring(iri.trimmingWhitespace().lowercased())
        if rest.hasPrefix("https://") {
            rest = rest.dropFirst(8)
        } else if rest.hasPrefix("http://") {
            rest = rest.dropFirst(7)
        } else {
            return nil
        }
        let themes = namespace.dropFirst("https://".count)
        guard rest.hasPrefix(themes) else { return nil }
        rest = rest.dropFirst(themes.count)
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.isEmpty, !rest.contains("/") else { return nil }
        return String(rest)
    }

    static let bySlug: [String: Entry] = Dictionary(entries.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
}
