import Foundation

/// File formats, mapped onto the EU file-type authority (`…/authority/file-type/CSV`).
///
/// Accepts format names as portals write them (`"CSV "`, `".csv"`, `"Excel"`, `"zip (shp)"`),
/// IANA media types, IANA media-type IRIs and the authority's own IRIs.
public enum FileFormat {
    /// The namespace of the EU file-type authority.
    public static let authority = "http://publications.europa.eu/resource/authority/file-type/"

    struct Entry {
        let code: String
        let label: String
        let names: [String]
        let mediaTypes: [String]
        let extensions: [String]
    }

    /// Maps a free format value onto the authority; unknown values keep only the raw text.
    public static func normalize(_ raw: String) -> Concept {
        let trimmed = raw.trimmingWhitespace()
        guard let entry = entry(for: trimmed) else {
            if let code = VocabularyKey.code(of: trimmed, under: authority) {
                return Concept(raw: trimmed, uri: authority + code, label: LocalizedText(code))
            }
            return Concept(raw: trimmed)
        }
        return concept(raw: trimmed, entry: entry)
    }

    /// Infers a format from a URL's file extension (`…/data.csv?x=1` → CSV), or nil when it has none known.
    public static func infer(fromURL url: String) -> Concept? {
        guard let ext = fileExtension(of: url), let entry = byExtension[ext] else { return nil }
        return concept(raw: ext.uppercased(), entry: entry)
    }

    /// The IANA media type for an authority code or format name, when one is known.
    public static func mediaType(for raw: String) -> String? {
        entry(for: raw.trimmingWhitespace())?.mediaTypes.first
    }

    /// The lower-case file extension of a URL's path (query and fragment ignored), or nil.
    public static func fileExtension(of url: String) -> String? {
        var path = Substring(url)
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        if let scheme = path.range(of: "://") {
            let afterScheme = path[scheme.upperBound...]
            guard let slash = afterScheme.firstIndex(of: "/") else { return nil }
            path = afterScheme[slash...]
        }
        guard let lastSlash = path.lastIndex(of: "/") else { return nil }
        let name = path[path.index(after: lastSlash)...]
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        guard !ext.isEmpty, ext.count <= 8, ext.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        return ext
    }

    static func concept(raw: String, entry: Entry) -> Concept {
        Concept(raw: raw, uri: authority + entry.code, label: LocalizedText(entry.label))
    }

    static func entry(for text: String) -> Entry? {
        guard !text.isEmpty else { return nil }
        if let code = VocabularyKey.code(of: text, under: authority) { return byCode[code] }
        var lower = text.lowercased()
        for prefix in ["http://www.iana.org/assignments/media-types/", "https://www.iana.org/assignments/media-types/"]
        where lower.hasPrefix(prefix) {
            lower = String(lower.dropFirst(prefix.count))
        }
        let mediaType = lower.split(separator: ";").first.map { $0.trimmingWhitespace() } ?? lower
        if let entry = byMediaType[mediaType] { return entry }
        let key = VocabularyKey.fold(text)
        if let entry = byName[key] { return entry }
        // "zip (shp)", "shp (zip)", "Esri Shapefile (.shp)": a container word plus a known name.
        let words = key.split(separator: " ").map(String.init)
        // Two-letter words ("nc", "db", "nt") are too ambiguous to decide on inside a longer label.
        for word in words.reversed() where word.count >= 3 && !["zip", "file", "format", "data", "esri"].contains(word) {
            if let entry = byName[word] { return entry }
        }
        return nil
    }

    static let byCode: [String: Entry] = Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    static let byName: [String: Entry] = {
        var map: [String: Entry] = [:]
        for entry in entries {
            for name in [entry.code, entry.label] + entry.names + entry.extensions {
                let key = VocabularyKey.fold(name)
                if map[key] == nil { map[key] = entry }
            }
        }
        return map
    }()

    static let byMediaType: [String: Entry] = {
        var map: [String: Entry] = [:]
        for entry in entries {
            for type in entry.mediaTypes where map[type] == nil { map[type] = entry }
        }
        return map
    }()

    static let byExtension: [String: Entry] = {
        var map: [String: Entry] = [:]
        for entry in entries {
            for ext in entry.extensions where map[ext] == nil { map[ext] = entry }
        }
        return map
    }()
}
