/// Data themes, mapped onto the EU data-theme authority (`…/authority/data-theme/ENVI`).
///
/// Accepts the authority's IRIs and codes, DCAT-AP-SE/NO style theme IRIs ending in a code, INSPIRE theme IRIs,
/// Los themes whose words name an EU theme, and common CKAN group names and labels in Swedish, Norwegian, Danish,
/// Finnish and English.
public enum DataTheme {
    /// The namespace of the EU data-theme authority.
    public static let authority = "http://publications.europa.eu/resource/authority/data-theme/"

    struct Entry {
        let code: String
        let labels: [String: String]
        let aliases: [String]
    }

    /// Maps a theme value; unknown values keep only the raw text, with the vocabulary's labels when they are Los themes
    /// (``LOSTheme``).
    public static func normalize(_ raw: String) -> Concept {
        let trimmed = raw.trimmingWhitespace()
        guard let entry = entry(for: trimmed) else { return Concept(raw: trimmed, label: LOSTheme.labels(trimmed)) }
        return Concept(raw: trimmed, uri: authority + entry.code, label: LocalizedText(entry.labels))
    }

    /// Maps a theme value and uses `label` as the display label when the vocabulary has none.
    public static func normalize(_ raw: String, label: String?) -> Concept {
        var concept = normalize(raw)
        if concept.uri == nil, let label, !label.trimmingWhitespace().isEmpty {
            concept.label = LocalizedText(label)
        }
        return concept
    }

    /// All authority codes this vocabulary knows, with their labels.
    public static var codes: [String] { entries.map(\.code) }

    static func entry(for text: String) -> Entry? {
        guard !text.isEmpty, text.utf8.count <= 512 else { return nil }
        if let code = VocabularyKey.code(of: text, under: authority) { return byCode[code] }
        if text.contains("://") {
            if let code = code(ofINSPIRETheme: text) { return byCode[code] }
            // Other theme IRIs that end in an authority code (…/theme/ENVI, …#ENVI).
            let last = VocabularyKey.lastSegment(text).uppercased()
            if let entry = byCode[last] { return entry }
        }
        if let entry = byCode[text.uppercased()] { return entry }
        let key = VocabularyKey.fold(text)
        if let entry = byAlias[key] { return entry }
        // Compound group names: "miljo-och-natur", "trafik og transport": the first word that maps wins.
        for word in key.split(separator: " ") where word.count >= 4 {
            if let entry = byAlias[String(word)] { return entry }
        }
        return nil
    }

    static let byCode: [String: Entry] = Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    static let byAlias: [String: Entry] = {
        var map: [String: Entry] = [:]
        for entry in entries {
            for alias in entry.aliases + Array(entry.labels.values) {
                let key = VocabularyKey.fold(alias)
                if map[key] == nil { map[key] = entry }
            }
        }
        return map
    }()
}
