import Foundation

/// Helpers shared by the vocabulary tables: how a free value is folded into a lookup key.
enum VocabularyKey {
    /// Lower-cases, folds diacritics used in Nordic labels, and turns every run of
    /// non-alphanumeric characters into one space (`" Zip (SHP) "` → `"zip shp"`).
    static func fold(_ raw: String) -> String {
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        var pendingSpace = false
        for character in raw.lowercased() {
            let mapped: String
            switch character {
            case "å", "ä", "à", "á", "â", "ã": mapped = "a"
            case "ö", "ø", "ó", "ò", "ô", "õ": mapped = "o"
            case "æ": mapped = "ae"
            case "é", "è", "ê", "ë": mapped = "e"
            case "ü", "ú", "ù", "û": mapped = "u"
            case "í", "ì", "î", "ï": mapped = "i"
            case "ð": mapped = "d"
            case "þ": mapped = "th"
            case "š": mapped = "s"
            case "ž": mapped = "z"
            case "č": mapped = "c"
            case "ŋ": mapped = "n"
            case "đ": mapped = "d"
            case "ŧ": mapped = "t"
            default:
                if character.isLetter || character.isNumber {
                    mapped = String(character)
                } else {
                    mapped = ""
                }
            }
            if mapped.isEmpty {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(mapped)
            }
        }
        return out
    }

    /// The last path segment of an IRI (after `/` or `#`), without a trailing slash.
    static func lastSegment(_ iri: String) -> String {
        var text = Substring(iri)
        while text.hasSuffix("/") { text = text.dropLast() }
        if let index = text.lastIndex(where: { $0 == "/" || $0 == "#" }) {
            return String(text[text.index(after: index)...])
        }
        return String(text)
    }

    /// The code of an IRI under `base` (compared case-insensitively, http or https), upper-cased, or nil.
    static func code(of raw: String, under base: String) -> String? {
        let lower = raw.lowercased()
        let plain = base.lowercased()
        let secure = plain.replacingOccurrences(of: "http://", with: "https://")
        guard lower.hasPrefix(plain) || lower.hasPrefix(secure) else { return nil }
        let code = lastSegment(raw).trimmingWhitespace().uppercased()
        return code.isEmpty ? nil : code
    }
}
