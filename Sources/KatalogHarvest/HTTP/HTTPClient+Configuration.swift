extension HTTPClient {
    /// Everything that shapes how the client fetches; every field has a documented default.
    public struct Configuration: Sendable, Hashable {
        /// Time limits for one attempt.
        public struct Timeout: Sendable, Hashable {
            /// Limit for establishing the connection (TCP and TLS). Default 10 s.
            public var connect: Duration
            /// Limit for one whole attempt, redirects included. Default 120 s.
            public var total: Duration
            /// An attempt is aborted when it moves fewer bytes per second than this … Default 1024 (1 KiB/s).
            public var lowSpeedLimit: Int
            /// … for this long. Default 30 s.
            public var lowSpeedTime: Duration

            /// Creates time limits; the defaults are the documented ones.
            public init(
                connect: Duration = .seconds(10), total: Duration = .seconds(120),
                lowSpeedLimit: Int = 1024, lowSpeedTime: Duration = .seconds(30)
            ) {
                self.connect = connect
                self.total = total
                self.lowSpeedLimit = lowSpeedLimit
                self.lowSpeedTime = lowSpeedTime
            }
        }

        /// When and how long to wait before trying again.
        public struct RetryPolicy: Sendable, Hashable {
            /// Attempts in total, the first included; 1 disables retries. Default 4.
            public var maxAttempts: Int
            /// Backoff ceiling after the first failure; it doubles per attempt (full jitter picks 0…ceiling). Default 0.5 s.
            public var baseDelay: Duration
            /// The largest backoff ceiling. Default 30 s.
            public var maxDelay: Duration
            /// The longest `Retry-After` wait honoured; longer requests are shortened to this. Default 120 s.
            public var maxRetryAfter: Duration

            /// Creates a retry policy; the defaults are the documented ones.
            public init(
                maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(500),
                maxDelay: Duration = .seconds(30), maxRetryAfter: Duration = .seconds(120)
            ) {
                self.maxAttempts = max(1, maxAttempts)
                self.baseDelay = baseDelay
                self.maxDelay = maxDelay
                self.maxRetryAfter = maxRetryAfter
            }
        }

        /// The default `User-Agent`, naming Katalog so publishers can tell who harvests them.
        public static let defaultUserAgent = "Katalog/0.1 (+https://github.com/katalog/katalog; open-data catalogue harvester)"

        /// Time limits per attempt.
        public var timeout: Timeout
        /// Retry and backoff behaviour.
        public var retry: RetryPolicy
        /// Size cap for ``HTTPClient/download(_:to:logger:)`` bodies, after decompression. Default 512 MiB.
        public var maxDownloadBytes: Int64
        /// Size cap for ``HTTPClient/get(_:logger:)`` bodies held in memory, after decompression. Default 64 MiB.
        public var maxInMemoryBytes: Int64
        /// The `User-Agent` header. Default ``defaultUserAgent``.
        public var userAgent: String
        /// Redirects followed before failing with `tooManyRedirects`. Default 5.
        public var maxRedirects: Int
        /// Requests to one host that may run at once through one client. Default 4.
        public var maxConcurrentRequestsPerHost: Int
        /// Whether to offer gzip/deflate (bodies are decoded transparently). Default true.
        public var acceptCompressedBodies: Bool

        /// Creates a configuration; the defaults are the documented ones.
        public init(
            timeout: Timeout = Timeout(), retry: RetryPolicy = RetryPolicy(),
            maxDownloadBytes: Int64 = 512 * 1024 * 1024, maxInMemoryBytes: Int64 = 64 * 1024 * 1024,
            userAgent: String = Configuration.defaultUserAgent, maxRedirects: Int = 5,
            maxConcurrentRequestsPerHost: Int = 4, acceptCompressedBodies: Bool = true
        ) {
            self.timeout = timeout
            self.retry = retry
            self.maxDownloadBytes = maxDownloadBytes
            self.maxInMemoryBytes = maxInMemoryBytes
            self.userAgent = userAgent
            self.maxRedirects = max(0, maxRedirects)
            self.maxConcurrentRequestsPerHost = max(1, maxConcurrentRequestsPerHost)
            self.acceptCompressedBodies = acceptCompressedBodies
        }
    }
}
