import KatalogRDF

extension ISO19139Mapper {
    /// The most keywords read from one record: one more than ``RecordLimits``' default, so a record over the limit
    /// is still reported as such by the collector while a hostile record cannot grow the list without bound.
    static let keywordCap = RecordLimits().maxKeywords + 1

    /// ISO 19115 topic categories with a clear counterpart in the EU data-theme vocabulary; the others stay raw.
    static let topicCategoryThemes: [String: String] = [
        "farming": "AGRI", "biota": "ENVI", "climatologymeteorologyatmosphere": "ENVI", "economy": "ECON",
        "environment": "ENVI", "geoscientificinformation": "TECH", "health": "HEAL", "inlandwaters": "ENVI",
        "oceans": "ENVI", "society": "SOCI", "transportation": "TRAN", "planningcadastre": "REGI",
        "boundaries": "REGI", "extraterrestrial": "TECH",
    ]

    /// Every `gmd:keyword` of every `gmd:MD_Keywords`, in each language it is given in, each once.
    static func keywords(_ identifications: [XMLElement], text: ISO19139Text) -> [LangString] {
        var result: [LangString] = []
        var seen = Set<LangString>()
        for identification in identifications {
            for keyword in all(identification, "gmd:descriptiveKeywords/gmd:MD_Keywords/gmd:keyword") {
                for value in text.strings(keyword) where !value.value.isEmpty {
                    guard result.count < keywordCap else { return result }
                    appendDistinct(value, to: &result, seen: &seen)
                }
            }
        }
        return result
    }

    /// Themes: keywords from an INSPIRE or GEMET theme thesaurus (raw, with the anchor's IRI), keywords that are EU
    /// data-theme IRIs or codes given as anchors, and `gmd:topicCategory` codes (mapped when
    /// ``topicCategoryThemes`` knows them).
    static func themes(_ identifications: [XMLElement], text: ISO19139Text) -> [Concept] {
        var result: [Concept] = []
        var seen = Set<String>()
        func add(_ concept: Concept) {
            guard !concept.raw.isEmpty, result.count < keywordCap,
                  seen.insert(concept.uri ?? concept.raw.lowercased()).inserted else { return }
            result.append(concept)
        }
        for identification in identifications {
            for keywords in all(identification, "gmd:descriptiveKeywords/gmd:MD_Keywords") {
                let inspire = isThemeThesaurus(text.localized(first(keywords, "gmd:thesaurusName/gmd:CI_Citation/gmd:title")))
                for keyword in all(keywords, "gmd:keyword") {
                    let link = href(keyword)
                    let label = text.localized(keyword)
                    if let link, VocabularyKey.code(of: link, under: DataTheme.authority) != nil
                        || DataTheme.code(ofINSPIRETheme: link) != nil {
                        // An EU data theme, or an INSPIRE theme mapped onto one (the INSPIRE IRI stays the raw value).
                        add(DataTheme.normalize(link))
                    } else if inspire, let raw = link ?? mainText(keyword, text) {
                        add(Concept(raw: raw, uri: link.flatMap { isWebIRI($0) ? $0 : nil }, label: label.isEmpty ? nil : label))
                    }
                }
            }
        }
        for code in topicCategories(identifications) {
            if let theme = topicCategoryThemes[code.lowercased()] {
                var concept = DataTheme.normalize(DataTheme.authority + theme)
                concept.raw = code
                add(concept)
            } else {
                add(Concept(raw: code))
            }
        }
        return result
    }

    /// True for a thesaurus named like "GEMET - INSPIRE themes, version 1.0" or "INSPIRE themes".
    static func isThemeThesaurus(_ title: LocalizedText) -> Bool {
        title.allValues.contains { value in
            let folded = VocabularyKey.fold(value)
            return folded.contains("inspire") && folded.contains("theme")
        }
    }

    /// The `gmd:topicCategory` codes (`MD_TopicCategoryCode` text), each once.
    static func topicCategories(_ identifications: [XMLElement]) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        for identification in identifications {
            for category in all(identification, "gmd:topicCategory") {
                if let value = code(category) ?? text(category) { appendDistinct(value, to: &result, seen: &seen) }
            }
        }
        return result
    }

    /// The resource languages (`gmd:identificationInfo/*/gmd:language`), each once.
    static func languages(_ identifications: [XMLElement]) -> [Concept] {
        var result: [Concept] = []
        var seen = Set<String>()
        for identification in identifications {
            for language in all(identification, "gmd:language") {
                guard let value = code(language) else { continue }
                let concept = Language.normalize(value)
                if seen.insert(concept.uri ?? concept.raw.lowercased()).inserted { result.append(concept) }
            }
        }
        return result
    }

    /// The first `MD_MaintenanceFrequencyCode` of the resource maintenance, mapped onto the frequency vocabulary.
    static func frequency(_ identifications: [XMLElement]) -> Concept? {
        for identification in identifications {
            let path = "gmd:resourceMaintenance/gmd:MD_MaintenanceInformation/gmd:maintenanceAndUpdateFrequency"
            for property in all(identification, path) {
                if let value = code(property) { return Frequency.normalize(value) }
            }
        }
        return nil
    }
}
