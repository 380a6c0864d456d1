import Foundation
import HTTPTypes
import Hummingbird
import KatalogModel
import KatalogStore
import Logging
import NIOCore

/// CKAN's Action API (`/api/3/action/{action}`, and `/api/action/{action}` as CKAN also serves it) for the read
/// actions of ``CKANActions``: GET with query parameters, or POST with a JSON object (or a form), as CKAN clients
/// such as ckanapi send them. Answers carry CKAN's envelope (`help`, `success`, `result`).
struct CKANRoutes: Sendable {
    let actions: CKANActions

    init(store: CatalogStore) {
        actions = CKANActions(store: store)
    }

    /// The path prefixes answered.
    static let prefixes = ["/api/3/action", "/api/action"]

    /// True for a path of this API, the only one where the hub accepts POST.
    static func isActionPath(_ path: String) -> Bool {
        prefixes.contains { path.hasPrefix($0 + "/") }
    }

    func register(on router: Router<BasicRequestContext>) {
        for prefix in CKANRoutes.prefixes {
            router.get("\(prefix)/:action") { request, context in
                await self.answer(request, context: context) { () throws(CKANError) in try CKANParameters(query: request.uri.query) }
            }
            router.post("\(prefix)/:action") { request, context in
                let contentType = request.headers[.contentType]?.lowercased() ?? ""
                let body: Result<ByteBuffer, CKANError>
                do {
                    body = .success(try await request.body.collect(upTo: CKANParameters.maxBodyBytes))
                } catch let error where error is NIOTooManyBytesError || (error as? HTTPError)?.status == .contentTooLarge {
                    body = .failure(CKANError(status: .contentTooLarge, type: "Bad Request",
                                              message: "Bad request - the body is over \(CKANParameters.maxBodyBytes) bytes"))
                }
                return await self.answer(request, context: context) { () throws(CKANError) in
                    try CKANParameters(body: body.get(), isForm: contentType.hasPrefix("application/x-www-form-urlencoded"))
                }
            }
        }
    }

    private func answer(_ request: Request, context: BasicRequestContext,
                        parameters: () throws(CKANError) -> CKANParameters) async -> Response {
        let action = context.parameters.get("action") ?? ""
        let site = ExportRoutes.origin(of: request)
        let help = site + "/openapi.json"
        do {
            let result = try await actions.answer(action, try parameters(), site: site)
            let data = try JSONValue.object(["help": .string(help), "success": .bool(true), "result": result]).encoded()
            return request.method == .post ? JSONResponse.make(data: data) : JSONResponse.conditional(data: data, request: request)
        } catch let error as CKANError {
            return error.response(path: request.uri.path, help: help)
        } catch let error as StoreError where error.code == .notFound {
            return CKANError.notFound(error.message).response(path: request.uri.path, help: help)
        } catch {
            context.logger.error("CKAN action failed", metadata: ["ckan.action": "\(action.prefix(60))", "error": "\(error)"])
            let failure = CKANError(status: .serviceUnavailable, type: "Internal Error", message: "the catalogue is not available right now")
            return failure.response(path: request.uri.path, help: help)
        }
    }
}
