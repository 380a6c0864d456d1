import Foundation
import Testing
@testable import KatalogModel

/// Checks mapped values of the shared data.json samples, field by field.
@Suite(.enabled(if: DataJSONSamples.folder != nil, "../shared/samples/datajson is absent beside the package"))
struct DataJSONValueTests {
    @Test func cftcCatalogue() throws {
        let dataset = try DataJSONSamples.dataset("datagov-harvester--dcatus.json", "cftc-dc1")
        #expect(dataset.title.values == ["": "Commitment of Traders"])
        #expect(dataset.publisher?.name.best() == "U.S. Commodity Futures Trading Commission")
        #expect(dataset.extras["publisher.subOrganizationOf"] == ["U.S. Government"])
        #expect(dataset.contactPoints == [ContactPoint(name: LocalizedText("Harold W. Hild"), email: "hhild@CFTC.GOV")])
        #expect(dataset.distributions.map(\.accessURLs) == [["https://www.cftc.gov/MarketReports/CommitmentsofTraders/index.htm"]])
        #expect(dataset.modified?.raw == "R/P1W")
        #expect(dataset.modified?.normalized == nil, "a repeating interval is no date")
        #expect(dataset.spatial == [SpatialCoverage(label: LocalizedText("United States"))])
        #expect(dataset.accessRights?.uri == AccessRights.authority + "PUBLIC")
        #expect(dataset.keywords.map(\.value) == ["commitment of traders", "cot", "open interest"])
        #expect(dataset.extras["bureauCode"] == ["339:00"])
        #expect(dataset.extras["programCode"] == ["000:000"])
        #expect(dataset.extras["isPartOf"] == ["some-collection-id"])
        #expect(dataset.extras["describedBy"] == ["https://www.cftc.gov/MarketReports/CommitmentsofTraders/ExplanatoryNotes/index.htm"])
        #expect(dataset.iri == nil, "cftc-dc1 is no IRI")
        let dated = try DataJSONSamples.dataset("datagov-harvester--dcatus.json", "cftc-dc5")
        #expect(dated.modified?.normalized == "2011-06-30")
    }

    @Test func philadelphiaLicencesAndFormats() throws {
        let name = "datagov-harvester--dcatus_with_none.json"
        let open = try DataJSONSamples.dataset(name, "philadelphia-neighborhoods")
        #expect(open.license?.uri == License.authority + "CC_BY_4_0")
        #expect(open.license?.raw == "https://creativecommons.org/licenses/by/4.0/")
        #expect(open.modified == nil, "modified: null")
        #expect(open.distributions.first?.format?.uri == FileFormat.authority + "SHP")
        #expect(open.distributions.first?.mediaType == "application/zip")

        let city = try DataJSONSamples.dataset(name, "2009-2012-police-advisory-commission-complaints")
        #expect(city.license?.uri == "https://metadata.phila.gov/#help/help-faqs/what-are-the-terms-of-use/", "an unknown licence keeps its URL")
        #expect(city.distributions.count == 5)
        #expect(city.distributions[0].format?.uri == FileFormat.authority + "CSV")
        #expect(city.distributions[0].downloadURLs.first?.hasPrefix("https://opendata.arcgis.com/api/v3/datasets/") == true)
        #expect(city.distributions[3].accessURLs == ["https://services.arcgis.com/fLeGjb7u4uXqeF9q/arcgis/rest/services/PAC_Complaints_2009_2012/FeatureServer/0/query?outFields=%2A&where=1%3D1"])
        #expect(city.distributions[4].format?.uri == FileFormat.authority + "HTML")
        #expect(city.publisher?.name.best() == "City of Philadelphia")
        #expect(city.spatial.first?.label?.best() == "Philadelphia, Pennsylvania")
    }

    @Test func usgsBoundingBoxAndParents() throws {
        let dataset = try DataJSONSamples.dataset("datagov-harvester--dcatus_long_description.json", "USGS:72823231-40c4-4cb2-833a-609c97e474ba")
        #expect(dataset.iri == "http://datainventory.doi.gov/id/dataset/82b5d36a04c2d266dd44cbf4627c5217")
        #expect(dataset.publisher?.iri == "http://www.usa.gov/ont/bodies#USGS")
        #expect(dataset.extras["publisher.subOrganizationOf"] == ["U.S. Department of the Interior", "White House"])
        #expect(dataset.spatial == [SpatialCoverage(bbox: "-123.425204,41.972926,-120.483416,43.490807")])
        #expect(dataset.modified?.normalized == "2020-11-17")
        #expect(dataset.distributions[1].downloadURLs == ["https://data.usgs.gov/datacatalog/metadata/USGS.72823231-40c4-4cb2-833a-609c97e474ba.xml"])
        #expect(dataset.distributions[1].conformsTo == ["https://www.fgdc.gov/schemas/metadata/"])
        #expect(dataset.distributions[1].format?.uri == FileFormat.authority + "XML")
        #expect(dataset.themes.map(\.raw) == ["geospatial"])
    }

