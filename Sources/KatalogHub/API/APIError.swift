import Foundation
import HTTPTypes
import Hummingbird

/// An error answered as `application/problem+json` (RFC 9457) with a status and a human cause.
public struct APIError: Error, HTTPResponseError, Sendable, CustomStringConvertible {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A short, human-readable explanation of this occurrence.
    public var detail: String
    /// The query parameter or path segment at fault, when there is one.
    public var parameter: String?

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
        Response(status: status, headers: APIError.headers, body: .init(byteBuffer: ByteBuffer(bytes: document(instance: request.uri.path))))
    }

    /// The header fields of every problem answer.
    static let headers: HTTPFields = [.contentType: "application/problem+json", .cacheControl: "no-store"]

    /// The problem document's JSON; `instance` is the request path when the request got that far.
    func document(instance: String?) -> Data {
        var body: [String: JSONScalar] = [
            "type": .string("about:blank"),
            "title": .string(status.reasonPhrase),
            "status": .int(status.code),
            "detail": .string(detail),
        ]
        if let instance { body["instance"] = .string(instance) }
        if let parameter { body["parameter"] = .string(parameter) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(body)) ?? Data("{}".utf8)
    }
}

/// A JSON scalar for small hand-built documents.
enum JSONScalar: Encodable, Sendable {
    case string(String)
    case int(Int)

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        }
    }
}
