import KatalogRDF

/// Value helpers of the DCAT mapper that need no graph: term text, numbers, media types, identifiers.
enum DCATValues {
    /// `text` without a leading URI scheme such as `mailto:` (any case).
    static func stripScheme(_ text: String, _ scheme: String) -> String {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.lowercased().hasPrefix(scheme) else { return trimmed }
        return String(trimmed.dropFirst(scheme.count)).trimmingWhitespace()
    }

    /// The nine-digit organisation number in a Norwegian register IRI (Enhetsregisteret / Felles datakatalog).
    static func norwegianOrganizationNumber(_ iri: String) -> String? {
        // The nine digits are checked first: most publishers' IRIs fail there, before any substring search
        // (this runs for every agent of every dataset).
        let last = iri.split(separator: "/").last.map(String.init) ?? ""
        guard last.utf8.count == 9, last.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let registers = ["data.brreg.no/enhetsregisteret/", "organization-catalog.fellesdatakatalog.digdir.no/organizations/",
                         "organization-catalogue.fellesdatakatalog.digdir.no/organizations/"]
        guard registers.contains(where: { iri.contains($0) }) else { return nil }
        return last
    }

    /// True for `type/subtype` with a registered top-level type (`text/csv`, `application/vnd.ms-excel`).
    static func looksLikeMediaType(_ text: String) -> Bool {
        let parts = text.lowercased().split(separator: "/", omittingEmptySubsequences: false)
        let topLevel: Set<Substring> = ["application", "text", "image", "audio", "video", "model", "font",
                                        "multipart", "message", "chemical"]
        guard parts.count == 2, topLevel.contains(parts[0]), !parts[1].isEmpty else { return false }
        return !parts[1].unicodeScalars.contains { $0.properties.isWhitespace }
    }

    /// A byte count from a literal of any numeric datatype or untyped text; negative, fractional or malformed → nil.
    static func byteSize(_ text: String) -> Int64? {
        let trimmed = text.trimmingWhitespace()
        if let value = Int64(trimmed) { return value >= 0 ? value : nil }
        let allowed = Set("0123456789+-.eE")
        guard !trimmed.isEmpty, trimmed.allSatisfy({ allowed.contains($0) }), let value = Double(trimmed),
              value.isFinite, value >= 0, value < 9.2e18, value == value.rounded(.towardZero) else { return nil }
        return Int64(value)
    }

    /// `…#checksumAlgorithm_sha256` → `sha256`; DCAT-AP.de's `…/hashAlgorithms/sha/256` → `sha256`;
    /// `SHA-256` → `sha256`; other names lower-cased.
    static func checksumAlgorithm(_ raw: String) -> String {
        var name = raw
        if let range = name.firstRange(of: "checksumAlgorithm_") {
            name = String(name[range.upperBound...])
        } else if DCATNormalizer.looksLikeIRI(name) {
            let segments = name.split(whereSeparator: { $0 == "/" || $0 == "#" })
            if let last = segments.last {
                name = String(last)
                // The family and the size as two path segments (`…/sha/256`, `…/md/5`).
                let families: Set<String> = ["sha", "sha3", "md"]
                if segments.count >= 2, last.allSatisfy(\.isNumber), families.contains(segments[segments.count - 2].lowercased()) {
                    name = String(segments[segments.count - 2] + last)
                }
            }
        }
        name = name.lowercased()
        if name.hasPrefix("sha-") { name.remove(at: name.index(name.startIndex, offsetBy: 3)) }
        return name.isEmpty ? "unknown" : name
    }

    /// The last path or fragment segment of an IRI (`…/quality#accuracy` → `accuracy`); other text unchanged.
    static func lastSegment(_ text: String) -> String {
        guard DCATNormalizer.looksLikeIRI(text),
              let last = text.split(whereSeparator: { $0 == "/" || $0 == "#" }).last else { return text }
        return String(last)
    }

    /// The trimmed text of a literal or IRI; nil for blank nodes and empty text.
    static func text(_ term: Term) -> String? {
        let value: String
        switch term {
        case .iri(let iri): value = iri
        case .literal(let literal): value = literal.lexical
        case .blank: return nil
        }
        let trimmed = value.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The elements without repeats, first occurrence kept.
    static func distinct<Element: Hashable>(_ elements: [Element]) -> [Element] {
        var seen = Set<Element>()
        return elements.filter { seen.insert($0).inserted }
    }
}
