import Foundation
import KatalogModel
import Testing
@testable import KatalogHarvest

extension DCATSampleSuites {
    /// Mapped values of the RDF/XML samples after a harvest through the DCAT adapter; every expected value is read
    /// off the document.
    @Suite
    struct DCATSampleRDFXMLTests {
        static let license = License.authority
        static let fileType = FileFormat.authority

        @Test func swedishNobelDataset() async throws {
            let harvested = try await DCATSampleHarness.harvest("ckanext-dcat--dataset_sweden.rdf")
            let dataset = try harvested.dataset("http://nobelprize.org/datasets/dcat#ds1")
            // The document gives the dataset one title, in English, and an untagged description.
            #expect(dataset.title.values == ["en": "Linked Nobel prizes"])
            #expect(dataset.description.values
                    == ["": "This dataset contains Nobel prizes, Nobel laureates and information about related media resources."])
            #expect(dataset.keywords == [LangString("Nobel prize"), LangString("prize"), LangString("science")])
            // The dataset's own publisher node (the catalogue has a twin of it).
            let publisher = try #require(dataset.publisher)
            #expect(publisher.name.values == ["": "Nobel Media AB"])
            #expect(publisher.iri == nil)
            #expect(publisher.type?.uri == "http://purl.org/adms/publishertype/Company")
            // adms:contactPoint (DCAT-AP 1.0) with a vCard telephone node and a mailto: IRI.
            #expect(dataset.contactPoints == [ContactPoint(name: LocalizedText("Nobel Media AB"), email: "info@nobelmedia.org",
                                                           telephone: "086631722")])
            #expect(dataset.themes.map(\.raw) == ["http://eurovoc.europa.eu/100142"])
            #expect(dataset.issued?.normalized == "2014-01-15")
            #expect(dataset.modified?.normalized == "2014-08-27")
            #expect(dataset.languages.map(\.raw) == ["http://publications.europa.eu/resource/authority/language/ENG"])
            #expect(dataset.languages.map(\.key) == ["ENG"])
            #expect(dataset.landingPages == ["http://data.nobelprize.org/"])
            #expect(dataset.conformsTo
                    == ["http://www.nobelprize.org/nobel_organizations/nobelmedia/nobelprize_org/developer/manual-linkeddata/terms.html"])
            #expect(dataset.temporal == [TemporalRange(start: DateValue(raw: "1905-03-01"), end: DateValue(raw: "2013-01-05"))])
            #expect(dataset.spatial == [SpatialCoverage(iri: "http://sws.geonames.org/2673730", label: LocalizedText("Stockholm"))])
            #expect(dataset.accrualPeriodicity?.raw == "http://purl.org/cld/freq/daily")
            #expect(dataset.accrualPeriodicity?.uri == Frequency.authority + "DAILY")
            // The licence is the distribution's; the catalogue's CC0 is not the dataset's.
            #expect(dataset.license == nil)

            #expect(dataset.distributions.count == 1)
            let distribution = try #require(dataset.distributions.first)
            #expect(distribution.identifier == "http://nobelprize.org/datasets/dcat#dist1")
            #expect(distribution.title.values == ["en": "Linked Data endpoint"])
            #expect(distribution.description.values == ["en": "Provides browsable linked data and a SPARQL endpoint."])
            #expect(distribution.accessURLs == ["http://data.nobelprize.org/"])
            #expect(distribution.downloadURLs.isEmpty)
            #expect(distribution.license?.raw == "http://creativecommons.org/licenses/by-nc/3.0/")
            #expect(distribution.license?.uri == Self.license + "CC_BYNC_3_0")
            // DCAT-AP-SE puts media types in dct:format: the first one is the format and the media type.
            #expect(distribution.format?.raw == "application/rdf+xml")
            #expect(distribution.format?.uri == Self.fileType + "RDF_XML")
            #expect(distribution.mediaType == "application/rdf+xml")
            #expect(dataset.formatKeys == ["RDF_XML"])
        }

        @Test(arguments: ["ckanext-dcat--catalog.rdf", "ckanext-dcat--catalog_datasets_list.rdf"])
        func theTwoExampleDatasets(_ name: String) async throws {
            let harvested = try await DCATSampleHarness.harvest(name)
            let first = try harvested.dataset("https://data.some.org/catalog/datasets/1")
            #expect(first.title.values == ["": "Example dataset 1"])
            #expect(first.description.values == ["": "A longer description of dataset 1: includes three distributions, a CSV file, "
                                                      + "a PDF file and an API. Some special characters: Θεσσαλονίκη."])
            #expect(first.identifiers == ["https://data.some.org/catalog/datasets/1"])
            #expect(first.keywords == [LangString("stats"), LangString("pollution")])
            #expect(first.issued?.normalized == "2013-04-26T00:00:00Z")
            #expect(first.modified?.raw == "2013-04-26T00:00:00Z")
            // dct:language in the catalogue, dc:language in the list: both say English.
            #expect(first.languages.map(\.raw) == ["en"])
            #expect(first.languages.map(\.key) == ["ENG"])
            #expect(first.license?.raw == "https://data.some.org/link/to/license")
            #expect(first.license?.uri == nil)
            #expect(first.publisher == Agent(name: LocalizedText("Publishing Organization for dataset 1"), email: "contact@some.org"))
            #expect(first.distributions.map(\.identifier) == (1...3).map { "https://data.some.org/catalog/datasets/1/distribution/\($0)" })
            let csv = first.distributions[0], pdf = first.distributions[1], api = first.distributions[2]
            #expect(csv.title.values == ["": "A distribution for this dataset in CSV format"])
            #expect(csv.downloadURLs == ["https://data.some.org/the/actual/catalog/datasets/1/resources/1.csv"])
            #expect(csv.mediaType == "text/csv")
            #expect(csv.license?.raw == "https://data.some.org/link/to/license")
            // A dct:IMT node's rdf:value is the format and the media type.
            #expect(pdf.format?.uri == Self.fileType + "PDF")
            #expect(pdf.mediaType == "application/pdf")
            #expect(pdf.downloadURLs == ["https://data.some.org/the/actual/catalog/datasets/1/resources/2.pdf"])
            #expect(api.accessURLs == ["https://data.some.org/the/actual/catalog/link/to/an/api"])
            #expect(api.downloadURLs.isEmpty && api.format == nil && api.mediaType == nil)

            let second = try harvested.dataset("https://data.some.org/catalog/datasets/2")
            #expect(second.title.values == ["": "Example dataset 2"])
            #expect(second.description.best()?.hasSuffix("Some special characters: Łódź") == true)
            #expect(second.keywords.map(\.value) == ["stats", "education", "sloths"])
            #expect(second.issued == DateValue(raw: "2012-06-21"))
            #expect(second.issued?.precision == .day)
            #expect(second.modified?.normalized == "2013-04-01")
            #expect(second.license == nil)
            #expect(second.publisher?.email == "contact@another.org")
            #expect(second.distributions.map(\.format?.raw) == ["html", "application/pdf"])
            #expect(second.formatKeys == ["HTML", "PDF"])
            #expect(second.distributions.first?.downloadURLs == ["https://external.site.org/"])
        }

        @Test func geochemicalSurveyWithEveryDCATAPProperty() async throws {
            let harvested = try await DCATSampleHarness.harvest("ckanext-dcat--dataset.rdf")
            let dataset = try harvested.dataset("https://data.some.org/catalog/datasets/9df8df51-63db-37a8-e044-0003ba9b0d98")
            #expect(dataset.title.values == ["": "Zimbabwe Regional Geochemical Survey."])
            #expect(dataset.description.best()?.hasPrefix("During the period 1982-86 a team of geologists") == true)
            #expect(dataset.landingPages == ["http://dataset.info.org"])
            #expect(dataset.keywords.map(\.value) == ["exploration", "geochemistry", "geology"])
            #expect(dataset.issued?.normalized == "2012-05-10")
            #expect(dataset.modified?.raw == "2012-05-10T21:04")
            #expect(dataset.identifiers == ["9df8df51-63db-37a8-e044-0003ba9b0d98"])
            #expect(dataset.otherIdentifiers == ["alternate-identifier-1", "alternate-identifier-2"])
            #expect(dataset.version == "2.3")
            #expect(dataset.languages.map(\.key) == ["ENG", "SPA", "CAT"])
            #expect(dataset.themes.map(\.raw) == ["http://eurovoc.europa.eu/100142", "http://eurovoc.europa.eu/209065", "Earth Sciences"])
            #expect(dataset.conformsTo == ["Standard 1", "Standard 2"])
            #expect(dataset.license?.raw == "https://data.some.org/link/to/license")
            #expect(dataset.spatial.contains(SpatialCoverage(iri: "http://publications.europa.eu/mdr/authority/country/ZWE")))
            #expect(dataset.spatial.contains { $0.geometry?.hasPrefix("POLYGON ((11.9936 54.0486") == true })
            #expect(dataset.accrualPeriodicity?.uri == Frequency.authority + "DAILY")
            #expect(dataset.accessRights?.raw == "public")
            #expect(dataset.accessRights?.uri == AccessRights.authority + "PUBLIC")
            #expect(dataset.temporal == [TemporalRange(start: DateValue(raw: "1905-03-01"), end: DateValue(raw: "2013-01-05"))])
            #expect(dataset.contactPoints == [ContactPoint(name: LocalizedText("Point of Contact"), email: "contact@some.org",
                                                           url: "https://example.org")])
            let publisher = try #require(dataset.publisher)
            #expect(publisher.iri == "http://orgs.vocab.org/some-org")
            #expect(publisher.name.values == ["": "Publishing Organization for dataset 1"])
            #expect(publisher.email == "contact@some.org")
            #expect(publisher.homepage == "http://some.org")
            #expect(publisher.identifier == "https://ror.org/05wg1m734")
            #expect(publisher.type?.raw == "http://purl.org/adms/publishertype/NonProfitOrganisation")
            #expect(dataset.creator?.iri == "http://example.org/creator-org")
            #expect(dataset.creator?.name.best() == "Creating Organization for dataset 1")
            #expect(dataset.creator?.identifier == "https://ror.org/05wg1m735")
            #expect(dataset.extras["dct:provenance"] == ["Some statement about provenance"])
            #expect(dataset.extras["dct:type"] == ["test-type"])
            #expect(dataset.extras["foaf:page"] == ["http://dataset.info.org/doc1", "http://dataset.info.org/doc2"])
            #expect(dataset.extras["dct:isVersionOf"] == ["https://data.some.org/catalog/datasets/original-dataset"])
            #expect(dataset.extras["dct:isReferencedBy"] == ["https://doi.org/10.1038/sdata.2018.22", "test_isreferencedby"])
            #expect(dataset.extras["dcatap:applicableLegislation"]
                    == ["http://data.europa.eu/eli/reg_impl/2023/138/oj", "http://data.europa.eu/eli/reg_impl/2023/138/oj_alt"])
            #expect(dataset.extras["adms:versionNotes"] == ["New schema added"])
            #expect(dataset.extras["dcat:temporalResolution"] == ["PT15M"])
            #expect(dataset.extras["dcat:spatialResolutionInMeters"] == ["1.5"])

            let distribution = try #require(dataset.distributions.first)
            #expect(dataset.distributions.count == 1)
            #expect(distribution.identifier == "https://data.some.org/catalog/datasets/9df8df51-63db-37a8-e044-0003ba9b0d98/1")
            #expect(distribution.title.values == ["": "Some website"])
            #expect(distribution.accessURLs == ["http://www.bgs.ac.uk/gbase/geochemcd/home.html"])
            #expect(distribution.format?.uri == Self.fileType + "HTML")
            #expect(distribution.mediaType == "text/html")
            #expect(distribution.byteSize == 12323)
            #expect(distribution.checksum == Checksum(algorithm: "sha1", value: "4304cf2e751e6053c90b1804c89c0ebb758f395a"))
            #expect(distribution.license?.raw == "http://creativecommons.org/licenses/by-nc/2.0/")
            #expect(distribution.license?.uri == Self.license + "CC_BYNC_2_0")
            #expect(distribution.rights == "Some statement about rights")
            #expect(distribution.status?.raw == "http://purl.org/adms/status/Completed")
            #expect(distribution.languages.map(\.raw) == ["en", "es", "ca"])
            #expect(distribution.conformsTo == ["Standard 1", "Standard 2"])
            #expect(distribution.issued?.normalized == "2012-05-11")
            #expect(distribution.modified?.raw == "2012-05-01T00:04:06")
        }

        @Test func rostockDeliveryServicesFromGovData() async throws {
            let harvested = try await DCATSampleHarness.harvest("ckanext-dcat--dataset_gov_de.rdf")
            let dataset = try harvested.dataset("https://www.opendata-hro.de/dataset/c1be4007-d811-48fb-8818-2cb358b06a63")
            #expect(dataset.title.values == ["": "Liefer- und Abholservices (Gastronomie)"])
            #expect(dataset.description.best()?.hasPrefix("Dieser Datensatz umfasst die Standorte") == true)
            #expect(dataset.identifiers == ["c1be4007-d811-48fb-8818-2cb358b06a63"])
            #expect(dataset.landingPages == ["https://www.opendata-hro.de/dataset/c1be4007-d811-48fb-8818-2cb358b06a63"])
            #expect(dataset.accessRights?.uri == AccessRights.authority + "PUBLIC")
            #expect(dataset.keywords.count == 8)
            #expect(dataset.keywords.last == LangString("ökonomie"))
            #expect(dataset.issued?.raw == "2020-04-21T11:59:39.642528")
            #expect(dataset.modified?.raw == "2024-05-08T04:11:24.309486")
            #expect(dataset.languages.map(\.key) == ["DEU"])
            #expect(dataset.themes.map(\.uri) == ["http://publications.europa.eu/resource/authority/data-theme/ECON"])
            #expect(dataset.conformsTo == ["http://dcat-ap.de/def/dcatde/"])
            let office = "Hanse- und Universitätsstadt Rostock – Kataster-, Vermessungs- und Liegenschaftsamt"
            #expect(dataset.contactPoints == [ContactPoint(name: LocalizedText(office), email: "geodienste@rostock.de")])
            #expect(dataset.publisher == Agent(iri: "https://www.opendata-hro.de/organization/b952e781-ab4c-456a-8e7a-2845f7efaf83",
                                               name: LocalizedText("Hanse- und Universitätsstadt Rostock")))
            #expect(dataset.creator?.name.best() == office)
            #expect(dataset.creator?.email == "geodienste@rostock.de")
            // The location's first geometry (GeoJSON); the WKT twin follows it in the document.
            #expect(dataset.spatial.first?.geometry?.hasPrefix("{\"type\":\"Polygon\"") == true)
            // The second location names only its administrative unit (a DCAT-AP.de regional key).
            #expect(dataset.spatial.count == 2)
            #expect(dataset.spatial.last?.iri == "http://dcat-ap.de/def/politicalGeocoding/regionalKey/130030000000")
            #expect(dataset.extras["dcatap:hvdCategory"] == ["http://data.europa.eu/bna/c_e1da4e07"])

            let distributions = dataset.distributions
            #expect(distributions.count == 9)
            #expect(dataset.formatKeys == ["GEOJSON", "WMS", "WFS", "XLSX", "CSV", "GML", "KML"])
            #expect(distributions.map(\.byteSize) == [147_253, nil, nil, nil, nil, 27_256, 60_744, 308_724, 241_844])
            #expect(distributions.map(\.mediaType) == ["application/geo+json", nil, nil, nil, nil,
                                                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                                      "text/csv", "application/gml+xml", "application/vnd.google-earth.kml+xml"])
            let geojson = distributions[0]
            #expect(geojson.identifier
                    == "https://www.opendata-hro.de/dataset/c1be4007-d811-48fb-8818-2cb358b06a63/resource/8fccc5c3-a9cd-47bc-861d-8d32182c0729")
            #expect(geojson.accessURLs == ["https://geo.sv.rostock.de/download/opendata/lieferservices/lieferservices.json"])
            #expect(geojson.downloadURLs == ["https://geo.sv.rostock.de/download/opendata/lieferservices/lieferservices.json"])
            #expect(geojson.checksum == Checksum(algorithm: "sha256",
                                                 value: "1d5a3926327046c8fcd75652c6e44d3c74004c6727939f33fb05e16e324df241"))
            #expect(geojson.license?.raw == "http://dcat-ap.de/def/licenses/cc-zero")
            #expect(geojson.license?.uri == Self.license + "CC0")
            #expect(geojson.status?.raw == "http://purl.org/adms/status/Completed")
            #expect(distributions[1].accessURLs == ["https://geo.sv.rostock.de/geodienste/lieferservices/wms"])
            #expect(distributions[1].downloadURLs.isEmpty)
            #expect(distributions.allSatisfy { $0.license?.uri == Self.license + "CC0" })
            #expect(distributions.compactMap(\.checksum).map(\.algorithm) == ["sha256", "sha256", "sha256", "sha256", "sha256"])
        }
    }
}
