import Foundation
import GRDB
import Logging

/// One entry of a run's listing, in the order the source gave it.
public enum ListingEntry: Sendable {
    /// A mapped record, encoded and hashed.
    case record(PreparedRecord)
    /// An identifier the source lists but whose record was not harvested (it failed): it counts as seen, so a
    /// complete run keeps an earlier copy alive.
    case seenOnly(String)
    /// An identifier whose record the adapter did not map because the live record's source digest (see
    /// ``PreparedRecord/sourceDigest``, read with ``CatalogStore/sourceDigests(source:identifiers:)``) equals the one
    /// it read now: it counts as seen and unchanged.
    case unchanged(String)
    /// An identifier the source reports deleted (an OAI-PMH header with `status="deleted"`): it is not seen, and the
    /// run deletes an earlier copy whether its listing was complete or not (within the delete policy), since the
    /// source said so. A record both listed and reported deleted in one run counts as listed.
    case withdrawn(String)
}

/// What ``CatalogStore/recordListing(run:_:)`` did with a batch of entries.
public struct ListingOutcome: Sendable, Equatable {
    /// Records that were new or changed, now staged.
    public var staged = 0
    /// Records whose content hash equals the live record's: nothing was written for them.
    public var unchanged = 0
    /// Identifiers of records listed earlier in the same run, in order; the later copies were ignored.
    public var repeated: [String] = []

    public init(staged: Int = 0, unchanged: Int = 0, repeated: [String] = []) {
        self.staged = staged
        self.unchanged = unchanged
        self.repeated = repeated
    }
}

extension CatalogStore {
    /// Records a batch of a running run's listing in one write transaction: every identifier is marked seen by
    /// the run (on disk, in `run_seen`), a record listed earlier in the run is reported as repeated and ignored,
    /// a record whose content hash equals its live copy's is counted unchanged without a write, and the rest
    /// are staged.
    ///
    /// The run's seen identifiers and the live hashes stay in the database, so the harvester's memory does not
    /// grow with the number of datasets a source lists. ``completeRun(run:seen:isComplete:deletionPolicy:counts:errors:)``
    /// finds deletions from the same table.
    public func recordListing(run: RunID, _ entries: [ListingEntry]) async throws -> ListingOutcome {
        guard !entries.isEmpty else { return ListingOutcome() }
        return try await write("recording a run's listing", context: ["run": run.description]) { db in
            let source = try CatalogStore.requireRunning(db, run)
            // One batch is hundreds of records, each a few statements: through SQLite's C interface.
            let markSeen = RawStatement(try CatalogStore.markSeenStatement(db))
            let live = RawStatement(try db.cachedStatement(sql: """
                SELECT pk, content_hash, source_digest FROM datasets
                WHERE source = ? AND source_identifier = ? AND deleted_at IS NULL
                """))
            let stage = RawStatement(try StagedRow.insertStatement(db))
            var outcome = ListingOutcome()
            for entry in entries {
                let identifier: String
                let record: PreparedRecord?
                switch entry {
                case .seenOnly(let listed): (identifier, record) = (listed, nil)
                case .unchanged(let listed): (identifier, record) = (listed, nil)
                case .record(let prepared): (identifier, record) = (prepared.sourceIdentifier, prepared)
                case .withdrawn(let listed):
                    try db.execute(sql: "INSERT OR IGNORE INTO \(RunScratch.schema).run_withdrawn (run_id, source_identifier) VALUES (?, ?)",
                                   arguments: [run.rawValue, listed])
                    continue
                }
                markSeen.reset()
                try markSeen.bind(1, run.rawValue)
                try markSeen.bind(2, identifier)
                try markSeen.run()
                let isFirst = db.changesCount > 0
                if case .seenOnly = entry { continue }
                guard isFirst else {
                    outcome.repeated.append(identifier)
                    continue
                }
                guard let record else {
                    outcome.unchanged += 1
                    continue
                }
                live.reset()
                try live.bind(1, source)
                try live.bind(2, identifier)
                if try live.next(), live.text(1) == record.contentHash {
                    outcome.unchanged += 1
                    // Its next harvest can then skip mapping it.
                    let (pk, digest) = (Int64(live.integer(0)), live.text(2))
                    live.reset()
                    try LiveWriter.keepSourceDigest(db, pk: pk, digest: record.sourceDigest, live: digest)
                    continue
                }
                live.reset()
                // Only a record that is staged pays for its live-table rows: a re-harvest of a source that barely
                // changed computes almost none.
                try StagedRow(record).insert(stage, run: run)
                outcome.staged += 1
            }
            return outcome
        }
    }

