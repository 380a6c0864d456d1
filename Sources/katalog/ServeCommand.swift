import ArgumentParser
import Foundation
import KatalogHarvest
import KatalogHub
import KatalogStore
import Logging
import ServiceLifecycle
import UnixSignals

/// `katalog serve`: the search hub, and the configured sources harvested on their schedules.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the search hub; with --config, also harvest each source on its schedule."
    )

    @Option(name: .long, help: "The sources file; its sources are harvested on their schedules.")
    var config: String?

    @Option(name: .long, help: "Interface to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0 picks a free one).")
    var port = 8080

    @Option(name: .long, help: "Recent search results kept for repeated queries, each valid until the catalogue changes (0 turns it off).")
    var searchCacheEntries = 512

    @Option(name: .long, help: "Stop a search or completion that runs longer than this many milliseconds and answer 503 (0: never).")
    var searchTimeLimitMs = ServeCommand.defaultSearchTimeLimitMs

    /// The hub's default time limit for one search: a safety net, not a rate limit. On a million datasets, searches
    /// business systems make take up to about half a second (a page of 1,000 relevance-ranked hits deep in a common
    /// word), more when the cores are shared or the search waits for its turn among long searches, and up to 4.4 s
    /// right after a start with the disk cache cold, so a shorter default would refuse some of them (BENCHMARKS.md,
    /// "Search time limit", "Sorted listings" and "Deep relevance-ranked pages"). A hub that serves only short
    /// searches can set less.
    static let defaultSearchTimeLimitMs = 10_000

    @Option(name: .long, help: ArgumentHelp("A search that has used this many milliseconds of CPU time is long: long searches take turns (0: every search runs at once).", valueName: "ms"))
    var longSearchMs = ServeCommand.defaultLongSearchMs

    /// Searches by words take a few milliseconds even on a million datasets; one that ranks or sorts most of them
    /// takes hundreds. 100 ms separates them with room on both sides (BENCHMARKS.md, "Long searches take turns").
    static let defaultLongSearchMs = 100

    @Option(name: .long, help: ArgumentHelp("Long searches that run at once (default: half the cores, at least 1).", valueName: "n"))
    var longSearches: Int?

    @Option(name: .long, help: ArgumentHelp("Long searches that may wait for a turn; one more is answered 503 with Retry-After at once.", valueName: "n"))
    var longSearchesWaiting = ServeCommand.defaultLongSearchesWaiting

    /// Each waiting place holds a read connection while it is used (about 20 MiB with its page cache at a million
    /// datasets); fewer places mean more refusals, each of which has run `--long-search-ms` first.
    static let defaultLongSearchesWaiting = 8

    @Flag(name: .long, help: "Send every answer uncompressed, even to clients that accept gzip (for a proxy in front that compresses).")
    var noCompression = false

    @Option(name: .long, help: "Seconds a connection may stay silent (between requests, or while sending one) before it is closed.")
    var idleTimeout = 60

    @Option(name: .long, help: "Log requests that take at least this many milliseconds as warnings, with their query (0: never).")
    var slowRequestMs = 1000

    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (0...3_600_000).contains(slowRequestMs) else { throw ValidationError("--slow-request-ms must be between 0 and 3600000") }
        guard (1...86_400).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be between 1 and 86400 seconds") }
        guard (0...3_600_000).contains(searchTimeLimitMs) else {
            throw ValidationError("--search-time-limit-ms must be between 0 and 3600000")
        }
        guard (0...3_600_000).contains(longSearchMs) else { throw ValidationError("--long-search-ms must be between 0 and 3600000") }
        if let longSearches, !(1...256).contains(longSearches) {
            throw ValidationError("--long-searches must be between 1 and 256")
        }
        guard (0...256).contains(longSearchesWaiting) else { throw ValidationError("--long-searches-waiting must be between 0 and 256") }
        guard (0...1_000_000).contains(searchCacheEntries) else {
            throw ValidationError("--search-cache-entries must be between 0 and 1000000")
        }
    }

    func run() async throws {
        let logger = LogSetup.bootstrap(level: options.logLevel, format: options.logFormat, defaultLevel: .info)
        let configuration = try config.map { try KatalogConfig.load(path: $0) }
        let path = options.databasePath(config: configuration, configPath: config)
        let store = try options.openStore(path: path, create: configuration != nil, logger: logger,
                                          configuration: .init(searchCacheEntries: searchCacheEntries,
                                                               searchTimeLimit: ServeCommand.seconds(milliseconds: searchTimeLimitMs),
                                                               longSearches: ServeCommand.longSearches(afterMs: longSearchMs, running: longSearches,
                                                                                                      waiting: longSearchesWaiting)))
        var services: [any Service] = []
        let hubConfiguration = Hub.Configuration(host: host, port: port, scheduledSources: configuration?.scheduledSources ?? [],
                                                 compression: !noCompression, idleTimeout: .seconds(idleTimeout),
                                                 slowRequestThreshold: slowRequestMs == 0 ? nil : .milliseconds(slowRequestMs))
        var scheduler: HarvestScheduler?
        if let configuration {
            let harvester = Harvester(store: store, logger: logger, mappingLanes: configuration.mappingLanes,
                                      keepRuns: configuration.keepRuns)
            scheduler = HarvestScheduler(harvester: harvester, sources: configuration.sources,
                                         concurrency: configuration.concurrency, logger: logger)
            services.append(scheduler!)
        }
        services.append(ConfigReloader(path: config, running: configuration, scheduler: scheduler,
                                       schedules: hubConfiguration.schedules, logger: logger))
        let app = Hub.application(
            store: store, configuration: hubConfiguration,
            logger: logger,
            onServerRunning: { port in LogSetup.announce("Katalog hub listening on http://\(host):\(port)/") }
        )
        let group = ServiceGroup(configuration: .init(
            services: [ServiceGroupConfiguration.ServiceConfiguration(service: app)]
                + services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        ))
        try await group.run()
    }
}

extension ServeCommand {
    /// A limit in milliseconds as the store takes it: seconds, nil for 0 (no limit).
    static func seconds(milliseconds: Int) -> TimeInterval? {
        milliseconds == 0 ? nil : TimeInterval(milliseconds) / 1000
    }

    /// The turns long searches take, from the options; nil when `afterMs` is 0 (every search runs at once).
    static func longSearches(afterMs: Int, running: Int?, waiting: Int) -> CatalogStore.Configuration.LongSearches? {
        guard let after = seconds(milliseconds: afterMs) else { return nil }
        return .init(after: after, running: running ?? CatalogStore.Configuration.LongSearches.defaultRunning, waiting: waiting)
    }
}

extension KatalogConfig {
    /// The enabled sources with a schedule, as the hub judges them overdue (`katalog serve`, `katalog status`).
    var scheduledSources: [Hub.ScheduledSource] {
        sources.filter(\.enabled).compactMap { source in
            source.schedule.map { schedule in
                Hub.ScheduledSource(name: source.name, schedule: schedule.description, nextFire: { schedule.nextFire(after: $0) })
            }
        }
    }
}
