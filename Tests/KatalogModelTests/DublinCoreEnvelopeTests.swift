import Foundation
import KatalogRDF
import Testing
@testable import KatalogModel

/// A whole OAI-PMH `ListRecords` page read the way the harvester reads it: find each `oai_dc:dc`, map it with its
/// header identifier and its serialized XML as the raw record.
struct DublinCoreEnvelopeTests {
    static let oai = "http://www.openarchives.org/OAI/2.0/"

    static let page = """
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
          <responseDate>2026-12-07T03:00:00Z</responseDate>
          <request verb="ListRecords" metadataPrefix="oai_dc">https://repo.example/oai</request>
          <ListRecords>
            <record>
              <header><identifier>oai:repo.example:snd-1042</identifier><datestamp>2026-11-30</datestamp></header>
              <metadata>
                <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                           xml:lang="sv">
                  <dc:title>Fågelinventering i Skåne 1990–2000</dc:title>
                  <dc:title xml:lang="en">Bird survey in Scania 1990–2000</dc:title>
                  <dc:creator>Lindqvist, Karin</dc:creator>
                  <dc:subject>fåglar</dc:subject>
                  <dc:subject xml:lang="en">birds</dc:subject>
                  <dc:description>Årliga räkningar längs fasta linjer.</dc:description>
                  <dc:publisher>Lunds universitet</dc:publisher>
                  <dc:date>2001-06-15</dc:date>
                  <dc:date>2019-02-01</dc:date>
                  <dc:type>Dataset</dc:type>
                  <dc:format>text/csv</dc:format>
                  <dc:identifier>https://doi.org/10.5878/fagel-42</dc:identifier>
                  <dc:identifier>https://repo.example/record/1042/files/survey.csv</dc:identifier>
                  <dc:language>swe</dc:language>
                  <dc:coverage>1990-2000</dc:coverage>
                  <dc:coverage>Skåne</dc:coverage>
                  <dc:rights>info:eu-repo/semantics/openAccess</dc:rights>
                  <dc:rights>https://creativecommons.org/licenses/by/4.0/</dc:rights>
                </oai_dc:dc>
              </metadata>
            </record>
          </ListRecords>
        </OAI-PMH>
        """

    @Test func aListRecordsPageMapsItsRecordAndTheRawXMLMapsTheSame() throws {
        let root = try XMLDocumentReader.parse(Data(Self.page.utf8), location: "page.xml")
        let records = root.descendants(Self.oai, "record")
        #expect(records.count == 1)
        let record = try #require(records.first)
        let identifier = try #require(record.child(Self.oai, "header")?.child(Self.oai, "identifier")?.text)
        let dc = try #require(record.child(Self.oai, "metadata")?.children.first)
        let mapped = try DublinCoreMapper.map(dc, identifier: identifier, raw: dc.serialized(),
                                              sourceURL: "https://repo.example/oai", defaultLanguage: "en")
        let dataset = mapped.dataset
        #expect(mapped.sourceIdentifier == "oai:repo.example:snd-1042")
        // The record's own xml:lang beats the harvest's default language.
        #expect(dataset.title.values == ["sv": "Fågelinventering i Skåne 1990–2000", "en": "Bird survey in Scania 1990–2000"])
        #expect(dataset.keywords == [LangString("fåglar", language: "sv"), LangString("birds", language: "en")])
        #expect(dataset.publisher?.name.values == ["sv": "Lunds universitet"])
        #expect(dataset.creator?.name.values == ["sv": "Lindqvist, Karin"])
        #expect(dataset.issued?.normalized == "2001-06-15")
        #expect(dataset.modified?.normalized == "2019-02-01")
        #expect(dataset.iri == "https://doi.org/10.5878/fagel-42")
        #expect(dataset.landingPages == ["https://doi.org/10.5878/fagel-42"])
        #expect(dataset.distributions.map(\.downloadURLs) == [["https://repo.example/record/1042/files/survey.csv"]])
        #expect(dataset.distributions.first?.format?.uri == FileFormat.authority + "CSV")
        #expect(dataset.languages.map(\.uri) == [Language.authority + "SWE"])
        #expect(dataset.temporal.map { $0.end?.normalized } == ["2000"])
        #expect(dataset.spatial == [SpatialCoverage(label: LocalizedText("Skåne", language: "sv"))])
        #expect(dataset.accessRights?.uri == AccessRights.authority + "PUBLIC")
        #expect(dataset.license?.uri == License.authority + "CC_BY_4_0")
        #expect(dataset.rights == nil)
        #expect(dataset.extras == ["dc:creator": ["Lindqvist, Karin"], "dc:date": ["2001-06-15", "2019-02-01"],
                                   "dc:type": ["Dataset"], "dc:format": ["text/csv"]])

        // The stored raw record is self-contained: read again, it maps to the same dataset.
        let again = try XMLDocumentReader.parse(mapped.raw, location: "raw.xml")
        let remapped = try DublinCoreMapper.map(again, identifier: identifier, raw: mapped.raw,
                                                sourceURL: "raw.xml", defaultLanguage: "en")
        #expect(remapped.dataset == dataset)
    }
}
