import Foundation
import GRDB

extension HarvestRun {
    /// Reads a `runs` row and, unless `withErrors` is false, its stored errors.
    init(row: Row, db: Database, withErrors: Bool = true) throws {
        let id: Int64 = row["id"]
        let statusText: String = row["status"]
        guard let status = RunStatus(rawValue: statusText) else {
            throw StoreError(.corrupt, "run \(id) has an unknown status \(statusText)", context: ["run": String(id)])
        }
        let isComplete: Int? = row["is_complete"]
        self.id = RunID(id)
        self.source = row["source"]
        self.kind = row["kind"]
        self.url = row["url"]
        self.status = status
        self.startedAt = row["started_at"]
        self.heartbeatAt = row["heartbeat_at"]
        self.endedAt = row["ended_at"]
        self.isComplete = isComplete.map { $0 != 0 }
        self.changesSince = row["changes_since"]
        self.counts = RunCounts(fetched: row["fetched"], added: row["added"], updated: row["updated"],
                                unchanged: row["unchanged"], deleted: row["deleted"], skipped: row["skipped"],
                                errored: row["errored"])
        self.heldDeletions = row["held_deletions"]
        self.message = row["message"]
        self.errors = !withErrors ? [] : try Row.fetchAll(db, sql: "SELECT subject, cause FROM run_errors WHERE run_id = ? ORDER BY position",
                                       arguments: [id])
            .map { RunIssue(subject: $0["subject"], cause: $0["cause"]) }
    }
}
