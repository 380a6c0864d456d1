import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KatalogModel
import KatalogStore
import Logging
import NIOCore
import Testing
@testable import KatalogHub

/// The schema.org `Dataset` a dataset page embeds for dataset search engines.
struct StructuredDataTests {
    static func store(_ dataset: Dataset) async throws -> (CatalogStore, String) {
        let store = try CatalogStore.temporary()
        let run = try await store.beginRun(source: "demo", kind: "dcat", url: "http://127.0.0.1/")
        try await store.stage(run: run, records: [SourceRecord(dataset: dataset, raw: Data("{}".utf8), rawFormat: "application/json")])
        _ = try await store.completeRun(run: run, seen: [dataset.sourceIdentifier], isComplete: true)
        return (store, DatasetID.make(source: "demo", sourceIdentifier: dataset.sourceIdentifier))
    }

    /// The JSON-LD object of the page's `application/ld+json` script, and the page.
    static func markup(_ store: CatalogStore, id: String, language: String) async throws -> ([String: Any], String) {
        let app = Hub.application(store: store, configuration: .init(host: "127.0.0.1", port: 0), logger: Logger(label: "test"))
        let html = try await app.test(.router) { client in
            try await client.execute(uri: "/datasets/\(id)?lang=\(language)", method: .get) { String(buffer: $0.body) }
        }
        let open = "<script type=\"application/ld+json\">"
        let start = try #require(html.range(of: open))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = String(html[start.upperBound..<end.lowerBound])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return (object, html)
    }

    @Test func aFullRecordBecomesASchemaOrgDataset() async throws {
        var dataset = Dataset(
            sourceIdentifier: "air",
            title: LocalizedText(["sv": "Luftkvalitet i Malmö", "en": "Air quality in Malmö"]),
            description: LocalizedText(["sv": "Timvärden av kvävedioxid.", "en": "Hourly nitrogen dioxide."]),
            keywords: [LangString("luft", language: "sv"), LangString("air", language: "en"), LangString("luft", language: "sv")],
            publisher: Agent(iri: "https://org.example.se/malmo", name: LocalizedText("Malmö stad", language: "sv")),
            modified: DateValue(raw: "2024-05-01"),
            distributions: [
                Distribution(accessURLs: ["https://data.malmo.example/air"], downloadURLs: ["https://data.malmo.example/air.csv"],
                             format: Concept(raw: "CSV", uri: "http://publications.europa.eu/resource/authority/file-type/CSV"),
                             mediaType: "text/csv", byteSize: 2048),
                Distribution(accessURLs: ["ftp://old.example/air"]),
            ])
        dataset.iri = "https://data.malmo.example/dataset/air"
        dataset.issued = DateValue(raw: "2019-03-01")
        dataset.temporal = [TemporalRange(start: DateValue(raw: "2019-01-01"))]
        dataset.spatial = [SpatialCoverage(iri: "https://sws.geonames.org/2692969/", label: LocalizedText("Malmö", language: "sv"))]
        dataset.license = Concept(raw: "CC-BY-4.0", uri: "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")
        dataset.landingPages = ["https://malmo.example/luft", "javascript:alert(1)"]
        let (store, id) = try await Self.store(dataset)
        let (object, html) = try await Self.markup(store, id: id, language: "en")

        #expect(object["@context"] as? String == "https://schema.org/")
        #expect(object["@type"] as? String == "Dataset")
        #expect(object["name"] as? String == "Air quality in Malmö")
        #expect(object["description"] as? String == "Hourly nitrogen dioxide.")
        #expect(object["url"] as? String == "http://localhost/datasets/\(id)")
        #expect(object["identifier"] as? String == "https://data.malmo.example/dataset/air")
        #expect(object["sameAs"] as? [String] == ["https://malmo.example/luft"])
        #expect(object["keywords"] as? [String] == ["luft", "air"])
        #expect(object["license"] as? String == "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")
        #expect(object["dateModified"] as? String == "2024-05-01")
        #expect(object["datePublished"] as? String == "2019-03-01")
        #expect(object["temporalCoverage"] as? String == "2019-01-01/..")
        let place = try #require(object["spatialCoverage"] as? [String: Any])
        #expect(place["name"] as? String == "Malmö")
        #expect(place["sameAs"] as? String == "https://sws.geonames.org/2692969/")
        let publisher = try #require(object["publisher"] as? [String: Any])
        #expect(publisher["@type"] as? String == "Organization")
        #expect(publisher["name"] as? String == "Malmö stad")
        #expect(publisher["url"] as? String == "https://org.example.se/malmo")
        // The FTP-only distribution is left out: a crawler cannot fetch it.
        let distributions = try #require(object["distribution"] as? [[String: Any]])
        #expect(distributions.count == 1)
        #expect(distributions[0]["contentUrl"] as? String == "https://data.malmo.example/air.csv")
        #expect(distributions[0]["encodingFormat"] as? String == "text/csv")
        #expect(distributions[0]["contentSize"] as? String == "2048 B")
        #expect((object["includedInDataCatalog"] as? [String: Any])?["url"] as? String == "http://localhost/")
        // The RDF alternates are linked from the head.
        #expect(html.contains("<link rel=\"alternate\" type=\"text/turtle\" href=\"/datasets/\(id).ttl\">"))

        // The page's language picks the texts.
        let (swedish, _) = try await Self.markup(store, id: id, language: "sv")
        #expect(swedish["name"] as? String == "Luftkvalitet i Malmö")
    }

    @Test func sourceTextCannotCloseTheScript() async throws {
        let title = "Evil </script><script>alert(1)</script><!-- title"
        let dataset = Dataset(sourceIdentifier: "evil", title: LocalizedText(title, language: "en"))
        let (store, id) = try await Self.store(dataset)
        let (object, html) = try await Self.markup(store, id: id, language: "en")
        #expect(object["name"] as? String == title)
        #expect(!html.contains("<script>alert(1)"))
        #expect(object["description"] == nil)
        #expect(object["distribution"] == nil)
    }
}
