import Hummingbird
import KatalogStore
import Logging

/// Turns every error into an `application/problem+json` answer: store query errors become 400s, a search stopped at
/// its time limit a 503 saying so, Hummingbird's own errors keep their status, anything unexpected is logged and answered 500 without internals.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Any other method than a path answers (or OPTIONS, a CORS preflight) is refused with 405 and the allowed ones.
        let allowed = Hub.allowedMethods(path: request.uri.path)
        guard request.method == .options || allowed.contains(request.method) else {
            let list = Hub.methodList(allowed)
            var response = try APIError(.methodNotAllowed, "\(request.method.rawValue) is not allowed; this path answers \(list)")
                .response(from: request, context: context)
            response.headers[.allow] = list
            return response
        }
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as StoreError {
            return try ProblemMiddleware.problem(for: error, logger: logger).response(from: request, context: context)
        } catch let error as HTTPError {
            return try APIError(error.status, error.body ?? error.status.reasonPhrase).response(from: request, context: context)
        } catch {
            logger.error("request failed", metadata: ["http.path": "\(request.uri.path)", "error": "\(error)"])
            return try APIError(.internalServerError, "the server could not answer this request").response(from: request, context: context)
        }
    }

    static func problem(for error: StoreError, logger: Logger) -> APIError {
        switch error.code {
        case .invalidQuery: return APIError.badParameter("q", error.message)
        case .invalidCursor: return APIError.badParameter("cursor", error.message)
        case .notFound: return APIError(.notFound, error.message)
        case .timedOut:
            // Not the hub's fault and not the client's syntax: the search is too broad for the time one search may take.
            logger.warning("search stopped at its time limit", metadata: ["error": "\(error)"])
            return APIError(.serviceUnavailable, error.message)
        case .overloaded:
            // Long searches take turns and the queue for one was full: the same search may get a turn in a moment.
            logger.warning("search stopped: too many long searches", metadata: ["error": "\(error)"])
            var problem = APIError(.serviceUnavailable, error.message)
            problem.retryAfter = 1
            return problem
        default:
            logger.error("store error", metadata: ["error": "\(error)"])
            return APIError(.serviceUnavailable, "the catalogue is not available right now")
        }
    }
}
