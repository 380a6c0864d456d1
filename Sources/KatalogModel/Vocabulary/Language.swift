import Foundation

/// Languages, mapped onto the EU language authority (`…/authority/language/SWE`).
///
/// Accepts ISO 639-1 and 639-2/3 codes (`sv`, `swe`, `sv-SE`, `nb_NO`), language names in English and
/// in the language itself (`Swedish`, `svenska`, `suomi`), and the authority's IRIs.
public enum Language {
    /// The namespace of the EU language authority.
    public static let authority = "http://publications.europa.eu/resource/authority/language/"

    struct Entry {
        let code: String
        let tag: String
        let label: String
        let aliases: [String]
    }

    /// Maps a language value; unknown values keep only the raw text.
    public static func normalize(_ raw: String) -> Concept {
        let trimmed = raw.trimmingWhitespace()
        guard let entry = entry(for: trimmed) else { return Concept(raw: trimmed) }
        return Concept(raw: trimmed, uri: authority + entry.code, label: LocalizedText(entry.label, language: "en"))
    }

    /// The name of a known language, for display: in Swedish when `displayLanguage` is Swedish ("Svenska"), else in
    /// English ("Swedish"); nil for a value this vocabulary does not know. Takes what ``tag(for:)`` takes (the
    /// language facet's values are tags).
    public static func name(of raw: String, in displayLanguage: String) -> String? {
        guard let entry = entry(for: raw.trimmingWhitespace()) else { return nil }
        let primary = LocalizedText.normalizedTag(displayLanguage).split(separator: "-").first.map(String.init)
        if primary == "sv", let swedish = swedishNames[entry.code] {
            return swedish.prefix(1).uppercased() + swedish.dropFirst()
        }
        return entry.label
    }

    /// The lower-case BCP 47 tag for a language value (`SWE` → `sv`, `Norwegian Bokmål` → `nb`), or nil.
    public static func tag(for raw: String) -> String? {
        entry(for: raw.trimmingWhitespace())?.tag
    }

    static func entry(for text: String) -> Entry? {
        guard !text.isEmpty, text.utf8.count <= 256 else { return nil }
        if let code = VocabularyKey.code(of: text, under: authority) { return byCode[code] }
        let lower = text.lowercased().replacingOccurrences(of: "_", with: "-")
        if let entry = byKey[lower] { return entry }
        // sv-SE, nb-NO, fi-FI: the primary subtag decides.
        if let dash = lower.firstIndex(of: "-"), let entry = byKey[String(lower[..<dash])] { return entry }
        if let entry = byCode[text.uppercased()] { return entry }
        return byKey[VocabularyKey.fold(text)]
    }

    static let byCode: [String: Entry] = Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    static let byKey: [String: Entry] = {
        var map: [String: Entry] = [:]
        for entry in entries {
            for alias in [entry.tag, entry.code.lowercased(), VocabularyKey.fold(entry.label)] + entry.aliases.map(VocabularyKey.fold) {
                if map[alias] == nil { map[alias] = entry }
            }
        }
        return map
    }()

    /// The Swedish names of the known languages (lower-case, as Swedish writes them), by authority code.
    static let swedishNames: [String: String] = [
        "SWE": "svenska", "NOB": "norskt bokmål", "NNO": "nynorska", "NOR": "norska", "DAN": "danska", "FIN": "finska",
        "ENG": "engelska", "ISL": "isländska", "FAO": "färöiska", "KAL": "grönländska", "SME": "nordsamiska",
        "SMA": "sydsamiska", "SMJ": "lulesamiska", "SMN": "enaresamiska", "SMS": "skoltsamiska", "FIT": "meänkieli",
        "DEU": "tyska", "FRA": "franska", "SPA": "spanska", "ITA": "italienska", "POR": "portugisiska", "NLD": "nederländska",
        "CAT": "katalanska", "EST": "estniska", "LAV": "lettiska", "LIT": "litauiska", "POL": "polska", "RUS": "ryska",
        "UKR": "ukrainska", "ARA": "arabiska", "SOM": "somaliska", "TUR": "turkiska", "FAS": "persiska", "ELL": "grekiska",
        "CES": "tjeckiska", "HUN": "ungerska", "ZHO": "kinesiska", "MUL": "flera språk",
    ]

