import Foundation
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// A data.json dataset whose source digest (its JSON as published, its series, the catalogue's version and
/// languages, under the mapping fingerprint) equals the live record's is not mapped again.
struct DataJSONSourceDigestTests {
    static func document(conformsTo: String = "https://project-open-data.cio.gov/v1.1/schema",
                         airTitle: String = "Air quality") -> String {
        """
        {"conformsTo": "\(conformsTo)", "dataset": [
          {"identifier": "wq-1", "title": "Water quality", "description": "Samples from rivers.",
           "publisher": {"name": "Environment Agency"}, "contactPoint": {"fn": "Desk", "hasEmail": "mailto:desk@agency.example"},
           "keyword": ["water"], "modified": "2024-03-01", "accessLevel": "public"},
          {"identifier": "air-1", "title": "\(airTitle)", "description": "Hourly values.",
           "publisher": {"name": "Environment Agency"}, "contactPoint": {"fn": "Desk", "hasEmail": "mailto:desk@agency.example"},
           "keyword": ["air"], "modified": "2024-03-02", "accessLevel": "public"},
          {"identifier": "noise-1", "title": "Noise", "description": "Night-time levels.",
           "publisher": {"name": "Environment Agency"}, "contactPoint": {"fn": "Desk", "hasEmail": "mailto:desk@agency.example"},
           "keyword": ["noise"], "modified": "2024-03-03", "accessLevel": "public"},
          {"identifier": "broken", "title": "No description, no publisher"}
        ]}
        """
    }

    @Test("only the changed dataset is mapped again; a new catalogue version maps them all")
    func unchangedDatasetsAreNotMapped() async throws {
        let site = DCATTestSite()
        let server = TestHTTPServer(handler: site.handler)
        try server.start()
        defer { server.stop() }
        let store = try CatalogStore.temporary()
        let (logger, log) = RecordingLogHandler.logger()
        let harvester = Harvester(store: store, logger: logger, clientConfiguration: DCATSampleHarness.fastRetries)
        let source = SourceConfig(name: "usgov", kind: .datajson, url: server.url("/data.json"))
        func unmapped() -> [String] {
            log.all.filter { $0.message == "harvest finished" }.compactMap { $0.metadata["harvest.unchanged_unmapped"]?.description }
        }
        let identifiers = ["wq-1", "air-1", "noise-1", "broken"]

        site.set("/data.json", Self.document(), contentType: "application/json")
        let first = try await harvester.run(source)
        #expect(first.counts.added == 3)
        #expect(first.counts.errored == 1)
        #expect(Set(try await store.sourceDigests(source: "usgov", identifiers: identifiers).keys) == ["wq-1", "air-1", "noise-1"])

        site.set("/data.json", Self.document(airTitle: "Air quality, hourly"), contentType: "application/json")
        let second = try await harvester.run(source)
        #expect(second.counts.updated == 1)
        #expect(second.counts.unchanged == 2)
        #expect(second.counts.errored == 1, "the broken dataset is still reported")
        #expect(unmapped() == ["0", "2"])
        #expect(try await store.dataset(source: "usgov", sourceIdentifier: "air-1")?.dataset.title.best() == "Air quality, hourly")

        // The same datasets under DCAT-US 3.0: the catalogue's version is part of every digest.
        site.set("/data.json", Self.document(conformsTo: "https://resources.data.gov/schemas/dcat-us/v3.0/schema",
                                             airTitle: "Air quality, hourly"), contentType: "application/json")
        _ = try await harvester.run(source)
        #expect(unmapped().last == "0")
    }

    @Test("the digest follows the dataset's bytes and the catalogue's version, not its position")
    func digestsFollowContent() throws {
        let first = try DataJSONMapper.catalogue(from: Data(Self.document().utf8), location: "a")
        let changed = try DataJSONMapper.catalogue(from: Data(Self.document(airTitle: "Air").utf8), location: "b")
        let v3 = try DataJSONMapper.catalogue(
            from: Data(Self.document(conformsTo: "https://resources.data.gov/schemas/dcat-us/v3.0/schema").utf8), location: "c")
        let index = { (catalogue: DataJSONCatalogue, id: String) in try #require(catalogue.entries.firstIndex { $0.identifier == id }) }
        let water = try first.sourceDigest(at: index(first, "wq-1"), fingerprint: "f")
        #expect(water != nil)
        #expect(try changed.sourceDigest(at: index(changed, "wq-1"), fingerprint: "f") == water)
        #expect(try changed.sourceDigest(at: index(changed, "air-1"), fingerprint: "f")
                != first.sourceDigest(at: index(first, "air-1"), fingerprint: "f"))
        #expect(try first.sourceDigest(at: index(first, "wq-1"), fingerprint: "g") != water)
        #expect(try v3.sourceDigest(at: index(v3, "wq-1"), fingerprint: "f") != water)
    }
}
