import Foundation
import Hummingbird
import KatalogModel
import Logging
import NIOCore
import ServiceLifecycle

/// An HTTP server that plays several fictional CKAN portals from fixture files, each under
/// `/ckan/<portal>/api/3/action/<action>`: what `katalog demo` harvests, and what harvester tests talk to.
public struct CKANFixtureServer: Sendable {
    /// The portals served, sorted by name.
    public let portalList: [CKANFixturePortal]

    /// Loads every `<portal>/packages.json` under `fixturesRoot` (e.g. `KatalogFixtures.file("ckan")`).
    public init(fixturesRoot: URL) throws {
        self.portalList = try CKANFixturePortal.loadAll(from: fixturesRoot)
    }

    /// Serves the given portals.
    public init(portals: [CKANFixturePortal]) {
        self.portalList = portals.sorted { $0.name < $1.name }
    }

    /// The portal names, which are their path segments.
    public var portals: [String] { portalList.map(\.name) }

    /// The path of a portal's CKAN root relative to the server (`/ckan/<name>`); append `/api/3/action/…`.
    public static func portalPath(_ name: String) -> String { "/ckan/" + name }

    /// A router answering the portals' Action API calls (and `GET /ckan` with the portal names).
    public func makeRouter(baseURL: @escaping @Sendable () -> String) -> Router<BasicRequestContext> {
        let router = Router()
        let byName = Dictionary(portalList.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let names = portals
        router.get("/ckan") { _, _ -> Response in
            CKANFixtureServer.json(200, .object(["portals": .array(names.map(JSONValue.string))]))
        }
        router.get("/ckan/{portal}/api/3/action/{action}") { request, context -> Response in
            let portalName = context.parameters.get("portal")?.removingPercentEncoding ?? ""
            let action = context.parameters.get("action")?.removingPercentEncoding ?? ""
            guard let portal = byName[portalName] else {
                return CKANFixtureServer.json(404, .object([
                    "success": .bool(false),
                    "error": .object(["__type": .string("Not Found Error"), "message": .string("Not found: no portal \(portalName)")]),
                ]))
            }
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters where query[String(key)] == nil {
                query[String(key)] = String(value)
            }
            let api = CKANFixtureAPI(portal: portal, siteURL: baseURL() + CKANFixtureServer.portalPath(portal.name))
            let reply = api.handle(action: action, query: query)
            return CKANFixtureServer.json(reply.status, reply.body)
        }
        return router
    }

    static func json(_ status: Int, _ body: JSONValue) -> Response {
        let data = (try? body.encoded()) ?? Data("{\"success\":false}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json;charset=utf-8"
        return Response(status: HTTPResponse.Status(code: status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
