import Foundation

/// When a complete run may tombstone records its source no longer lists, and how long tombstones are kept.
public struct DeletionPolicy: Hashable, Sendable, Codable {
    /// The largest share of a source's live records one run may delete (0…1). Default 0.2.
    public var maxDeleteFraction: Double
    /// Apply deletions even when they trip the circuit breaker (`katalog harvest --accept-deletions`). Default false.
    public var acceptDeletions: Bool
    /// How long tombstones are kept before they are purged, in seconds. Default 30 days.
    public var gracePeriod: TimeInterval

    /// Creates a policy.
    public init(maxDeleteFraction: Double = 0.2, acceptDeletions: Bool = false, gracePeriod: TimeInterval = 30 * 86_400) {
        self.maxDeleteFraction = maxDeleteFraction
        self.acceptDeletions = acceptDeletions
        self.gracePeriod = gracePeriod
    }
}
