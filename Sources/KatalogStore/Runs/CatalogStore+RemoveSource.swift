import Foundation
import GRDB
import Logging

extension CatalogStore {
    /// Removes a source from the catalogue (`katalog remove-source`): every live record of it is deleted by a run of
    /// its own, as a complete run that listed nothing and accepted its deletions would delete them. So the records
    /// become tombstones that `/api/v1/changes` reports deleted, a dataset another source also carries is shown as
    /// that source's record, and the publishers' aliases are worked out again, all in one transaction.
    ///
    /// Before that run is applied, what would let a later source of the same name skip work is forgotten: its listing
    /// mark (an incremental run would start from it and miss every older record) and the HTTP validators and digests of
    /// its URLs (a 304 would stand for records that are gone). After it, the source leaves the `sources` table; its runs
    /// stay in the history, the removal among them, and its tombstones are purged after `gracePeriod` by the next
    /// removal or run of that name.
    ///
    /// Throws ``StoreError/Code/notFound`` when the catalogue has neither runs nor records of `source`, and
    /// ``StoreError/Code/sourceBusy`` while a run of it is in progress.
    public func removeSource(_ source: String, gracePeriod: TimeInterval = DeletionPolicy().gracePeriod) async throws -> RunSummary {
        typealias Known = (kind: String, url: String, urls: [String], priority: Int)
        let known = try await read("looking up a source", context: ["source": source]) { db -> Known? in
            let urls = try String.fetchAll(db, sql: "SELECT DISTINCT url FROM runs WHERE source = ?", arguments: [source])
            // Its own priority, so starting the removal does not re-elect which record of a shared dataset is shown.
            let priority = try Int.fetchOne(db, sql: "SELECT priority FROM sources WHERE name = ?", arguments: [source]) ?? 0
            if let row = try Row.fetchOne(db, sql: "SELECT kind, url FROM runs WHERE source = ? ORDER BY id DESC LIMIT 1", arguments: [source]) {
                return (row["kind"], row["url"], urls, priority)
            }
            if let row = try Row.fetchOne(db, sql: "SELECT kind, url FROM sources WHERE name = ?", arguments: [source]) {
                return (row["kind"], row["url"], [row["url"]], priority)
            }
            let records = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM datasets WHERE source = ?", arguments: [source]) ?? 0
            return records > 0 ? ("unknown", "", urls, priority) : nil
        }
        guard let known else {
            throw StoreError(.notFound, "the catalogue has no source named '\(source)'", context: ["source": source])
        }
        let run = try await beginRun(source: source, kind: known.kind, url: known.url, priority: known.priority)
        do {
            try await write("forgetting a removed source's marks", context: ["source": source]) { db in
                try db.execute(sql: "DELETE FROM listing_marks WHERE source = ?", arguments: [source])
                for url in known.urls {
                    try db.execute(sql: "DELETE FROM http_validators WHERE url = ?", arguments: [url])
                }
            }
            var summary = try await completeRun(run: run, seen: [], isComplete: true,
                                                deletionPolicy: DeletionPolicy(acceptDeletions: true, gracePeriod: gracePeriod))
            summary.message = "source removed from the catalogue: \(summary.counts.deleted) datasets deleted"
            let message = summary.message
            try await write("recording a source's removal", context: ["source": source]) { db in
                try db.execute(sql: "UPDATE runs SET message = ? WHERE id = ?", arguments: [message, run.rawValue])
                try db.execute(sql: "DELETE FROM sources WHERE name = ?", arguments: [source])
            }
            logger.notice("source removed", metadata: ["harvest.source": "\(source)", "harvest.run": "\(run)",
                                                       "harvest.deleted": "\(summary.counts.deleted)"])
            return summary
        } catch {
            if (try? await self.run(run))??.status == .running {
                try? await failRun(run: run, error: "removing the source failed: \(error)")
            }
            throw error
        }
    }
}
