import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Wraps an encoded API body (see ``HubDocuments``) as `application/json; charset=utf-8` (or another media type).
enum JSONResponse {
    static func make(data: Data, status: HTTPResponse.Status = .ok, contentType: String = "application/json; charset=utf-8") -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        headers[.accessControlAllowOrigin] = "*"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A 200 with a strong `ETag` from the body, or a bodiless 304 when the request's `If-None-Match` has it.
    static func conditional(data: Data, request: Request, contentType: String = "application/json; charset=utf-8") -> Response {
        let tag = EntityTag.body(data)
        if let ifNoneMatch = request.headers[.ifNoneMatch], EntityTag.matches(ifNoneMatch: ifNoneMatch, tag) {
            return notModified(etag: tag)
        }
        var response = make(data: data, contentType: contentType)
        response.headers[.eTag] = tag
        return response
    }

    /// `304 Not Modified` carrying the tag.
    static func notModified(etag: String) -> Response {
        Response(status: .notModified, headers: [.eTag: etag, .accessControlAllowOrigin: "*"])
    }
}
