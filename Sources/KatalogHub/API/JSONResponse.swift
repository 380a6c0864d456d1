import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Wraps an encoded API body (see ``HubDocuments``) as `application/json; charset=utf-8`.
enum JSONResponse {
    static func make(data: Data, status: HTTPResponse.Status = .ok) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        headers[.accessControlAllowOrigin] = "*"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
