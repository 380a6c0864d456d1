import Foundation
import KatalogFixtures
import KatalogHub
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// The bundled geodata catalogue's CSW service, harvested from the demo's fixture server exactly as `katalog demo` does.
struct CSWFixtureHarvestTests {
    @Test func theGeodataFixtureIsHarvestedAcrossItsPages() async throws {
        let fixtures = try await FixtureServer.start(host: "127.0.0.1", port: 0, fixturesRoot: KatalogFixtures.ckanRoot,
                                                     dcatRoot: nil, cswRoot: KatalogFixtures.cswRoot, logger: Logger(label: "test"))
        do {
            #expect(fixtures.cswServices == ["geodata-norrviken"])
            let store = try CatalogStore.temporary()
            let harvester = Harvester(store: store, logger: Logger(label: "test"))
            let source = SourceConfig(name: "geodata-norrviken", kind: .csw, url: fixtures.cswURL("geodata-norrviken"), pageSize: 25)
            let summary = try await harvester.run(source)
            #expect(summary.status == .succeeded, "\(summary.message)")
            #expect(summary.counts.added == 54)
            #expect(summary.counts.skipped == 6)
            #expect(summary.counts.errored == 0)

            let stored = try #require(try await store.dataset(source: "geodata-norrviken",
                                                              sourceIdentifier: "7a1c0001-5e2b-4c1d-9f00-000000000001"))
            let dataset = stored.dataset
            #expect(dataset.iri == "https://geodata.norrvik.example/id/dataset/7a1c0001-5e2b-4c1d-9f00-000000000001")
            #expect(dataset.title.values == ["sv": "Vattendrag", "en": "Watercourses"])
            #expect(dataset.description.values["en"] == "Line layer of the county's watercourses with name, class and flow direction.")
            #expect(dataset.publisher?.name.values == ["sv": "Lantmäteriverket Norr", "en": "Northern Land Survey"])
            #expect(dataset.contactPoints.contains { $0.email == "geodata@lantmateri-norr.example" })
            #expect(dataset.license?.uri == License.authority + "CC_BY_4_0")
            #expect(dataset.accessRights?.uri == AccessRights.authority + "PUBLIC")
            #expect(dataset.accrualPeriodicity?.uri == Frequency.authority + "ANNUAL")
            #expect(dataset.themes.map(\.key) == ["ENVI"])
            #expect(dataset.keywords.contains(LangString("vattendrag", language: "sv")))
            #expect(dataset.keywords.contains(LangString("watercourses", language: "en")))
            #expect(dataset.spatial.compactMap(\.bbox).count == 1)
            #expect(dataset.spatial.compactMap(\.bbox).first?.contains("16.5") == true)
            let download = try #require(dataset.distributions.first)
            #expect(download.downloadURLs == ["https://geodata.norrvik.example/nedladdning/7a1c0001-5e2b-4c1d-9f00-000000000001.zip"])
            #expect(download.format?.key == "GML")
            #expect(dataset.distributions.map { $0.format?.key } == ["GML", "WMS_SRVC", "ATOM"])
            #expect(stored.rawFormat == "application/xml")

            // A second run asks for the records modified since the day before the first run (most of the fixture's are
            // stamped 2022–2026; two in late December 2026) and lists the others' identifiers: only those few are
            // fetched in full, and nothing is mapped or written.
            let again = try await harvester.run(source)
            #expect(again.status == .succeeded, "\(again.message)")
            #expect(again.counts.fetched < 10)
            #expect(again.counts.unchanged == 54)
            #expect(again.counts.added + again.counts.updated + again.counts.deleted == 0)
            #expect(try await store.runs(source: "geodata-norrviken", limit: 1).first?.changesSince != nil)
            #expect(try await store.search(SearchQuery()).total == 54)

            // A full listing reads every record again and recognises each by its XML: nothing is mapped or written.
            let full = try await harvester.run(source, options: Harvester.Options(listEverything: true))
            #expect(full.status == .succeeded, "\(full.message)")
            #expect(full.counts.unchanged == 54)
            #expect(full.counts.added + full.counts.updated + full.counts.deleted == 0)
        } catch {
            try? await fixtures.stop()
            throw error
        }
        try await fixtures.stop()
    }
}
