import Testing
@testable import KatalogModel

struct LanguageTests {
    @Test(arguments: [
        ("sv", "SWE", "sv"), ("swe", "SWE", "sv"), ("sv-SE", "SWE", "sv"), ("sv_SE", "SWE", "sv"), ("Swedish", "SWE", "sv"),
        ("svenska", "SWE", "sv"), ("nb", "NOB", "nb"), ("nn", "NNO", "nn"), ("no", "NOR", "no"), ("da", "DAN", "da"),
        ("fi", "FIN", "fi"), ("suomi", "FIN", "fi"), ("en", "ENG", "en"), ("eng", "ENG", "en"), ("de", "DEU", "de"),
        ("ger", "DEU", "de"), ("fr", "FRA", "fr"), ("es", "SPA", "es"), ("is", "ISL", "is"), ("se", "SME", "se"),
        ("Northern Sami", "SME", "se"), ("sma", "SMA", "sma"),
        ("http://publications.europa.eu/resource/authority/language/SWE", "SWE", "sv"),
        ("https://publications.europa.eu/resource/authority/language/fin", "FIN", "fi"),
    ])
    func mapsCodesNamesAndIRIs(raw: String, code: String, tag: String) {
        #expect(Language.normalize(raw).uri == Language.authority + code, "\(raw)")
        #expect(Language.tag(for: raw) == tag, "\(raw)")
    }

    @Test func unknownLanguages() {
        #expect(Language.normalize("klingon").uri == nil)
        #expect(Language.tag(for: "") == nil)
        #expect(Language.normalize("xx-YY").raw == "xx-YY")
    }
}

struct LanguageFacetTests {
    @Test func declaredAndWrittenLanguagesShareOneFacetValue() {
        var dataset = Dataset(sourceIdentifier: "x")
        dataset.title = LocalizedText(["sv": "Skolor", "en": "Schools"])
        dataset.languages = [Language.normalize("swe"), Language.normalize("http://publications.europa.eu/resource/authority/language/ENG"),
                             Language.normalize("Finnish"), Concept(raw: "Klingon")]
        #expect(dataset.languageKeys == ["sv", "en", "fi", "klingon"])
    }
}

struct LanguageNameTests {
    @Test("Every known language has a Swedish name, and names follow the display language")
    func names() {
        for entry in Language.entries {
            #expect(Language.swedishNames[entry.code] != nil, "\(entry.code)")
            #expect(Language.name(of: entry.tag, in: "en") == entry.label)
        }
        #expect(Language.name(of: "sv", in: "sv") == "Svenska")
        #expect(Language.name(of: "SWE", in: "sv-SE") == "Svenska")
        #expect(Language.name(of: "se", in: "sv") == "Nordsamiska")
        #expect(Language.name(of: "da", in: "fi") == "Danish")
        #expect(Language.name(of: "klingon", in: "sv") == nil)
    }
}
