import Foundation
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// Where the shared CSW samples are.
enum CSWSamples {
    /// `../shared/samples/csw` beside the package root, or nil when that folder is absent.
    static var folder: URL? {
        DCATSampleHarness.folder.map { $0.deletingLastPathComponent().appendingPathComponent("csw") }
            .flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
    }
}

/// The real GeoNetwork CSW responses of `../shared/samples/csw` (from udata's tests), served page by page from
/// 127.0.0.1 as GeoNetwork served them, harvested through the CSW adapter.
@Suite(.enabled(if: CSWSamples.folder != nil, "../shared/samples/csw is absent beside the package"))
struct CSWSampleHarvestTests {

    /// Serves the files named `<prefix>-page-<startPosition>.xml` for GetRecords, whatever `maxRecords` asks, as the
    /// samples were recorded with two records a page.
    static func serve(_ prefix: String, _ body: (TestHTTPServer) async throws -> Void) async throws {
        let folder = try #require(CSWSamples.folder)
        let server = TestHTTPServer { request in
            let query = request.query ?? ""
            let start = query.split(separator: "&").first { $0.hasPrefix("startPosition=") }.map { String($0.dropFirst(14)) } ?? "1"
            guard let data = try? Data(contentsOf: folder.appendingPathComponent("\(prefix)-page-\(start).xml")) else {
                return .text("no page at \(start)", status: 404)
            }
            return .full(status: 200, headers: ["Content-Type": "application/xml"], body: data)
        }
        try server.start()
        defer { server.stop() }
        try await body(server)
    }

    @Test func geoNetworksISO19139PagesAreHarvestedAcrossNextRecord() async throws {
        try await Self.serve("udata--geonetwork-iso19139") { server in
            let store = try CatalogStore.temporary()
            let harvester = Harvester(store: store, logger: Logger(label: "test"), clientConfiguration: DCATSampleHarness.fastRetries)
            let source = SourceConfig(name: "geo2france", kind: .csw, url: server.url("/geonetwork/srv/fre/csw"), pageSize: 2)
            let summary = try await harvester.run(source)
            // Six records in three pages (nextRecord 3, 5, 0; numberOfRecordsMatched 6): a complete walk.
            #expect(summary.status == .succeeded, "\(summary.message)")
            #expect(summary.counts.added == 6)
            #expect(summary.counts.errored == 0)
            let plan = try #require(try await store.dataset(source: "geo2france",
                                                            sourceIdentifier: "fr-120066022-ldd-56fce164-04b2-41ae-be87-9f256f39dd44"))
            #expect(plan.dataset.title.best() == "Plan local d'urbanisme de la commune de Cartigny")
            #expect(plan.dataset.publisher != nil)
            #expect(!plan.dataset.distributions.isEmpty)
            #expect(plan.rawFormat == "application/xml")
            // Again: every record is recognised by its XML and nothing is written.
            let again = try await harvester.run(source)
            #expect(again.counts.unchanged == 6)
            #expect(again.counts.added + again.counts.updated + again.counts.deleted == 0)
        }
    }

    @Test func aServiceAnsweringDCATInsteadOfISOIsReportedPerRecord() async throws {
        // GeoNetwork's DCAT output schema: the records are rdf:RDF documents, which this adapter does not map.
        try await Self.serve("udata--geonetwork-dcat") { server in
            let store = try CatalogStore.temporary()
            let harvester = Harvester(store: store, logger: Logger(label: "test"), clientConfiguration: DCATSampleHarness.fastRetries)
            let summary = try await harvester.run(SourceConfig(name: "dcat-out", kind: .csw, url: server.url("/csw"), pageSize: 2))
            #expect(summary.counts.added == 0)
            #expect(summary.counts.errored > 0)
            let run = try #require(try await store.runs(source: "dcat-out", limit: 1).first)
            #expect(run.errors.contains { $0.cause.contains("rdf:RDF") && $0.cause.contains("not ISO 19139") })
        }
    }
}
