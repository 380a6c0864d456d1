import Foundation
import KatalogModel
import Testing
@testable import KatalogHarvest

extension DCATSampleSuites {
    /// Mapped values of the JSON-LD samples after a harvest through the DCAT adapter; every expected value is read
    /// off the document (through its `@context`).
    @Suite
    struct DCATSampleJSONLDTests {
        @Test func dcatUSCatalogueWithAContextPerNode() async throws {
            let harvested = try await DCATSampleHarness.harvest("ckanext-dcat--catalog_pod.jsonld")
            let dataset = try harvested.dataset("http://www.agency.gov/datasets/widgets-data")
            #expect(dataset.title.values == ["": "U.S. Widget Manufacturing Statistics"])
            #expect(dataset.description.values == ["": "This dataset provides national statistics on the production of widgets"])
            #expect(dataset.keywords.map(\.value) == ["widget", "manufacturing", "factory"])
            #expect(dataset.themes.map(\.raw) == ["manufacturing"])
            // "contactPoint" is adms:contactPoint in this context.
            #expect(dataset.contactPoints == [ContactPoint(name: LocalizedText("Jane Doe"), email: "jane.doe@agency.gov")])
            // The publisher's sub-organisation chain has no term in the publisher's context, so only its own name counts.
            #expect(dataset.publisher == Agent(name: LocalizedText("Widget Services"), email: "widget.services@agency.gov"))
            #expect(dataset.landingPages == ["http://agency.gov/widgets/data"])
            #expect(dataset.languages.map(\.raw) == ["en-US"])
            #expect(dataset.languages.map(\.key) == ["ENG"])
            #expect(dataset.issued?.normalized == "2011-11-22")
            #expect(dataset.modified?.normalized == "2011-11-19T12:00:00Z")
            #expect(dataset.accrualPeriodicity?.raw == "R/P1Y")
            #expect(dataset.accrualPeriodicity?.uri == Frequency.authority + "ANNUAL")
            #expect(dataset.spatial == [SpatialCoverage(label: LocalizedText("United States"))])
            #expect(dataset.temporal == [TemporalRange(start: DateValue(raw: "2009-09-01T12:00:00Z"),
                                                       end: DateValue(raw: "2010-05-31T12:00:00Z"))])
            // The context maps "license" to <http://purl.org/dc/terms/#license> (with a '#'), which is not dct:license,
            // maps "identifier" to dcat:identifier, and has no term for "rights": none of them is DCAT as published.
            #expect(dataset.license == nil)
            #expect(dataset.identifiers.isEmpty)
            #expect(dataset.rights == nil)

            let distributions = dataset.distributions
            #expect(distributions.map(\.title) == ["widgets.csv", "widgets-all.zip", "widgets-all.json", "Widgets REST API"]
                .map { LocalizedText($0) })
            #expect(distributions.map(\.format?.raw) == ["CSV", "Zipped CSV", "JSON", "API"])
            #expect(distributions.map(\.mediaType) == ["text/csv", "application/zip", "application/json", nil])
            #expect(distributions.map(\.downloadURLs) == [["https://data.agency.gov/datasets/widgets-statistics/widgets.csv"],
                                                          ["https://data.agency.gov/datasets/widgets-statistics/widgets-all.zip"],
                                                          ["http://www.agency.gov/feeds/widgets-all.json"], []])
            #expect(distributions[3].accessURLs == ["https://data.agency.gov/api/widgets-statistics/"])
            #expect(distributions[0].format?.uri == FileFormat.authority + "CSV")
            #expect(distributions[2].format?.uri == FileFormat.authority + "JSON")
        }

        @Test func graphWithCatalogueDatasetContactAndDistribution() async throws {
            let harvested = try await DCATSampleHarness.harvest("ckanext-dcat--catalog_with_at_graph.jsonld")
            let dataset = try harvested.dataset("https://ckan.example.org/dataset/d4ce4e6e-ab89-44cb-bf5c-33a162c234de#dataset")
            #expect(dataset.title.values == ["": "Title dataset"])
            #expect(dataset.description.values == ["": "Description distribution"])
            // The publisher belongs to the catalogue, not to the dataset.
            #expect(dataset.publisher == nil)
            #expect(dataset.contactPoints == [ContactPoint(name: LocalizedText("Jane Doe"), email: "jane.doe@agency.gov",
                                                           telephone: "+49 40 123 45678")])
            #expect(dataset.distributions.count == 1)
            let distribution = try #require(dataset.distributions.first)
            let resource = "https://ckan.example.org/dataset/d4ce4e6e-ab89-44cb-bf5c-33a162c234de/resource/a289c289-55c9-410f-b4c7-f88e5f6f4e47"
            #expect(distribution.identifier == resource + "#distribution")
            #expect(distribution.title.values == ["": "download.zip"])
            #expect(distribution.accessURLs == [resource])
            #expect(distribution.downloadURLs == ["http://example2.org/files/download.zip"])
            #expect(distribution.license?.raw == "http://www.opendefinition.org/licenses/cc-zero")
            #expect(distribution.license?.uri == License.authority + "CC0")
        }
    }
}
