import Foundation
import GRDB
import Logging

#if canImport(Glibc)
import Glibc
#endif

extension CatalogStore {
    /// Starts a run of `source`, taking the source's lock.
    ///
    /// First marks every run of any source that is `running` with a heartbeat older than
    /// `configuration.staleRunInterval` as `aborted` (and drops its staged records and seen identifiers), so no run is left running.
    /// A run whose owning process on this host no longer exists (killed, crashed) is aborted at once, without
    /// waiting for its heartbeat to go stale.
    /// Throws ``StoreError/Code/sourceBusy`` when another run of the same source has a fresh heartbeat.
    ///
    /// `priority` is the source's weight when several sources carry one dataset: searches show the record of the
    /// source with the highest (see ``SameDatasetKey``). A changed priority takes effect at once, for every dataset
    /// the source shares.
    public func beginRun(source: String, kind: String, url: String, priority: Int = 0) async throws -> RunID {
        let now = configuration.now()
        let staleBefore = now.addingTimeInterval(-configuration.staleRunInterval)
        let staleSeconds = Int(configuration.staleRunInterval)
        let context = ["source": source]
        let owner = (host: ProcessInfo.processInfo.hostName, pid: getpid())
        let (id, aborted) = try await write("starting a run", context: context) { db -> (RunID, [Int64]) in
            let stale = try Int64.fetchAll(db, sql: "SELECT id FROM runs WHERE status = 'running' AND heartbeat_at < ?",
                                           arguments: [staleBefore])
            for runID in stale {
                try db.execute(sql: """
                    UPDATE runs SET status = 'aborted', ended_at = ?,
                        message = 'no heartbeat for over ' || ? || ' seconds; marked aborted when a new run began'
                    WHERE id = ?
                    """, arguments: [now, staleSeconds, runID])
            }
            var aborted = stale
            let owned = try Row.fetchAll(db, sql: "SELECT id, owner_pid FROM runs WHERE status = 'running' AND owner_host = ?",
                                         arguments: [owner.host])
            for row in owned {
                let runID: Int64 = row["id"]
                guard let pid: Int32 = row["owner_pid"], !CatalogStore.processIsAlive(pid) else { continue }
                try db.execute(sql: """
                    UPDATE runs SET status = 'aborted', ended_at = ?,
                        message = 'its process (pid ' || ? || ') ended without finishing the run; marked aborted when a new run began'
                    WHERE id = ?
                    """, arguments: [now, pid, runID])
                aborted.append(runID)
            }
            if let busy = try Row.fetchOne(db, sql: "SELECT id, heartbeat_at FROM runs WHERE source = ? AND status = 'running'",
                                           arguments: [source]) {
                let other: Int64 = busy["id"]
                let heartbeat: Date = busy["heartbeat_at"]
                throw StoreError(.sourceBusy,
                                 "source \(source) is being harvested by run \(other) (last heartbeat \(heartbeat)); try again when it ends",
                                 context: ["source": source, "run": String(other)])
            }
            let previousPriority = try Int.fetchOne(db, sql: "SELECT priority FROM sources WHERE name = ?", arguments: [source])
            try db.execute(sql: """
                INSERT INTO sources (name, kind, url, first_seen, priority) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, url = excluded.url, priority = excluded.priority
                """, arguments: [source, kind, url, now, priority])
            if let previousPriority, previousPriority != priority {
                try SameDatasetElection.elect(db, keys: SameDatasetElection.sharedKeys(db, source: source), now: now)
            }
            try db.execute(sql: """
                INSERT INTO runs (source, kind, url, status, started_at, heartbeat_at, owner_host, owner_pid)
                VALUES (?, ?, ?, 'running', ?, ?, ?, ?)
                """, arguments: [source, kind, url, now, now, owner.host, owner.pid])
            return (RunID(db.lastInsertedRowID), aborted)
        }
        for runID in aborted {
            logger.warning("marked a stale run aborted", metadata: ["harvest.run": "\(runID)"])
        }
        if !aborted.isEmpty { await releaseRunScratch() }
        logger.info("run started", metadata: ["harvest.source": "\(source)", "harvest.run": "\(id)"])
        return id
    }

    /// Records that the run is alive; throws ``StoreError/Code/runNotActive`` when it is no longer running.
    public func heartbeat(run: RunID) async throws {
        let now = configuration.now()
        try await write("recording a heartbeat", context: ["run": run.description]) { db in
            try CatalogStore.requireRunning(db, run)
            try db.execute(sql: "UPDATE runs SET heartbeat_at = ? WHERE id = ?", arguments: [now, run.rawValue])
        }
    }

    /// Ends a run without applying anything: marks it `failed` or `aborted`, records the cause, drops its staged records and seen identifiers.
    public func failRun(run: RunID, error: String, status: RunFailure = .failed) async throws {
        let now = configuration.now()
        try await write("failing a run", context: ["run": run.description]) { db in
            try CatalogStore.requireRunning(db, run)
            try db.execute(sql: "UPDATE runs SET status = ?, ended_at = ?, heartbeat_at = ?, message = ? WHERE id = ?",
                           arguments: [status.status.rawValue, now, now, error, run.rawValue])
        }
        await releaseRunScratch()
        logger.warning("run \(status.rawValue)", metadata: ["harvest.run": "\(run)", "harvest.cause": "\(error)"])
    }

