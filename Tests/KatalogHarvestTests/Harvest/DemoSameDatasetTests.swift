import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KatalogFixtures
import KatalogModel
import KatalogHub
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// The demo's aggregator portal (`dataportal-nord`, CKAN) republishes 24 datasets of the Swedish and Norwegian DCAT
/// catalogues under their dataset IRIs, four of them spelled its own way: the hub shows each of them once.
struct DemoSameDatasetTests {
    private static func get(_ url: String) async throws -> (status: Int, body: Data) {
        let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: url)))
        return (try #require(response as? HTTPURLResponse).statusCode, data)
    }

    /// The aggregator's package names with the dataset IRIs they carry (its `uri` extras).
    private static func republished() throws -> [(name: String, uri: String)] {
        let portal = try JSONValue.decode(Data(contentsOf: KatalogFixtures.file("ckan/dataportal-nord/packages.json")))
        return try #require(portal["packages"]?.array).compactMap { package in
            guard let name = package["name"]?.string,
                  let uri = package["extras"]?.array?.first(where: { $0["key"]?.string == "uri" })?["value"]?.string else { return nil }
            return (name, uri)
        }
    }

    @Test func theHubShowsEachRepublishedDatasetOnce() async throws {
        let republished = try Self.republished()
        #expect(republished.count == 24)
        #expect(republished.contains { $0.uri.hasPrefix("http://") } && republished.contains { $0.uri.hasSuffix("/") })
        try await HarvestedHub.withHub { store, count, port in
            // 189 DCAT datasets, 152 of the other two CKAN portals, 54 of the CSW service and 40 of the OAI-PMH repository; the aggregator's 24 records add none.
            #expect(count == 435)
            #expect(try await store.datasetCount(includeDeleted: true) >= 435 + 24)
            let aggregated = try await store.datasets(source: "dataportal-nord", limit: 100)
            #expect(aggregated.count == 24)
            for record in aggregated {
                let shownAs = try #require(record.shownAs, "\(record.sourceIdentifier) is not folded")
                let shown = try #require(try await store.dataset(id: shownAs))
                #expect(shown.source.hasPrefix("dcat-ap-"), "\(record.sourceIdentifier)")
                #expect(SameDatasetKey.make(shown.dataset.iri) == SameDatasetKey.make(record.dataset.iri))
                #expect(shown.otherRecords.map(\.id) == [record.id])
            }
            // Over HTTP: the hit is the national catalogue's record, naming the aggregator's.
            let base = "http://127.0.0.1:\(port)"
            let search = try await Self.get(base + "/api/v1/search?q=%22Badeplasser%20Hav%C3%B8y%22&facets=true")
            #expect(search.status == 200)
            let body = try JSONValue.decode(search.body)
            #expect(body["total"]?.int64 == 1)
            let hit = try #require(body["results"]?.array?.first)
            #expect(hit["source"]?.string == "dcat-ap-no")
            let other = try #require(hit["other_records"]?.array?.first)
            #expect(other["source"]?.string == "dataportal-nord")
            #expect(other["source_identifier"]?.string != nil)
            #expect(other["shown"]?.bool == false)
            let sources = body["facets"]?["source"]?.array?.compactMap { $0["value"]?.string } ?? []
            #expect(Set(sources) == ["dcat-ap-no", "dataportal-nord"])
            // The aggregator's record, read by id, says which record the hub shows.
            let folded = try await Self.get(base + "/api/v1/datasets/" + (other["id"]?.string ?? ""))
            #expect(folded.status == 200)
            let provenance = try JSONValue.decode(folded.body)["provenance"]
            #expect(provenance?["shown_as"]?.string == hit["id"]?.string)
            #expect(provenance?["other_records"]?.array?.first?["shown"]?.bool == true)
            // The change feed names the shown record on each of the 24 folded ones, and on no other.
            let feed = try JSONValue.decode(try await Self.get(base + "/api/v1/changes?limit=1000").body)
            let entries = feed["changes"]?.array ?? []
            #expect(entries.count == count + 24)
            #expect(entries.filter { $0["shown_as"]?.string != nil }.count == 24)
            // A source filter on the aggregator finds all 24, shown through the national catalogues' records.
            let filtered = try JSONValue.decode(try await Self.get(base + "/api/v1/search?source=dataportal-nord&limit=50").body)
            #expect(filtered["total"]?.int64 == 24)
            // /metrics counts each source's records and how many of them another source's record stands for.
            let metrics = String(decoding: try await Self.get(base + "/metrics").body, as: UTF8.self)
            #expect(metrics.contains(#"katalog_datasets{source="dataportal-nord"} 24"#))
            #expect(metrics.contains(#"katalog_datasets_folded{source="dataportal-nord"} 24"#))
            #expect(metrics.contains(#"katalog_datasets_folded{source="dcat-ap-no"} 0"#))
            // The page links the other record.
            let page = String(decoding: try await Self.get(base + "/?q=%22Badeplasser%20Hav%C3%B8y%22&lang=en").body, as: UTF8.self)
            #expect(page.contains("Also from <a href=\"/datasets/\(other["id"]?.string ?? "-")?lang=en\">dataportal-nord</a>"))
            // The folded record's page links the record searches show, and that one's page links it back.
            let foldedPage = String(decoding: try await Self.get(base + "/datasets/\(other["id"]?.string ?? "-")?lang=en").body,
                                    as: UTF8.self)
            #expect(foldedPage.contains("<dt>Search shows this dataset as</dt><dd><a href=\"/datasets/\(hit["id"]?.string ?? "-")?lang=en\">dcat-ap-no</a></dd>"))
            let shownPage = String(decoding: try await Self.get(base + "/datasets/\(hit["id"]?.string ?? "-")?lang=en").body,
                                   as: UTF8.self)
            #expect(shownPage.contains("<dt>The same dataset in other sources</dt><dd><a href=\"/datasets/\(other["id"]?.string ?? "-")?lang=en\">dataportal-nord</a></dd>"))
        }
    }

    @Test func aSourcesPriorityFromItsConfigurationDecidesWhichRecordIsShown() async throws {
        let logger = Logger(label: "test")
        let fixtures = try await FixtureServer.start(host: "127.0.0.1", port: 0, fixturesRoot: KatalogFixtures.ckanRoot,
                                                     dcatRoot: KatalogFixtures.dcatRoot, logger: logger)
        do {
            let store = try CatalogStore.temporary()
            let config = try KatalogConfig.parse(yaml: """
                sources:
                  - {name: dcat-ap-no, type: dcat, url: "\(fixtures.dcatURL("no"))"}
                  - {name: dataportal-nord, type: ckan, url: "\(fixtures.portalURL("dataportal-nord"))", priority: 1}
                """)
            let harvester = Harvester(store: store, logger: logger)
            for source in config.sources { _ = try await harvester.run(source) }
            let hits = try await store.search(SearchQuery("\"Badeplasser Havøy\"")).hits
            #expect(hits.map(\.source) == ["dataportal-nord"])
            #expect(hits.first?.otherRecords.map(\.source) == ["dcat-ap-no"])
            // 63 Norwegian datasets, and the 14 Swedish ones the portal republishes, which have no other record here.
            #expect(try await store.datasetCount() == 63 + 14)
        } catch {
            try? await fixtures.stop()
            throw error
        }
        try await fixtures.stop()
    }
}
