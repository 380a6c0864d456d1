import Foundation
import KatalogFixtures
import KatalogHub
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// The bundled research-data archive's OAI-PMH repository, harvested from the demo's fixture server as `katalog demo` does.
struct OAIPMHFixtureHarvestTests {
    @Test func theArchiveIsHarvestedThroughItsResumptionTokens() async throws {
        let fixtures = try await FixtureServer.start(host: "127.0.0.1", port: 0, fixturesRoot: KatalogFixtures.ckanRoot,
                                                     dcatRoot: nil, cswRoot: nil, oaiRoot: KatalogFixtures.oaiRoot,
                                                     logger: Logger(label: "test"))
        do {
            #expect(fixtures.oaiRepositories == ["forskningsdata-nord"])
            let store = try CatalogStore.temporary()
            let harvester = Harvester(store: store, logger: Logger(label: "test"))
            let source = SourceConfig(name: "forskningsdata-nord", kind: .oaiPMH, url: fixtures.oaiURL("forskningsdata-nord"))
            let summary = try await harvester.run(source)
            #expect(summary.status == .succeeded, "\(summary.message)")
            #expect(summary.counts.added == 40)
            #expect(summary.counts.skipped == 4)
            #expect(summary.counts.errored == 0)

            let stored = try #require(try await store.dataset(source: "forskningsdata-nord",
                                                              sourceIdentifier: "oai:forskningsdata-nord.example:101"))
            let dataset = stored.dataset
            #expect(dataset.title.values == ["sv": "Snötäcke och markfrost i fjällbjörkskog 1998–2023",
                                             "en": "Snow cover and soil frost in mountain birch forest 1998–2023"])
            #expect(dataset.iri == "https://doi.org/10.99999/fdn.0101")
            #expect(dataset.publisher?.name.values == ["sv": "Institutet för fjällmiljö"])
            #expect(dataset.license?.uri == License.authority + "CC_BYSA_4_0")
            #expect(dataset.accessRights?.uri == AccessRights.authority + "PUBLIC")
            #expect(dataset.languages.map(\.uri) == [Language.authority + "SWE"])
            #expect(dataset.spatial.first?.bbox == "POLYGON((15.8 66.0,15.8 68.5,19.5 68.5,19.5 66.0,15.8 66.0))")
            #expect(dataset.distributions.map(\.downloadURLs) == [["https://forskningsdata-nord.example/files/101/data.csv"]])
            #expect(dataset.keywords.contains(LangString("snow cover", language: "en")))
            #expect(stored.rawFormat == "application/xml")

            // The restricted dialect archive keeps its condition in rights.
            let dialects = try #require(try await store.dataset(source: "forskningsdata-nord",
                                                                sourceIdentifier: "oai:forskningsdata-nord.example:109"))
            #expect(dialects.dataset.accessRights?.uri == AccessRights.authority + "RESTRICTED")
            #expect(dialects.dataset.rights?.contains("prövning") == true)

            // A second run asks for the records changed since the first began (the archive's clock stands still, and
            // no record is newer): none.
            let again = try await harvester.run(source)
            #expect(again.status == .succeeded, "\(again.message)")
            #expect(try await store.runs(source: "forskningsdata-nord", limit: 1).first?.changesSince == "2026-12-01T08:00:00Z")
            #expect(again.counts.fetched == 0)
            #expect(again.counts.added + again.counts.updated + again.counts.deleted == 0)

            // A full listing lists everything again and recognises each record by its XML: nothing is mapped or written.
            var full = source
            full.incremental = false
            let third = try await harvester.run(full)
            #expect(third.status == .succeeded, "\(third.message)")
            #expect(third.counts.unchanged == 40)
            #expect(third.counts.added + third.counts.updated + third.counts.deleted == 0)
        } catch {
            try? await fixtures.stop()
            throw error
        }
        try await fixtures.stop()
    }
}