    /// Known languages: authority code, BCP 47 tag, English label, other codes and names.
    static let entries: [Entry] = [
        Entry(code: "SWE", tag: "sv", label: "Swedish", aliases: ["svenska", "svensk", "ruotsi"]),
        Entry(code: "NOB", tag: "nb", label: "Norwegian Bokmål", aliases: ["bokmal", "norsk bokmal", "bokmål", "no-nb"]),
        Entry(code: "NNO", tag: "nn", label: "Norwegian Nynorsk", aliases: ["nynorsk", "norsk nynorsk"]),
        Entry(code: "NOR", tag: "no", label: "Norwegian", aliases: ["norsk", "norska", "norja"]),
        Entry(code: "DAN", tag: "da", label: "Danish", aliases: ["dansk", "danska", "tanska"]),
        Entry(code: "FIN", tag: "fi", label: "Finnish", aliases: ["suomi", "finska", "finsk"]),
        Entry(code: "ENG", tag: "en", label: "English", aliases: ["engelska", "engelsk", "englanti"]),
        Entry(code: "ISL", tag: "is", label: "Icelandic", aliases: ["ice", "islenska", "isländska", "islandsk"]),
        Entry(code: "FAO", tag: "fo", label: "Faroese", aliases: ["foroyskt", "färöiska", "færøsk"]),
        Entry(code: "KAL", tag: "kl", label: "Greenlandic", aliases: ["kalaallisut", "grønlandsk", "grönländska"]),
        Entry(code: "SME", tag: "se", label: "Northern Sami", aliases: ["davvisamegiella", "nordsamiska", "nordsamisk", "pohjoissaame", "sami", "samiska", "samisk", "saame"]),
        Entry(code: "SMA", tag: "sma", label: "Southern Sami", aliases: ["sydsamiska", "sørsamisk", "eteläsaame"]),
        Entry(code: "SMJ", tag: "smj", label: "Lule Sami", aliases: ["lulesamiska", "lulesamisk"]),
        Entry(code: "SMN", tag: "smn", label: "Inari Sami", aliases: ["inarinsaame", "anarâškielâ"]),
        Entry(code: "SMS", tag: "sms", label: "Skolt Sami", aliases: ["koltansaame", "skoltsamiska"]),
        Entry(code: "FIT", tag: "fit", label: "Meänkieli", aliases: ["tornedalsfinska", "meankieli"]),
        Entry(code: "DEU", tag: "de", label: "German", aliases: ["ger", "deutsch", "tyska", "tysk", "saksa"]),
        Entry(code: "FRA", tag: "fr", label: "French", aliases: ["fre", "francais", "franska", "fransk", "ranska"]),
        Entry(code: "SPA", tag: "es", label: "Spanish", aliases: ["espanol", "spanska", "spansk", "espanja"]),
        Entry(code: "ITA", tag: "it", label: "Italian", aliases: ["italiano", "italienska", "italiensk"]),
        Entry(code: "POR", tag: "pt", label: "Portuguese", aliases: ["portugues"]),
        Entry(code: "NLD", tag: "nl", label: "Dutch", aliases: ["dut", "nederlands"]),
        Entry(code: "CAT", tag: "ca", label: "Catalan", aliases: ["catala"]),
        Entry(code: "EST", tag: "et", label: "Estonian", aliases: ["eesti", "estniska", "viro"]),
        Entry(code: "LAV", tag: "lv", label: "Latvian", aliases: ["latviesu"]),
        Entry(code: "LIT", tag: "lt", label: "Lithuanian", aliases: ["lietuviu"]),
        Entry(code: "POL", tag: "pl", label: "Polish", aliases: ["polski", "polska"]),
        Entry(code: "RUS", tag: "ru", label: "Russian", aliases: ["russkij", "ryska", "russisk", "venäjä"]),
        Entry(code: "UKR", tag: "uk", label: "Ukrainian", aliases: ["ukrainska"]),
        Entry(code: "ARA", tag: "ar", label: "Arabic", aliases: ["arabiska"]),
        Entry(code: "SOM", tag: "so", label: "Somali", aliases: ["somaliska"]),
        Entry(code: "TUR", tag: "tr", label: "Turkish", aliases: ["turkiska"]),
        Entry(code: "FAS", tag: "fa", label: "Persian", aliases: ["per", "persiska", "farsi"]),
        Entry(code: "ELL", tag: "el", label: "Greek", aliases: ["gre"]),
        Entry(code: "CES", tag: "cs", label: "Czech", aliases: ["cze"]),
        Entry(code: "HUN", tag: "hu", label: "Hungarian", aliases: []),
        Entry(code: "ZHO", tag: "zh", label: "Chinese", aliases: ["chi"]),
        Entry(code: "MUL", tag: "mul", label: "Multiple languages", aliases: ["multilingual"]),
    ]
}
