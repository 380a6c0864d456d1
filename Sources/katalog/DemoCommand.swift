import ArgumentParser
import Foundation
import KatalogFixtures
import KatalogHarvest
import KatalogHub
import KatalogStore
import Logging
import ServiceLifecycle
import UnixSignals

/// `katalog demo`: serves the bundled fixture portals (CKAN) and catalogues (DCAT-AP-SE/NO/DK, Hydra-paged) on 127.0.0.1, harvests them through the real
/// HTTP pipeline into a fresh catalogue, then serves the hub.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Harvest the bundled sample portals into a fresh catalogue and serve the hub."
    )

    @Option(name: .long, help: "Port for the hub (0 picks a free one).")
    var port = 8080

    @Option(name: .long, help: "Where to write the demo catalogue (default: a fresh temporary folder).")
    var db: String?

    @Flag(name: .long, help: "Harvest, print the summary and exit instead of serving.")
    var harvestOnly = false

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let logger = LogSetup.bootstrap(level: logLevel, defaultLevel: .warning)
        let path = try db ?? DemoCommand.freshDatabasePath()
        if FileManager.default.fileExists(atPath: path) {
            throw CLIError("\(path) already exists; the demo writes a fresh catalogue (remove it or pick another --db)")
        }
        // Searches are held to the time limit, and long ones take turns, as `katalog serve` does by default.
        let configuration = CatalogStore.Configuration(
            searchTimeLimit: ServeCommand.seconds(milliseconds: ServeCommand.defaultSearchTimeLimitMs),
            longSearches: ServeCommand.longSearches(afterMs: ServeCommand.defaultLongSearchMs, running: nil,
                                                     waiting: ServeCommand.defaultLongSearchesWaiting))
        let store = try CatalogStore(path: path, configuration: configuration, logger: logger)
        let fixtures = try await FixtureServer.start(host: "127.0.0.1", port: 0, fixturesRoot: KatalogFixtures.ckanRoot,
                                                     dcatRoot: KatalogFixtures.dcatRoot, logger: logger)
        do {
            try await harvestAndServe(fixtures: fixtures, store: store, path: path, logger: logger)
        } catch {
            try? await fixtures.stop()
            throw error
        }
        try await fixtures.stop()
    }

    private func harvestAndServe(fixtures: RunningFixtureServer, store: CatalogStore, path: String, logger: Logger) async throws {
        Terminal.err("Fixture CKAN portals on \(fixtures.baseURL)/ckan/: \(fixtures.portals.joined(separator: ", "))")
        Terminal.err("Fixture DCAT-AP catalogues on \(fixtures.baseURL)/dcat/: \(fixtures.dcatCatalogues.joined(separator: ", "))")
        Terminal.err("Fixture CSW services on \(fixtures.baseURL)/csw/: \(fixtures.cswServices.joined(separator: ", "))")
        Terminal.err("Fixture OAI-PMH repositories on \(fixtures.baseURL)/oai/: \(fixtures.oaiRepositories.joined(separator: ", "))")
        let harvester = Harvester(store: store, logger: logger)
        let progress = ProgressLine()
        // The national catalogues first: the CKAN portal dataportal-nord republishes some of their datasets, and of the
        // records of one dataset searches show the one seen first (sources of equal priority).
        var sources = fixtures.dcatCatalogues.map { SourceConfig(name: "dcat-ap-" + $0, kind: .dcat, url: fixtures.dcatURL($0)) }
        sources += fixtures.portals.map { SourceConfig(name: $0, kind: .ckan, url: fixtures.portalURL($0), pageSize: 25) }
        sources += fixtures.cswServices.map { SourceConfig(name: $0, kind: .csw, url: fixtures.cswURL($0), pageSize: 25) }
        sources += fixtures.oaiRepositories.map { SourceConfig(name: $0, kind: .oaiPMH, url: fixtures.oaiURL($0)) }
        for source in sources {
            let summary = try await harvester.run(source, options: .init(progress: progress.report))
            progress.clear()
            Terminal.err(HarvestCommand.summaryLine(source: source.name, summary: summary))
        }
        let total = try await store.datasetCount(includeDeleted: false)
        let records = try await store.recordCountsBySource().values
        let folded = records.reduce(0) { $0 + $1.folded }
        let carriedTwice = folded == 0 ? ""
            : "; \(folded) of the \(records.reduce(0) { $0 + $1.live }) records are another source's copy of a dataset, shown once"
        Terminal.err("Catalogue: \(path) (\(total) datasets\(carriedTwice))")
        if harvestOnly { return }

        let app = Hub.application(
            store: store, configuration: .init(host: "127.0.0.1", port: port), logger: logger,
            onServerRunning: { port in
                Terminal.out("Katalog demo: http://127.0.0.1:\(port)/  (try http://127.0.0.1:\(port)/api/v1/search?q=vatten)")
            }
        )
        let group = ServiceGroup(configuration: .init(
            services: [ServiceGroupConfiguration.ServiceConfiguration(service: app)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        ))
        try await group.run()
    }

    static func freshDatabasePath() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-demo-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("katalog.sqlite").path
    }
}
