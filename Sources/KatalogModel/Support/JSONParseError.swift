/// Why bytes could not be read as JSON: a code, a message and the byte offset where reading stopped.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable { case unexpectedEnd, unexpectedCharacter, invalidNumber, invalidString, tooDeep, trailingData }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The input ended inside a value.
        public static let unexpectedEnd = Code(.unexpectedEnd)
        /// A character that cannot start or continue a value here.
        public static let unexpectedCharacter = Code(.unexpectedCharacter)
        /// A malformed number.
        public static let invalidNumber = Code(.invalidNumber)
        /// A malformed string (bad escape, control character, invalid UTF-8).
        public static let invalidString = Code(.invalidString)
        /// Arrays and objects nested deeper than the limit.
        public static let tooDeep = Code(.tooDeep)
        /// Something other than white space follows the value.
        public static let trailingData = Code(.trailingData)

        /// A short name for logs.
        public var description: String {
            switch value {
            case .unexpectedEnd: "unexpected end"
            case .unexpectedCharacter: "unexpected character"
            case .invalidNumber: "invalid number"
            case .invalidString: "invalid string"
            case .tooDeep: "nested too deep"
            case .trailingData: "trailing data"
            }
        }
    }

    /// The kind of failure.
    public var code: Code
    /// A human explanation.
    public var message: String
    /// The byte offset in the input.
    public var offset: Int

    /// Creates an error.
    public init(code: Code, message: String, offset: Int) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    /// One line with the code, offset and message.
    public var description: String { "JSON \(code) at byte \(offset): \(message)" }
}
