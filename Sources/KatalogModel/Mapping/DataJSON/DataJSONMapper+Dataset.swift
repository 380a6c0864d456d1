extension DataJSONMapper {
    /// Reads a dataset object's fields into the model (see docs/datajson-mapping.md for the table).
    static func dataset(_ fields: inout DataJSONFields, identifier: String, context: Context) -> Dataset {
        var dataset = Dataset(sourceIdentifier: identifier, identifiers: [identifier])
        let declared = DataJSONFields.languageCodes(fields.value("language"))
        let scope = declared.isEmpty ? context.catalogueLanguages : declared
        let tag: String? = scope.count == 1 ? Language.tag(for: scope[0])
            : scope.isEmpty ? context.defaultLanguage.map { LocalizedText.normalizedTag($0) } : nil
        var seenLanguages = Set<String>()
        dataset.languages = declared.map { context.vocabulary.concept(.language, $0) }.filter { seenLanguages.insert($0.uri ?? $0.raw.lowercased()).inserted }

        if CKANFields.isWebURL(identifier) {
            dataset.iri = identifier
        } else if let id = fields.value("@id")?.nonEmptyString, CKANFields.isWebURL(id) {
            dataset.iri = id
        }
        dataset.title = CKANFields.languageMap(fields.value("titleMap"))
        CKANFields.merge(fields.text("title"), into: &dataset.title, language: tag)
        if dataset.title.isEmpty { fields.problem(.missingField, "title", "the dataset has no title") }
        dataset.description = CKANFields.languageMap(fields.value("descriptionMap"))
        CKANFields.merge(fields.text("description"), into: &dataset.description, language: tag)
        if dataset.description.isEmpty { fields.problem(.missingField, "description", "the dataset has no description") }

        dataset.keywords = keywords(&fields, language: tag)
        var seenThemes = Set<String>()
        dataset.themes = (fields.strings("theme") + fields.strings("category")).map { context.vocabulary.concept(.theme, $0) }
            .filter { seenThemes.insert($0.uri ?? $0.raw.lowercased()).inserted }

        dataset.publisher = agent(&fields, "publisher")
        if dataset.publisher == nil { fields.problem(.missingField, "publisher", "the dataset has no publisher") }
        dataset.creator = agent(&fields, "creator")
        dataset.contactPoints = contactPoints(&fields)
        if dataset.contactPoints.isEmpty { fields.problem(.missingField, "contactPoint", "the dataset has no contact point") }

        dataset.issued = fields.textOrNode("issued", labelKeys: ["value"]).map(DateValue.init(raw:))
        dataset.modified = fields.textOrNode("modified", labelKeys: ["value"]).map(DateValue.init(raw:))
        dataset.temporal = temporal(&fields)
        dataset.spatial = spatial(&fields)
        dataset.accessRights = accessRights(&fields, vocabulary: context.vocabulary)
        dataset.license = license(&fields, vocabulary: context.vocabulary)
        dataset.rights = fields.textOrNode("rights", labelKeys: ["description", "title", "label"])
        dataset.landingPages = fields.uri("landingPage").map { [$0] } ?? []
        dataset.accrualPeriodicity = fields.textOrNode("accrualPeriodicity", labelKeys: ["prefLabel", "label", "title"])
            .map { context.vocabulary.concept(.frequency, $0) }
        dataset.conformsTo = fields.uris("conformsTo")
        dataset.otherIdentifiers = fields.strings("otherIdentifier", labelKeys: ["notation", "title"])
        dataset.version = fields.text("version")
        dataset.distributions = distributions(&fields, language: tag, vocabulary: context.vocabulary)
        dataset.extras = extras(&fields)
        return dataset
    }

    /// `keyword` (a list in 1.1, a string or list in 3.0) under the text language, then 3.0's `keywordMap`.
    static func keywords(_ fields: inout DataJSONFields, language: String?) -> [LangString] {
        var result: [LangString] = []
        var seen = Set<LangString>()
        func add(_ value: String, _ language: String?) {
            let keyword = LangString(value, language: language)
            if !keyword.value.isEmpty, seen.insert(keyword).inserted { result.append(keyword) }
        }
        if let map = fields.value("keywordMap")?.object {
            for tag in map.keys.sorted() {
                for value in (map[tag]?.array ?? map[tag].map { [$0] } ?? []).compactMap(\.nonEmptyString) { add(value, tag) }
            }
        }
        let translated = Set(result.map(\.value))
        for value in fields.strings("keyword") where !translated.contains(value) { add(value, language) }
        return result
    }

    /// `accessLevel` (1.1: public, restricted public, non-public) or 3.0's `accessRights` statement.
    static func accessRights(_ fields: inout DataJSONFields, vocabulary: DataJSONVocabularyCache) -> Concept? {
        if let level = fields.text("accessLevel") {
            var concept = vocabulary.concept(.accessRights, level)
            if concept.uri == nil, level.lowercased() == "restricted public" {
                let restricted = vocabulary.concept(.accessRights, "restricted")
                concept.uri = restricted.uri
                concept.label = restricted.label
            }
            return concept
        }
        return fields.textOrNode("accessRights", labelKeys: ["description", "title", "label"]).map { vocabulary.concept(.accessRights, $0) }
    }

    /// `license`: it must be an absolute URI; a known licence maps onto the EU authority, any other URL stays as its IRI.
    static func license(_ fields: inout DataJSONFields, vocabulary: DataJSONVocabularyCache) -> Concept? {
        guard let uri = fields.uri("license") else { return nil }
        var concept = vocabulary.license(uri)
        if concept.uri == nil, CKANFields.isWebURL(uri) { concept.uri = uri }
        return concept
    }
}
