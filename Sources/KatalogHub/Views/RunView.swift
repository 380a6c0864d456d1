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
    var errors: [ErrorView]

    enum CodingKeys: String, CodingKey {
        case id, source, status, message, counts, errors
        case startedAt = "started_at"
        case endedAt = "ended_at"
        case heartbeatAt = "heartbeat_at"
        case changesSince = "changes_since"
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
        errors = run.errors.map { ErrorView(subject: $0.subject, cause: $0.cause) }
    }
}

/// The body of `/api/v1/runs`.
struct RunsResponseView: Encodable, Sendable {
    var runs: [RunView]
}

/// The body of `/health`.
struct HealthView: Encodable, Sendable {
    struct SourceHealth: Encodable, Sendable {
        var name: String
        var lastRun: RunView?

        enum CodingKeys: String, CodingKey {
            case name
            case lastRun = "last_run"
        }
    }

    var status: String
    var datasets: Int?
    var sources: [SourceHealth]
}
