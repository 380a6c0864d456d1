import Foundation
import Testing
@testable import KatalogModel

/// Keywords, themes, languages, dates, coverage, frequency and standards.
struct ISO19139MapperSubjectTests {
    typealias F = ISO19139Fixture

    static func date(_ value: String, _ type: String, element: String = "gco:Date") -> String {
        "<gmd:date><gmd:CI_Date><gmd:date><\(element)>\(value)</\(element)></gmd:date><gmd:dateType>\(F.codeList("CI_DateTypeCode", type))</gmd:dateType></gmd:CI_Date></gmd:date>"
    }

    static func keywords(_ values: [String], thesaurus: String? = nil) -> String {
        let words = values.map { "<gmd:keyword>\($0)</gmd:keyword>" }.joined()
        let name = thesaurus.map { "<gmd:thesaurusName><gmd:CI_Citation><gmd:title>\(F.cs($0))</gmd:title></gmd:CI_Citation></gmd:thesaurusName>" } ?? ""
        return "<gmd:descriptiveKeywords><gmd:MD_Keywords>\(words)\(name)</gmd:MD_Keywords></gmd:descriptiveKeywords>"
    }

    @Test func publicationIsIssuedRevisionIsModified() throws {
        let citation = Self.date("2019-05-01", "creation") + Self.date("2020-02-03", "publication")
            + Self.date("2021-01-01", "revision") + Self.date("2023-06-30T10:00:00Z", "revision", element: "gco:DateTime")
        let head = "<gmd:dateStamp><gco:DateTime>2024-01-01T00:00:00</gco:DateTime></gmd:dateStamp>"
        let dataset = try F.dataset(F.record(head: head, citation: citation))
        #expect(dataset.issued == DateValue(raw: "2020-02-03"))
        #expect(dataset.modified?.normalized == "2023-06-30T10:00:00Z")
    }

    @Test func creationStandsInForPublicationAndDateStampForRevision() throws {
        let head = "<gmd:dateStamp><gco:Date>2022-11-09</gco:Date></gmd:dateStamp>"
        let dataset = try F.dataset(F.record(head: head, citation: Self.date("2001-03-04", "creation")))
        #expect(dataset.issued?.normalized == "2001-03-04")
        #expect(dataset.modified == DateValue(raw: "2022-11-09"))
        let malformed = try F.dataset(F.record(citation: Self.date("våren 2019", "publication")))
        #expect(malformed.issued?.raw == "våren 2019")
        #expect(malformed.issued?.normalized == nil)
    }

