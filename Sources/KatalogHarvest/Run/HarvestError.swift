/// Why a harvest run could not complete, naming the source and the URL involved.
public struct HarvestError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case malformedResponse, unexpectedResponse, deadlineExceeded, unsupportedSource, sourceBusy, cancelled
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }
        /// A response body could not be read (bad JSON, bad XML, invalid UTF-8).
        public static let malformedResponse = Code(.malformedResponse)
        /// The response was well-formed but not what the protocol promises (e.g. CKAN `success: false`).
        public static let unexpectedResponse = Code(.unexpectedResponse)
        /// The whole-run deadline passed.
        public static let deadlineExceeded = Code(.deadlineExceeded)
        /// The source's type is not harvestable by this build.
        public static let unsupportedSource = Code(.unsupportedSource)
        /// Another run of the same source is in progress.
        public static let sourceBusy = Code(.sourceBusy)
        /// The run was cancelled (shutdown, Ctrl-C).
        public static let cancelled = Code(.cancelled)
        /// The code's name.
        public var description: String { kind.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// A human-readable cause.
    public var message: String
    /// The source's name.
    public var source: String?
    /// The URL being fetched or parsed, when the failure concerns one.
    public var url: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, source: String? = nil, url: String? = nil) {
        self.code = code
        self.message = message
        self.source = source
        self.url = url
    }

    /// A one-line cause naming the source and URL.
    public var description: String {
        var text = ""
        if let source { text += "\(source): " }
        text += message
        if let url { text += " (\(url))" }
        return text
    }
}
