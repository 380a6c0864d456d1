/// Where a harvest run stands.
public enum RunStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Harvesting now (holds the source's lock while its heartbeat is fresh).
    case running
    /// Applied in full: complete listing, no record errors.
    case succeeded
    /// Applied, but some records failed or the listing was incomplete (so records it did not list were not deleted).
    case partial
    /// Applied without its deletions: the circuit breaker judged them too many.
    case held
    /// The source answered 304 Not Modified: nothing to fetch, nothing to apply.
    case unchanged
    /// Stopped by an error; nothing was applied.
    case failed
    /// Found dead (no heartbeat) or cancelled; nothing was applied.
    case aborted
}

extension RunStatus {
    /// Whether a run that ended so left the catalogue up to date with what the source then said: applied
    /// (`succeeded`, `partial`, `held`), or found unchanged (`unchanged`, a 304).
    public var isApplied: Bool {
        switch self {
        case .succeeded, .partial, .held, .unchanged: return true
        case .running, .failed, .aborted: return false
        }
    }

    /// The applied statuses as an SQL list (`'succeeded', 'partial', …`), for `status IN (…)`.
    static let appliedSQLList = allCases.filter(\.isApplied).map { "'\($0.rawValue)'" }.joined(separator: ", ")
}

/// How a run that applies nothing ends.
public enum RunFailure: String, Hashable, Sendable, Codable {
    /// The run stopped on an error.
    case failed
    /// The run was cancelled.
    case aborted

    var status: RunStatus { self == .failed ? .failed : .aborted }
}
