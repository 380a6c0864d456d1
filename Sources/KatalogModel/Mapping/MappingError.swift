/// Why a source record could not be mapped into the model: a code to match on, a message, and where.
public struct MappingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is; match on it, never on the message.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case missingIdentifier, notAnObject, invalidJSON, unencodable
            case missingField, invalidField, duplicateIdentifier, limitExceeded
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The record has no identifier the source could be asked about again (no `id`, `name` or `identifier`).
        public static let missingIdentifier = Code(.missingIdentifier)
        /// The record is not a JSON object.
        public static let notAnObject = Code(.notAnObject)
        /// The record's bytes are not valid JSON.
        public static let invalidJSON = Code(.invalidJSON)
        /// The record could not be encoded for storage.
        public static let unencodable = Code(.unencodable)

        /// A field the source's schema requires (e.g. a data.json `title`) is absent or empty.
        public static let missingField = Code(.missingField)
        /// A field has the wrong JSON type or a value its schema forbids (e.g. a licence that is not a URI).
        public static let invalidField = Code(.invalidField)
        /// An earlier record in the same document already used this identifier with different content.
        public static let duplicateIdentifier = Code(.duplicateIdentifier)
        /// The record breaks the ``RecordLimits`` (too many keywords, too long a description, too large).
        public static let limitExceeded = Code(.limitExceeded)

        /// A short name for logs.
        public var description: String {
            switch value {
            case .missingIdentifier: "missing identifier"
            case .notAnObject: "not an object"
            case .invalidJSON: "invalid JSON"
            case .unencodable: "unencodable"
            case .missingField: "missing field"
            case .invalidField: "invalid field"
            case .duplicateIdentifier: "duplicate identifier"
            case .limitExceeded: "limit exceeded"
            }
        }
    }

    /// The kind of failure.
    public var code: Code
    /// A human explanation.
    public var message: String
    /// The path of the offending field inside the record (e.g. `id`, `resources[3].url`), when one is to blame.
    public var field: String?
    /// The record's identifier (or name), when it has one.
    public var recordIdentifier: String?

    /// Creates an error.
    public init(code: Code, message: String, field: String? = nil, recordIdentifier: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.recordIdentifier = recordIdentifier
    }

    /// One line: code, record, field and message.
    public var description: String {
        var text = "mapping failed (\(code))"
        if let recordIdentifier { text += " for record \(recordIdentifier)" }
        if let field { text += " at \(field)" }
        return text + ": " + message
    }
}
