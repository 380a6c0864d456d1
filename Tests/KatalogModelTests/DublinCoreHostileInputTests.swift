import Foundation
import Testing
@testable import KatalogModel

/// Records built to be large or strange: the Dublin Core mapper must stay bounded and never crash.
struct DublinCoreHostileInputTests {
    typealias F = DublinCoreFixture

    @Test func tenThousandSubjectsStopOnePastTheKeywordLimit() throws {
        let limits = RecordLimits()
        let subjects = (0..<10_000).map { F.dc("subject", "ämne \($0)") }.joined()
        let record = try F.map(F.record(subjects))
        #expect(record.dataset.keywords.count == limits.maxKeywords + 1)
        #expect(record.dataset.keywords.first == LangString("ämne 0"))
        // The collector still sees that the record breaks the limits and skips it.
        #expect(limits.violation(of: record) != nil)
    }

    @Test func manyFileRelationsStopOnePastTheDistributionLimit() throws {
        let limits = RecordLimits()
        let relations = (0..<(limits.maxDistributions + 500)).map { F.dc("relation", "https://repo.example/f/\($0).csv") }
        let dataset = try F.dataset(relations.joined())
        #expect(dataset.distributions.count == limits.maxDistributions + 1)
        #expect(dataset.extras["dc:relation"] == nil)
    }

    @Test func longListsInExtrasAndTextAreCapped() throws {
        let creators = (0..<1_000).map { F.dc("creator", "Person \($0)") }.joined()
        let descriptions = (0..<1_000).map { F.dc("description", "Stycke \($0)") }.joined()
        let rights = (0..<1_000).map { F.dc("rights", "Villkor \($0)") }.joined()
        let dataset = try F.dataset(creators + descriptions + rights)
        #expect(dataset.extras["dc:creator"]?.count == DublinCoreMapper.listCap)
        #expect(dataset.creator?.name.values == ["": "Person 0"])
        #expect(dataset.description.values[""]?.components(separatedBy: "\n\n").count == DublinCoreMapper.paragraphCap)
        #expect(dataset.rights?.components(separatedBy: "\n\n").count == DublinCoreMapper.listCap)
    }

    @Test func emptyElementsAreSkipped() throws {
        let body = "<dc:subject/><dc:subject>  \n </dc:subject><dc:date/><dc:identifier></dc:identifier>"
            + "<dc:creator> </dc:creator><dc:rights/><dc:coverage/><dc:language/>"
        let dataset = try F.dataset(body)
        #expect(dataset.keywords.isEmpty)
        #expect(dataset.issued == nil)
        #expect(dataset.identifiers.isEmpty)
        #expect(dataset.creator == nil)
        #expect(dataset.rights == nil)
        #expect(dataset.spatial.isEmpty && dataset.temporal.isEmpty)
        #expect(dataset.languages.isEmpty)
        #expect(dataset.extras.isEmpty)
    }

    @Test func elementsInOtherNamespacesAreIgnoredAndDCTermsAreRead() throws {
        let body = "<x:subject xmlns:x=\"urn:other\">främmande</x:subject><subject>namnlös</subject>"
            + "<dcterms:subject>luft</dcterms:subject><dcterms:abstract>Sammanfattning</dcterms:abstract>"
            + "<dc:subject>vatten</dc:subject>"
        let dataset = try F.dataset(body, title: "<x:title xmlns:x=\"urn:other\">Fel</x:title><dcterms:title>Rätt</dcterms:title>")
        #expect(dataset.title.values == ["": "Rätt"])
        #expect(dataset.keywords == [LangString("luft"), LangString("vatten")])
        #expect(dataset.description.isEmpty)
        // A title only in a foreign namespace is no title.
        let foreign = F.record(title: "<x:title xmlns:x=\"urn:other\">Fel</x:title>")
        #expect(try F.mappingError(foreign)?.code == .missingField)
    }

    @Test func nestedMarkupAndOddValuesDegrade() throws {
        let huge = String(repeating: "northlimit=1; ", count: 10_000)
        let body = "<dc:description>Text <b>fet</b></dc:description>" + F.dc("coverage", huge)
            + F.dc("date", String(repeating: "9", count: 5_000)) + F.dc("identifier", "10." + String(repeating: "1", count: 5_000) + "/x")
            + F.dc("coverage", "northlimit=1e999; southlimit=0; eastlimit=1; westlimit=0")
            + F.dc("language", String(repeating: "x", count: 10_000)) + F.dc("rights", String(repeating: "cc", count: 10_000))
        let dataset = try F.dataset(body)
        #expect(dataset.description.values == ["": "Text"])
        #expect(dataset.spatial.count == 2)
        #expect(dataset.spatial.allSatisfy { $0.bbox == nil })
        #expect(dataset.issued?.normalized == nil)
        #expect(dataset.iri == nil)
        #expect(dataset.languages.first?.uri == nil)
        #expect(dataset.license == nil)
    }
}
