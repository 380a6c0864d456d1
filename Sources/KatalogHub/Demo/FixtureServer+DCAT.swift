import Foundation
import Hummingbird
import KatalogModel
import NIOCore

extension FixtureServer {
    /// `GET /dcat` (catalogue names and first-page paths) and `GET`/`HEAD /dcat/{catalogue}/{file}`.
    func addDCATRoutes(to router: Router<BasicRequestContext>) {
        let byName = Dictionary(catalogueList.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let listing = JSONValue.object(["catalogues": .array(catalogueList.map { catalogue in
            .object([
                "name": .string(catalogue.name),
                "first": .string(FixtureServer.dcatPath(catalogue.name, file: catalogue.firstPage.fileName)),
                "pages": .int(Int64(catalogue.pages.count)),
            ])
        })])
        router.get("/dcat") { _, _ -> Response in
            FixtureServer.json(200, listing)
        }
        router.get("/dcat/{catalogue}/{file}") { request, context -> Response in
            FixtureServer.dcatResponse(request, context, byName, includeBody: true)
        }
        router.head("/dcat/{catalogue}/{file}") { request, context -> Response in
            FixtureServer.dcatResponse(request, context, byName, includeBody: false)
        }
    }

    static func dcatResponse(_ request: Request, _ context: BasicRequestContext,
                             _ byName: [String: DCATFixtureCatalogue], includeBody: Bool) -> Response {
        let name = context.parameters.get("catalogue")?.removingPercentEncoding ?? ""
        let file = context.parameters.get("file")?.removingPercentEncoding ?? ""
        guard let catalogue = byName[name] else {
            return plain(404, "no DCAT catalogue named \(name)")
        }
        guard let page = catalogue.page(file) else {
            return plain(404, "catalogue \(name) has no file \(file)")
        }
        var headers = HTTPFields()
        headers[.eTag] = page.etag
        headers[.lastModified] = page.lastModifiedHeader
        headers[.cacheControl] = "no-cache"
        if page.isNotModified(ifNoneMatch: request.headers[.ifNoneMatch], ifModifiedSince: request.headers[.ifModifiedSince]) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = page.contentType
        guard includeBody else {
            headers[.contentLength] = String(page.body.count)
            return Response(status: .ok, headers: headers, body: ResponseBody())
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: page.body)))
    }

    static func plain(_ status: Int, _ message: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: HTTPResponse.Status(code: status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(string: message + "\n")))
    }
}
