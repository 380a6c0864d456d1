import Foundation
import Testing
@testable import KatalogModel

/// Maps the public CKAN samples in `../shared/samples/ckan` (skipped, with the reason, when that folder is absent).
@Suite(.enabled(if: TestSupport.sharedCKANSamples != nil, "../shared/samples/ckan is absent beside the package"))
struct CKANSampleTests {
    static func sample(_ name: String) throws -> JSONValue? {
        guard let folder = TestSupport.sharedCKANSamples else { return nil }
        return try JSONValue.decode(Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static var sampleNames: [String] {
        guard let folder = TestSupport.sharedCKANSamples,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test func everySampleMapsWithoutError() throws {
        let names = Self.sampleNames
        #expect(names.count >= 10, "the shared folder should hold the ckanext-dcat and udata samples")
        var mapped = 0
        for name in names {
            let document = try #require(try Self.sample(name))
            for package in TestSupport.packages(in: document) {
                let record = try CKANMapper.record(from: package)
                #expect(!record.sourceIdentifier.isEmpty, "\(name)")
                #expect(record.rawFormat == "application/json")
                #expect(try JSONValue.decode(record.raw) == package, "\(name): raw bytes must decode to the package")
                mapped += 1
            }
        }
        #expect(mapped >= names.count)
    }

    @Test func multilingualTitlesDescriptionsAndKeywords() throws {
        guard let package = try Self.sample("ckanext-dcat--ckan_dataset_multilingual.json") else { return }
        let dataset = try CKANMapper.dataset(from: package)
        #expect(dataset.sourceIdentifier == "test-dataset-multilingual")
        #expect(dataset.title.values == ["en": "Test DCAT dataset", "ca": "Conjunt de dades de prova DCAT",
                                         "es": "Conjunto de datos de prueba DCAT"])
        #expect(dataset.description.values["ca"] == "Una descripció qualsevol")
        #expect(dataset.keywords.contains(LangString("Roures", language: "ca")))
        #expect(dataset.keywords.contains(LangString("Oaks", language: "en")))
        #expect(!dataset.keywords.contains(LangString("Oaks")), "the untagged tag duplicates the English one")
        #expect(dataset.languages.compactMap(\.uri) == ["ENG", "CAT", "SPA"].map { Language.authority + $0 })
        #expect(dataset.issued?.normalized == "2024-05-01")
        #expect(dataset.modified?.normalized == "2024-05-05")
        #expect(dataset.version == "1.0b")
        let resource = try #require(dataset.distributions.first)
        #expect(resource.title.values["es"] == "Recurso 1")
        #expect(resource.format?.uri == FileFormat.authority + "CSV")
        #expect(resource.downloadURLs == ["https://example.com/data.csv"])
        #expect(dataset.contactPoints.first?.email == "contact1@example.org")
        #expect(dataset.contactPoints.first?.name.values["ca"] == "Contacte 1")
    }

    @Test func schemingDCATAPFields() throws {
        guard let package = try Self.sample("ckanext-dcat--ckan_full_dataset_dcat_ap.json") else { return }
        let dataset = try CKANMapper.dataset(from: package)
        #expect(dataset.accrualPeriodicity?.uri == Frequency.authority + "MONTHLY")
        #expect(dataset.identifiers == ["xx-some-dataset-id-yy"])
        #expect(dataset.otherIdentifiers == ["alt-id-1", "alt-id-2"])
        #expect(dataset.themes.map(\.raw) == ["https://example.org/uri/theme1", "https://example.org/uri/theme2", "https://example.org/uri/theme3"])
        #expect(dataset.accessRights?.raw == "Statement about access rights")
        #expect(dataset.accessRights?.uri == nil)
        #expect(dataset.publisher?.iri == "http://example.org/publisher-id")
        #expect(dataset.publisher?.name.best() == "Test Publisher")
        #expect(dataset.creator?.email == "creator@example.org")
        #expect(dataset.temporal.count == 2)
        #expect(dataset.temporal.first?.start?.normalized == "1905-03-01")
        #expect(dataset.spatial.first?.iri == "https://sws.geonames.org/6361390/")
        #expect(dataset.spatial.first?.geometry?.contains("Polygon") == true)
        #expect(dataset.landingPages == ["http://example.org/ds1"])
        #expect(dataset.conformsTo == ["Standard 1", "Standard 2"])
        #expect(dataset.extras["provenance"] == ["Statement about provenance"])
        let resource = try #require(dataset.distributions.first)
        #expect(resource.byteSize == 12323)
        #expect(resource.checksum == Checksum(algorithm: "sha1", value: "4304cf2e751e6053c90b1804c89c0ebb758f395a"))
        #expect(resource.license?.uri == License.authority + "CC_BY_3_0")
        #expect(resource.languages.count == 3)
        #expect(resource.status?.raw == "http://purl.org/adms/status/Completed")
    }

    @Test func legacyExtrasCarryTheSameFields() throws {
        guard let package = try Self.sample("ckanext-dcat--ckan_full_dataset_dcat_ap_legacy.json") else { return }
        let dataset = try CKANMapper.dataset(from: package)
        #expect(dataset.issued?.normalized == "2024-05-01")
        #expect(dataset.accrualPeriodicity?.uri == Frequency.authority + "MONTHLY")
        #expect(dataset.otherIdentifiers == ["alt-id-1", "alt-id-2"])
        #expect(dataset.languages.count == 3)
        #expect(dataset.publisher?.name.best() == "Test Publisher")
        #expect(dataset.publisher?.email == "publisher@example.org")
        #expect(dataset.contactPoints.first?.email == "contact1@example.org")
        #expect(dataset.temporal == [TemporalRange(start: DateValue(raw: "1905-03-01"), end: DateValue(raw: "2013-01-05"))])
        #expect(dataset.spatial.first?.geometry?.hasPrefix("{\"type\":\"Polygon\"") == true)
        #expect(dataset.spatial.first?.label?.best() == "Tarragona")
        #expect(dataset.distributions.first?.languages.count == 3, "a JSON list held in a string")
    }

    @Test func legacyCKANPackageWithCoreFields() throws {
        guard let package = try Self.sample("ckanext-dcat--full_ckan_dataset_legacy.json") else { return }
        let dataset = try CKANMapper.dataset(from: package)
        #expect(dataset.sourceIdentifier == "756d6426-d52d-492a-a263-599ad1caa123")
        #expect(dataset.license == nil)
        #expect(dataset.issued?.normalized == "2012-05-10", "dcat_issued wins over metadata_created")
        #expect(dataset.languages.compactMap(\.uri).count == 3)
        #expect(dataset.keywords.count == 7)
        #expect(dataset.contactPoints.map(\.email) == ["info@gs.org", "johndoe@example.com"])
        #expect(dataset.distributions.first?.format?.uri == FileFormat.authority + "HTML")
        #expect(dataset.distributions.first?.mediaType == "text/html")
        #expect(dataset.distributions.first?.downloadURLs == [], "a web page is not a download")
        #expect(dataset.distributions.first?.accessURLs == ["http://www.bgs.ac.uk/gbase/geochemcd/home.html"])
        #expect(dataset.extras["INSPIRE"] == ["True"])
        #expect(dataset.extras["ckan_name"] == ["zimbabwe-regional-geochemical-survey"])
    }

    @Test func udataEnvelopeWithLicenceTitleAndPrivateFlag() throws {
        guard let document = try Self.sample("udata--dkan-french-w-license.json") else { return }
        let package = try #require(TestSupport.packages(in: document).first)
        #expect(CKANMapper.unpublishableReason(package) == .private)
        let dataset = try CKANMapper.dataset(from: package)
        #expect(dataset.license?.uri == "https://www.etalab.gouv.fr/licence-ouverte-open-licence")
        #expect(dataset.distributions.first?.format?.uri == FileFormat.authority + "XLSX")
        #expect(dataset.distributions.first?.byteSize == nil, "\"42 octets\" is not a byte count")
    }
}