    /// The source digests (see ``PreparedRecord/sourceDigest``) of the source's live records among `identifiers`,
    /// by identifier; records without one are left out (a tombstone has none).
    public func sourceDigests(source: String, identifiers: [String]) async throws -> [String: String] {
        guard !identifiers.isEmpty else { return [:] }
        return try await read("reading source digests", context: ["source": source]) { db in
            var digests: [String: String] = [:]
            try db.forEachRow("""
                SELECT source_identifier, source_digest FROM datasets
                WHERE source = ? AND source_digest IS NOT NULL AND source_identifier IN
                """, leading: [source.databaseValue], in: identifiers) { row in
                digests[row[0]] = row[1]
            }
            return digests
        }
    }

    /// Those of `identifiers` that name a live record of `source` (tombstones do not count): a source that lists its
    /// identifiers apart from its records (a CSW service's brief records) asks which of them the catalogue lacks.
    public func liveIdentifiers(source: String, among identifiers: [String]) async throws -> Set<String> {
        guard !identifiers.isEmpty else { return [] }
        return try await read("reading live identifiers", context: ["source": source]) { db in
            // The identifiers the source has rows for, from the (source, source_identifier) index alone: asking for
            // `deleted_at` there would read every listed row (SQLite then even scans all the source's live rows), which
            // made an incremental CSW run of 20,000 records twice as long.
            var live = Set<String>()
            try db.forEachRow("SELECT source_identifier FROM datasets WHERE source = ? AND source_identifier IN",
                              leading: [source.databaseValue], in: identifiers) { row in
                live.insert(row[0])
            }
            // Less its tombstones, which are few, found through the (source, deleted_at) index.
            guard !live.isEmpty, try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM datasets INDEXED BY datasets_by_deletion WHERE source = ? AND deleted_at IS NOT NULL)
                """, arguments: [source]) == true else { return live }
            try db.forEachRow("""
                SELECT source_identifier FROM datasets INDEXED BY datasets_by_deletion
                WHERE source = ? AND deleted_at IS NOT NULL AND source_identifier IN
                """, leading: [source.databaseValue], in: Array(live)) { row in
                live.remove(row[0])
            }
            return live
        }
    }

    /// The statement that marks an identifier seen by a run (arguments: run id, source identifier); a second mark
    /// of the same identifier changes nothing, which is how a repeated listing is told.
    static func markSeenStatement(_ db: Database) throws -> Statement {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO run_seen (run_id, source_identifier) VALUES (?, ?)")
    }

    /// Deletes what ended runs kept in the run scratch (staged records, seen identifiers); see
    /// ``RunScratch/release(_:path:)``. Called after a run's end is committed; a failure is logged, not thrown: the run
    /// has ended either way, and the rows are deleted with the next run that ends, or with the file.
    func releaseRunScratch() async {
        do {
            try await pool.writeWithoutTransaction { [scratchPath] db in try RunScratch.release(db, path: scratchPath) }
        } catch {
            logger.warning("cannot clear the run scratch", metadata: ["store.error": "\(error)", "store.path": "\(scratchPath)"])
        }
    }
}

extension CatalogStore {
    /// Clears every stored source digest, as in a catalogue written before digests were kept: each record is mapped
    /// on its next harvest (tests use this to stand for such a catalogue).
    func clearSourceDigests() async throws {
        try await write("clearing source digests") { db in
            try db.execute(sql: "UPDATE datasets SET source_digest = NULL WHERE source_digest IS NOT NULL")
        }
    }
}
