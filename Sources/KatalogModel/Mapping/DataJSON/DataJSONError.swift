import Foundation

/// Why a whole data.json document could not be read as a catalogue: a code, a message and where.
///
/// Problems with single datasets are not thrown: they are ``MappingError``s returned per record.
public struct DataJSONError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is; match on it, never on the message.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable { case invalidJSON, notACatalogue, invalidCatalogue }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The bytes are not JSON (syntax error, invalid UTF-8, nesting deeper than ``JSONValue/maxDepth``).
        public static let invalidJSON = Code(.invalidJSON)
        /// The document is JSON but not a catalogue object (e.g. a top-level array or string).
        public static let notACatalogue = Code(.notACatalogue)
        /// The catalogue object is malformed: `dataset` is not an array, or it lists nothing at all.
        public static let invalidCatalogue = Code(.invalidCatalogue)

        /// A short name for logs.
        public var description: String {
            switch value {
            case .invalidJSON: "invalid JSON"
            case .notACatalogue: "not a catalogue"
            case .invalidCatalogue: "invalid catalogue"
            }
        }
    }

    /// The kind of failure.
    public var code: Code
    /// A human explanation.
    public var message: String
    /// The document's location (URL or path) as the caller named it.
    public var location: String
    /// The offending member of the catalogue object (e.g. `dataset`), when one is to blame.
    public var field: String?
    /// 1-based line of a JSON syntax error.
    public var line: Int?
    /// 1-based column (in characters) of a JSON syntax error.
    public var column: Int?

    /// Creates an error.
    public init(code: Code, message: String, location: String, field: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.field = field
        self.line = line
        self.column = column
    }

    /// One line: code, location, line:column or field, message.
    public var description: String {
        var text = "data.json \(code) in \(location)"
        if let line, let column { text += " at line \(line), column \(column)" }
        if let field { text += " at \(field)" }
        return text + ": " + message
    }

    /// The 1-based line and character column of a byte offset in `data`.
    static func lineAndColumn<Bytes: Collection<UInt8>>(of offset: Int, in data: Bytes) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in data.prefix(min(offset, data.count)) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Count characters, not UTF-8 continuation bytes.
                column += 1
            }
        }
        return (line, column)
    }
}
