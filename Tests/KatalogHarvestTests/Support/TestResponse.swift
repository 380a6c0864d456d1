import Foundation
import KatalogHarvest

/// One request the ``TestHTTPServer`` received, as recorded for assertions.
struct TestRequest: Sendable {
    /// 0 for the first request the server received, 1 for the next, … (handy for "fail twice, then succeed").
    var sequence: Int
    /// The request method, such as `GET`.
    var method: String
    /// The request target as sent, path and query.
    var target: String
    /// The path part of the target.
    var path: String
    /// The query part of the target without `?`, if any.
    var query: String?
    /// The header fields as received; lookups are case-insensitive.
    var headers: HTTPHeaders

    /// The first value of a header, looked up case-insensitively.
    func header(_ name: String) -> String? { headers[name] }
}

/// What the ``TestHTTPServer`` does with a request: a scripted answer or a scripted fault.
indirect enum TestResponse: Sendable {
    /// A complete answer; `Content-Length` is added unless `headers` has one.
    case full(status: Int, headers: HTTPHeaders, body: Data)
    /// Headers at once (announcing the full length), then the body in `chunks` with `interval` before each chunk.
    case slow(status: Int, headers: HTTPHeaders, chunks: [Data], interval: Duration)
    /// Announces `declaredLength` bytes, sends `body` (shorter), then closes the connection cleanly.
    case truncated(status: Int, headers: HTTPHeaders, declaredLength: Int, body: Data)
    /// Resets the connection at once (SO_LINGER 0 then close) without answering.
    case reset
    /// A redirect to `location` (absolute or relative) with the given 3xx status.
    case redirect(status: Int, location: String)
    /// Waits `delay` inside the server, then answers with `then` (for concurrency and timeout tests).
    case delayed(Duration, then: TestResponse)

    /// A complete answer with a text body.
    static func text(_ body: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8") -> TestResponse {
        .full(status: status, headers: ["Content-Type": contentType], body: Data(body.utf8))
    }

    /// An empty answer with a status and extra headers.
    static func status(_ status: Int, headers: HTTPHeaders = HTTPHeaders()) -> TestResponse {
        .full(status: status, headers: headers, body: Data())
    }
}
