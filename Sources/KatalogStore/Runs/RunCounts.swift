/// How many records a run saw, and what became of them.
///
/// The harvester supplies `fetched`, `skipped` and `errored`; the store computes
/// `added`, `updated`, `unchanged` and `deleted` when it applies the run.
public struct RunCounts: Hashable, Sendable, Codable {
    /// Records read from the source.
    public var fetched: Int
    /// Records new to the catalogue (including tombstoned records that came back).
    public var added: Int
    /// Records whose content changed.
    public var updated: Int
    /// Records seen with the same content hash as stored.
    public var unchanged: Int
    /// Records tombstoned because the source no longer lists them.
    public var deleted: Int
    /// Records left out on purpose (over a record limit, no identifier).
    public var skipped: Int
    /// Records that failed to parse or map.
    public var errored: Int

    /// Creates counts; all default to zero.
    public init(fetched: Int = 0, added: Int = 0, updated: Int = 0, unchanged: Int = 0, deleted: Int = 0,
                skipped: Int = 0, errored: Int = 0) {
        self.fetched = fetched
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
        self.deleted = deleted
        self.skipped = skipped
        self.errored = errored
    }
}

/// One problem met during a run: the record identifier or URL it concerns, and the cause.
public struct RunIssue: Hashable, Sendable, Codable {
    /// The record's source identifier, or the URL that failed.
    public var subject: String
    /// What went wrong, for a person.
    public var cause: String

    /// Creates an issue.
    public init(subject: String, cause: String) {
        self.subject = subject
        self.cause = cause
    }
}
