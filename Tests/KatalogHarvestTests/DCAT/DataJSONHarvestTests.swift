import Foundation
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// data.json harvests from documents served on 127.0.0.1: every shared DCAT-US sample, conditional GET,
/// and a broken document.
@Suite(.serialized)
struct DataJSONHarvestTests {
    /// `../shared/samples/datajson` beside the package root, or nil when absent.
    static var samples: URL? {
        DCATSampleHarness.folder.map { $0.deletingLastPathComponent().appendingPathComponent("datajson") }
            .flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
    }

    static var sampleNames: [String] {
        guard let samples, let names = try? FileManager.default.contentsOfDirectory(atPath: samples.path) else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    static func harvest(_ site: DCATTestSite, path: String, store: CatalogStore, acceptDeletions: Bool = false,
                        server: TestHTTPServer) async throws -> RunSummary {
        let harvester = Harvester(store: store, logger: Logger(label: "test"), clientConfiguration: DCATSampleHarness.fastRetries)
        let source = SourceConfig(name: "usgov", kind: .datajson, url: server.url(path))
        return try await harvester.run(source, options: .init(acceptDeletions: acceptDeletions))
    }

    /// Each sample is harvested; the run stores exactly the datasets the mapper accepts and records one error
    /// per dataset (or malformed service or record) it refuses — never a failed run.
    @Test(.enabled(if: samples != nil, "../shared/samples/datajson is absent beside the package"), arguments: sampleNames)
    func everySampleIsHarvested(name: String) async throws {
        let folder = try #require(Self.samples)
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        let catalogue = try DataJSONMapper.catalogue(from: data, location: name)
        let results = catalogue.records(sourceURL: name, defaultLanguage: nil)
        let mapped = Set(results.compactMap { try? $0.get().sourceIdentifier })
        let refused = results.count - results.filter { (try? $0.get()) != nil }.count + catalogue.skipped.filter { $0.error != nil }.count

        let site = DCATTestSite()
        site.set("/data.json", data, contentType: "application/json")
        let server = TestHTTPServer(handler: site.handler)
        try server.start()
        defer { server.stop() }
        let store = try CatalogStore.temporary()
        let summary = try await Self.harvest(site, path: "/data.json", store: store, server: server)
        #expect(summary.status == (refused == 0 ? .succeeded : .partial), "\(name): \(summary.message)")
        #expect(summary.counts.added == mapped.count, "\(name)")
        #expect(summary.counts.errored == refused, "\(name)")
        var query = SearchQuery()
        query.limit = 100
        let stored = try await store.search(query)
        #expect(stored.total == mapped.count, "\(name)")
        #expect(Set(stored.hits.map(\.dataset.sourceIdentifier)) == mapped || mapped.count > 100, "\(name)")
    }

    @Test func anUnchangedCatalogueEndsAs304AndABrokenOneKeepsTheCatalogue() async throws {
        let template = #"""
            {"conformsTo": "https://project-open-data.cio.gov/v1.1/schema", "dataset": [
              {"identifier": "wq-1", "title": "Water quality", "description": "Samples from rivers.",
               "publisher": {"name": "Environment Agency"}, "contactPoint": {"fn": "Desk", "hasEmail": "mailto:desk@agency.example"},
               "keyword": ["water"], "modified": "2024-03-01", "accessLevel": "public",
               "distribution": [{"downloadURL": "https://agency.example/wq.csv", "mediaType": "text/csv"}]},
              {"identifier": "air-1", "title": "Air quality", "description": "Hourly values.",
               "publisher": {"name": "Environment Agency"}, "contactPoint": {"fn": "Desk", "hasEmail": "mailto:desk@agency.example"},
               "keyword": ["air"], "modified": "2024-03-02", "accessLevel": "public"}
              BROKEN
            ]}
            """#
        let brokenEntry = ",\n  {\"identifier\": \"broken\", \"title\": \"No description, no publisher\"}"
        let document = template.replacingOccurrences(of: "\n  BROKEN", with: brokenEntry)
        let clean = template.replacingOccurrences(of: "\n  BROKEN", with: "")
        let site = DCATTestSite()
        site.set("/data.json", document, contentType: "application/json", etag: "\"a\"")
        let server = TestHTTPServer(handler: site.handler)
        try server.start()
        defer { server.stop() }
        let store = try CatalogStore.temporary()
        let first = try await Self.harvest(site, path: "/data.json", store: store, server: server)
        #expect(first.status == .partial, "\(first.message)")
        #expect(first.counts.added == 2)
        #expect(first.counts.errored == 1)
        let run = try #require(try await store.run(first.run))
        #expect(run.errors.contains { $0.subject == "broken" })
        let water = try #require(try await store.dataset(source: "usgov", sourceIdentifier: "wq-1")?.dataset)
        #expect(water.title.best() == "Water quality")
        #expect(water.publisher?.name.best() == "Environment Agency")
        #expect(water.distributions.first?.downloadURLs == ["https://agency.example/wq.csv"])

        // A partial run stores no validators: the next run fetches the document again in full.
        let second = try await Self.harvest(site, path: "/data.json", store: store, server: server)
        #expect(site.requests.last?.header("If-None-Match") == nil)
        #expect(second.counts.unchanged == 2)

        // A clean document: stored validators are sent back and a 304 ends the run as unchanged.
        site.set("/data.json", clean, contentType: "application/json", etag: "\"b\"")
        #expect(try await Self.harvest(site, path: "/data.json", store: store, server: server).status == .succeeded)
        let unchanged = try await Self.harvest(site, path: "/data.json", store: store, server: server)
        #expect(unchanged.status == .unchanged)
        #expect(site.requests.last?.header("If-None-Match") == "\"b\"")

        // The same bytes from a server that has stopped sending an ETag: the digest ends the run, nothing is written.
        site.set("/data.json", clean, contentType: "application/json")
        let version = try await store.catalogueVersion()
        let sameBytes = try await Self.harvest(site, path: "/data.json", store: store, server: server)
        #expect(sameBytes.status == .unchanged)
        #expect(sameBytes.counts.unchanged == 2)
        #expect(sameBytes.message.contains("byte for byte"), "\(sameBytes.message)")
        #expect(try await store.catalogueVersion() == version)

        // Malformed JSON fails the run, naming the line, and the catalogue stays as it was.
        site.set("/data.json", "{\"dataset\": [\n  {\"identifier\": \"x\",,}\n]}", contentType: "application/json", etag: "\"c\"")
        let broken = try await Self.harvest(site, path: "/data.json", store: store, server: server)
        #expect(broken.status == .failed)
        #expect(broken.message.contains("line 2"), "\(broken.message)")
        var query = SearchQuery()
        query.limit = 10
        #expect(try await store.search(query).total == 2)
    }

    /// The run's seen identifiers live in the store, not in the collector: over several collector batches, a record
    /// missing from the next listing is still deleted and the rest are found unchanged.
    @Test func aListingOverManyBatchesFindsTheUnchangedAndTheDeleted() async throws {
        func entry(_ identifier: String, _ title: String) -> String {
            #"{"identifier": "\#(identifier)", "title": "\#(title)", "description": "About \#(title).", "#
                + #""publisher": {"name": "Agency"}, "contactPoint": {"fn": "Desk", "hasEmail": "mailto:d@agency.example"}, "#
                + #""keyword": ["k"], "modified": "2024-03-01", "accessLevel": "public"}"#
        }
        func document(_ entries: [String]) -> String {
            #"{"conformsTo": "https://project-open-data.cio.gov/v1.1/schema", "dataset": ["# + entries.joined(separator: ",\n") + "]}"
        }
        let site = DCATTestSite()
        site.set("/data.json", document((0..<600).map { entry("ds-\($0)", "Dataset \($0)") }), contentType: "application/json")
        let server = TestHTTPServer(handler: site.handler)
        try server.start()
        defer { server.stop() }
        let store = try CatalogStore.temporary()
        let first = try await Self.harvest(site, path: "/data.json", store: store, server: server)
        #expect(first.counts.added == 600, "\(first.message)")

        // The next listing drops ds-7 and changes ds-8.
        let entries = (0..<600).filter { $0 != 7 }.map { entry("ds-\($0)", $0 == 8 ? "Dataset 8, revised" : "Dataset \($0)") }
        site.set("/data.json", document(entries), contentType: "application/json")
        let second = try await Self.harvest(site, path: "/data.json", store: store, server: server)
        #expect(second.status == .succeeded, "\(second.message)")
        #expect(second.counts.deleted == 1)
        #expect(second.counts.updated == 1)
        #expect(second.counts.unchanged == 598)
        #expect(try await store.dataset(source: "usgov", sourceIdentifier: "ds-7")?.deletedAt != nil)
        #expect(try await store.dataset(source: "usgov", sourceIdentifier: "ds-8")?.dataset.title.best() == "Dataset 8, revised")
    }
}
