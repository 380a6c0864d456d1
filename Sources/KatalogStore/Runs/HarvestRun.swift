import Foundation

/// One harvest run of a source, as recorded.
public struct HarvestRun: Hashable, Sendable, Codable {
    /// The run's id.
    public var id: RunID
    /// The source's name.
    public var source: String
    /// The source's kind (`dcat`, `ckan`, `datajson`, …).
    public var kind: String
    /// The URL harvested.
    public var url: String
    /// Where the run stands.
    public var status: RunStatus
    /// When the run began.
    public var startedAt: Date
    /// The last sign of life from the harvester.
    public var heartbeatAt: Date
    /// When the run ended, if it has.
    public var endedAt: Date?
    /// Whether the harvester read the source's whole listing (nil while running or when it failed); for an incremental
    /// run, whether it read the list of changes to the end.
    public var isComplete: Bool?
    /// The lower bound of an incremental run (records changed since then, in the source's own format, e.g. an OAI-PMH
    /// datestamp); nil for a run that listed the whole source.
    public var changesSince: String?
    /// What the run saw and did.
    public var counts: RunCounts
    /// Deletions the circuit breaker held back (status `held`).
    public var heldDeletions: Int?
    /// A summary or the failure cause, for a person.
    public var message: String?
    /// Problems with single records or URLs (at most `Configuration.maxStoredRunErrors` are kept).
    public var errors: [RunIssue]
}

/// When a source was last harvested, and how its runs have gone since (``CatalogStore/sourceFreshness()``).
public struct SourceFreshness: Hashable, Sendable {
    /// The source's newest run, whatever its status.
    public var lastRun: HarvestRun
    /// The newest run that applied the source or found it unchanged; nil when none has. Unless it is `lastRun`, its
    /// `errors` are not read (empty here; ``CatalogStore/run(_:)`` reads them).
    public var lastApplied: HarvestRun?
    /// Runs that failed or were aborted after `lastApplied` (after the first run when none was applied).
    public var failedSinceApplied: Int
    /// When the source's first recorded run began.
    public var firstRunStartedAt: Date

    /// When `lastApplied` ended (its last heartbeat, should it have no end recorded); nil when none was applied.
    public var lastAppliedAt: Date? {
        lastApplied.map { $0.endedAt ?? $0.heartbeatAt }
    }

    /// Deletions the circuit breaker holds back: those of `lastApplied` when it is `held` (they wait for a run that
    /// accepts them), else 0.
    public var deletionsHeld: Int {
        guard let lastApplied, lastApplied.status == .held else { return 0 }
        return lastApplied.heldDeletions ?? 0
    }

    /// Creates a record (the store makes them).
    public init(lastRun: HarvestRun, lastApplied: HarvestRun?, failedSinceApplied: Int, firstRunStartedAt: Date) {
        self.lastRun = lastRun
        self.lastApplied = lastApplied
        self.failedSinceApplied = failedSinceApplied
        self.firstRunStartedAt = firstRunStartedAt
    }
}

/// What `completeRun` did.
public struct RunSummary: Hashable, Sendable, Codable {
    /// The run.
    public var run: RunID
    /// The source's name.
    public var source: String
    /// `succeeded`, `partial` or `held`.
    public var status: RunStatus
    /// Final counts.
    public var counts: RunCounts
    /// How many deletions the circuit breaker held back (0 unless `held`).
    public var heldDeletions: Int
    /// Tombstones purged because their grace period ran out.
    public var purged: Int
    /// A one-line account for a person (for `held`, how to accept the deletions).
    public var message: String

    /// Creates a summary (the store makes them; harvesters make them for runs that ended unapplied).
    public init(run: RunID, source: String, status: RunStatus, counts: RunCounts, heldDeletions: Int = 0, purged: Int = 0, message: String) {
        self.run = run
        self.source = source
        self.status = status
        self.counts = counts
        self.heldDeletions = heldDeletions
        self.purged = purged
        self.message = message
    }
}