    @Test func timePeriodsAndInstantsAreTemporalRanges() throws {
        let identification = """
            <gmd:extent><gmd:EX_Extent><gmd:temporalElement><gmd:EX_TemporalExtent><gmd:extent>\
            <gml:TimePeriod gml:id="t1"><gml:beginPosition>2010-01-01</gml:beginPosition>\
            <gml:endPosition indeterminatePosition="now"/></gml:TimePeriod></gmd:extent></gmd:EX_TemporalExtent></gmd:temporalElement>\
            <gmd:temporalElement><gmd:EX_TemporalExtent><gmd:extent><gml31:TimePeriod><gml31:begin><gml31:TimeInstant>\
            <gml31:timePosition>1990</gml31:timePosition></gml31:TimeInstant></gml31:begin><gml31:end><gml31:TimeInstant>\
            <gml31:timePosition>1999-12-31</gml31:timePosition></gml31:TimeInstant></gml31:end></gml31:TimePeriod>\
            </gmd:extent></gmd:EX_TemporalExtent></gmd:temporalElement>\
            <gmd:temporalElement><gmd:EX_TemporalExtent><gmd:extent><gml:TimeInstant><gml:timePosition>2005-06</gml:timePosition>\
            </gml:TimeInstant></gmd:extent></gmd:EX_TemporalExtent></gmd:temporalElement></gmd:EX_Extent></gmd:extent>
            """
        let dataset = try F.dataset(F.record(identification: identification))
        #expect(dataset.temporal == [
            TemporalRange(start: DateValue(raw: "2010-01-01"), end: nil),
            TemporalRange(start: DateValue(raw: "1990"), end: DateValue(raw: "1999-12-31")),
            TemporalRange(start: DateValue(raw: "2005-06"), end: DateValue(raw: "2005-06")),
        ])
    }

    @Test func boundingBoxesAndGeographicIdentifiersAreSpatial() throws {
        func bound(_ name: String, _ value: String) -> String { "<gmd:\(name)><gco:Decimal>\(value)</gco:Decimal></gmd:\(name)>" }
        let identification = """
            <gmd:extent><gmd:EX_Extent><gmd:description>\(F.cs("Sverige"))</gmd:description><gmd:geographicElement>\
            <gmd:EX_GeographicBoundingBox>\(bound("westBoundLongitude", "10.03"))\(bound("eastBoundLongitude", " 24.17 "))\
            \(bound("southBoundLatitude", "55.33"))\(bound("northBoundLatitude", "69.06"))</gmd:EX_GeographicBoundingBox>\
            </gmd:geographicElement><gmd:geographicElement><gmd:EX_GeographicDescription><gmd:geographicIdentifier>\
            <gmd:MD_Identifier><gmd:code>\(F.anchor("http://publications.europa.eu/resource/authority/country/SWE", "Sverige"))</gmd:code>\
            </gmd:MD_Identifier></gmd:geographicIdentifier><gmd:geographicIdentifier><gmd:RS_Identifier><gmd:code>\(F.cs("Uppsala län"))\
            </gmd:code></gmd:RS_Identifier></gmd:geographicIdentifier></gmd:EX_GeographicDescription></gmd:geographicElement>\
            </gmd:EX_Extent></gmd:extent>
            """
        let dataset = try F.dataset(F.record(identification: identification))
        #expect(dataset.spatial == [
            SpatialCoverage(label: LocalizedText("Sverige", language: "sv"),
                            bbox: "POLYGON((10.03 55.33,10.03 69.06,24.17 69.06,24.17 55.33,10.03 55.33))"),
            SpatialCoverage(iri: "http://publications.europa.eu/resource/authority/country/SWE", label: LocalizedText("Sverige")),
            SpatialCoverage(label: LocalizedText("Uppsala län")),
        ])
    }

    @Test func keywordsKeepTheirLanguagesAndInspireThemesBecomeThemes() throws {
        let head = """
            <gmd:locale><gmd:PT_Locale id="EN"><gmd:languageCode>\(F.codeList("LanguageCode", "eng"))</gmd:languageCode>\
            </gmd:PT_Locale></gmd:locale>
            """
        let inspire = F.anchor("http://inspire.ec.europa.eu/theme/hy", "Hydrografi")
            + "<gmd:PT_FreeText><gmd:textGroup><gmd:LocalisedCharacterString locale=\"#EN\">Hydrography</gmd:LocalisedCharacterString></gmd:textGroup></gmd:PT_FreeText>"
        let identification = Self.keywords([F.cs("sjöar"), F.cs("vattendrag"), F.cs("sjöar")])
            + Self.keywords([inspire], thesaurus: "GEMET - INSPIRE themes, version 1.0")
            + Self.keywords([F.anchor("http://publications.europa.eu/resource/authority/data-theme/ENVI", "Miljö")])
            + "<gmd:topicCategory><gmd:MD_TopicCategoryCode>inlandWaters</gmd:MD_TopicCategoryCode></gmd:topicCategory>"
            + "<gmd:topicCategory><gmd:MD_TopicCategoryCode>elevation</gmd:MD_TopicCategoryCode></gmd:topicCategory>"
        let dataset = try F.dataset(F.record(head: head, identification: identification))
        #expect(dataset.keywords == [LangString("sjöar", language: "sv"), LangString("vattendrag", language: "sv"),
                                     LangString("Hydrografi", language: "sv"), LangString("Hydrography", language: "en"),
                                     LangString("Miljö", language: "sv")])
        // The INSPIRE theme hy is mapped onto ENVI, keeping its IRI as the raw value; the ENVI anchor and inlandWaters
        // map to ENVI too, which is already there; elevation has no data theme.
        #expect(dataset.themes.map(\.raw) == ["http://inspire.ec.europa.eu/theme/hy", "elevation"])
        #expect(dataset.themes[0].uri == DataTheme.authority + "ENVI")
        #expect(dataset.themes[1].uri == nil)
        #expect(dataset.extras["iso:topicCategory"] == ["inlandWaters", "elevation"])
        #expect(dataset.extras["iso:inspireTheme"] == ["Hydrografi"])
    }

    @Test func inspireThemesMapOntoDataThemesAndUnknownOnesStayRaw() throws {
        let anchors = [F.anchor("https://inspire.ec.europa.eu/theme/tn/", "Transportnät"),
                       F.anchor("http://inspire.ec.europa.eu/theme/pd", "Befolkningsfördelning"),
                       F.anchor("http://inspire.ec.europa.eu/theme/zz", "Okänt tema")]
        let dataset = try F.dataset(F.record(identification: Self.keywords(anchors, thesaurus: "GEMET - INSPIRE themes, version 1.0")))
        #expect(dataset.themes.map(\.uri) == [DataTheme.authority + "TRAN", DataTheme.authority + "SOCI",
                                              "http://inspire.ec.europa.eu/theme/zz"])
        #expect(dataset.themes.map(\.raw) == ["https://inspire.ec.europa.eu/theme/tn/", "http://inspire.ec.europa.eu/theme/pd",
                                              "http://inspire.ec.europa.eu/theme/zz"])
        #expect(dataset.themes.map(\.key) == ["TRAN", "SOCI", "zz"])
    }

    @Test func topicCategoriesMapOntoDataThemes() throws {
        let identification = ["farming", "transportation", "society"].map {
            "<gmd:topicCategory><gmd:MD_TopicCategoryCode>\($0)</gmd:MD_TopicCategoryCode></gmd:topicCategory>"
        }.joined()
        let dataset = try F.dataset(F.record(identification: identification))
        #expect(dataset.themes.map(\.uri) == ["AGRI", "TRAN", "SOCI"].map { DataTheme.authority + $0 })
        #expect(dataset.themes.map(\.raw) == ["farming", "transportation", "society"])
    }

    @Test func resourceLanguagesAndFrequency() throws {
        let identification = """
            <gmd:language>\(F.codeList("LanguageCode", "swe"))</gmd:language><gmd:language>\(F.cs("eng"))</gmd:language>\
            <gmd:resourceMaintenance><gmd:MD_MaintenanceInformation><gmd:maintenanceAndUpdateFrequency>\
            \(F.codeList("MD_MaintenanceFrequencyCode", "fortnightly"))</gmd:maintenanceAndUpdateFrequency>\
            </gmd:MD_MaintenanceInformation></gmd:resourceMaintenance>
            """
        let dataset = try F.dataset(F.record(identification: identification))
        #expect(dataset.languages.map(\.uri) == [Language.authority + "SWE", Language.authority + "ENG"])
        #expect(dataset.accrualPeriodicity?.uri == Frequency.authority + "BIWEEKLY")
        #expect(dataset.accrualPeriodicity?.raw == "fortnightly")
    }

    @Test(arguments: [("continual", "CONT"), ("daily", "DAILY"), ("weekly", "WEEKLY"), ("monthly", "MONTHLY"),
                      ("quarterly", "QUARTERLY"), ("biannually", "ANNUAL_2"), ("annually", "ANNUAL"), ("asNeeded", "IRREG"),
                      ("irregular", "IRREG"), ("notPlanned", "NEVER"), ("unknown", "UNKNOWN")])
    func everyMaintenanceCodeMaps(code: String, expected: String) throws {
        let identification = """
            <gmd:resourceMaintenance><gmd:MD_MaintenanceInformation><gmd:maintenanceAndUpdateFrequency>\
            \(F.codeList("MD_MaintenanceFrequencyCode", code))</gmd:maintenanceAndUpdateFrequency>\
            </gmd:MD_MaintenanceInformation></gmd:resourceMaintenance>
            """
        #expect(try F.dataset(F.record(identification: identification)).accrualPeriodicity?.uri == Frequency.authority + expected)
    }

    @Test func passedConformanceAndReferenceSystemsAreConformsTo() throws {
        func report(_ title: String, pass: String) -> String {
            """
            <gmd:report><gmd:DQ_DomainConsistency><gmd:result><gmd:DQ_ConformanceResult><gmd:specification><gmd:CI_Citation>\
            <gmd:title>\(title)</gmd:title></gmd:CI_Citation></gmd:specification><gmd:pass>\(pass)</gmd:pass>\
            </gmd:DQ_ConformanceResult></gmd:result></gmd:DQ_DomainConsistency></gmd:report>
            """
        }
        let quality = """
            <gmd:dataQualityInfo><gmd:DQ_DataQuality>\
            \(report(F.anchor("http://data.europa.eu/eli/reg/2010/1089", "Kommissionens förordning (EU) nr 1089/2010"), pass: "<gco:Boolean>true</gco:Boolean>"))\
            \(report(F.cs("Produktspecifikation 2.0"), pass: "<gco:Boolean>false</gco:Boolean>"))\
            \(report(F.cs("Nationell profil"), pass: ""))\
            <gmd:lineage><gmd:LI_Lineage><gmd:statement>\(F.cs("Digitaliserad från ekonomiska kartan."))</gmd:statement>\
            </gmd:LI_Lineage></gmd:lineage></gmd:DQ_DataQuality></gmd:dataQualityInfo>
            """
        let head = """
            <gmd:referenceSystemInfo><gmd:MD_ReferenceSystem><gmd:referenceSystemIdentifier><gmd:RS_Identifier>\
            <gmd:code>\(F.cs("3006"))</gmd:code><gmd:codeSpace>\(F.cs("EPSG"))</gmd:codeSpace></gmd:RS_Identifier>\
            </gmd:referenceSystemIdentifier></gmd:MD_ReferenceSystem></gmd:referenceSystemInfo>\
            <gmd:referenceSystemInfo><gmd:MD_ReferenceSystem><gmd:referenceSystemIdentifier><gmd:RS_Identifier>\
            <gmd:code>\(F.anchor("http://www.opengis.net/def/crs/EPSG/0/5730", "RH 2000"))</gmd:code></gmd:RS_Identifier>\
            </gmd:referenceSystemIdentifier></gmd:MD_ReferenceSystem></gmd:referenceSystemInfo>
            """
        let dataset = try F.dataset(F.record(head: head, tail: quality))
        #expect(dataset.conformsTo == ["http://data.europa.eu/eli/reg/2010/1089", "http://www.opengis.net/def/crs/EPSG/0/3006",
                                       "http://www.opengis.net/def/crs/EPSG/0/5730"])
        #expect(dataset.extras["iso:referenceSystem"] == ["EPSG:3006", "RH 2000"])
        #expect(dataset.extras["iso:conformance"] == ["Produktspecifikation 2.0: not conformant", "Nationell profil: not evaluated"])
        #expect(dataset.extras["dct:provenance"] == ["Digitaliserad från ekonomiska kartan."])
    }

    @Test func metadataStandardAndParentAreExtras() throws {
        let head = """
            <gmd:parentIdentifier>\(F.cs("serie-7"))</gmd:parentIdentifier>\
            <gmd:metadataStandardName>\(F.cs("ISO 19115"))</gmd:metadataStandardName>\
            <gmd:metadataStandardVersion>\(F.cs("2003/Cor 1:2006"))</gmd:metadataStandardVersion>
            """
        let dataset = try F.dataset(F.record(head: head))
        #expect(dataset.extras["iso:metadataStandard"] == ["ISO 19115 2003/Cor 1:2006"])
        #expect(dataset.extras["iso:parentIdentifier"] == ["serie-7"])
    }
}
