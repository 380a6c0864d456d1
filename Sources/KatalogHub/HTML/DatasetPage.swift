import Foundation
import KatalogRDF
import KatalogModel
import KatalogStore

/// Renders one dataset: its texts in the page language (others listed), facts, distributions and provenance.
struct DatasetPage {
    let language: UILanguage
    let stored: StoredDataset
    /// `http(s)://host` the page was asked at: its own address in the schema.org markup.
    var origin = "http://localhost"

    func render() -> String {
        let strings = language.strings
        let preferred = [language.rawValue]
        let dataset = stored.dataset
        let title = dataset.title.best(preferred) ?? dataset.sourceIdentifier
        var body = "<p><a href=\"/?lang=\(language.rawValue)\">\(HTML.escape(strings.back))</a></p>"
        body += "<h1>\(HTML.escape(title))</h1>"
        let otherTitles = dataset.title.values.filter { $0.value != title }.sorted { $0.key < $1.key }
        for (tag, other) in otherTitles {
            body += "<p class=\"meta\"><span class=\"badge\">\(HTML.escape(tag.isEmpty ? "–" : tag))</span> \(HTML.escape(other))</p>"
        }
        if let description = dataset.description.best(preferred) {
            body += description.split(separator: "\n", omittingEmptySubsequences: true).map { "<p>\(HTML.escape(String($0)))</p>" }.joined()
        }
        var facts: [(String, String)] = []
        if let publisher = dataset.publisher { facts.append((strings.publisher, HTML.escape(publisher.name.best(preferred) ?? publisher.key))) }
        if let modified = dataset.modified { facts.append((strings.modified, HTML.escape(modified.normalized ?? modified.raw))) }
        if let issued = dataset.issued { facts.append((strings.issued, HTML.escape(issued.normalized ?? issued.raw))) }
        let licences = ([dataset.license] + dataset.distributions.map(\.license)).compactMap { $0 }
        if let licence = licences.first {
            let label = licence.label?.best(preferred).map { SearchPage.licenceLabel($0, language: language.rawValue) } ?? licence.raw
            // A licence IRI the vocabulary does not know comes from the source as it is: linked only when it is http(s).
            let href = licence.uri.flatMap { DatasetPage.isWebURL($0) ? $0 : nil }
            facts.append((strings.licence, href.map { "<a href=\"\(HTML.escape($0))\">\(HTML.escape(label))</a>" } ?? HTML.escape(label)))
        }
        if !dataset.keywords.isEmpty {
            facts.append((strings.keywords, dataset.keywords.prefix(40).map { "<span class=\"badge\">\(HTML.escape($0.value))</span>" }.joined(separator: " ")))
        }
        if !dataset.themes.isEmpty {
            facts.append((strings.themes, dataset.themes.map { HTML.escape($0.label?.best(preferred) ?? $0.key) }.joined(separator: ", ")))
        }
        if let page = dataset.landingPages.first, DatasetPage.isWebURL(page) {
            facts.append((strings.landingPage, DatasetPage.link(page)))
        }
        facts.append((strings.source, "\(HTML.escape(stored.source)) / \(HTML.escape(stored.sourceIdentifier))"))
        facts.append((strings.firstSeen, HTML.escape(stored.firstSeen.formatted(.iso8601))))
        if let shownAs = stored.shownAs {
            facts.append((strings.shownAs, recordLink(shownAs, stored.otherRecords.first { $0.id == shownAs }?.source ?? shownAs)))
        }
        let others = stored.otherRecords.filter { $0.id != stored.shownAs }
        if !others.isEmpty {
            facts.append((strings.sameDataset, others.prefix(20).map { recordLink($0.id, $0.source) }.joined(separator: ", ")))
        }
        // The record as DCAT-AP, in each syntax the hub writes.
        facts.append((strings.metadata, DatasetRDF.suffixes.map { suffix, format in
            "<a href=\"/datasets/\(HTML.escape(stored.id))\(suffix)\">\(DatasetPage.syntaxNames[format] ?? suffix)</a>"
        }.joined(separator: " · ")))
        body += "<dl>\(facts.map { "<dt>\(HTML.escape($0.0))</dt><dd>\($0.1)</dd>" }.joined())</dl>"
        if !dataset.distributions.isEmpty {
            body += "<h2>\(HTML.escape(strings.distributions))</h2><table><tr><th>\(HTML.escape(strings.format))</th><th></th><th>\(HTML.escape(strings.link))</th></tr>"
            for distribution in dataset.distributions.prefix(200) {
                let url = distribution.downloadURLs.first ?? distribution.accessURLs.first
                var link = url.map(DatasetPage.link) ?? ""
                for service in distribution.accessServices {
                    // The API the distribution is served through: its name, where it is called, how it is described.
                    var parts = [service.title.best(preferred).map(HTML.escape)].compactMap { $0 }
                    parts += service.endpoints.prefix(3).map(DatasetPage.link)
                    parts += service.endpointDescriptions.prefix(3).map { value in
                        "(\(HTML.escape(strings.serviceDescription)): \(DatasetPage.link(value)))"
                    }
                    if parts.isEmpty, let identifier = service.identifier { parts = [DatasetPage.link(identifier)] }
                    link += "<br>\(HTML.escape(strings.service)): " + parts.joined(separator: " ")
                }
                body += "<tr><td>\(HTML.escape(distribution.format?.key.uppercased() ?? ""))</td>"
                body += "<td>\(HTML.escape(distribution.title.best(preferred) ?? ""))</td><td>\(link)</td></tr>"
            }
            body += "</table>"
        }
        // The alternates in RDF, and the schema.org description dataset search engines read.
        var head = DatasetRDF.suffixes.map { suffix, format in
            "\n<link rel=\"alternate\" type=\"\(RDFDocumentWriter<String>.mediaType(of: format))\" href=\"/datasets/\(HTML.escape(stored.id))\(suffix)\">"
        }.joined()
        head += "\n" + StructuredData.script(StructuredData.dataset(stored, origin: origin, languages: preferred))
        return HTML.page(title: "\(title) – Katalog", language: language, body: body, head: head)
    }

    /// How the metadata links name the syntaxes.
    static let syntaxNames: [RDFFormat: String] = [.turtle: "Turtle", .rdfxml: "RDF/XML", .jsonld: "JSON-LD", .ntriples: "N-Triples"]

    /// A link to another record's page, named by its source.
    private func recordLink(_ id: String, _ source: String) -> String {
        DatasetPage.recordLink(id, source, language: language)
    }

    /// A link to a record's page in `language`, named by its source (also on search hits).
    static func recordLink(_ id: String, _ source: String, language: UILanguage) -> String {
        "<a href=\"/datasets/\(HTML.queryValue(id))?lang=\(language.rawValue)\">\(HTML.escape(source))</a>"
    }

    /// A URL as a link when it is http(s), else as text.
    static func link(_ value: String) -> String {
        isWebURL(value) ? "<a href=\"\(HTML.escape(value))\">\(HTML.escape(value))</a>" : HTML.escape(value)
    }

    /// True for an absolute `http:` or `https:` URL (the scheme in any case), the only ones a page links: a source's
    /// `javascript:` or `data:` value must never become a link a reader can click.
    static func isWebURL(_ value: String) -> Bool {
        let scheme = value.utf8.prefix(8).map { $0 | 0x20 }
        return scheme.starts(with: "http://".utf8) || scheme.starts(with: "https://".utf8)
    }
}
