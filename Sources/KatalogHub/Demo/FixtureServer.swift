import Foundation
import Hummingbird
import KatalogFixtures
import KatalogModel
import Logging
import NIOCore
import ServiceLifecycle

/// The older name of ``FixtureServer``, from when it served only CKAN portals.
public typealias CKANFixtureServer = FixtureServer

/// An HTTP server that plays fictional open-data publishers from fixture files: what `katalog demo` harvests,
/// and what harvester tests talk to.
///
/// - CKAN portals under `/ckan/<portal>/api/3/action/<action>` (see ``CKANFixtureAPI``);
/// - DCAT-AP catalogues as static, Hydra-paged RDF files under `/dcat/<catalogue>/<file>`, with `ETag` and
///   `Last-Modified`, answering `304 Not Modified` to matching conditional requests;
/// - CSW 2.0.2 catalogue services of ISO 19139 records under `/csw/<service>` (see ``CSWFixtureService``);
/// - OAI-PMH repositories of Dublin Core records under `/oai/<repository>` (see ``OAIPMHFixtureRepository``).
public struct FixtureServer: Sendable {
    /// The CKAN portals served, sorted by name.
    public let portalList: [CKANFixturePortal]
    /// The DCAT catalogues served, sorted by name.
    public let catalogueList: [DCATFixtureCatalogue]
    /// The CSW services served, sorted by name.
    public let serviceList: [CSWFixtureService]
    /// The OAI-PMH repositories served, sorted by name.
    public let repositoryList: [OAIPMHFixtureRepository]

    /// Loads every `<portal>/packages.json` under `fixturesRoot` (e.g. `KatalogFixtures.ckanRoot`), every
    /// `<catalogue>/page-N.*` under `dcatRoot`, every `<service>/records.xml` under `cswRoot` and every
    /// `<repository>/records.xml` under `oaiRoot` (nil serves none).
    public init(fixturesRoot: URL, dcatRoot: URL? = KatalogFixtures.dcatRoot, cswRoot: URL? = KatalogFixtures.cswRoot,
                oaiRoot: URL? = KatalogFixtures.oaiRoot) throws {
        self.portalList = try CKANFixturePortal.loadAll(from: fixturesRoot)
        self.catalogueList = try dcatRoot.map(DCATFixtureCatalogue.loadAll(from:)) ?? []
        self.serviceList = try cswRoot.map(CSWFixtureService.loadAll(from:)) ?? []
        self.repositoryList = try oaiRoot.map(OAIPMHFixtureRepository.loadAll(from:)) ?? []
    }

    /// Serves the given portals, catalogues, services and repositories.
    public init(portals: [CKANFixturePortal], catalogues: [DCATFixtureCatalogue] = [], services: [CSWFixtureService] = [],
                repositories: [OAIPMHFixtureRepository] = []) {
        self.portalList = portals.sorted { $0.name < $1.name }
        self.catalogueList = catalogues.sorted { $0.name < $1.name }
        self.serviceList = services.sorted { $0.name < $1.name }
        self.repositoryList = repositories.sorted { $0.name < $1.name }
    }

    /// The OAI-PMH repository names, which are their path segments.
    public var repositories: [String] { repositoryList.map(\.name) }

    /// The path of an OAI-PMH repository's base URL relative to the server (`/oai/<name>`).
    public static func oaiPath(_ name: String) -> String { "/oai/" + name }

    /// The CSW service names, which are their path segments.
    public var services: [String] { serviceList.map(\.name) }

    /// The path of a CSW service's endpoint relative to the server (`/csw/<name>`).
    public static func cswPath(_ name: String) -> String { "/csw/" + name }

    /// The portal names, which are their path segments.
    public var portals: [String] { portalList.map(\.name) }

    /// The DCAT catalogue names, which are their path segments.
    public var catalogues: [String] { catalogueList.map(\.name) }

    /// The path of a portal's CKAN root relative to the server (`/ckan/<name>`); append `/api/3/action/…`.
    public static func portalPath(_ name: String) -> String { "/ckan/" + name }

    /// The path of a file of a DCAT catalogue relative to the server (`/dcat/<name>/<file>`).
    public static func dcatPath(_ name: String, file: String) -> String { "/dcat/" + name + "/" + file }

    /// A router answering the portals' Action API calls (and `GET /ckan` with the portal names), the DCAT
    /// catalogue files (and `GET /dcat` with the catalogue names and first pages) and the CSW services.
    public func makeRouter(baseURL: @escaping @Sendable () -> String) -> Router<BasicRequestContext> {
        let router = Router()
        addCKANRoutes(to: router, baseURL: baseURL)
        addDCATRoutes(to: router)
        addCSWRoutes(to: router)
        addOAIPMHRoutes(to: router, baseURL: baseURL)
        return router
    }

    func addCKANRoutes(to router: Router<BasicRequestContext>, baseURL: @escaping @Sendable () -> String) {
        let byName = Dictionary(portalList.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let names = portals
        router.get("/ckan") { _, _ -> Response in
            FixtureServer.json(200, .object(["portals": .array(names.map(JSONValue.string))]))
        }
        router.get("/ckan/{portal}/api/3/action/{action}") { request, context -> Response in
            let portalName = context.parameters.get("portal")?.removingPercentEncoding ?? ""
            let action = context.parameters.get("action")?.removingPercentEncoding ?? ""
            guard let portal = byName[portalName] else {
                return FixtureServer.json(404, .object([
                    "success": .bool(false),
                    "error": .object(["__type": .string("Not Found Error"), "message": .string("Not found: no portal \(portalName)")]),
                ]))
            }
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters where query[String(key)] == nil {
                query[String(key)] = String(value)
            }
            let api = CKANFixtureAPI(portal: portal, siteURL: baseURL() + FixtureServer.portalPath(portal.name))
            let reply = api.handle(action: action, query: query)
            return FixtureServer.json(reply.status, reply.body)
        }
    }

    func addCSWRoutes(to router: Router<BasicRequestContext>) {
        let byName = Dictionary(serviceList.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        router.get("/csw/{service}") { request, context -> Response in
            let name = context.parameters.get("service")?.removingPercentEncoding ?? ""
            guard let service = byName[name] else { return FixtureServer.plain(404, "no CSW service named \(name)") }
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters where query[String(key)] == nil {
                query[String(key)] = String(value)
            }
            let reply = service.handle(query: query)
            var headers = HTTPFields()
            headers[.contentType] = "application/xml;charset=utf-8"
            return Response(status: HTTPResponse.Status(code: reply.status), headers: headers,
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: Data(reply.body.utf8))))
        }
    }

    func addOAIPMHRoutes(to router: Router<BasicRequestContext>, baseURL: @escaping @Sendable () -> String) {
        let byName = Dictionary(repositoryList.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        router.get("/oai/{repository}") { request, context -> Response in
            let name = context.parameters.get("repository")?.removingPercentEncoding ?? ""
            guard let repository = byName[name] else { return FixtureServer.plain(404, "no OAI-PMH repository named \(name)") }
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters where query[String(key)] == nil {
                query[String(key)] = String(value)
            }
            // OAI-PMH answers its own errors with 200 and an error element.
            let body = repository.handle(query: query, baseURL: baseURL() + FixtureServer.oaiPath(name))
            var headers = HTTPFields()
            headers[.contentType] = "text/xml;charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: Data(body.utf8))))
        }
    }

    static func json(_ status: Int, _ body: JSONValue) -> Response {
        let data = (try? body.encoded()) ?? Data("{\"success\":false}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json;charset=utf-8"
        return Response(status: HTTPResponse.Status(code: status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
