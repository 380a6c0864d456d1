import KatalogModel
import KatalogStore
import Synchronization

/// Renders the search page: the box, facet filters with counts, hits with highlighted snippets, paging.
struct SearchPage {
    static let facetOrder = ["publisher", "theme", "format", "licence", "language", "source"]

    let language: UILanguage
    let text: String
    let filters: [(facet: String, value: String)]
    let result: SearchResult?
    let error: String?
    let cursor: String?
    /// The facet whose every value is listed (`more=`), when one is.
    var expanded: String? = nil

    /// Values a facet lists before its "show all" link.
    static let shortList = 12
    /// Values a facet lists when expanded.
    static let longList = 1_000

    func render() -> String {
        let strings = language.strings
        var body = """
            <form class="search" action="/" method="get">
            <input type="hidden" name="lang" value="\(language.rawValue)">
            \(filters.map { "<input type=\"hidden\" name=\"\(HTML.escape($0.facet))\" value=\"\(HTML.escape($0.value))\">" }.joined())
            <input type="search" name="q" value="\(HTML.escape(text))" placeholder="\(HTML.escape(strings.placeholder))" aria-label="\(HTML.escape(strings.searchButton))">
            <button type="submit">\(HTML.escape(strings.searchButton))</button>
            </form>
            """
        if let error {
            body += "<p class=\"error\"><strong>\(HTML.escape(strings.searchFailed))</strong> \(HTML.escape(error))</p>"
        }
        guard let result else { return HTML.page(title: strings.title, language: language, body: body) }
        body += "<div class=\"layout\"><aside>\(facets(result))</aside><section>"
        body += "<p class=\"summary\">\(HTML.escape(strings.results(result.total)))</p>"
        if result.hits.isEmpty { body += "<p>\(HTML.escape(strings.noResults))</p>" }
        for hit in result.hits { body += self.hit(hit) }
        body += "<p class=\"pager\">"
        if cursor != nil { body += "<a href=\"/\(link(cursor: nil))\">\(HTML.escape(strings.firstPage))</a> " }
        if let next = result.nextCursor { body += "<a rel=\"next\" href=\"/\(link(cursor: next))\">\(HTML.escape(strings.next))</a>" }
        body += "</p></section></div>"
        return HTML.page(title: text.isEmpty ? strings.title : "\(text) – Katalog", language: language, body: body)
    }

    private func link(cursor: String?, filters: [(facet: String, value: String)]? = nil, expanded: String? = nil) -> String {
        var pairs: [(String, String)] = [("q", text)]
        for filter in filters ?? self.filters { pairs.append((filter.facet, filter.value)) }
        pairs.append(("lang", language.rawValue))
        if let expanded = expanded ?? self.expanded, !expanded.isEmpty { pairs.append(("more", expanded)) }
        if let cursor { pairs.append(("cursor", cursor)) }
        return HTML.query(pairs)
    }