    /// Ends a run whose source did not change since the last applied run (a 304, or a body with the same digest):
    /// status `unchanged`, every live record counted unchanged, nothing applied, nothing deleted. Tombstones older
    /// than `gracePeriod` are still purged, so a source that stops changing does not keep them forever.
    public func completeUnchangedRun(run: RunID, message: String = "the source was not modified since the last run (HTTP 304)",
                                     gracePeriod: TimeInterval = DeletionPolicy().gracePeriod) async throws -> RunSummary {
        let now = configuration.now()
        let summary = try await write("ending an unchanged run", context: ["run": run.description]) { db -> RunSummary in
            let source = try CatalogStore.requireRunning(db, run)
            let live = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM datasets WHERE source = ? AND deleted_at IS NULL",
                                        arguments: [source]) ?? 0
            let purged = try CatalogStore.purgeTombstones(db, source: source, deletedBefore: now.addingTimeInterval(-gracePeriod))
            try db.execute(sql: """
                UPDATE runs SET status = 'unchanged', ended_at = ?, heartbeat_at = ?, is_complete = 1, unchanged = ?, message = ?
                WHERE id = ?
                """, arguments: [now, now, live, message, run.rawValue])
            return RunSummary(run: run, source: source, status: .unchanged, counts: RunCounts(unchanged: live),
                              purged: purged, message: message)
        }
        await releaseRunScratch()
        logger.info("run unchanged", metadata: ["harvest.source": "\(summary.source)", "harvest.run": "\(run)"])
        return summary
    }

    /// Removes `source`'s tombstones deleted before `cutoff`; returns how many. Their terms went with the tombstoning.
    static func purgeTombstones(_ db: Database, source: String, deletedBefore cutoff: Date) throws -> Int {
        try db.execute(sql: "DELETE FROM datasets WHERE source = ? AND deleted_at IS NOT NULL AND deleted_at < ?",
                       arguments: [source, cutoff])
        return db.changesCount
    }

    /// Recorded runs, newest first, optionally of one source only; `limit` is clamped to 1…1000.
    public func runs(source: String? = nil, limit: Int = 50) async throws -> [HarvestRun] {
        let limit = min(max(limit, 1), 1_000)
        return try await read("listing runs") { db in
            let rows: [Row]
            if let source {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM runs WHERE source = ? ORDER BY id DESC LIMIT ?",
                                        arguments: [source, limit])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY id DESC LIMIT ?", arguments: [limit])
            }
            return try rows.map { try HarvestRun(row: $0, db: db) }
        }
    }

    /// One run by id, or nil.
    public func run(_ id: RunID) async throws -> HarvestRun? {
        try await read("reading a run") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [id.rawValue])
                .map { try HarvestRun(row: $0, db: db) }
        }
    }

    /// The newest run of every source that has one.
    public func lastRuns() async throws -> [String: HarvestRun] {
        try await read("listing last runs") { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM runs WHERE id IN (SELECT MAX(id) FROM runs GROUP BY source)")
            var result: [String: HarvestRun] = [:]
            for row in rows {
                let run = try HarvestRun(row: row, db: db)
                result[run.source] = run
            }
            return result
        }
    }

    /// Removes `source`'s runs that ended before `cutoff`, with their recorded errors, so the harvest history does not
    /// grow without end (a source harvested hourly with a few hundred bad records writes millions of error rows a
    /// year). Kept whatever their age: the newest applied run (``RunStatus/isApplied``) and every run after it (the
    /// newest run, and the failures `/health` counts), the run whose listing mark the next incremental run starts
    /// from, and running runs. A source never applied loses nothing. Datasets keep the id of the run that last wrote
    /// them (`lastRun`) even when that run is removed.
    ///
    /// At most `limit` runs go per call, oldest first, so a history that grew for years before this existed is worked
    /// off over several runs without holding the write lock long (200 runs of 1,000 errors each: 0.27 s, measured
    /// with Python's `sqlite3` on the same tables). Returns how many runs were removed.
    @discardableResult
    public func pruneRuns(source: String, endedBefore cutoff: Date, limit: Int = 200) async throws -> Int {
        let applied = RunStatus.appliedSQLList
        return try await write("pruning the run history", context: ["source": source]) { db in
            try db.execute(sql: """
                DELETE FROM runs WHERE id IN (
                    SELECT id FROM runs
                    WHERE source = ?1 AND status <> 'running' AND IFNULL(ended_at, heartbeat_at) < ?2
                      AND id < (SELECT MAX(id) FROM runs WHERE source = ?1 AND status IN (\(applied)))
                      AND id NOT IN (SELECT run_id FROM listing_marks WHERE source = ?1)
                    ORDER BY id LIMIT ?3)
                """, arguments: [source, cutoff, max(0, limit)])
            return db.changesCount
        }
    }

    /// For every source with a run: its newest run, its newest run that brought the catalogue up to date with the source
    /// (``RunStatus/isApplied``), and how many runs failed or were aborted after that one. What `/health` and `/metrics`
    /// report so an operator sees a source that has stopped being harvested, not only its last attempt. A source
    /// removed from the catalogue (``removeSource(_:gracePeriod:)``) is left out; its runs stay in the history.
    public func sourceFreshness() async throws -> [String: SourceFreshness] {
        try await read("reading when sources were last harvested") { db in
            let applied = RunStatus.appliedSQLList
            let unapplied = [RunStatus.failed, .aborted].map { "'\($0.rawValue)'" }.joined(separator: ", ")
            // One row per source of the `sources` table, each value found through runs_by_source (source, id): the
            // newest run, the newest applied run (walking back from the newest, usually one or two rows), the first
            // run, and the failures after the applied one. Grouping the whole runs table instead took 230 ms for
            // 200,000 runs of 50 sources, against 2 ms (sqlite3 shell).
            let rows = try Row.fetchAll(db, sql: """
                SELECT x.source, x.last_id, x.applied_id, x.first_started,
                       (SELECT COUNT(*) FROM runs f WHERE f.source = x.source AND f.id > IFNULL(x.applied_id, 0)
                          AND f.status IN (\(unapplied))) AS failed_since
                FROM (SELECT s.name AS source,
                             (SELECT MAX(id) FROM runs r WHERE r.source = s.name) AS last_id,
                             (SELECT id FROM runs r WHERE r.source = s.name AND r.status IN (\(applied))
                                ORDER BY id DESC LIMIT 1) AS applied_id,
                             (SELECT started_at FROM runs r WHERE r.source = s.name ORDER BY id LIMIT 1) AS first_started
                      FROM sources s) x
                WHERE x.last_id IS NOT NULL
                """)
            var result: [String: SourceFreshness] = [:]
            for row in rows {
                let source: String = row["source"]
                func run(_ id: Int64?, withErrors: Bool) throws -> HarvestRun? {
                    guard let id else { return nil }
                    return try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [id])
                        .map { try HarvestRun(row: $0, db: db, withErrors: withErrors) }
                }
                guard let last = try run(row["last_id"], withErrors: true) else { continue }
                let appliedID: Int64? = row["applied_id"]
                // The applied run's errors (up to a thousand rows) are not what a health check asks; the newest run's are.
                let applied = appliedID == last.id.rawValue ? last : try run(appliedID, withErrors: false)
                result[source] = SourceFreshness(lastRun: last, lastApplied: applied,
                                                 failedSinceApplied: row["failed_since"], firstRunStartedAt: row["first_started"])
            }
            return result
        }
    }

    /// Moves the heartbeat of every other running run forward by `seconds`, the time this write transaction held the
    /// catalogue's write lock, but not past `now`.
    ///
    /// While one transaction holds the lock (applying a large run takes minutes), no other run can write its
    /// heartbeat: those of this process wait in the writer's queue, those of other processes in SQLite's busy
    /// handler. Without the credit, the first `beginRun` after a long apply would find them stale and abort runs that
    /// are alive and only waited for the lock. A run that really stopped still goes stale: the credit is the lock's
    /// time, once.
    static func creditHeartbeats(_ db: Database, besides run: RunID, lockedFor seconds: Double, now: Date) throws {
        guard seconds > 0 else { return }
        let others = try Row.fetchAll(db, sql: "SELECT id, heartbeat_at FROM runs WHERE status = 'running' AND id <> ?",
                                      arguments: [run.rawValue])
        for row in others {
            let id: Int64 = row["id"]
            let heartbeat: Date = row["heartbeat_at"]
            let credited = min(heartbeat.addingTimeInterval(seconds), max(heartbeat, now))
            guard credited > heartbeat else { continue }
            try db.execute(sql: "UPDATE runs SET heartbeat_at = ? WHERE id = ?", arguments: [credited, id])
        }
    }

    /// Throws unless the run exists and is `running`; returns its source.
    @discardableResult
    static func requireRunning(_ db: Database, _ run: RunID) throws -> String {
        guard let row = try Row.fetchOne(db, sql: "SELECT source, status FROM runs WHERE id = ?", arguments: [run.rawValue]) else {
            throw StoreError(.notFound, "there is no run \(run)", context: ["run": run.description])
        }
        let status: String = row["status"]
        let source: String = row["source"]
        guard status == RunStatus.running.rawValue else {
            throw StoreError(.runNotActive, "run \(run) of source \(source) is \(status), not running",
                             context: ["run": run.description, "source": source])
        }
        return source
    }
}

extension CatalogStore {
    /// True when a process with this id exists on this host (signal 0 probes without signalling).
    static func processIsAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) == 0 { return true }
        return errno != ESRCH
    }
}
