/// An error from an RDF parser, with where in the input it happened.
public struct RDFParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added; match on the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case syntax, invalidUTF8, limitExceeded, forbidden, io, unsupported
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The input breaks the format's grammar.
        public static let syntax = Code(.syntax)
        /// The input is not valid UTF-8.
        public static let invalidUTF8 = Code(.invalidUTF8)
        /// A configured bound (depth, literal size, statement size, entity expansion) was exceeded.
        public static let limitExceeded = Code(.limitExceeded)
        /// The input asks for something Katalog never does (external entities, DTD loading, network access).
        public static let forbidden = Code(.forbidden)
        /// Reading the input failed.
        public static let io = Code(.io)
        /// A valid construct Katalog does not support (e.g. an unknown remote JSON-LD context).
        public static let unsupported = Code(.unsupported)

        /// The code's name.
        public var description: String { kind.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// A human-readable cause.
    public var message: String
    /// 1-based line of the input where the error was found (0 when unknown).
    public var line: Int
    /// 1-based column (0 when unknown).
    public var column: Int
    /// The file or URL being parsed, when known.
    public var location: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, line: Int = 0, column: Int = 0, location: String? = nil) {
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.location = location
    }

    /// `file:line:column: cause`, as `katalog parse` prints it.
    public var description: String {
        "\(location ?? "<input>"):\(line):\(column): \(message)"
    }
}