    private func facets(_ result: SearchResult) -> String {
        let strings = language.strings
        var html = ""
        if !filters.isEmpty {
            html += "<p><a href=\"/\(link(cursor: nil, filters: []))\">\(HTML.escape(strings.clear))</a></p>"
        }
        for facet in SearchPage.facetOrder {
            guard let values = result.facets[facet], !values.isEmpty else { continue }
            html += "<h3>\(HTML.escape(strings.facetNames[facet] ?? facet))</h3><ul>"
            let isExpanded = expanded == facet
            for value in values.prefix(isExpanded ? SearchPage.longList : SearchPage.shortList) {
                let active = filters.contains { $0.facet == facet && $0.value == value.value }
                let toggled = active ? filters.filter { !($0.facet == facet && $0.value == value.value) } : filters + [(facet, value.value)]
                let label = value.label ?? SearchPage.vocabularyLabel(facet: facet, value: value.value, language: language.rawValue) ?? value.value
                html += "<li\(active ? " class=\"on\"" : "")><a href=\"/\(link(cursor: nil, filters: toggled))\" title=\"\(HTML.escape(label))\">"
                html += "\(active ? "✓ " : "")\(HTML.escape(label))</a><span class=\"count\">\(value.count)</span></li>"
            }
            html += "</ul>"
            if isExpanded {
                html += "<p class=\"more\"><a href=\"/\(link(cursor: cursor, expanded: ""))\">\(HTML.escape(strings.showFewer))</a></p>"
            } else if values.count > SearchPage.shortList {
                html += "<p class=\"more\"><a href=\"/\(link(cursor: cursor, expanded: facet))\">\(HTML.escape(strings.showAll))</a></p>"
            }
        }
        return html
    }

    /// A readable name for a controlled-vocabulary facet value (`EDUC` → "Utbildning, kultur och sport").
    static func vocabularyLabel(facet: String, value: String, language: String) -> String? {
        // Every search page labels up to two dozen values, mostly the same few; normalising one costs string searches.
        guard ["theme", "licence", "language", "format"].contains(facet) else { return nil }
        let key = LabelKey(facet: facet, value: value, language: language)
        if let known = labels.withLock({ $0[key] }) { return known }
        let label = lookUpLabel(facet: facet, value: value, language: language)
        labels.withLock { cache in
            if cache.count >= maxRememberedLabels { cache.removeAll(keepingCapacity: true) }
            cache[key] = .some(label)
        }
        return label
    }

    private struct LabelKey: Hashable {
        var facet: String
        var value: String
        var language: String
    }

    /// Labels looked up so far (nil when the vocabulary has none), emptied when it holds ``maxRememberedLabels``.
    private static let labels = Mutex<[LabelKey: String?]>([:])
    private static let maxRememberedLabels = 4_096

    private static func lookUpLabel(facet: String, value: String, language: String) -> String? {
        let concept: Concept
        switch facet {
        case "theme":
            concept = DataTheme.normalize(value)
            // A geodata record's ISO topic category without an EU counterpart (`elevation`, `structure`); a Los theme
            // has its own labels.
            if concept.uri == nil, concept.label == nil { return TopicCategory.label(value) }
        case "licence": concept = License.normalize(value)
        case "language": return Language.name(of: value, in: language)
        // The EU file-type codes' usual names: `WMS_SRVC` → "WMS", `RDF_TURTLE` → "Turtle".
        case "format": concept = FileFormat.normalize(value)
        default: return nil
        }
        // A licence the vocabulary knows without an IRI ("Licence not specified") has a label too; unknown values none.
        // Labels only in Norwegian (Los themes) read better on a Swedish page in Bokmål than in English.
        let label = concept.label?.best(language == "sv" ? ["sv", "nb", "en"] : [language, "en"])
        return facet == "licence" ? label.map { SearchPage.licenceLabel($0, language: language) } : label
    }

    /// The vocabulary's licence names that are English sentences ("Licence not specified", "Other (open)"), in
    /// Swedish on Swedish pages; names of licences ("CC BY 4.0", "NLOD 2.0") are the same in every language.
    static func licenceLabel(_ label: String, language: String) -> String {
        guard language == "sv" else { return label }
        return swedishLicenceLabels[label] ?? label
    }

    private static let swedishLicenceLabels = [
        "Licence not specified": "Licens inte angiven", "Other (open)": "Annan (öppen)",
        "Other (public domain)": "Annan (allmän egendom)", "Other (attribution)": "Annan (erkännande)",
        "Other (non-commercial)": "Annan (ickekommersiell)", "Other (not open)": "Annan (inte öppen)",
    ]

    private func hit(_ hit: SearchHit) -> String {
        let strings = language.strings
        let preferred = [language.rawValue]
        let dataset = hit.dataset
        let title = dataset.title.best(preferred) ?? hit.title
        var html = "<article class=\"hit\"><h2><a href=\"/datasets/\(HTML.queryValue(hit.id))?lang=\(language.rawValue)\">\(HTML.escape(title))</a></h2>"
        var meta: [String] = []
        if let publisher = dataset.publisher?.name.best(preferred) { meta.append(HTML.escape(publisher)) }
        if let modified = dataset.modified ?? dataset.issued { meta.append("\(HTML.escape(strings.modified)) \(HTML.escape(modified.normalized ?? modified.raw))") }
        if !hit.otherRecords.isEmpty {
            let links = hit.otherRecords.prefix(10).map { DatasetPage.recordLink($0.id, $0.source, language: language) }
            meta.append("\(HTML.escape(strings.alsoFrom)) \(links.joined(separator: ", "))")
        }
        html += "<div class=\"meta\">\(meta.joined(separator: " · "))</div>"
        if let snippet = hit.snippet, !snippet.segments.isEmpty {
            let rendered = snippet.segments.map { $0.highlighted ? "<mark>\(HTML.escape($0.text))</mark>" : HTML.escape($0.text) }.joined()
            html += "<p class=\"snippet\">\(rendered)</p>"
        } else if let description = dataset.description.best(preferred) {
            // The first 280 characters, without counting the rest of a long description.
            let head = description.prefix(280)
            html += "<p class=\"snippet\">\(HTML.escape(String(head)))\(head.endIndex < description.endIndex ? "…" : "")</p>"
        }
        let formats = dataset.formatKeys
        if !formats.isEmpty {
            let names = formats.prefix(8).map { SearchPage.vocabularyLabel(facet: "format", value: $0, language: language.rawValue) ?? $0 }
            html += "<div class=\"formats\">\(names.map { "<span>\(HTML.escape($0))</span>" }.joined())</div>"
        }
        return html + "</article>"
    }
}
