import KatalogRDF

/// One value of a Dublin Core element: its trimmed text and the language it is in (nil when untagged).
struct DublinCoreValue: Hashable, Sendable {
    /// The element's own text, trimmed; never empty.
    let text: String
    /// The lower-case BCP 47 tag of `xml:lang` (inherited from `oai_dc:dc`, else the harvest's default), nil when none.
    let language: String?
}

/// The fifteen Dublin Core elements of one `oai_dc:dc` record, read once into lists of values by local name.
///
/// Elements in the DC element namespace and in the DCMI terms namespace count alike; any other element is ignored.
/// Each list is capped, so a hostile record costs time linear in its size and memory bounded per element.
struct DublinCoreElements: Sendable {
    /// The local names of the Dublin Core Metadata Element Set.
    static let names: Set<String> = [
        "title", "creator", "subject", "description", "publisher", "contributor", "date", "type", "format",
        "identifier", "source", "language", "relation", "coverage", "rights",
    ]

    /// The most values kept per element: one more than the keyword limit, so an over-long record still shows as such.
    static let valueCap = RecordLimits().maxKeywords + 1

    /// Local name → values in document order; a name that never occurs has no entry.
    private var values: [String: [DublinCoreValue]] = [:]

    /// Reads the direct children of `dc`; an empty element is skipped.
    init(_ dc: XMLElement, defaultLanguage: String?) {
        let fallback = DublinCoreElements.declaredLanguage(dc) ?? LocalizedText.normalizedTag(defaultLanguage)
        for child in dc.children {
            guard let namespace = child.namespace, DublinCoreNamespace.elementNamespaces.contains(namespace),
                  DublinCoreElements.names.contains(child.localName),
                  values[child.localName, default: []].count < DublinCoreElements.valueCap else { continue }
            let text = child.text.trimmingWhitespace()
            guard !text.isEmpty else { continue }
            let tag = DublinCoreElements.declaredLanguage(child) ?? fallback
            values[child.localName, default: []].append(DublinCoreValue(text: text, language: tag.isEmpty ? nil : tag))
        }
    }

    /// The values of the element `name` (`title`, `subject` …), in document order.
    subscript(_ name: String) -> [DublinCoreValue] {
        values[name] ?? []
    }

    /// The normalised `xml:lang` an element declares (`""` for an explicit empty tag), nil when it declares none.
    static func declaredLanguage(_ element: XMLElement) -> String? {
        element.attribute("lang", namespace: DublinCoreNamespace.xml).map(tag(for:))
    }

    /// A BCP 47 tag for an `xml:lang` value: lower-cased, and a bare ISO 639-2 code that has a two-letter form
    /// written in that form (`swe` → `sv`, `eng` → `en`), as some repositories write three-letter codes.
    static func tag(for value: String) -> String {
        let tag = LocalizedText.normalizedTag(value)
        guard tag.count == 3, tag.allSatisfy({ $0 >= "a" && $0 <= "z" }), let short = Language.tag(for: tag) else { return tag }
        return short
    }
}

/// The namespaces an OAI-PMH `oai_dc` record uses.
enum DublinCoreNamespace {
    /// The OAI-PMH container element `oai_dc:dc`.
    static let oaiDC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
    /// The Dublin Core Metadata Element Set, version 1.1.
    static let elements = "http://purl.org/dc/elements/1.1/"
    /// The DCMI Metadata Terms.
    static let terms = "http://purl.org/dc/terms/"
    /// The XML namespace, for `xml:lang`.
    static let xml = "http://www.w3.org/XML/1998/namespace"
    /// The namespaces whose elements are read as Dublin Core.
    static let elementNamespaces: Set<String> = [elements, terms]
}
