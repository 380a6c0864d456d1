/// An error from the catalogue store: a code to match on, a human message, and the context it happened in.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is; match on codes, never on message text.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case sourceBusy, runNotActive, notFound, invalidQuery, invalidCursor, invalidArgument
            case corrupt, busy, io, encoding, newerSchema, timedOut, overloaded
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// Another process or task is harvesting the same source (its run has a fresh heartbeat).
        public static let sourceBusy = Code(.sourceBusy)
        /// The run is no longer `running` (it finished, failed, or was aborted as stale).
        public static let runNotActive = Code(.runNotActive)
        /// The requested run, dataset or row does not exist.
        public static let notFound = Code(.notFound)
        /// A search query could not be understood or breaks a limit; the message says why.
        public static let invalidQuery = Code(.invalidQuery)
        /// A paging cursor is malformed or belongs to another sort order.
        public static let invalidCursor = Code(.invalidCursor)
        /// An argument is out of range (a limit, a status).
        public static let invalidArgument = Code(.invalidArgument)
        /// The database file is damaged or is not a Katalog database.
        public static let corrupt = Code(.corrupt)
        /// The catalogue was migrated by a newer Katalog: its schema has changes this version does not know, so it
        /// neither reads nor writes it.
        public static let newerSchema = Code(.newerSchema)
        /// The database stayed locked by another connection past the busy timeout.
        public static let busy = Code(.busy)
        /// A search ran past ``CatalogStore/Configuration/searchTimeLimit`` and was stopped; a narrower search
        /// (rarer words, a phrase, filters) may succeed, the same one will likely stop again.
        public static let timedOut = Code(.timedOut)
        /// A search became long (``CatalogStore/Configuration/longSearches``) while as many long searches as may wait
        /// for a turn were waiting, and was stopped at once; the same search may succeed shortly.
        public static let overloaded = Code(.overloaded)
        /// Any other failure reading or writing the database.
        public static let io = Code(.io)
        /// A stored or given record could not be encoded or decoded.
        public static let encoding = Code(.encoding)

        /// The code's name, e.g. `invalidQuery`.
        public var description: String { value.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// A human explanation of what went wrong and, where possible, what to do.
    public var message: String
    /// Where it happened: source name, run id, dataset id, database path (as key → value).
    public var context: [String: String]

    /// Creates an error.
    public init(_ code: Code, _ message: String, context: [String: String] = [:]) {
        self.code = code
        self.message = message
        self.context = context
    }

    /// `code: message (key=value, …)`.
    public var description: String {
        guard !context.isEmpty else { return "\(code): \(message)" }
        let details = context.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        return "\(code): \(message) (\(details))"
    }
}
