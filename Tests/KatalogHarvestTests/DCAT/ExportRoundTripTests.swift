import Foundation
import HummingbirdTesting
import KatalogFixtures
import KatalogHub
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// A hub's DCAT-AP export is a source another Katalog can harvest: every dataset comes back with its texts,
/// distributions and services, across the export's Hydra pages, in each syntax.
struct ExportRoundTripTests {
    @Test(arguments: ["ttl", "rdf", "jsonld"])
    func aHubsExportHarvestsBackTheSameCatalogue(_ syntax: String) async throws {
        let logger = Logger(label: "test")
        let fixtures = try await FixtureServer.start(host: "127.0.0.1", port: 0, fixturesRoot: KatalogFixtures.ckanRoot,
                                                     dcatRoot: KatalogFixtures.dcatRoot, logger: logger)
        do {
            let original = try CatalogStore.temporary()
            let harvester = Harvester(store: original, logger: logger)
            var sources = fixtures.portals.map { SourceConfig(name: $0, kind: .ckan, url: fixtures.portalURL($0), pageSize: 25) }
            sources += fixtures.dcatCatalogues.map { SourceConfig(name: "dcat-ap-" + $0, kind: .dcat, url: fixtures.dcatURL($0)) }
            for source in sources { _ = try await harvester.run(source) }
            let count = try await original.datasetCount()
            #expect(count > 300)

            let app = Hub.application(store: original, configuration: .init(host: "127.0.0.1", port: 0), logger: logger)
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let copy = try CatalogStore.temporary()
                let source = SourceConfig(name: "hub", kind: .dcat, url: "http://127.0.0.1:\(port)/catalog.\(syntax)?limit=40")
                let summary = try await Harvester(store: copy, logger: logger).run(source)
                #expect(summary.status == .succeeded, "\(summary.message)")
                #expect(summary.counts.added == count)
                #expect(summary.counts.errored == 0)

                var after: String?
                var compared = 0
                while true {
                    let page = try await original.datasets(after: after, limit: 200)
                    guard let last = page.last else { break }
                    after = last.id
                    for stored in page {
                        let identifier = stored.dataset.iri ?? "http://127.0.0.1:\(port)/datasets/\(stored.id)"
                        let back = try #require(try await copy.dataset(source: "hub", sourceIdentifier: identifier)?.dataset,
                                                "\(identifier) was not harvested back")
                        let before = stored.dataset
                        #expect(back.title == before.title, "\(identifier)")
                        #expect(back.description == before.description, "\(identifier)")
                        #expect(Set(back.keywords) == Set(before.keywords), "\(identifier)")
                        #expect(back.publisher?.name == before.publisher?.name, "\(identifier)")
                        #expect(back.distributions.map(\.downloadURLs) == before.distributions.map(\.downloadURLs), "\(identifier)")
                        #expect(back.distributions.map { $0.format?.key } == before.distributions.map { $0.format?.key }, "\(identifier)")
                        #expect(back.modified?.normalized == before.modified?.normalized, "\(identifier)")
                        // RDF holds each value once: a theme the source repeated comes back once.
                        #expect(Set(back.themes.map(\.key)) == Set(before.themes.map(\.key)), "\(identifier)")
                        compared += 1
                    }
                }
                #expect(compared == count)
                // The map service of the Swedish h2, described on another page of the source, survives the trip.
                let plans = try #require(try await copy.dataset(
                    source: "hub", sourceIdentifier: "https://dataportal.norrvik.example/dataset/detaljplaner-alstad-h2")?.dataset)
                #expect(plans.distributions.last?.accessServices.first?.endpoints == ["https://geodata.lansstyrelsen-norrviken.example/wms"])
            }
        } catch {
            try? await fixtures.stop()
            throw error
        }
        try await fixtures.stop()
    }
}
