import Foundation
import Testing
@testable import KatalogModel

/// Records built to be large or strange: the mapper must stay bounded and never crash.
struct ISO19139HostileInputTests {
    typealias F = ISO19139Fixture

    @Test func hugeListsStopOnePastTheRecordLimits() throws {
        let limits = RecordLimits()
        let words = (0..<(limits.maxKeywords + 100)).map { "<gmd:keyword>\(F.cs("ord \($0)"))</gmd:keyword>" }.joined()
        let identification = "<gmd:descriptiveKeywords><gmd:MD_Keywords>\(words)</gmd:MD_Keywords></gmd:descriptiveKeywords>"
        let links = (0..<(limits.maxDistributions + 100)).map {
            "<gmd:onLine><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>https://example.org/f/\($0).csv</gmd:URL></gmd:linkage></gmd:CI_OnlineResource></gmd:onLine>"
        }.joined()
        let tail = "<gmd:distributionInfo><gmd:MD_Distribution><gmd:transferOptions><gmd:MD_DigitalTransferOptions>\(links)"
            + "</gmd:MD_DigitalTransferOptions></gmd:transferOptions></gmd:MD_Distribution></gmd:distributionInfo>"
        let xml = F.record(identification: identification, tail: tail)
        guard case .dataset(let record) = try F.map(xml) else {
            Issue.record("expected a dataset")
            return
        }
        #expect(record.dataset.keywords.count == limits.maxKeywords + 1)
        #expect(record.dataset.distributions.count == limits.maxDistributions + 1)
        // The collector still sees that the record breaks the limits and skips it.
        #expect(limits.violation(of: record) != nil)
    }

    @Test func manyConstraintStatementsAreBounded() throws {
        let statements = (0..<500).map { "<gmd:useLimitation>\(F.cs("villkor \($0)"))</gmd:useLimitation>" }.joined()
        let identification = "<gmd:resourceConstraints><gmd:MD_Constraints>\(statements)</gmd:MD_Constraints></gmd:resourceConstraints>"
        let rights = try #require(try F.dataset(F.record(identification: identification)).rights)
        #expect(rights.components(separatedBy: "\n\n").count == ISO19139Mapper.statementCap)
        #expect(rights.hasPrefix("villkor 0\n\nvillkor 1"))
    }

    @Test func elementsInTheWrongNamespaceAreNotRead() throws {
        // A record whose elements carry no namespace at all is not an ISO 19139 record.
        let bare = "<MD_Metadata><fileIdentifier><CharacterString>x</CharacterString></fileIdentifier></MD_Metadata>"
        #expect(try F.mappingError(bare)?.code == .invalidField)
        // A title in another namespace does not count.
        let foreign = F.record(title: "<other:CharacterString xmlns:other=\"urn:other\">Titel</other:CharacterString>")
        #expect(try F.mappingError(foreign)?.code == .missingField)
    }

    @Test func malformedCodesAndValuesDegrade() throws {
        let head = "<gmd:locale><gmd:PT_Locale id=\"X\"><gmd:languageCode>\(F.codeList("LanguageCode", "???"))</gmd:languageCode></gmd:PT_Locale></gmd:locale>"
        let title = F.cs("Titel") + "<gmd:PT_FreeText><gmd:textGroup><gmd:LocalisedCharacterString locale=\"#X\">Annan</gmd:LocalisedCharacterString></gmd:textGroup></gmd:PT_FreeText>"
        let bound = { (name: String, value: String) in "<gmd:\(name)><gco:Decimal>\(value)</gco:Decimal></gmd:\(name)>" }
        let identification = """
            <gmd:extent><gmd:EX_Extent><gmd:geographicElement><gmd:EX_GeographicBoundingBox>\
            \(bound("westBoundLongitude", "0x1p3"))\(bound("eastBoundLongitude", "nan"))\(bound("southBoundLatitude", "1"))\
            \(bound("northBoundLatitude", "2"))</gmd:EX_GeographicBoundingBox></gmd:geographicElement></gmd:EX_Extent></gmd:extent>\
            <gmd:language>\(F.codeList("LanguageCode", "xx-unknown-language"))</gmd:language>
            """
        let dataset = try F.dataset(F.record(language: "zzz", head: head, title: title, identification: identification))
        // The unknown record language `zzz` is kept as a tag; the undeclared locale `???` gives an untagged value.
        #expect(dataset.title.values == ["zzz": "Titel", "": "Annan"])
        #expect(dataset.spatial.isEmpty)
        #expect(dataset.languages == [Concept(raw: "xx-unknown-language")])
    }
}
