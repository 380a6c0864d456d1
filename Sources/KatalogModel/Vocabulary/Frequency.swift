import Foundation

/// Update frequencies (`dct:accrualPeriodicity`), mapped onto the EU frequency authority.
///
/// Accepts the authority's IRIs and codes, Dublin Core `Frequency` IRIs, ISO 8601 durations and
/// repeating intervals (`P1D`, `R/P1M`), ISO 19115 maintenance codes and words in en/sv/nb/da/fi.
public enum Frequency {
    /// The namespace of the EU frequency authority.
    public static let authority = "http://publications.europa.eu/resource/authority/frequency/"

    struct Entry {
        let code: String
        let labels: [String: String]
        let durations: [String]
        let aliases: [String]
    }

    /// Maps a frequency value; unknown values keep only the raw text.
    public static func normalize(_ raw: String) -> Concept {
        let trimmed = raw.trimmingWhitespace()
        guard let entry = entry(for: trimmed) else { return Concept(raw: trimmed) }
        return Concept(raw: trimmed, uri: authority + entry.code, label: LocalizedText(entry.labels))
    }

    static func entry(for text: String) -> Entry? {
        guard !text.isEmpty, text.utf8.count <= 256 else { return nil }
        if let code = VocabularyKey.code(of: text, under: authority) { return byCode[code] }
        if text.contains("://") {
            // Dublin Core (http://purl.org/cld/freq/monthly), ISO 19115 codelists (…#MD_MaintenanceFrequencyCode_monthly).
            var last = VocabularyKey.lastSegment(text)
            if let underscore = last.lastIndex(of: "_") { last = String(last[last.index(after: underscore)...]) }
            return byKey[VocabularyKey.fold(last)] ?? byCode[last.uppercased()]
        }
        var duration = text.uppercased()
        if duration.hasPrefix("R/") { duration.removeFirst(2) }
        if duration.hasPrefix("P"), let entry = byDuration[duration] { return entry }
        if let entry = byCode[text.uppercased()] { return entry }
        let key = VocabularyKey.fold(text)
        return byKey[key] ?? byKey[key.replacingOccurrences(of: " ", with: "")]
    }

    static let byCode: [String: Entry] = Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    static let byDuration: [String: Entry] = {
        var map: [String: Entry] = [:]
        for entry in entries { for duration in entry.durations where map[duration] == nil { map[duration] = entry } }
        return map
    }()

    static let byKey: [String: Entry] = {
        var map: [String: Entry] = [:]
        for entry in entries {
            for alias in entry.aliases + Array(entry.labels.values) {
                let key = VocabularyKey.fold(alias)
                if map[key] == nil { map[key] = entry }
                let compact = key.replacingOccurrences(of: " ", with: "")
                if map[compact] == nil { map[compact] = entry }
            }
        }
        return map
    }()
}
