import KatalogRDF

/// Reads ISO 19139 free text with the record's languages: the main `gco:CharacterString` or `gmx:Anchor` in the
/// metadata language, and each `gmd:PT_FreeText` translation in the language its `gmd:PT_Locale` declares.
struct ISO19139Text: Sendable {
    /// `gmd:PT_Locale` id → BCP 47 tag.
    let locales: [String: String]
    /// The tag of the main value: the record's `gmd:language`, else the harvest's default language, else nil.
    let mainLanguage: String?

    /// Reads the record's `gmd:language` and `gmd:locale` declarations.
    init(metadata: XMLElement, defaultLanguage: String?) {
        var locales: [String: String] = [:]
        for locale in ISO19139Mapper.all(metadata, "gmd:locale/gmd:PT_Locale") {
            guard let id = locale.attribute("id").flatMap(ISO19139Mapper.nonEmpty),
                  let code = ISO19139Mapper.code(ISO19139Mapper.first(locale, "gmd:languageCode")),
                  let tag = ISO19139Text.tag(for: code), locales[id] == nil else { continue }
            locales[id] = tag
        }
        self.locales = locales
        let declared = ISO19139Mapper.code(metadata.child(ISO19139Namespace.gmd, "language")).flatMap(ISO19139Text.tag(for:))
        let fallback = defaultLanguage.map { LocalizedText.normalizedTag($0) }.flatMap { $0.isEmpty ? nil : $0 }
        mainLanguage = declared ?? fallback
    }

    /// The BCP 47 tag for an ISO 639 code or language name (`swe` → `sv`, `fre` → `fr`); an unknown two- or
    /// three-letter code is kept lower-cased, anything else gives nil.
    static func tag(for code: String) -> String? {
        let trimmed = code.trimmingWhitespace()
        if let tag = Language.tag(for: trimmed) { return tag }
        let lower = trimmed.lowercased()
        guard (2...3).contains(lower.count), lower.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return nil }
        return lower
    }

    /// The language of a `gmd:LocalisedCharacterString`'s `locale` reference (`#SV`), nil when it names none.
    func language(ofLocaleReference reference: String?) -> String? {
        guard var id = reference?.trimmingWhitespace(), !id.isEmpty else { return nil }
        if id.hasPrefix("#") { id.removeFirst() }
        if let tag = locales[id] { return tag }
        // Records that reference a locale they never declare mostly use the code itself (`#EN`, `#locale-eng`).
        if let dash = id.lastIndex(where: { $0 == "-" || $0 == "_" }) {
            return ISO19139Text.tag(for: String(id[id.index(after: dash)...]))
        }
        return ISO19139Text.tag(for: id)
    }

    /// A free-text property's values per language; empty when the property is absent or blank.
    func localized(_ property: XMLElement?) -> LocalizedText {
        var text = LocalizedText()
        guard let property else { return text }
        if let main = ISO19139Mapper.text(property) { text.set(main, language: mainLanguage) }
        for translation in ISO19139Mapper.all(property, "gmd:PT_FreeText/gmd:textGroup/gmd:LocalisedCharacterString") {
            guard let value = ISO19139Mapper.nonEmpty(translation.text) else { continue }
            text.set(value, language: language(ofLocaleReference: translation.attribute("locale")))
        }
        // A main value with no known language that repeats a translation adds nothing.
        if let untagged = text.values[""], text.values.count > 1,
           text.values.contains(where: { !$0.key.isEmpty && $0.value == untagged }) {
            text = LocalizedText(text.values.filter { !$0.key.isEmpty })
        }
        return text
    }

    /// Every value of a free-text property as language-tagged strings (the main value first).
    func strings(_ property: XMLElement?) -> [LangString] {
        var result: [LangString] = []
        guard let property else { return result }
        if let main = ISO19139Mapper.text(property) { result.append(LangString(main, language: mainLanguage)) }
        for translation in ISO19139Mapper.all(property, "gmd:PT_FreeText/gmd:textGroup/gmd:LocalisedCharacterString") {
            guard let value = ISO19139Mapper.nonEmpty(translation.text) else { continue }
            result.append(LangString(value, language: language(ofLocaleReference: translation.attribute("locale"))))
        }
        return result
    }
}
