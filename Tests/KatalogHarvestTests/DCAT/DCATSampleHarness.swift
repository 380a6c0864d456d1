import Foundation
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// The suites over `../shared/samples/dcat`, run one test at a time: each harvest starts a server and parses on
/// threads of its own, and dozens at once would starve the timing-sensitive HTTP tests running beside them.
@Suite(.serialized, .enabled(if: DCATSampleHarness.folder != nil, "../shared/samples/dcat is absent beside the package"))
enum DCATSampleSuites {}

/// Serves one document of `../shared/samples/dcat` from a ``TestHTTPServer`` on 127.0.0.1, harvests it as a
/// `.dcat` source through the real ``Harvester`` into a temporary store, and reads back what was stored.
enum DCATSampleHarness {
    /// `../shared/samples/dcat` beside the package root, or nil when that folder is absent.
    static var folder: URL? {
        var url = URL(fileURLWithPath: #filePath)
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                let samples = url.deletingLastPathComponent().appendingPathComponent("shared/samples/dcat")
                return FileManager.default.fileExists(atPath: samples.path) ? samples : nil
            }
        }
        return nil
    }

    /// Client settings with millisecond backoff, for harvests against the local server.
    static let fastRetries = HTTPClient.Configuration(
        retry: .init(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5), maxRetryAfter: .milliseconds(50))
    )

    /// The sample documents' file names, sorted (empty when the folder is absent).
    static var sampleNames: [String] {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The media type a sample's extension implies: `.rdf` RDF/XML, `.ttl` Turtle, `.jsonld` JSON-LD.
    static func mediaType(of name: String) -> String? {
        switch name.split(separator: ".").last.map(String.init) {
        case "rdf": return "application/rdf+xml"
        case "ttl": return "text/turtle"
        case "jsonld": return "application/ld+json"
        default: return nil
        }
    }

    /// What one harvest of one sample left behind.
    struct Harvested: Sendable {
        /// The run's summary as the harvester returned it.
        var summary: RunSummary
        /// The run as recorded in the store (with its per-record errors).
        var run: HarvestRun
        /// The live datasets of the source, by source identifier.
        var datasets: [String: Dataset]
        /// The requests the server received (to check what was asked for).
        var requests: [TestRequest]

        /// The dataset stored under `sourceIdentifier`, or a recorded test failure.
        func dataset(_ sourceIdentifier: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Dataset {
            try #require(datasets[sourceIdentifier], "no dataset \(sourceIdentifier) among \(datasets.keys.sorted())",
                         sourceLocation: sourceLocation)
        }

        /// The only dataset stored, or a recorded test failure when there is not exactly one.
        func only(sourceLocation: SourceLocation = #_sourceLocation) throws -> Dataset {
            try #require(datasets.count == 1 ? datasets.values.first : nil,
                         "expected one dataset, found \(datasets.keys.sorted())", sourceLocation: sourceLocation)
        }
    }

    /// The `Content-Type` the server sends with a sample.
    enum ContentType: Sendable {
        /// The type the file's extension implies (``mediaType(of:)``).
        case byExtension
        /// No `Content-Type` header at all.
        case absent
        /// This header value.
        case declared(String)
    }

    /// Serves sample `name` at `path` (default `/samples/NAME`) with `contentType` and harvests it.
    static func harvest(_ name: String, contentType: ContentType = .byExtension, path: String? = nil) async throws -> Harvested {
        let folder = try #require(folder, "../shared/samples/dcat is absent")
        let body = try Data(contentsOf: folder.appendingPathComponent(name))
        let type: String? = switch contentType {
        case .byExtension: mediaType(of: name)
        case .absent: nil
        case .declared(let declared): declared
        }
        var headers = HTTPHeaders()
        if let type { headers.add(name: "Content-Type", value: type) }
        let servedPath = path ?? "/samples/\(name)"
        let answer = TestResponse.full(status: 200, headers: headers, body: body)
        let server = TestHTTPServer { request in
            request.path == servedPath ? answer : .text("not found", status: 404)
        }
        try server.start()
        defer { server.stop() }

        let store = try CatalogStore.temporary()
        var logger = Logger(label: "katalog.test.dcat-samples")
        logger.logLevel = .critical
        let harvester = Harvester(store: store, logger: logger, clientConfiguration: fastRetries)
        let source = SourceConfig(name: "samples", kind: .dcat, url: server.url(servedPath), requestTimeout: 30)
        let summary = try await harvester.run(source)
        let run = try #require(try await store.runs(source: source.name, limit: 1).first)
        var datasets: [String: Dataset] = [:]
        for stored in try await store.datasets(source: source.name, limit: 1_000) {
            datasets[stored.sourceIdentifier] = stored.dataset
        }
        return Harvested(summary: summary, run: run, datasets: datasets, requests: server.requests)
    }
}
