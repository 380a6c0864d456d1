import Foundation
import KatalogStore

/// A harvest run as `/api/v1/runs` and `/health` show it.
struct RunView: Encodable, Sendable {
    struct ErrorView: Encodable, Sendable {
        var subject: String
        var cause: String
    }

    var id: Int64
    var source: String
    var status: String
    var startedAt: String
    var endedAt: String?
    var heartbeatAt: String?
    /// The `from` of an incremental run; nil (left out) for a run that listed the whole source.
    var changesSince: String?
    var message: String?
    var counts: [String: Int]
    /// For a `held` run, the deletions the circuit breaker held back; nil (left out) otherwise.
    var heldDeletions: Int?
    var errors: [ErrorView]

    enum CodingKeys: String, CodingKey {
        case id, source, status, message, counts, errors
        case startedAt = "started_at"
        case endedAt = "ended_at"
        case heartbeatAt = "heartbeat_at"
        case changesSince = "changes_since"
        case heldDeletions = "held_deletions"
    }

    init(_ run: HarvestRun) {
        id = run.id.rawValue
        source = run.source
        status = run.status.rawValue
        startedAt = ISO8601.string(run.startedAt)
        endedAt = ISO8601.string(run.endedAt)
        heartbeatAt = ISO8601.string(run.heartbeatAt as Date?)
        changesSince = run.changesSince
        message = run.message
        counts = [
            "fetched": run.counts.fetched, "added": run.counts.added, "updated": run.counts.updated,
            "unchanged": run.counts.unchanged, "deleted": run.counts.deleted, "skipped": run.counts.skipped,
            "errored": run.counts.errored,
        ]
        heldDeletions = run.status == .held ? run.heldDeletions : nil
        errors = run.errors.map { ErrorView(subject: $0.subject, cause: $0.cause) }
    }
}

/// The body of `/api/v1/runs`.
struct RunsResponseView: Encodable, Sendable {
    var runs: [RunView]
}

/// The body of `/health`.
struct HealthView: Encodable, Sendable {
    /// A run in brief: which one, how it ended, when.
    struct RunBrief: Encodable, Sendable {
        var id: Int64
        var status: String
        var startedAt: String
        var endedAt: String?

        enum CodingKeys: String, CodingKey {
            case id, status
            case startedAt = "started_at"
            case endedAt = "ended_at"
        }

        init(_ run: HarvestRun) {
            id = run.id.rawValue
            status = run.status.rawValue
            startedAt = ISO8601.string(run.startedAt)
            endedAt = ISO8601.string(run.endedAt)
        }
    }

    struct SourceHealth: Encodable, Sendable {
        var name: String
        var lastRun: RunView?
        /// The newest run that applied the source or found it unchanged.
        var lastApplied: RunBrief?
        var failedRunsSinceApplied: Int
        /// Deletions the circuit breaker holds back: those of the last applied run when it was `held`, else 0. They wait
        /// for `katalog harvest --accept-deletions`.
        var deletionsHeld: Int
        /// Present for a source this hub harvests on a schedule.
        var schedule: String?
        var overdue: Bool?

        enum CodingKeys: String, CodingKey {
            case name, schedule, overdue
            case lastRun = "last_run"
            case lastApplied = "last_applied"
            case failedRunsSinceApplied = "failed_runs_since_applied"
            case deletionsHeld = "deletions_held"
        }

        init(_ report: HarvestHealth.Report) {
            name = report.name
            lastRun = report.freshness.map { RunView($0.lastRun) }
            lastApplied = report.freshness?.lastApplied.map(RunBrief.init)
            failedRunsSinceApplied = report.freshness?.failedSinceApplied ?? 0
            deletionsHeld = report.freshness?.deletionsHeld ?? 0
            schedule = report.schedule
            overdue = report.overdue
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(lastRun, forKey: .lastRun)
            try container.encode(lastApplied, forKey: .lastApplied)
            try container.encode(failedRunsSinceApplied, forKey: .failedRunsSinceApplied)
            try container.encode(deletionsHeld, forKey: .deletionsHeld)
            try container.encodeIfPresent(schedule, forKey: .schedule)
            try container.encodeIfPresent(overdue, forKey: .overdue)
        }
    }

    var status: String
    var datasets: Int?
    var sources: [SourceHealth]
    /// The scheduled sources that are overdue, by name.
    var overdueSources: [String]

    enum CodingKeys: String, CodingKey {
        case status, datasets, sources
        case overdueSources = "overdue_sources"
    }
}
