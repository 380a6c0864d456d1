import Foundation
import HTTPTypes
import Hummingbird
import KatalogModel

/// An error answered as `application/problem+json` (RFC 9457) with a status and a human cause.
public struct APIError: Error, HTTPResponseError, Sendable, CustomStringConvertible {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A short, human-readable explanation of this occurrence.
    public var detail: String
    /// The query parameter or path segment at fault, when there is one.
    public var parameter: String?
    /// Seconds after which the same request may succeed (`Retry-After`), for a refusal that is about load, not the request.
    public var retryAfter: Int?

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, _ detail: String, parameter: String? = nil) {
        self.status = status
        self.detail = detail
        self.parameter = parameter
    }

    /// A 400 naming the parameter at fault.
    public static func badParameter(_ name: String, _ detail: String) -> APIError {
        APIError(.badRequest, "\(name): \(detail)", parameter: name)
    }

    /// `status: detail`.
    public var description: String { "\(status.code) \(detail)" }

    /// Renders the problem document.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = APIError.headers
        if let retryAfter { headers[.retryAfter] = "\(retryAfter)" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: document(instance: request.uri.path))))
    }

    /// The header fields of every problem answer.
    static let headers: HTTPFields = [.contentType: "application/problem+json", .cacheControl: "no-store"]

    /// The problem document's JSON; `instance` is the request path when the request got that far.
    func document(instance: String?) -> Data {
        var members = APIError.problemMembers(status: status, detail: detail, instance: instance)
        if let parameter { members["parameter"] = .string(parameter) }
        return (try? JSONValue.object(members).encoded()) ?? Data("{}".utf8)
    }

    /// The members every problem document has (RFC 9457), for this error and for the CKAN API's, which adds its own.
    static func problemMembers(status: HTTPResponse.Status, detail: String, instance: String?) -> [String: JSONValue] {
        var members: [String: JSONValue] = [
            "type": .string("about:blank"),
            "title": .string(status.reasonPhrase),
            "status": .int(Int64(status.code)),
            "detail": .string(detail),
        ]
        if let instance { members["instance"] = .string(instance) }
        return members
    }
}
