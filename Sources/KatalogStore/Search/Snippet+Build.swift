import KatalogModel

extension Snippet {
    /// How many characters a snippet shows at most.
    static let maxCharacters = 240
    /// How much text to keep before the first match.
    static let leadCharacters = 60

    /// A snippet from one description value in which matches are wrapped in the store's private marker characters.
    static func build(marked text: String, language: String) -> Snippet? {
        var characters: [(Character, Bool)] = []
        var highlighted = false
        for character in text {
            switch character {
            case LiveWriter.markOpen: highlighted = true
            case LiveWriter.markClose: highlighted = false
            default: characters.append((character.isNewline ? " " : character, highlighted))
            }
        }
        guard !characters.isEmpty else { return nil }
        let firstMatch = characters.firstIndex { $0.1 } ?? 0
        var start = max(0, firstMatch - leadCharacters)
        if start > 0 {
            // Begin at a word boundary that does not cut into the match.
            if let space = characters[start..<firstMatch].firstIndex(where: { $0.0 == " " }) { start = space + 1 }
        }
        var end = min(characters.count, start + maxCharacters)
        if end < characters.count,
           let space = characters[start..<end].lastIndex(where: { $0.0 == " " && !$0.1 }), space > firstMatch {
            end = space
        }
        var segments: [Segment] = []
        if start > 0 { segments.append(Segment(text: "…", highlighted: false)) }
        for (character, isMatch) in characters[start..<end] {
            if let last = segments.last, last.highlighted == isMatch {
                segments[segments.count - 1].text.append(character)
            } else {
                segments.append(Segment(text: String(character), highlighted: isMatch))
            }
        }
        if end < characters.count { segments.append(Segment(text: "…", highlighted: false)) }
        return Snippet(segments: segments, language: language)
    }

    /// A snippet for a hit: the description in the preferred language, highlighted when `markedColumn` is given.
    ///
    /// `markedColumn` is FTS5's `highlight()` of the description column: the dataset's description values
    /// in language order, one per line (as ``FullText`` indexes them).
    static func forHit(_ dataset: Dataset, markedColumn: String?, languages: [String]) -> Snippet? {
        let description = dataset.description
        guard let language = description.bestLanguage(languages) else { return nil }
        if let markedColumn {
            let lines = markedColumn.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.count == description.languages.count, let index = description.languages.firstIndex(of: language) {
                return build(marked: String(lines[index]), language: language)
            }
        }
        return build(marked: FullText.join([description.best(languages) ?? ""]), language: language)
    }
}
