import Foundation
import KatalogRDF
import Testing
@testable import KatalogModel

/// Identity, errors and multilingual text of the Dublin Core mapper.
struct DublinCoreMapperTests {
    typealias F = DublinCoreFixture

    @Test func aMinimalRecordMapsWithItsRawBytes() throws {
        let xml = F.record()
        let record = try F.map(xml, identifier: "  oai:repo.example:123 \n")
        #expect(record.sourceIdentifier == "oai:repo.example:123")
        #expect(record.rawFormat == "application/xml")
        #expect(DublinCoreMapper.rawFormat == "application/xml")
        #expect(record.raw == Data(xml.utf8))
        #expect(record.dataset.title.values == ["": "Titel"])
        #expect(record.dataset.iri == nil)
        #expect(record.dataset.extras.isEmpty)
        #expect(try F.map(xml, defaultLanguage: "SV").dataset.title.values == ["sv": "Titel"])
    }

    @Test func titlesKeepEveryLanguageAndTheRestGoToExtras() throws {
        let titles = F.dc("title", "Luftkvalitet i Stockholm", language: "sv")
            + F.dc("title", "Air quality in Stockholm", language: "en")
            + F.dc("title", "Ilmanlaatu Tukholmassa", language: "fi")
            + F.dc("title", "Stockholm air", language: "EN")
            + F.dc("title", "Luft")
        let dataset = try F.dataset("", title: titles, defaultLanguage: "sv")
        #expect(dataset.title.values == ["sv": "Luftkvalitet i Stockholm", "en": "Air quality in Stockholm",
                                         "fi": "Ilmanlaatu Tukholmassa"])
        // The untagged title takes the default language, which is already taken.
        #expect(dataset.extras["dc:title"] == ["Stockholm air", "Luft"])
    }

    @Test func theRecordsLanguageIsInheritedAndAnEmptyTagMeansUntagged() throws {
        let titles = F.dc("title", "Otsikko") + F.dc("title", "Title", language: "en_GB") + F.dc("title", "Ohne", language: "")
        let record = try F.map(F.record(title: titles, attributes: "xml:lang=\"fi\""), defaultLanguage: "sv")
        #expect(record.dataset.title.values == ["fi": "Otsikko", "en-gb": "Title", "": "Ohne"])
        // Three-letter codes with a two-letter form take it; others stay as written.
        let coded = F.dc("title", "Svensk", language: "swe") + F.dc("title", "English", language: "ENG")
            + F.dc("title", "Sámegiella", language: "sme") + F.dc("title", "Okänd", language: "qqq")
        #expect(try F.dataset("", title: coded).title.values == ["sv": "Svensk", "en": "English", "se": "Sámegiella",
                                                                 "qqq": "Okänd"])
    }

    @Test func descriptionsOfOneLanguageAreJoinedWithABlankLine() throws {
        let body = F.dc("description", "Första stycket.", language: "sv")
            + F.dc("description", "First paragraph.", language: "en")
            + F.dc("description", "  Andra stycket.  ", language: "sv")
            + F.dc("description", "Första stycket.", language: "sv")
        let dataset = try F.dataset(body)
        #expect(dataset.description.values == ["sv": "Första stycket.\n\nAndra stycket.", "en": "First paragraph."])
    }

    @Test func publisherAndCreatorsBecomeAgentsAndAllCreatorsStayInExtras() throws {
        let body = F.dc("creator", "Andersson, Anna") + F.dc("creator", "Virtanen, Matti")
            + F.dc("publisher", "Stockholms universitet", language: "sv") + F.dc("publisher", "Stockholm University", language: "en")
            + F.dc("contributor", "Svensk nationell datatjänst")
        let dataset = try F.dataset(body, defaultLanguage: "sv")
        #expect(dataset.publisher == Agent(name: LocalizedText("Stockholms universitet", language: "sv")))
        #expect(dataset.creator == Agent(name: LocalizedText("Andersson, Anna", language: "sv")))
        #expect(dataset.extras["dc:creator"] == ["Andersson, Anna", "Virtanen, Matti"])
        #expect(dataset.extras["dc:publisher"] == ["Stockholms universitet", "Stockholm University"])
        #expect(dataset.extras["dc:contributor"] == ["Svensk nationell datatjänst"])
    }

    @Test func aRecordWithoutPublisherHasNoPublisher() throws {
        let dataset = try F.dataset(F.dc("creator", "Institutionen för geovetenskaper"))
        #expect(dataset.publisher == nil)
        #expect(dataset.creator?.name.values == ["": "Institutionen för geovetenskaper"])
        // A single publisher is not repeated in the extras.
        #expect(try F.dataset(F.dc("publisher", "SND")).extras["dc:publisher"] == nil)
    }

    @Test func subjectsBecomeKeywordsAndThemeIRIsBecomeThemes() throws {
        let body = F.dc("subject", "luftkvalitet", language: "sv") + F.dc("subject", "air quality", language: "en")
            + F.dc("subject", "luftkvalitet", language: "sv") + F.dc("subject", "luftkvalitet")
            + F.dc("subject", "http://publications.europa.eu/resource/authority/data-theme/ENVI")
            + F.dc("subject", "http://inspire.ec.europa.eu/theme/tn")
            + F.dc("subject", "https://id.example.org/subject/42")
        let dataset = try F.dataset(body)
        #expect(dataset.keywords == [LangString("luftkvalitet", language: "sv"), LangString("air quality", language: "en"),
                                     LangString("luftkvalitet"), LangString("https://id.example.org/subject/42")])
        #expect(dataset.themes.map(\.uri) == [DataTheme.authority + "ENVI", DataTheme.authority + "TRAN"])
        #expect(dataset.themes.map(\.raw) == [DataTheme.authority + "ENVI", "http://inspire.ec.europa.eu/theme/tn"])
        #expect(dataset.themes.first?.label?.values["en"] != nil)
    }

    @Test func languagesMapOntoTheLanguageAuthority() throws {
        let body = ["sv", "swe", "English", "fin", "xx"].map { F.dc("language", $0) }.joined()
        let languages = try F.dataset(body).languages
        #expect(languages.map(\.uri) == [Language.authority + "SWE", Language.authority + "ENG", Language.authority + "FIN", nil])
        #expect(languages.map(\.raw) == ["sv", "English", "fin", "xx"])
    }

    @Test func typeFormatAndSourceAreKeptInExtras() throws {
        let body = F.dc("type", "Dataset") + F.dc("type", "info:eu-repo/semantics/other") + F.dc("format", "text/csv")
            + F.dc("format", "2 MB") + F.dc("source", "Enkätundersökning 2019") + F.dc("type", "Dataset")
        let dataset = try F.dataset(body)
        #expect(dataset.extras["dc:type"] == ["Dataset", "info:eu-repo/semantics/other"])
        #expect(dataset.extras["dc:format"] == ["text/csv", "2 MB"])
        #expect(dataset.extras["dc:source"] == ["Enkätundersökning 2019"])
        // Without a file address there is nowhere to put a format: no distribution.
        #expect(dataset.distributions.isEmpty)
    }

    @Test func recordsWithoutTitleOrOfAnotherKindAreRejected() throws {
        let untitled = try #require(try F.mappingError(F.record(F.dc("subject", "x"), title: "")))
        #expect(untitled.code == .missingField)
        #expect(untitled.field == "dc:title")
        #expect(untitled.recordIdentifier == F.identifier)
        #expect(try F.mappingError(F.record(title: F.dc("title", "  \n "))).map(\.code) == .missingField)
        #expect(try F.mappingError(F.record(title: "<dc:title/>")).map(\.code) == .missingField)

        let wrongRoot = try #require(try F.mappingError("<dc:title \(F.namespaces)>Titel</dc:title>"))
        #expect(wrongRoot.code == .invalidField)
        #expect(try F.mappingError("<dc><title>Titel</title></dc>").map(\.code) == .invalidField)
        let otherNamespace = "<x:dc xmlns:x=\"urn:other\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>T</dc:title></x:dc>"
        #expect(try F.mappingError(otherNamespace).map(\.code) == .invalidField)

        #expect(try F.mappingError(F.record(), identifier: "  ").map(\.code) == .missingIdentifier)
        #expect(try F.mappingError(F.record()) == nil)
    }
}
