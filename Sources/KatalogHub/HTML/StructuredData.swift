import Foundation
import KatalogModel
import KatalogStore

/// The schema.org `Dataset` a dataset page embeds as JSON-LD, the description dataset search engines (Google Dataset
/// Search among them) read from a page. Only what the record says is written; nothing is guessed.
enum StructuredData {
    /// Most keywords, identifiers and distributions listed: a page's markup need not list thousands.
    static let maxValues = 100

    /// The `Dataset` object of `stored`, whose page is `/datasets/{id}` on the hub at `origin` (`http(s)://host`); texts
    /// in `languages` first.
    static func dataset(_ stored: StoredDataset, origin: String, languages: [String]) -> [String: Any] {
        let dataset = stored.dataset
        var object: [String: Any] = [
            "@context": "https://schema.org/",
            "@type": "Dataset",
            "url": origin + "/datasets/" + stored.id,
            "name": dataset.title.best(languages) ?? dataset.sourceIdentifier,
            "includedInDataCatalog": ["@type": "DataCatalog", "name": "Katalog", "url": origin + "/"],
        ]
        if let description = dataset.description.best(languages), !description.isEmpty { object["description"] = description }
        let identifiers = Array(unique(([dataset.iri].compactMap { $0 } + dataset.identifiers).filter { !$0.isEmpty }).prefix(maxValues))
        if !identifiers.isEmpty { object["identifier"] = identifiers.count == 1 ? identifiers[0] : identifiers }
        let pages = dataset.landingPages.filter(isWebURL)
        if !pages.isEmpty { object["sameAs"] = Array(pages.prefix(maxValues)) }
        let keywords = unique(dataset.keywords.map(\.value).filter { !$0.isEmpty })
        if !keywords.isEmpty { object["keywords"] = Array(keywords.prefix(maxValues)) }
        let licences = ([dataset.license] + dataset.distributions.map(\.license)).compactMap { $0 }
        if let licence = licences.first {
            if let uri = licence.uri, isWebURL(uri) {
                object["license"] = uri
            } else if let label = licence.label?.best(languages) ?? Optional(licence.raw), !label.isEmpty {
                object["license"] = label
            }
        }
        let inLanguage = dataset.languageKeys
        if !inLanguage.isEmpty { object["inLanguage"] = inLanguage.count == 1 ? inLanguage[0] : inLanguage }
        if let modified = dataset.modified?.normalized { object["dateModified"] = modified }
        if let issued = dataset.issued?.normalized { object["datePublished"] = issued }
        if let publisher = dataset.publisher.flatMap({ organization($0, languages: languages) }) { object["publisher"] = publisher }
        if let creator = dataset.creator.flatMap({ organization($0, languages: languages) }) { object["creator"] = creator }
        // schema.org's interval form: start/end, `..` for an open end.
        let periods = dataset.temporal.compactMap { range -> String? in
            let start = range.start?.normalized, end = range.end?.normalized
            guard start != nil || end != nil else { return nil }
            return (start ?? "..") + "/" + (end ?? "..")
        }
        if let period = periods.first { object["temporalCoverage"] = period }
        let places = dataset.spatial.compactMap { coverage -> [String: Any]? in
            var place: [String: Any] = ["@type": "Place"]
            if let name = coverage.label?.best(languages) { place["name"] = name }
            if let iri = coverage.iri, isWebURL(iri) { place["sameAs"] = iri }
            return place.count > 1 ? place : nil
        }
        if !places.isEmpty { object["spatialCoverage"] = places.count == 1 ? places[0] : places }
        let downloads = dataset.distributions.prefix(maxValues).compactMap { distribution -> [String: Any]? in
            guard let url = (distribution.downloadURLs + distribution.accessURLs).first(where: isWebURL) else { return nil }
            var download: [String: Any] = ["@type": "DataDownload", "contentUrl": url]
            if let format = distribution.mediaType ?? distribution.format.map({ $0.label?.best(languages) ?? $0.key.uppercased() }) {
                download["encodingFormat"] = format
            }
            if let name = distribution.title.best(languages) { download["name"] = name }
            if let size = distribution.byteSize, size >= 0 { download["contentSize"] = "\(size) B" }
            return download
        }
        if !downloads.isEmpty { object["distribution"] = downloads }
        return object
    }

    /// The `<script type="application/ld+json">` element holding `object`. Every `<` in the JSON is written `\u003c`,
    /// so no text from a source can close the element or open a comment.
    static func script(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return ""
        }
        let json = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
        return "<script type=\"application/ld+json\">\(json)</script>"
    }

    private static func organization(_ agent: Agent, languages: [String]) -> [String: Any]? {
        guard let name = agent.name.best(languages), !name.isEmpty else { return nil }
        var object: [String: Any] = ["@type": "Organization", "name": name]
        if let url = [agent.homepage, agent.iri].compactMap({ $0 }).first(where: isWebURL) { object["url"] = url }
        return object
    }

    private static func isWebURL(_ text: String) -> Bool { DatasetPage.isWebURL(text) }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
