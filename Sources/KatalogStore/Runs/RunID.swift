/// The id of one harvest run of one source.
public struct RunID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The run's row id; ids grow with time.
    public let rawValue: Int64

    /// Wraps a stored run id.
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    /// Orders runs by id (that is, by start).
    public static func < (lhs: RunID, rhs: RunID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The number, e.g. `42`.
    public var description: String { String(rawValue) }

    /// Encodes as a bare number.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    /// Encodes as a bare number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
