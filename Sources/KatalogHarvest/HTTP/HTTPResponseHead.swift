/// What the server answered, without the body: final URL, status, headers and size.
public struct HTTPResponseHead: Sendable, Hashable {
    /// The URL that produced this answer, after following redirects.
    public var finalURL: String
    /// The final HTTP status (2xx, or 304 for "not modified").
    public var status: Int
    /// The final response's header fields.
    public var headers: HTTPHeaders
    /// Body bytes received after content decoding (0 for 304).
    public var bytesReceived: Int64

    /// Creates a response head.
    public init(finalURL: String, status: Int, headers: HTTPHeaders, bytesReceived: Int64) {
        self.finalURL = finalURL
        self.status = status
        self.headers = headers
        self.bytesReceived = bytesReceived
    }

    /// True for 304: the cached copy named by the conditional headers is still current.
    public var isNotModified: Bool { status == 304 }
    /// The `Content-Type` header value.
    public var contentType: String? { headers["Content-Type"] }
    /// The `ETag` header value, to send back as ``HTTPRequest/ifNoneMatch``.
    public var etag: String? { headers["ETag"] }
    /// The `Last-Modified` header value, to send back as ``HTTPRequest/ifModifiedSince``.
    public var lastModified: String? { headers["Last-Modified"] }
}
