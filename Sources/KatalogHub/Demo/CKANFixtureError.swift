/// Why the fixture server could not load its CKAN portals or DCAT catalogues, or could not start.
public struct CKANFixtureError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable { case unreadable, malformed, noPortals, noCatalogues, didNotStart }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A fixture file could not be read.
        public static let unreadable = Code(.unreadable)
        /// A fixture file is not the expected JSON shape.
        public static let malformed = Code(.malformed)
        /// The fixtures folder holds no portal.
        public static let noPortals = Code(.noPortals)
        /// The DCAT fixtures folder (or one catalogue folder) holds nothing to serve.
        public static let noCatalogues = Code(.noCatalogues)
        /// The HTTP server stopped before it reported a bound port.
        public static let didNotStart = Code(.didNotStart)

        /// A short name for logs.
        public var description: String {
            switch value {
            case .unreadable: "unreadable"
            case .malformed: "malformed"
            case .noPortals: "no portals"
            case .noCatalogues: "no catalogues"
            case .didNotStart: "did not start"
            }
        }
    }

    /// The kind of failure.
    public var code: Code
    /// A human explanation.
    public var message: String
    /// The file or folder concerned.
    public var path: String?

    /// Creates an error.
    public init(code: Code, message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    /// One line with the code, path and message.
    public var description: String {
        "fixture server error (\(code))" + (path.map { " at \($0)" } ?? "") + ": " + message
    }
}
