import Foundation
import Hummingbird
import KatalogFixtures
import KatalogModel
import Logging
import NIOCore
import ServiceLifecycle

/// A started ``FixtureServer``: where it listens, and how to stop it.
public final class RunningFixtureServer: Sendable {
    /// The bound port.
    public let port: Int
    /// `http://<host>:<port>` (no trailing slash).
    public let baseURL: String
    /// The portal names served.
    public let portals: [String]
    /// The DCAT catalogue names served (e.g. `["dk", "no", "se"]`).
    public let dcatCatalogues: [String]
    /// The CSW service names served (e.g. `["geodata-norrviken"]`).
    public let cswServices: [String]
    /// The OAI-PMH repository names served (e.g. `["forskningsdata-nord"]`).
    public let oaiRepositories: [String]
    private let firstPages: [String: String]
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(port: Int, baseURL: String, server: FixtureServer, group: ServiceGroup, task: Task<Void, any Error>) {
        self.port = port
        self.baseURL = baseURL
        self.portals = server.portals
        self.dcatCatalogues = server.catalogues
        self.cswServices = server.services
        self.oaiRepositories = server.repositories
        self.firstPages = Dictionary(server.catalogueList.map { ($0.name, $0.firstPage.fileName) },
                                     uniquingKeysWith: { first, _ in first })
        self.group = group
        self.task = task
    }

    /// The CKAN root URL of a portal (`http://127.0.0.1:PORT/ckan/<name>`), what a `ckan` source's `url` is set to.
    public func portalURL(_ name: String) -> String {
        baseURL + FixtureServer.portalPath(name)
    }

    /// The full URL of a DCAT catalogue's first page (`http://127.0.0.1:PORT/dcat/<name>/page-1.rdf`), what a
    /// `dcat` source's `url` is set to; the pages lead on with `hydra:next`. For a name not in
    /// ``dcatCatalogues`` it is the catalogue's folder URL, which the server answers with 404.
    public func dcatURL(_ name: String) -> String {
        baseURL + FixtureServer.dcatPath(name, file: firstPages[name] ?? "")
    }

    /// The endpoint URL of a CSW service (`http://127.0.0.1:PORT/csw/<name>`), what a `csw` source's `url` is set to.
    public func cswURL(_ name: String) -> String {
        baseURL + FixtureServer.cswPath(name)
    }

    /// The base URL of an OAI-PMH repository (`http://127.0.0.1:PORT/oai/<name>`), what an `oai-pmh` source's `url` is set to.
    public func oaiURL(_ name: String) -> String {
        baseURL + FixtureServer.oaiPath(name)
    }

    /// Shuts the server down gracefully and waits until it has stopped.
    public func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }
}

extension FixtureServer {
    /// Starts serving on `host:port` (port 0 picks a free port) and returns once the socket is bound.
    ///
    /// `fixturesRoot` holds the CKAN portals, `dcatRoot` the DCAT catalogues, `cswRoot` the CSW services, `oaiRoot` the
    /// OAI-PMH repositories (nil: none). The server runs in a
    /// child task of the caller's process; call ``RunningFixtureServer/stop()`` to end it.
    public static func start(host: String = "127.0.0.1", port: Int = 0, fixturesRoot: URL,
                             dcatRoot: URL? = KatalogFixtures.dcatRoot, cswRoot: URL? = KatalogFixtures.cswRoot,
                             oaiRoot: URL? = KatalogFixtures.oaiRoot, logger: Logger) async throws -> RunningFixtureServer {
        try await FixtureServer(fixturesRoot: fixturesRoot, dcatRoot: dcatRoot, cswRoot: cswRoot, oaiRoot: oaiRoot)
            .start(host: host, port: port, logger: logger)
    }

    /// Starts this server on `host:port` (port 0 picks a free port) and returns once the socket is bound.
    public func start(host: String = "127.0.0.1", port: Int = 0, logger: Logger) async throws -> RunningFixtureServer {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let baseBox = BaseURLBox()
        let router = makeRouter(baseURL: { baseBox.value })
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "katalog-ckan-fixtures"),
            onServerRunning: { channel in
                if let bound = channel.localAddress?.port { continuation.yield(bound) }
                continuation.finish()
            },
            logger: logger
        )
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [app], logger: logger))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let bound = await iterator.next() else {
            // The server ended before binding: surface its error.
            try await task.value
            throw CKANFixtureError(code: .didNotStart, message: "the server stopped before binding \(host):\(port)")
        }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let baseURL = "http://\(hostPart):\(bound)"
        baseBox.set(baseURL)
        logger.info("fixture server listening", metadata: [
            "demo.url": "\(baseURL)", "demo.portals": "\(portals.joined(separator: ","))",
            "demo.dcat": "\(catalogues.joined(separator: ","))", "demo.csw": "\(services.joined(separator: ","))",
            "demo.oai": "\(repositories.joined(separator: ","))",
        ])
        return RunningFixtureServer(port: bound, baseURL: baseURL, server: self, group: group, task: task)
    }
}

extension FixtureServer {
    /// The server as a ServiceLifecycle service, for a caller that runs its own `ServiceGroup` (as `katalog demo` may).
    ///
    /// `onBound` receives the base URL (`http://127.0.0.1:PORT`) once the socket is bound; with port 0 that is
    /// the only way to learn the port.
    public func service(host: String = "127.0.0.1", port: Int = 0, logger: Logger,
                        onBound: @escaping @Sendable (String) async -> Void) -> any Service {
        let baseBox = BaseURLBox()
        return Application(
            router: makeRouter(baseURL: { baseBox.value }),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "katalog-ckan-fixtures"),
            onServerRunning: { channel in
                guard let bound = channel.localAddress?.port else { return }
                let baseURL = "http://\(host.contains(":") ? "[\(host)]" : host):\(bound)"
                baseBox.set(baseURL)
                await onBound(baseURL)
            },
            logger: logger
        )
    }
}