    @Test func untranslatableSpatialStaysAsPublished() throws {
        let dataset = try DataJSONSamples.dataset("datagov-harvester--dcatus_spatial_no_translate.json", "cftc-dc1 (cant translate spatial)")
        let label = try #require(dataset.spatial.first?.label?.best())
        #expect(label.hasPrefix("[[{\"WestBoundingCoordinate\":-54.185"))
        #expect(dataset.spatial.first?.bbox == nil)
    }

    @Test func dcatUS3DatasetsContactsAndDates() throws {
        let name = "datagov-harvester--dcatus3_0.json"
        let one = try DataJSONSamples.dataset(name, "https://example.gov/datasets/one")
        #expect(one.iri == "https://example.gov/datasets/one")
        #expect(one.publisher?.name.best() == "Test Agency")
        #expect(one.contactPoints == [ContactPoint(name: LocalizedText("Test Contact One"), email: "one@example.gov")])
        let three = try DataJSONSamples.dataset(name, "https://example.gov/datasets/three")
        #expect(three.title.best() == "Test Dataset Three", "an Identifier object's @id identifies")

        let warned = "datagov-harvester--dcatus3_0_warning.json"
        let dates = try DataJSONSamples.dataset(warned, "https://example.gov/datasets/warning-one")
        #expect(dates.issued?.normalized == "2030-01-01")
        #expect(dates.modified?.normalized == "2020-01-01")
        let file = try DataJSONSamples.dataset(warned, "https://example.gov/datasets/warning-two")
        #expect(file.distributions.first?.downloadURLs == ["https://example.gov/datasets/warning-two.csv"])
        #expect(file.distributions.first?.mediaType == "notareal/type")
        #expect(file.distributions.first?.format?.uri == FileFormat.authority + "CSV", "the URL's extension beats an unknown media type")
    }

    @Test func nestedCataloguesSeriesAndServicesFlatten() throws {
        let nested = try DataJSONSamples.catalogue("datagov-harvester--dcatus3_0_nested_catalog.json")
        #expect(nested.entries.map(\.path) == ["dataset[0]", "catalog[0].dataset[0]", "catalog[0].catalog[0].dataset[0]"])
        #expect(nested.entries.last?.identifier == "https://example.gov/datasets/nested-grandchild")

        let series = try DataJSONSamples.catalogue("datagov-harvester--dcatus3_0_series_member_also_top_level.json")
        #expect(series.entries.map(\.identifier) == ["https://example.gov/datasets/annual-report-2023",
                                                      "https://example.gov/series/annual-report",
                                                      "https://example.gov/datasets/annual-report-2024"])
        #expect(series.entries.map(\.kind) == [.dataset, .series, .dataset])
        #expect(series.mergedDuplicates == 1)
        #expect(series.entries[0].series == ["https://example.gov/series/annual-report"])
        let member = try #require(try series.record(at: 2, sourceURL: "t", defaultLanguage: nil).get())
        #expect(member.dataset.extras["inSeries"] == ["https://example.gov/series/annual-report"])
        // The series is a record of its own, as a dcat:DatasetSeries is in DCAT RDF, though it has no publisher
        // or contact point; its raw record leaves out the embedded members.
        let record = try #require(try series.record(at: 1, sourceURL: "t", defaultLanguage: nil).get())
        #expect(record.dataset.title.best() == "Annual Report Series")
        #expect(record.dataset.description.best() == "A series of annual reports, one dataset per year.")
        #expect(record.dataset.extras["rdf:type"] == ["dcat:DatasetSeries"])
        #expect(record.dataset.publisher == nil)
        #expect(!String(decoding: record.raw, as: UTF8.self).contains("seriesMember"))
        #expect(series.skipped.isEmpty)

        let members = try DataJSONSamples.catalogue("datagov-harvester--dcatus3_0_series_with_members.json")
        #expect(members.entries.count == 3)
        #expect(members.mergedDuplicates == 2, "first and last repeat members")

        let served = try DataJSONSamples.catalogue("datagov-harvester--dcatus3_0_service_serves_dataset.json")
        #expect(served.entries.map(\.path) == ["service[0].servesDataset[0]"])
        #expect(served.skipped.first?.kind == .dataService)
        #expect(served.skipped.first?.identifier == "https://example.gov/services/one")

        let anonymous = try DataJSONSamples.catalogue("datagov-harvester--dcatus3_0_service_no_identifier.json")
        #expect(anonymous.skipped.first?.error?.code == .missingIdentifier)
        #expect(anonymous.skipped.first?.error?.field == "service[0].identifier")

        let records = try DataJSONSamples.catalogue("datagov-harvester--dcatus3_0_record_no_id.json")
        #expect(records.skipped.map(\.kind) == [.catalogRecord])
        #expect(records.skipped.first?.error?.field == "record[0].@id")
    }
}
