import Foundation
import HTTPTypes
import Hummingbird
import KatalogModel

/// A failed CKAN action: answered with CKAN's status codes and error envelope (`success: false`, `error` with
/// `__type`, a `message` and, for validation errors, the fields at fault), inside an RFC 9457 problem document,
/// so CKAN clients and the hub's other clients both read it.
struct CKANError: Error, Sendable, CustomStringConvertible {
    var status: HTTPResponse.Status
    /// CKAN's error type (`Validation Error`, `Not Found Error`, `Bad Request`).
    var type: String
    var message: String
    /// For validation errors: field → problems.
    var fields: [String: [String]] = [:]
    /// `Retry-After` in seconds, for a refusal that is about load.
    var retryAfter: Int?

    /// A 409 Validation Error naming the field, as CKAN answers a bad parameter.
    static func validation(_ field: String, _ problem: String) -> CKANError {
        CKANError(status: .conflict, type: "Validation Error", message: "\(field): \(problem)", fields: [field: [problem]])
    }

    static func notFound(_ message: String) -> CKANError {
        CKANError(status: .notFound, type: "Not Found Error", message: message)
    }

    static func badRequest(_ message: String) -> CKANError {
        CKANError(status: .badRequest, type: "Bad Request", message: message)
    }

    var description: String { "\(status.code) \(type): \(message)" }

    /// The answer to `request`; `help` is the envelope's help link.
    func response(path: String, help: String) -> Response {
        var error: [String: JSONValue] = ["__type": .string(type), "message": .string(message)]
        for (field, problems) in fields { error[field] = .array(problems.map(JSONValue.string)) }
        var body = APIError.problemMembers(status: status, detail: message, instance: path)
        body["help"] = .string(help)
        body["success"] = .bool(false)
        body["error"] = .object(error)
        let data = (try? JSONValue.object(body).encoded()) ?? Data("{}".utf8)
        var headers = APIError.headers
        if let retryAfter { headers[.retryAfter] = "\(retryAfter)" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
