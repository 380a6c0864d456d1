import Foundation
import HummingbirdTesting
import KatalogFixtures
import KatalogHub
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// A hub's CKAN-compatible API is a source Katalog's own CKAN harvester can harvest: every dataset comes back,
/// across `package_search` pages, with its texts in every language, keywords, publisher, distributions and themes.
struct CKANAPIRoundTripTests {
    @Test func aHubsCKANAPIHarvestsBackTheSameCatalogue() async throws {
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
                let source = SourceConfig(name: "hub", kind: .ckan, url: "http://127.0.0.1:\(port)", pageSize: 40)
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
                        let back = try #require(try await copy.dataset(source: "hub", sourceIdentifier: stored.id)?.dataset,
                                                "\(stored.id) was not harvested back")
                        let before = stored.dataset
                        // Every tagged language comes back as it was (ckanext-fluent's maps); an untagged value
                        // comes back as CKAN's plain field, so it is compared by its text.
                        for language in before.title.languages where !language.isEmpty {
                            #expect(back.title.values[language] == before.title.values[language], "\(stored.id) title \(language)")
                        }
                        #expect(Set(back.title.values.values).isSuperset(of: [before.title.best() ?? stored.dataset.sourceIdentifier]))
                        for language in before.description.languages where !language.isEmpty {
                            #expect(back.description.values[language] == before.description.values[language], "\(stored.id)")
                        }
                        #expect(Set(back.keywords.map(\.value)) == Set(before.keywords.map(\.value)), "\(stored.id)")
                        #expect(back.publisher?.name == before.publisher?.name, "\(stored.id)")
                        #expect(back.iri == before.iri, "\(stored.id)")
                        #expect(back.distributions.map { $0.downloadURLs.first } == before.distributions.map { $0.downloadURLs.first },
                                "\(stored.id)")
                        #expect(back.distributions.map { $0.format?.key.uppercased() } == before.distributions.map { $0.format?.key.uppercased() },
                                "\(stored.id)")
                        // Without a modified date of its own, a package's is CKAN's metadata_modified (the hub's change time).
                        if let modified = before.modified {
                            #expect(back.modified?.normalized == modified.normalized, "\(stored.id)")
                        }
                        #expect(Set(back.themes.map(\.key)) == Set(before.themes.map(\.key)), "\(stored.id)")
                        #expect(back.license?.key == before.license?.key, "\(stored.id)")
                        compared += 1
                    }
                }
                #expect(compared == count)
            }
        } catch {
            try? await fixtures.stop()
            throw error
        }
        try await fixtures.stop()
    }
}
