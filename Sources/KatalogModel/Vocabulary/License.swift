import Foundation

/// Licences, mapped onto the EU licence authority (`…/authority/licence/CC_BY_4_0`) where it has the licence.
///
/// Accepts CKAN licence ids (`cc-by`, `odc-odbl`, `other-open`), SPDX ids (`CC-BY-4.0`), Creative Commons
/// URLs in any of their spellings (`https://creativecommons.org/licenses/by/4.0/deed.sv`), the authority's
/// IRIs, Norway's NLOD and labels such as "Creative Commons Erkännande 4.0". Unversioned Creative Commons
/// ids (CKAN's `cc-by`) map to version 4.0, the version such portals offer today.
public enum License {
    /// The namespace of the EU licence authority.
    public static let authority = "http://publications.europa.eu/resource/authority/licence/"

    /// A recognised licence.
    public struct Match: Hashable, Sendable {
        /// The canonical IRI (an authority IRI when there is one), nil for CKAN's "other" licences.
        public var uri: String?
        /// A short human label, e.g. "CC BY 4.0".
        public var label: String
        /// Whether the licence is open (Open Definition sense), nil when that is not clear.
        public var isOpen: Bool?
    }

    /// Maps a free licence value; unknown values keep only the raw text.
    public static func normalize(_ raw: String) -> Concept {
        let trimmed = raw.trimmingWhitespace()
        guard let match = lookup(trimmed) else { return Concept(raw: trimmed) }
        return Concept(raw: trimmed, uri: match.uri, label: LocalizedText(match.label))
    }

    /// Whether a licence value names an open licence, nil when unknown or unclear.
    public static func isOpen(_ raw: String) -> Bool? {
        lookup(raw.trimmingWhitespace())?.isOpen
    }

    /// Recognises a licence value, or nil.
    public static func lookup(_ raw: String) -> Match? {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty, text.utf8.count <= 512 else { return nil }
        if let code = VocabularyKey.code(of: text, under: authority) {
            if let entry = byCode[code] { return entry.match }
            if let cc = creativeCommons(compact: code.lowercased().replacingOccurrences(of: "_", with: "")) { return cc }
            return Match(uri: authority + code, label: code, isOpen: nil)
        }
        if let cc = creativeCommonsURL(text) { return cc }
        if let id = registeredID(text) {
            let folded = VocabularyKey.fold(id)
            if let entry = byAlias[folded] ?? byAlias[compactKey(folded)] { return entry.match }
            if let cc = creativeCommons(compact: compactKey(folded)) { return cc }
        }
        let folded = VocabularyKey.fold(stripScheme(text))
        if let entry = byAlias[folded] { return entry.match }
        let compact = compactKey(folded)
        if let entry = byAlias[compact] { return entry.match }
        return creativeCommons(compact: compact)
    }

    static func stripScheme(_ text: String) -> String {
        var rest = Substring(text)
        for prefix in ["https://", "http://"] where rest.lowercased().hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
        }
        if rest.lowercased().hasPrefix("www.") { rest = rest.dropFirst(4) }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        return String(rest)
    }

    /// The licence id at the end of a licence register's IRI: CKAN's `opendefinition.org/licenses/cc-zero`,
    /// DCAT-AP.de's `dcat-ap.de/def/licenses/dl-by-de/2.0`; nil for other text.
    static func registeredID(_ text: String) -> String? {
        let rest = stripScheme(text)
        for register in ["opendefinition.org/licenses/", "dcat-ap.de/def/licenses/"] where rest.lowercased().hasPrefix(register) {
            let id = rest.dropFirst(register.count)
            return id.isEmpty ? nil : String(id)
        }
        return nil
    }

    /// Folded text without spaces and filler words ("license", "international", …).
    static func compactKey(_ folded: String) -> String {
        let filler: Set<String> = ["license", "licence", "licens", "lisens", "lisenssi", "licenz", "international",
                                   "generic", "unported", "legalcode", "deed", "the", "version", "v"]
        return folded.split(separator: " ").filter { !filler.contains(String($0)) }.joined()
    }

    /// `creativecommons.org/licenses/<kind>/<version>/…` and `…/publicdomain/zero/1.0/…`.
    static func creativeCommonsURL(_ text: String) -> Match? {
        let rest = stripScheme(text).lowercased()
        guard rest.hasPrefix("creativecommons.org/") else { return nil }
        let parts = rest.split(separator: "/").map(String.init)
        guard parts.count >= 3 else { return nil }
        switch parts[1] {
        case "publicdomain":
            if parts[2] == "zero" { return ccZero }
            if parts[2] == "mark" { return Match(uri: authority + "CC_PDM_1_0", label: "Public Domain Mark 1.0", isOpen: true) }
            return nil
        case "licenses", "licences":
            let version = parts.count > 3 && parts[3].first?.isNumber == true ? parts[3] : nil
            return creativeCommons(kind: parts[2].split(separator: "-").map(String.init), version: version)
        default:
            return nil
        }
    }

    static let ccZero = Match(uri: authority + "CC0", label: "CC0 1.0", isOpen: true)

    /// Parses compact keys such as `ccby40`, `ccbysa`, `creativecommonsattribution40`, `cc010`, `cczero`.
    static func creativeCommons(compact: String) -> Match? {
        var key = compact
        let words: [(String, String)] = [
            ("creativecommons", "cc"), ("publicdomaindedication", "zero"), ("publicdomain", "zero"),
            ("attribution", "by"), ("erkannande", "by"), ("navngivelse", "by"), ("navngiving", "by"), ("nimea", "by"),
            ("sharealike", "sa"), ("delalika", "sa"), ("delpasammevilkar", "sa"), ("jaasamoin", "sa"),
            ("noncommercial", "nc"), ("ickekommersiell", "nc"), ("ikkekommersiell", "nc"), ("epakaupallinen", "nc"),
            ("noderivatives", "nd"), ("noderivs", "nd"), ("ingabearbetningar", "nd"),
        ]
        for (word, short) in words { key = key.replacingOccurrences(of: word, with: short) }
        guard key.hasPrefix("cc") else { return nil }
        key.removeFirst(2)
        if key == "0" || key == "010" || key == "zero" || key == "zero10" || key == "0zero" { return ccZero }
        var kind: [String] = []
        for part in ["by", "nc", "sa", "nd"] where key.hasPrefix(part) {
            kind.append(part)
            key.removeFirst(part.count)
        }
        guard !kind.isEmpty else { return nil }
        let digits = key
        guard digits.isEmpty || (digits.count == 2 && digits.allSatisfy(\.isNumber)) else { return nil }
        let pair = Array(digits)
        let version = pair.count == 2 ? "\(pair[0]).\(pair[1])" : nil
        return creativeCommons(kind: kind, version: version)
    }

    static func creativeCommons(kind: [String], version: String?) -> Match? {
        let allowed: Set<String> = ["by", "nc", "sa", "nd"]
        guard kind.first == "by", kind.allSatisfy({ allowed.contains($0) }) else { return nil }
        let version = version ?? "4.0"
        guard ["1.0", "2.0", "2.5", "3.0", "4.0"].contains(version) else { return nil }
        // The authority writes the elements without separators: CC_BYSA_4_0, CC_BYNCND_3_0.
        let code = "CC_" + kind.map { $0.uppercased() }.joined() + "_" + version.replacingOccurrences(of: ".", with: "_")
        let label = "CC " + kind.map { $0.uppercased() }.joined(separator: "-") + " " + version
        let open = !kind.contains("nc") && !kind.contains("nd")
        return Match(uri: authority + code, label: label, isOpen: open)
    }
}
