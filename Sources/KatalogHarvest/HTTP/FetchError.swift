import Foundation

/// A failed HTTP fetch: what went wrong (``Code``), where (``url``), after how many attempts, and libcurl's own words.
public struct FetchError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure; compare codes, never message text.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Base: String, Hashable, Sendable {
            case timeout
            case connectionFailed = "connection failed"
            case tooLarge = "too large"
            case httpStatus = "HTTP status"
            case forbiddenScheme = "forbidden scheme"
            case tooManyRedirects = "too many redirects"
            case truncated
            case invalidURL = "invalid URL"
            case invalidRequest = "invalid request"
            case cancelled
            case localFile = "local file"
            case transport
        }

        fileprivate let base: Base

        fileprivate init(_ base: Base) { self.base = base }

        /// The connect, total or low-speed timeout expired.
        public static let timeout = Code(.timeout)
        /// The host could not be resolved or reached, or the connection was refused or reset.
        public static let connectionFailed = Code(.connectionFailed)
        /// The body (after decompression) or the announced Content-Length exceeded the size cap.
        public static let tooLarge = Code(.tooLarge)
        /// The server's final answer was neither 2xx nor 304; ``FetchError/status`` holds it.
        public static let httpStatus = Code(.httpStatus)
        /// The URL, or a redirect, used a scheme other than http or https.
        public static let forbiddenScheme = Code(.forbiddenScheme)
        /// The server redirected more often than the configured maximum.
        public static let tooManyRedirects = Code(.tooManyRedirects)
        /// The connection closed before the announced body length arrived.
        public static let truncated = Code(.truncated)
        /// The URL could not be parsed or has no host.
        public static let invalidURL = Code(.invalidURL)
        /// A request header name or value was malformed (for example it held a line break).
        public static let invalidRequest = Code(.invalidRequest)
        /// The calling task was cancelled.
        public static let cancelled = Code(.cancelled)
        /// The destination file could not be created, written, or moved into place.
        public static let localFile = Code(.localFile)
        /// Any other libcurl failure (TLS, protocol, decoding …); ``FetchError/transportDetail`` tells which.
        public static let transport = Code(.transport)

        /// A short name for the code, such as `timeout`.
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A one-line human explanation.
    public var message: String
    /// The URL that was requested.
    public var url: String
    /// The final HTTP status, when the server answered.
    public var status: Int?
    /// How many attempts were made before giving up (0 when the request was rejected before any I/O).
    public var attempts: Int
    /// libcurl's error text, when libcurl reported the failure.
    public var transportDetail: String?
    /// The start of the response body for 4xx/5xx answers, to show what the server said.
    public var bodyExcerpt: String?
    /// The first KiB of the response body for 4xx/5xx answers, byte for byte, for a caller that reads the server's
    /// own error document (an OWS exception report).
    public var errorBody: Data?

    /// Creates an error; the fetcher builds these, tests and callers may too.
    public init(
        code: Code, message: String, url: String, status: Int? = nil, attempts: Int = 0,
        transportDetail: String? = nil, bodyExcerpt: String? = nil, errorBody: Data? = nil
    ) {
        self.code = code
        self.message = message
        self.url = url
        self.status = status
        self.attempts = attempts
        self.transportDetail = transportDetail
        self.bodyExcerpt = bodyExcerpt
        self.errorBody = errorBody
    }

    /// One line: the cause, the URL, the attempts and libcurl's detail.
    public var description: String {
        var text = "fetching \(url) failed (\(code)): \(message)"
        if let transportDetail, !transportDetail.isEmpty, !message.contains(transportDetail) {
            text += " [\(transportDetail)]"
        }
        if attempts > 1 { text += " after \(attempts) attempts" }
        if let bodyExcerpt, !bodyExcerpt.isEmpty { text += "; body: \(bodyExcerpt)" }
        return text
    }
}
