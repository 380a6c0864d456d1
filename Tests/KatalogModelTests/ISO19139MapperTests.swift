import Foundation
import KatalogRDF
import Testing
@testable import KatalogModel

/// Identity, scope, errors and multilingual text of the ISO 19139 mapper.
struct ISO19139MapperTests {
    typealias F = ISO19139Fixture

    @Test func aMinimalRecordMapsWithItsRawBytes() throws {
        let xml = F.record(fileIdentifier: "  9f2c-uuid \n")
        guard case .dataset(let record) = try F.map(xml) else {
            Issue.record("expected a dataset")
            return
        }
        #expect(record.sourceIdentifier == "9f2c-uuid")
        #expect(record.rawFormat == "application/xml")
        #expect(record.raw == Data(xml.utf8))
        #expect(record.dataset.title.values == ["sv": "Titel"])
        #expect(record.dataset.iri == nil)
        #expect(record.dataset.extras["iso:hierarchyLevel"] == ["dataset"])
        #expect(record.dataset.extras["iso:fileIdentifier"] == ["9f2c-uuid"])
        #expect(record.dataset.identifiers.isEmpty)
        #expect(record.dataset.otherIdentifiers.isEmpty)
    }

    @Test func servicesAndOtherScopesAreNotDatasets() throws {
        guard case .notADataset(let identifier, let scope) = try F.map(F.record(fileIdentifier: "svc-1", scope: "service")) else {
            Issue.record("a service record must not be a dataset")
            return
        }
        #expect(identifier == "svc-1")
        #expect(scope == "service")
        guard case .notADataset(nil, "application") = try F.map(F.record(fileIdentifier: nil, scope: "application")) else {
            Issue.record("an application without identifier is still reported as not a dataset")
            return
        }
        for scope in ["series", "nonGeographicDataset", "DATASET"] {
            #expect(try F.dataset(F.record(scope: scope)).sourceIdentifier == "rec-1", "\(scope)")
        }
        // No hierarchyLevel means dataset (ISO 19115).
        #expect(try F.dataset(F.record(scope: nil)).extras["iso:hierarchyLevel"] == nil)
    }

    @Test func aRecordWithoutFileIdentifierOrTitleIsRejected() throws {
        let missing = try #require(try F.mappingError(F.record(fileIdentifier: nil)))
        #expect(missing.code == .missingIdentifier)
        let blank = try #require(try F.mappingError(F.record(fileIdentifier: "  ")))
        #expect(blank.code == .missingIdentifier)
        let untitled = try #require(try F.mappingError(F.record(title: F.cs(" "))))
        #expect(untitled.code == .missingField)
        #expect(untitled.recordIdentifier == "rec-1")
        let notMetadata = try #require(try F.mappingError("<gmd:CI_Citation \(F.namespaces)/>"))
        #expect(notMetadata.code == .invalidField)
    }

    @Test func miMetadataIsReadLikeMDMetadata() throws {
        let dataset = try F.dataset(F.record(root: "gmi:MI_Metadata"))
        #expect(dataset.title.best() == "Titel")
    }

    @Test func freeTextKeepsEveryLanguageThroughPTLocale() throws {
        let head = """
            <gmd:locale><gmd:PT_Locale id="EN"><gmd:languageCode>\(F.codeList("LanguageCode", "eng"))</gmd:languageCode>\
            </gmd:PT_Locale></gmd:locale>\
            <gmd:locale><gmd:PT_Locale id="locale-nob"><gmd:languageCode>\(F.codeList("LanguageCode", "nob"))</gmd:languageCode>\
            </gmd:PT_Locale></gmd:locale>
            """
        let title = """
            \(F.cs("Vattendrag"))<gmd:PT_FreeText>\
            <gmd:textGroup><gmd:LocalisedCharacterString locale="#EN">Watercourses</gmd:LocalisedCharacterString></gmd:textGroup>\
            <gmd:textGroup><gmd:LocalisedCharacterString locale="#locale-nob">Vassdrag</gmd:LocalisedCharacterString></gmd:textGroup>\
            <gmd:textGroup><gmd:LocalisedCharacterString locale="#FI">Vesistöt</gmd:LocalisedCharacterString></gmd:textGroup>\
            </gmd:PT_FreeText>
            """
        let abstract = "<gmd:abstract>\(F.cs("Sjöar och vattendrag."))</gmd:abstract>"
        let dataset = try F.dataset(F.record(head: head, title: title, identification: abstract))
        #expect(dataset.title.values == ["sv": "Vattendrag", "en": "Watercourses", "nb": "Vassdrag", "fi": "Vesistöt"])
        #expect(dataset.description.values == ["sv": "Sjöar och vattendrag."])
    }

    @Test func theMainTextTakesTheRecordLanguageElseTheDefault() throws {
        let french = try F.dataset(F.record(language: "fre"))
        #expect(french.title.values == ["fr": "Titel"])
        let german = try F.dataset(F.record(language: "ger"))
        #expect(german.title.values == ["de": "Titel"])
        let danish = try F.dataset(F.record(language: nil, head: "<gmd:language>\(F.cs("dan"))</gmd:language>"))
        #expect(danish.title.values == ["da": "Titel"])
        let defaulted = try F.dataset(F.record(language: nil), defaultLanguage: "nb")
        #expect(defaulted.title.values == ["nb": "Titel"])
        let untagged = try F.dataset(F.record(language: nil))
        #expect(untagged.title.values == ["": "Titel"])
    }

