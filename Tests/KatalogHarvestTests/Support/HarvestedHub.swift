import Foundation
import HummingbirdTesting
import KatalogFixtures
import KatalogHub
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// A hub serving every bundled demo source (CKAN portals, DCAT catalogues, CSW services and OAI-PMH repositories) harvested through the real pipeline
/// into a fresh catalogue, for tests that harvest the hub back through one of its APIs.
enum HarvestedHub {
    /// Runs `body` with the harvested catalogue, its dataset count and the port of the live hub serving it.
    static func withHub(_ body: @Sendable (_ original: CatalogStore, _ count: Int, _ port: Int) async throws -> Void) async throws {
        let logger = Logger(label: "test")
        let fixtures = try await FixtureServer.start(host: "127.0.0.1", port: 0, fixturesRoot: KatalogFixtures.ckanRoot,
                                                     dcatRoot: KatalogFixtures.dcatRoot, logger: logger)
        do {
            let original = try CatalogStore.temporary()
            let harvester = Harvester(store: original, logger: logger)
            // The national catalogues first: the CKAN portal dataportal-nord republishes some of their datasets, and of the
            // records of one dataset searches show the one seen first (sources of equal priority).
            var sources = fixtures.dcatCatalogues.map { SourceConfig(name: "dcat-ap-" + $0, kind: .dcat, url: fixtures.dcatURL($0)) }
            sources += fixtures.portals.map { SourceConfig(name: $0, kind: .ckan, url: fixtures.portalURL($0), pageSize: 25) }
            sources += fixtures.cswServices.map { SourceConfig(name: $0, kind: .csw, url: fixtures.cswURL($0), pageSize: 25) }
            sources += fixtures.oaiRepositories.map { SourceConfig(name: $0, kind: .oaiPMH, url: fixtures.oaiURL($0)) }
            for source in sources { _ = try await harvester.run(source) }
            let count = try await original.datasetCount()
            #expect(count > 300)

            let app = Hub.application(store: original, configuration: .init(host: "127.0.0.1", port: 0), logger: logger)
            try await app.test(.live) { client in
                try await body(original, count, try #require(client.port))
            }
        } catch {
            try? await fixtures.stop()
            throw error
        }
        try await fixtures.stop()
    }

    /// Harvests `source` (the hub, through one of its APIs) into a fresh catalogue, expecting all `count` datasets.
    static func harvestBack(_ source: SourceConfig, count: Int) async throws -> CatalogStore {
        let copy = try CatalogStore.temporary()
        let summary = try await Harvester(store: copy, logger: Logger(label: "test")).run(source)
        #expect(summary.status == .succeeded, "\(summary.message)")
        #expect(summary.counts.added == count)
        #expect(summary.counts.errored == 0)
        return copy
    }

    /// Calls `compare` with every dataset of `original` and the dataset `copy` holds for it under the source
    /// identifier `identifier` gives (recording an issue for one it lacks), and checks that all `count` were compared.
    static func compareEach(_ original: CatalogStore, with copy: CatalogStore, count: Int,
                            identifier: (StoredDataset) -> String,
                            compare: (_ before: Dataset, _ back: Dataset, _ label: String) -> Void) async throws {
        var after: String?
        var compared = 0
        while true {
            let page = try await original.datasets(after: after, limit: 200)
            guard let last = page.last else { break }
            after = last.id
            for stored in page {
                let key = identifier(stored)
                let back = try #require(try await copy.dataset(source: "hub", sourceIdentifier: key)?.dataset,
                                        "\(key) was not harvested back")
                compare(stored.dataset, back, key)
                compared += 1
            }
        }
        #expect(compared == count)
    }
}
