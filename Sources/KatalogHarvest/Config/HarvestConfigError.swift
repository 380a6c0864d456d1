/// A problem with `sources.yaml` or a source definition, naming the key and the source.
public struct HarvestConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem this is.
    public struct Code: Hashable, Sendable {
        private enum Kind: Hashable, Sendable { case unreadable, invalidYAML, invalidValue, duplicate, unknownSource }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }
        /// The file could not be read.
        public static let unreadable = Code(.unreadable)
        /// The file is not valid YAML or not of the expected shape.
        public static let invalidYAML = Code(.invalidYAML)
        /// A key has a value Katalog cannot use.
        public static let invalidValue = Code(.invalidValue)
        /// Two sources share a name.
        public static let duplicate = Code(.duplicate)
        /// A source named on the command line is not in the file.
        public static let unknownSource = Code(.unknownSource)
    }

    /// The kind of problem.
    public var code: Code
    /// A human-readable cause.
    public var message: String
    /// The configuration file, when known.
    public var file: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, file: String? = nil) {
        self.code = code
        self.message = message
        self.file = file
    }

    /// `file: message`.
    public var description: String { file.map { "\($0): \(message)" } ?? message }
}