    @Test(arguments: [("swe", "sv"), ("eng", "en"), ("nor", "no"), ("nob", "nb"), ("nno", "nn"), ("dan", "da"), ("fin", "fi"),
                      ("fre", "fr"), ("fra", "fr"), ("ger", "de"), ("deu", "de"), ("isl", "is")])
    func iso639CodesBecomeBCP47Tags(code: String, tag: String) throws {
        #expect(try F.dataset(F.record(language: code)).title.values == [tag: "Titel"])
    }

    @Test func anAnchorTitleIsText() throws {
        let dataset = try F.dataset(F.record(title: F.anchor("https://example.org/t", "Ankartitel")))
        #expect(dataset.title.values == ["sv": "Ankartitel"])
    }

    @Test func resourceIdentifiersGiveTheIRIAndIdentifiers() throws {
        let citation = """
            <gmd:identifier><gmd:MD_Identifier><gmd:code>\(F.cs("lokal-42"))</gmd:code></gmd:MD_Identifier></gmd:identifier>\
            <gmd:identifier><gmd:RS_Identifier><gmd:code>\(F.anchor("https://data.example.se/id/vattendrag", "vattendrag"))</gmd:code>\
            </gmd:RS_Identifier></gmd:identifier>\
            <gmd:edition>\(F.cs("2.1"))</gmd:edition>
            """
        let dataset = try F.dataset(F.record(citation: citation))
        #expect(dataset.identifiers == ["lokal-42", "vattendrag", "https://data.example.se/id/vattendrag"])
        #expect(dataset.iri == "https://data.example.se/id/vattendrag")
        #expect(dataset.otherIdentifiers.isEmpty)
        #expect(dataset.version == "2.1")
        let plain = try F.dataset(F.record(citation: """
            <gmd:identifier><gmd:MD_Identifier><gmd:code>\(F.cs("http://id.example.no/ds/1"))</gmd:code>\
            </gmd:MD_Identifier></gmd:identifier>
            """))
        #expect(plain.iri == "http://id.example.no/ds/1")
        #expect(try F.dataset(F.record(citation: "<gmd:identifier><gmd:MD_Identifier><gmd:code>\(F.cs("urn:x:1"))</gmd:code></gmd:MD_Identifier></gmd:identifier>")).iri == nil)
    }

    @Test func dataSetURIIsTheLandingPageOnlyWhenItIsAWebAddress() throws {
        let web = try F.dataset(F.record(head: "<gmd:dataSetURI>\(F.cs("https://geodata.example.se/ds/1"))</gmd:dataSetURI>"))
        #expect(web.landingPages == ["https://geodata.example.se/ds/1"])
        let other = try F.dataset(F.record(head: "<gmd:dataSetURI>\(F.cs("urn:uuid:1"))</gmd:dataSetURI>"))
        #expect(other.landingPages.isEmpty)
    }

    @Test func oddInputNeverCrashes() throws {
        // Elements without namespace, empty properties, nil reasons, unknown codes, text where elements belong.
        let head = """
            <fileIdentifier>x</fileIdentifier><gmd:dateStamp gco:nilReason="missing"/>\
            <gmd:locale><gmd:PT_Locale><gmd:languageCode/></gmd:PT_Locale></gmd:locale>
            """
        let identification = """
            <gmd:extent><gmd:EX_Extent><gmd:geographicElement><gmd:EX_GeographicBoundingBox>\
            <gmd:westBoundLongitude><gco:Decimal>abc</gco:Decimal></gmd:westBoundLongitude></gmd:EX_GeographicBoundingBox>\
            </gmd:geographicElement><gmd:temporalElement><gmd:EX_TemporalExtent><gmd:extent><gml:TimePeriod>\
            <gml:beginPosition/><gml:endPosition indeterminatePosition="now"/></gml:TimePeriod></gmd:extent>\
            </gmd:EX_TemporalExtent></gmd:temporalElement></gmd:EX_Extent></gmd:extent>\
            <gmd:pointOfContact xlink:href="#p1"/><gmd:language/><gmd:topicCategory/>\
            <gmd:resourceMaintenance><gmd:MD_MaintenanceInformation><gmd:maintenanceAndUpdateFrequency>\
            \(F.codeList("MD_MaintenanceFrequencyCode", "everyBlueMoon"))</gmd:maintenanceAndUpdateFrequency>\
            </gmd:MD_MaintenanceInformation></gmd:resourceMaintenance>
            """
        let tail = """
            <gmd:distributionInfo><gmd:MD_Distribution><gmd:transferOptions><gmd:MD_DigitalTransferOptions>\
            <gmd:onLine><gmd:CI_OnlineResource><gmd:linkage><gmd:URL> </gmd:URL></gmd:linkage></gmd:CI_OnlineResource></gmd:onLine>\
            </gmd:MD_DigitalTransferOptions></gmd:transferOptions></gmd:MD_Distribution></gmd:distributionInfo>
            """
        let dataset = try F.dataset(F.record(head: head, identification: identification, tail: tail))
        #expect(dataset.spatial.isEmpty)
        #expect(dataset.temporal.isEmpty)
        #expect(dataset.distributions.isEmpty)
        #expect(dataset.publisher == nil)
        #expect(dataset.modified == nil)
        #expect(dataset.accrualPeriodicity == Concept(raw: "everyBlueMoon"))
    }
}
