import HTTPTypes
import Hummingbird
import KatalogModel
import Logging

/// Records metrics and a structured access-log line for every request, and adds CORS and caching headers to GET answers.
struct AccessMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: RequestMetrics
    let logger: Logger
    /// Requests slower than this are logged again as a warning with their query string (nil: never).
    var slowRequestThreshold: Duration? = nil

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = request.method == .options ? AccessMiddleware.preflight(request) : try await next(request, context)
        } catch {
            // ProblemMiddleware sits inside this one and answers every error; anything left is the router's own 404/405.
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            response = try APIError(status, status.reasonPhrase).response(from: request, context: context)
        }
        let elapsed = ContinuousClock.now - started
        let seconds = elapsed.seconds
        let route = context.endpointPath ?? "unmatched"
        metrics.record(route: route, method: request.method.rawValue, status: response.status.code, seconds: seconds)
        if request.method == .get || request.method == .head {
            response.headers[.accessControlAllowOrigin] = "*"
            // A page script may read the tag to send it back in If-None-Match.
            response.headers[.accessControlExposeHeaders] = "ETag"
            if response.headers[.cacheControl] == nil {
                response.headers[.cacheControl] = response.status.code < 400 ? "public, max-age=60" : "no-store"
            }
        } else if request.method == .post, CKANRoutes.isActionPath(request.uri.path) {
            // The CKAN actions' POST only reads, like their GET.
            response.headers[.accessControlAllowOrigin] = "*"
            if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        }
        logger.info("request", metadata: [
            "http.method": "\(request.method.rawValue)", "http.route": "\(route)", "http.status": "\(response.status.code)",
            "http.duration_ms": "\(Int(seconds * 1000))",
        ])
        if let threshold = slowRequestThreshold, elapsed >= threshold {
            // The access line leaves the query out; an operator looking into a slow answer needs it.
            logger.warning("slow request", metadata: [
                "http.method": "\(request.method.rawValue)", "http.route": "\(route)", "http.status": "\(response.status.code)",
                "http.duration_ms": "\(Int(seconds * 1000))", "http.target": "\(AccessMiddleware.target(request))",
            ])
        }
        return response
    }

    /// The path and query of a request, cut at 1,000 characters.
    static func target(_ request: Request) -> String {
        let text = request.uri.query.map { request.uri.path + "?" + $0 } ?? request.uri.path
        return text.count > 1000 ? String(text.prefix(1000)) + "…" : text
    }

    /// The answer to a CORS preflight (`OPTIONS`): a browser asks before a request it may not send unasked, such as a
    /// GET with `If-None-Match` or a POST of JSON to a CKAN action. Every route is public and read-only, so any
    /// origin may send them, with the headers the API reads.
    static func preflight(_ request: Request) -> Response {
        let methods = Hub.methodList(Hub.allowedMethods(path: request.uri.path))
        return Response(status: .noContent, headers: [
            .allow: methods + ", OPTIONS",
            .accessControlAllowOrigin: "*",
            .accessControlAllowMethods: methods,
            .accessControlAllowHeaders: "Accept, Accept-Language, Content-Type, If-None-Match",
            .accessControlMaxAge: "86400",
        ])
    }
}
