extension DublinCoreMapper {
    /// The most keywords read from one record: one more than ``RecordLimits``' default, so a record over the limit
    /// is still reported as such by the collector while a hostile record cannot grow the list without bound.
    static let keywordCap = RecordLimits().maxKeywords + 1

    /// The most descriptions joined into one record's description.
    static let paragraphCap = 100

    /// The most values read into a short list (languages, rights statements, coverages, extras under one key).
    static let listCap = 100

    /// The first `dc:title` of each language as the title; every further title (a second one in a language already
    /// taken) is returned in `others`, for `extras["dc:title"]`.
    static func titles(_ values: [DublinCoreValue]) -> (title: LocalizedText, others: [String]) {
        var title = LocalizedText()
        var others: [String] = []
        for value in values.prefix(listCap) {
            if title.values[LocalizedText.normalizedTag(value.language)] == nil {
                title.set(value.text, language: value.language)
            } else {
                others.append(value.text)
            }
        }
        return (title, others)
    }

    /// Every `dc:description` of a language, in document order and each once, joined with a blank line.
    static func description(_ values: [DublinCoreValue]) -> LocalizedText {
        var paragraphs: [String: [String]] = [:]
        var seen = Set<DublinCoreValue>()
        for value in values.prefix(paragraphCap) where seen.insert(value).inserted {
            paragraphs[LocalizedText.normalizedTag(value.language), default: []].append(value.text)
        }
        return LocalizedText(paragraphs.mapValues { $0.joined(separator: "\n\n") })
    }

    /// `dc:subject`s: an EU data-theme IRI or an INSPIRE theme IRI becomes a theme, every other subject a keyword in
    /// its language; each once, each list capped at ``keywordCap``.
    static func subjects(_ values: [DublinCoreValue]) -> (keywords: [LangString], themes: [Concept]) {
        var keywords: [LangString] = []
        var seenKeywords = Set<LangString>()
        var themes: [Concept] = []
        var seenThemes = Set<String>()
        for value in values {
            if let theme = theme(value.text) {
                if themes.count < keywordCap, seenThemes.insert(theme.uri ?? theme.raw).inserted { themes.append(theme) }
            } else if keywords.count < keywordCap {
                appendDistinct(LangString(value.text, language: value.language), to: &keywords, seen: &seenKeywords)
            }
            if keywords.count >= keywordCap, themes.count >= keywordCap { break }
        }
        return (keywords, themes)
    }

    /// The theme a subject names: an IRI under the EU data-theme authority, or an INSPIRE theme IRI mapped onto the
    /// EU data theme that covers it (the INSPIRE IRI stays the raw value); nil for any other subject.
    static func theme(_ subject: String) -> Concept? {
        guard ISO19139Mapper.isWebIRI(subject) else { return nil }
        guard VocabularyKey.code(of: subject, under: DataTheme.authority) != nil
                || DataTheme.code(ofINSPIRETheme: subject) != nil else { return nil }
        return DataTheme.normalize(subject)
    }

    /// `dc:language`s mapped onto the EU language authority (ISO 639 codes or names), each once.
    static func languages(_ values: [DublinCoreValue]) -> [Concept] {
        var result: [Concept] = []
        var seen = Set<String>()
        for value in values.prefix(listCap) {
            let concept = Language.normalize(value.text)
            if seen.insert(concept.uri ?? concept.raw.lowercased()).inserted { result.append(concept) }
        }
        return result
    }

    /// The agent the first value names (a `dc:publisher` or `dc:creator`), its name in that value's language.
    static func agent(_ values: [DublinCoreValue]) -> Agent? {
        guard let first = values.first else { return nil }
        return Agent(name: LocalizedText(first.text, language: first.language))
    }
}
