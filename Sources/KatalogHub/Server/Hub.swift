import Foundation
import HTTPTypes
import Hummingbird
import KatalogStore
import Logging
import NIOCore
import ServiceLifecycle

/// The search hub: Katalog's HTTP API over a catalogue store.
public enum Hub {
    /// Where and how the hub listens.
    public struct Configuration: Sendable {
        /// Interface to bind (default 127.0.0.1).
        public var host: String
        /// Port to bind; 0 picks a free one (default 8080).
        public var port: Int
        /// The sources this process harvests on a schedule; `/health` and `/metrics` say when one is overdue.
        /// Replace them through ``schedules`` while the hub serves.
        public var scheduledSources: [ScheduledSource] {
            get { schedules.sources }
            set { schedules.replace(with: newValue) }
        }
        /// The scheduled sources, shared with the running hub.
        public let schedules: Schedules
        /// Whether text answers are sent gzip-compressed to clients that accept it (default true). Turn it off when
        /// a proxy in front compresses, or to spend no CPU on it.
        public var compression: Bool
        /// How long a connection may stay silent before the hub closes it (default 60 s): between keep-alive requests,
        /// or in the middle of sending one. Without it, clients that open connections and send nothing hold them, and
        /// their file descriptors, for ever. A request being answered is never cut off, however long it takes.
        public var idleTimeout: Duration
        /// Requests that take at least this long are logged as a warning with their path and query (default 1 s;
        /// nil: never), so an operator can see which searches are slow. The access lines leave queries out.
        public var slowRequestThreshold: Duration?

        /// Creates a configuration.
        public init(host: String = "127.0.0.1", port: Int = 8080, scheduledSources: [ScheduledSource] = [],
                    compression: Bool = true, idleTimeout: Duration = .seconds(60), slowRequestThreshold: Duration? = .seconds(1)) {
            self.host = host
            self.port = port
            self.schedules = Schedules(scheduledSources)
            self.compression = compression
            self.idleTimeout = idleTimeout
            self.slowRequestThreshold = slowRequestThreshold
        }
    }

    /// The methods a path answers: the hub is read-only, so GET and HEAD, and POST on the CKAN-compatible actions,
    /// which CKAN clients send their (read) calls with. The 405 answers and the CORS preflights both follow this.
    static func allowedMethods(path: String) -> [HTTPRequest.Method] {
        CKANRoutes.isActionPath(path) ? [.get, .head, .post] : [.get, .head]
    }

    /// Methods as an `Allow` header lists them.
    static func methodList(_ methods: [HTTPRequest.Method]) -> String {
        methods.map(\.rawValue).joined(separator: ", ")
    }

    /// Builds the router with every route of the hub.
    public static func router(store: CatalogStore, logger: Logger, metrics: RequestMetrics = RequestMetrics(),
                              scheduledSources: [ScheduledSource] = [], quality: QualityReport? = nil,
                              compression: Bool = true, schedules: Schedules? = nil,
                              slowRequestThreshold: Duration? = .seconds(1)) -> Router<BasicRequestContext> {
        // HEAD answers as GET does without the body: the 405s and CORS preflights name it, and uptime checks use it.
        let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: AccessMiddleware(metrics: metrics, logger: logger, slowRequestThreshold: slowRequestThreshold))
        if compression { router.add(middleware: CompressionMiddleware()) }
        router.add(middleware: ProblemMiddleware(logger: logger))
        let harvestHealth = HarvestHealth(store: store, schedules: schedules ?? Schedules(scheduledSources), startedAt: Date())
        MetricsRoute(store: store, metrics: metrics, harvestHealth: harvestHealth).register(on: router)
        let quality = quality ?? QualityReport(store: store)
        APIRoutes(store: store, harvestHealth: harvestHealth, quality: quality, compression: compression).register(on: router)
        FeedRoutes(store: store).register(on: router)
        ExportRoutes(store: store).register(on: router)
        CKANRoutes(store: store).register(on: router)
        OpenAPIDocument.register(on: router)
        HTMLRoutes(store: store, harvestHealth: harvestHealth, quality: quality).register(on: router)
        SitemapRoutes(store: store).register(on: router)
        return router
    }

    /// Builds the application; `onServerRunning` receives the bound port.
    public static func application(
        store: CatalogStore,
        configuration: Configuration = Configuration(),
        logger: Logger,
        services: [any Service] = [],
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let metrics = RequestMetrics()
        let quality = QualityReport(store: store)
        return Application(
            router: router(store: store, logger: logger, metrics: metrics, quality: quality, compression: configuration.compression,
                           schedules: configuration.schedules, slowRequestThreshold: configuration.slowRequestThreshold),
            // Requests the HTTP parser refuses are answered with a problem document too, and counted.
            server: .http1(configuration: .init(additionalChannelHandlers: [MalformedRequestHandler(logger: logger, metrics: metrics)],
                                                idleTimeout: TimeAmount(configuration.idleTimeout))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Katalog"),
            services: services,
            onServerRunning: { channel in
                // Reads the facet terms into memory so searches count facets without SQL; until it is done
                // (seconds for a million datasets) they count with SQL. Failures are logged by the store.
                Task.detached(priority: .utility) { try? await store.refreshFacetIndex() }
                // The metadata quality's first count, so a reader of /sources or /api/v1/quality seldom waits for it.
                Task.detached(priority: .utility) { try? await quality.prepare() }
                await onServerRunning(channel.localAddress?.port ?? configuration.port)
            },
            logger: logger
        )
    }
}
