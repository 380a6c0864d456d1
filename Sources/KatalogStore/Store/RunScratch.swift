import Foundation
import GRDB

/// The run scratch: a second SQLite file beside the catalogue, attached to the store's writer connection as
/// `scratch`, holding what running runs keep until they end — `staged_records`, `run_seen` and `run_withdrawn`.
///
/// A run stages every changed record before applying it in one transaction. With the staging tables in the
/// catalogue, each record went through the WAL twice (staged, then live) and was checkpointed twice, and the
/// catalogue file kept the staged records' pages as free space: after a first harvest half the file was empty
/// pages. The scratch has no WAL and no fsync (rollback journal in memory, `synchronous = OFF`): nothing in it must
/// survive a crash, since a run whose process died is aborted and its staging is worthless.
///
/// Each store has its own scratch file, named after the process and host, so two processes harvesting into one
/// catalogue never share one. The file is deleted when the store is released; files left by processes of this
/// host that no longer exist are deleted when a store opens (another host's are left alone: its processes cannot
/// be probed from here). Only the writer connection has the scratch attached, and only it reads or
/// writes these tables (every use is inside a write).
enum RunScratch {
    /// The schema name the scratch is attached under.
    static let schema = "scratch"

    /// The file name prefix of the scratch files of the catalogue at `databasePath`.
    static func prefix(of databasePath: String) -> String {
        URL(fileURLWithPath: databasePath).lastPathComponent + ".run-scratch-"
    }

    /// A new scratch path for the catalogue at `databasePath`: `<catalogue>.run-scratch-<pid>-<random>-<host>`.
    static func newPath(for databasePath: String) -> String {
        let random = UUID().uuidString.prefix(8).lowercased()
        return databasePath + ".run-scratch-\(getpid())-\(random)-\(host)"
    }

    /// This host's name as it appears in scratch file names (letters, digits, `.` and `-` only).
    static let host = String(ProcessInfo.processInfo.hostName.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })

    /// Deletes the scratch files (and their journals) of the catalogue at `databasePath` whose process no longer
    /// exists; returns the deleted paths.
    @discardableResult
    static func removeAbandoned(besides databasePath: String) -> [String] {
        let url = URL(fileURLWithPath: databasePath)
        let directory = url.deletingLastPathComponent()
        let prefix = prefix(of: databasePath)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        var removed: [String] = []
        for name in names where name.hasPrefix(prefix) {
            // <pid>-<random>-<host>
            let parts = name.dropFirst(prefix.count).split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, String(parts[2]) == host, let pid = Int32(parts[0]),
                  !CatalogStore.processIsAlive(pid) else { continue }
            let path = directory.appendingPathComponent(name).path
            if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
        }
        return removed
    }

    /// Attaches a new scratch file at `path` to the writer connection and creates its tables.
    static func attach(_ db: Database, path: String) throws {
        try db.execute(sql: "ATTACH DATABASE ? AS \(schema)", arguments: [path])
        try db.execute(sql: """
            PRAGMA \(schema).journal_mode = MEMORY;
            PRAGMA \(schema).synchronous = OFF;
            PRAGMA \(schema).cache_size = -2048;
            CREATE TABLE IF NOT EXISTS \(schema).staged_records (
                run_id INTEGER NOT NULL,
                source_identifier TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                record_json TEXT NOT NULL,
                raw BLOB NOT NULL,
                raw_format TEXT NOT NULL,
                raw_encoding TEXT,
                live_row BLOB,
                source_digest TEXT,
                PRIMARY KEY (run_id, source_identifier)
            );
            CREATE TABLE IF NOT EXISTS \(schema).run_seen (
                run_id INTEGER NOT NULL,
                source_identifier TEXT NOT NULL,
                PRIMARY KEY (run_id, source_identifier)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS \(schema).run_withdrawn (
                run_id INTEGER NOT NULL,
                source_identifier TEXT NOT NULL,
                PRIMARY KEY (run_id, source_identifier)
            ) WITHOUT ROWID;
            """)
    }

    /// Rows of ended runs deleted per transaction while another run is still running (the rollback journal,
    /// held in memory, stays small).
    static let deletionChunk = 256

    /// Deletes what runs that are no longer running left in the scratch at `path`. When no run of this store is
    /// still running, the file is replaced by an empty one (detached, deleted, attached again), so the scratch takes
    /// disk space only while runs run; deleting its rows instead would put every deleted page into the rollback
    /// journal, which is held in memory. While another run is running, only the ended runs' rows go, a chunk per
    /// transaction. Call outside a transaction, after the run's end is committed.
    static func release(_ db: Database, path: String) throws {
        let ids = Set(try Int64.fetchAll(db, sql: """
            SELECT DISTINCT run_id FROM \(schema).run_seen UNION SELECT DISTINCT run_id FROM \(schema).staged_records
            UNION SELECT DISTINCT run_id FROM \(schema).run_withdrawn
            """))
        guard !ids.isEmpty else { return }
        let running = Set(try Int64.fetchAll(db, sql: "SELECT id FROM runs WHERE status = 'running'")).intersection(ids)
        let ended = ids.subtracting(running)
        guard !ended.isEmpty else { return }
        if running.isEmpty {
            try db.execute(sql: "DETACH DATABASE \(schema)")
            try? FileManager.default.removeItem(atPath: path)
            try attach(db, path: path)
            return
        }
        for run in ended {
            for table in ["staged_records", "run_seen", "run_withdrawn"] {
                var deleted = 0
                repeat {
                    try db.inTransaction {
                        try db.execute(sql: """
                            DELETE FROM \(schema).\(table) WHERE run_id = ?1 AND source_identifier IN
                                (SELECT source_identifier FROM \(schema).\(table) WHERE run_id = ?1 LIMIT ?2)
                            """, arguments: [run, deletionChunk])
                        deleted = db.changesCount
                        return .commit
                    }
                } while deleted > 0
            }
        }
    }
}
