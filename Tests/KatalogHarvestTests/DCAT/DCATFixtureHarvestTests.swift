import Foundation
import GRDB
import KatalogFixtures
import KatalogHub
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// The bundled DCAT-AP-SE (RDF/XML), -NO (Turtle) and -DK (JSON-LD) catalogues, Hydra-paged, harvested from
/// the demo's fixture server exactly as `katalog demo` does.
struct DCATFixtureHarvestTests {
    @Test func everyFixtureCatalogueIsHarvestedAcrossItsHydraPages() async throws {
        let fixtures = try await FixtureServer.start(host: "127.0.0.1", port: 0, fixturesRoot: KatalogFixtures.ckanRoot,
                                                     dcatRoot: KatalogFixtures.dcatRoot, logger: Logger(label: "test"))
        do {
            let store = try CatalogStore.temporary()
            let harvester = Harvester(store: store, logger: Logger(label: "test"))
            let expected = ["dk": 60, "no": 63, "se": 66]
            #expect(fixtures.dcatCatalogues == ["dk", "no", "se"])
            for catalogue in fixtures.dcatCatalogues {
                let source = SourceConfig(name: "dcat-ap-\(catalogue)", kind: .dcat, url: fixtures.dcatURL(catalogue))
                let summary = try await harvester.run(source)
                #expect(summary.status == .succeeded, "\(catalogue): \(summary.message)")
                #expect(summary.counts.added == expected[catalogue], "\(catalogue)")
                #expect(summary.counts.errored == 0, "\(catalogue)")
                // A second run finds every page the same: the chain's digest ends it unchanged, nothing mapped.
                let again = try await harvester.run(source)
                #expect(again.status == .unchanged, "\(catalogue): \(again.message)")
                #expect(again.counts.unchanged == expected[catalogue], "\(catalogue)")
            }
            // A distribution on page 2 is served by a data service described on page 1: the run reads all pages as one.
            let plans = try #require(try await store.dataset(source: "dcat-ap-se",
                                                             sourceIdentifier: "https://dataportal.norrvik.example/dataset/detaljplaner-alstad-h2"))
            let wms = try #require(plans.dataset.distributions.last?.accessServices.first)
            #expect(wms.title.values == ["sv": "Länets karttjänst (WMS)", "en": "County map service (WMS)"])
            #expect(wms.endpoints == ["https://geodata.lansstyrelsen-norrviken.example/wms"])
            #expect(wms.endpointDescriptions == ["https://geodata.lansstyrelsen-norrviken.example/wms?service=WMS&request=GetCapabilities"])

            var query = SearchQuery()
            query.source = ["dcat-ap-se"]
            query.language = ["sv"]
            query.limit = 1
            #expect(try await store.search(query).total > 0)
            var danish = SearchQuery()
            danish.source = ["dcat-ap-dk"]
            danish.language = ["da"]
            danish.limit = 1
            #expect(try await store.search(danish).total > 0)
        } catch {
            try? await fixtures.stop()
            throw error
        }
        try await fixtures.stop()
    }
}

/// The number of mapping lanes changes how a run is spread over the cores, never what it stores.
struct MappingLaneCountTests {
    /// Every dataset's id, content hash and change sequence, in change order, after harvesting `path` with `lanes` lanes.
    static func harvest(_ url: String, lanes: Int) async throws -> [String] {
        let store = try CatalogStore.temporary()
        let harvester = Harvester(store: store, logger: Logger(label: "test"), mappingLanes: lanes)
        let summary = try await harvester.run(SourceConfig(name: "lanes", kind: .dcat, url: url))
        #expect(summary.status == .succeeded, "\(summary.message)")
        let queue = try DatabaseQueue(path: store.path)
        return try await queue.read { db in
            try String.fetchAll(db, sql: "SELECT id || ' ' || content_hash || ' ' || change_seq FROM datasets ORDER BY change_seq")
        }
    }

    @Test func oneLaneAndFiveLanesStoreTheSameCatalogue() async throws {
        let site = DCATTestSite()
        // Six batches of 256 and a short one, so five lanes have batches in flight at once.
        site.set("/catalog.rdf", DCATTestSite.rdfxml(DCATTestSite.datasets(1_600)), contentType: "application/rdf+xml")
        try await withTestServer(site.handler) { server in
            let one = try await Self.harvest(server.url("/catalog.rdf"), lanes: 1)
            let five = try await Self.harvest(server.url("/catalog.rdf"), lanes: 5)
            #expect(one.count == 1_600)
            #expect(one == five)
        }
    }

    @Test func theDefaultUsesTheCoresUpToFour() {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(Harvester.defaultMappingLanes == min(4, max(1, cores)))
    }
}
