import Foundation

/// A GET request for the fetcher: the URL plus conditional and content-negotiation headers.
public struct HTTPRequest: Sendable, Hashable {
    /// The absolute http or https URL to fetch.
    public var url: String
    /// Extra header fields sent as given (after the fetcher's own); names and values must not contain line breaks.
    public var headers: HTTPHeaders
    /// The `Accept` header value, if any.
    public var accept: String?
    /// An entity tag from an earlier response, sent as `If-None-Match` so the server may answer 304.
    public var ifNoneMatch: String?
    /// A `Last-Modified` value from an earlier response, sent as `If-Modified-Since`.
    public var ifModifiedSince: String?
    /// A size cap for this request that replaces the client's default for the entry point used.
    public var maxBytes: Int64?
    /// A total time limit per attempt for this request that replaces the client's default.
    public var totalTimeout: Duration?

    /// Creates a request for a URL string.
    public init(
        url: String, headers: HTTPHeaders = HTTPHeaders(), accept: String? = nil,
        ifNoneMatch: String? = nil, ifModifiedSince: String? = nil,
        maxBytes: Int64? = nil, totalTimeout: Duration? = nil
    ) {
        self.url = url
        self.headers = headers
        self.accept = accept
        self.ifNoneMatch = ifNoneMatch
        self.ifModifiedSince = ifModifiedSince
        self.maxBytes = maxBytes
        self.totalTimeout = totalTimeout
    }

    /// Creates a request for a Foundation URL.
    public init(
        url: URL, headers: HTTPHeaders = HTTPHeaders(), accept: String? = nil,
        ifNoneMatch: String? = nil, ifModifiedSince: String? = nil,
        maxBytes: Int64? = nil, totalTimeout: Duration? = nil
    ) {
        self.init(
            url: url.absoluteString, headers: headers, accept: accept, ifNoneMatch: ifNoneMatch,
            ifModifiedSince: ifModifiedSince, maxBytes: maxBytes, totalTimeout: totalTimeout)
    }
}
