/// A DCAT dataset that cannot be mapped into the model, with the subject it concerns.
public struct DCATMappingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added; match on the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case invalidSubject, notDescribed, unusable
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The subject is a literal, which cannot be a dataset.
        public static let invalidSubject = Code(.invalidSubject)
        /// The graph holds no triple about the subject.
        public static let notDescribed = Code(.notDescribed)
        /// The dataset has no title in any language and no `dct:identifier`: nothing a reader could recognise it by.
        public static let unusable = Code(.unusable)

        /// The code's name.
        public var description: String { kind.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// A human-readable cause.
    public var message: String
    /// The dataset subject in N-Triples form (`<iri>` or `_:label`).
    public var subject: String

    /// Creates an error.
    public init(_ code: Code, _ message: String, subject: String) {
        self.code = code
        self.message = message
        self.subject = subject
    }

    /// `subject: cause`.
    public var description: String { "\(subject): \(message)" }
}
