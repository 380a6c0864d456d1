/// What a record's `dc:identifier`s give: every value as published, the dataset's IRI, its landing page and the
/// identifiers that point at files.
struct DublinCoreIdentifiers: Sendable {
    /// Every identifier as published, each once.
    var all: [String] = []
    /// The first persistent identifier as an IRI (DOI, Handle, URN:NBN resolver), else the first web address that is
    /// not a file.
    var iri: String?
    /// The first web address (a DOI or Handle as its resolver IRI) that is not a file.
    var landingPage: String?
    /// Web addresses that look like files, for distributions.
    var files: [String] = []
}

extension DublinCoreMapper {
    /// The DOI resolvers and prefixes a DOI may be written with; all become `https://doi.org/`.
    static let doiPrefixes = ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
                              "doi:", "info:doi/"]

    /// Reads the `dc:identifier`s (at most ``listCap``).
    static func identifiers(_ values: [DublinCoreValue]) -> DublinCoreIdentifiers {
        var result = DublinCoreIdentifiers()
        var seen = Set<String>()
        var seenFiles = Set<String>()
        var persistent: String?
        for value in values.prefix(listCap) {
            appendDistinct(value.text, to: &result.all, seen: &seen)
            let durable = persistentIRI(value.text)
            guard let web = durable ?? (ISO19139Mapper.isWebIRI(value.text) ? value.text : nil) else { continue }
            if durable == nil, CKANMapper.looksLikeFile(web) {
                appendDistinct(web, to: &result.files, seen: &seenFiles)
                continue
            }
            if persistent == nil, let durable { persistent = durable }
            if result.landingPage == nil { result.landingPage = web }
        }
        result.iri = persistent ?? result.landingPage
        return result
    }

    /// The resolver IRI of a persistent identifier: a DOI (`10.1234/x`, `doi:10.1234/x`, any doi.org address) as
    /// `https://doi.org/10.1234/x`, a Handle (`hdl:1234/5`) as `https://hdl.handle.net/1234/5`, and a Handle or
    /// URN:NBN resolver address as published; nil for anything else.
    static func persistentIRI(_ value: String) -> String? {
        guard value.utf8.count <= 2_048, !value.unicodeScalars.contains(where: { $0.properties.isWhitespace }) else {
            return nil
        }
        if let doi = doiIRI(value) { return doi }
        let lower = value.lowercased()
        if lower.hasPrefix("hdl:"), value.count > 4 { return "https://hdl.handle.net/" + String(value.dropFirst(4)) }
        guard ISO19139Mapper.isWebIRI(value) else { return nil }
        let host = lower.drop { $0 != ":" }.dropFirst(3).prefix { $0 != "/" }
        if host == "hdl.handle.net" || lower.contains("urn:nbn:") { return value }
        return nil
    }

    /// `https://doi.org/10.…` for a DOI in any of its usual spellings, nil when `value` is no DOI.
    static func doiIRI(_ value: String) -> String? {
        var rest = Substring(value)
        let lower = value.lowercased()
        for prefix in doiPrefixes where lower.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            break
        }
        // A DOI is `10.` and a registrant code of digits and dots, a slash, then a suffix.
        guard rest.hasPrefix("10."), let slash = rest.firstIndex(of: "/") else { return nil }
        let registrant = rest[rest.index(rest.startIndex, offsetBy: 3)..<slash]
        guard !registrant.isEmpty, registrant.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              rest.index(after: slash) < rest.endIndex else { return nil }
        return "https://doi.org/" + String(rest)
    }
}
