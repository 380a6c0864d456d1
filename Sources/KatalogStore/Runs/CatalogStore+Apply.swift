import Foundation
import GRDB
import KatalogModel
import Logging

extension CatalogStore {
    /// Applies a run in one write transaction and ends it.
    ///
    /// Upserts every staged record into the live tables, then, when `isComplete`, tombstones the source's live
    /// records the run did not see, unless the circuit breaker trips (more than `deletionPolicy.maxDeleteFraction`
    /// of the live records, or a run that saw nothing while the source has records): then the upserts apply,
    /// no deletion does, and the run ends `held`. Tombstones older than the grace period are purged.
    ///
    /// The run has seen every identifier recorded with ``recordListing(run:_:)``, every staged record, and
    /// `seen`. Deletions and counts are found with SQL over those, so applying a run of any size holds no
    /// per-dataset state in memory.
    ///
    /// - Parameters:
    ///   - seen: source identifiers the run saw, changed or not, beyond those its listing recorded.
    ///   - isComplete: whether the harvester read the source's whole listing; deletions need a complete listing.
    ///   - counts: `fetched`, `skipped` and `errored` from the harvester; the store fills in the rest.
    ///   - errors: problems with single records or URLs.
    ///   - listing: for a source that can list only what changed (OAI-PMH, CKAN), what the run listed: a run with
    ///     `changesSince` deletes only records the source reported deleted (``ListingEntry/withdrawn(_:)``), never
    ///     records it did not list, unless it also listed every identifier (``RunListing/listsEveryIdentifier``);
    ///     `isComplete` says whether it read its listing to the end. Its mark is stored
    ///     for the next incremental run when the run read its listing to the end and was not held.
    ///
    /// Records the source reported deleted are deleted by every applied run, complete or not, within the policy.
    public func completeRun(run: RunID, seen: Set<String> = [], isComplete: Bool,
                            deletionPolicy: DeletionPolicy = DeletionPolicy(), counts: RunCounts = RunCounts(),
                            errors: [RunIssue] = [], listing: RunListing? = nil) async throws -> RunSummary {
        let now = configuration.now()
        let maxErrors = configuration.maxStoredRunErrors
        let started = ContinuousClock.now
        let summary = try await write("applying a run", context: ["run": run.description]) { db in
            let holding = ContinuousClock.now
            let source = try CatalogStore.requireRunning(db, run)
            var apply = try RunApplication(db: db, run: run, source: source, now: now)
            try apply.markSeen(seen)
            try apply.upsertStaged()
            var counts = counts
            counts.added = apply.added
            counts.updated = apply.updated
            counts.unchanged = try apply.stagedUnchanged + apply.seenUnstagedCount()
            let changesSince = listing?.changesSince
            let deletion = try apply.deletions(unseen: isComplete && (listing?.coversTheSource ?? true), policy: deletionPolicy)
            counts.deleted = deletion.applied
            try apply.electSharedDatasets()
            let purged = try apply.purge(olderThan: now.addingTimeInterval(-deletionPolicy.gracePeriod))
            try apply.saveSequence()
            // After the sequence is saved: an alias that moved advances it once more (PublisherAliases).
            try PublisherAliases.reconcile(db)

            let hasErrors = !errors.isEmpty || counts.errored > 0
            let status: RunStatus = deletion.held > 0 ? .held : (hasErrors || !isComplete ? .partial : .succeeded)
            var message = "\(counts.added) added, \(counts.updated) updated, \(counts.unchanged) unchanged, \(counts.deleted) deleted"
            if counts.errored > 0 || !errors.isEmpty { message += ", \(max(counts.errored, errors.count)) errors" }
            if let changesSince { message = "changes since \(changesSince): " + message }
            if !isComplete {
                message += deletion.applied > 0 ? "; listing incomplete, so only records the source reported deleted were deleted"
                    : "; listing incomplete, so nothing was deleted"
            }
            if let held = deletion.message { message = held + " (" + message + ")" }
            if let listing, isComplete, deletion.held == 0 {
                try CatalogStore.storeListingMark(db, run: run, source: source, listing: listing)
            }
            try db.execute(sql: """
                UPDATE runs SET status = ?, ended_at = ?, heartbeat_at = ?, is_complete = ?, fetched = ?, added = ?,
                    updated = ?, unchanged = ?, deleted = ?, skipped = ?, errored = ?, held_deletions = ?, message = ?,
                    changes_since = ?
                WHERE id = ?
                """, arguments: [status.rawValue, now, now, isComplete, counts.fetched, counts.added, counts.updated,
                                 counts.unchanged, counts.deleted, counts.skipped, counts.errored,
                                 deletion.held > 0 ? deletion.held : nil, message, changesSince, run.rawValue])
            let insertError = try db.cachedStatement(sql: """
                INSERT INTO run_errors (run_id, position, subject, cause) VALUES (?, ?, ?, ?)
                """)
            for (position, issue) in errors.prefix(maxErrors).enumerated() {
                try insertError.execute(arguments: [run.rawValue, position, issue.subject, issue.cause])
            }
            try CatalogStore.creditHeartbeats(db, besides: run, lockedFor: (ContinuousClock.now - holding).seconds, now: now)
            return RunSummary(run: run, source: source, status: status, counts: counts, heldDeletions: deletion.held,
                              purged: purged, message: message)
        }
        await releaseRunScratch()
        logger.info("run applied", metadata: [
            "harvest.source": "\(summary.source)", "harvest.run": "\(run)", "harvest.status": "\(summary.status.rawValue)",
            "harvest.added": "\(summary.counts.added)", "harvest.updated": "\(summary.counts.updated)",
            "harvest.deleted": "\(summary.counts.deleted)", "harvest.held": "\(summary.heldDeletions)",
            "harvest.seconds": "\((ContinuousClock.now - started).seconds)",
        ])
        // A process that searches (the hub) keeps its in-memory facet terms in step with the runs it applies.
        if facetIndexCache.current != nil, summary.counts.added + summary.counts.updated + summary.counts.deleted > 0 {
            refreshFacetIndexInBackground()
        }
        return summary
    }
}

/// The state of one run being applied inside its write transaction.
struct RunApplication {
    let db: Database
    let run: RunID
    let source: String
    let now: Date
    private(set) var added = 0
    private(set) var updated = 0
    private(set) var stagedUnchanged = 0
    private var sequence: Int64
    private var liveBefore = 0
    /// Keys of the datasets whose records this run changed while other records share them: their groups are elected
    /// once the run's writes are done (``SameDatasetElection``). Only shared keys, so a run of a source that shares
    /// nothing keeps none.
    private var sharedKeys: Set<String> = []

    init(db: Database, run: RunID, source: String, now: Date) throws {
        self.db = db
        self.run = run
        self.source = source
        self.now = now
        sequence = try Int64.fetchOne(db, sql: "SELECT change_seq FROM store_state WHERE id = 1") ?? 0
        liveBefore = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM datasets WHERE source = ? AND deleted_at IS NULL",
                                      arguments: [source]) ?? 0
    }

    /// The outcome of the deletion step.
    struct Deletion {
        var applied = 0
        var held = 0
        var message: String?
    }

    private mutating func nextSequence() -> Int64 {
        sequence += 1
        return sequence
    }

    /// Moves every staged record of the run into the live tables.
    mutating func upsertStaged() throws {
        let writer = LiveWriter(db: db, now: now, runID: run)
        // Read through SQLite's C interface: a large run is hundreds of thousands of rows of several kilobytes each.
        let staged = RawStatement(try db.makeStatement(sql: """
            SELECT s.source_identifier, s.content_hash, s.record_json, s.raw, s.raw_format, s.live_row,
                   d.pk, d.content_hash AS live_hash, d.deleted_at IS NOT NULL AS is_deleted, s.raw_encoding,
                   s.source_digest, d.source_digest AS live_digest, k.key AS live_key, d.shown_as
            FROM staged_records s
            LEFT JOIN datasets d ON d.source = ? AND d.source_identifier = s.source_identifier
            LEFT JOIN dataset_iri_keys k ON k.pk = d.pk
            WHERE s.run_id = ?
            """))
        try staged.bind(1, source)
        try staged.bind(2, run.rawValue)
        defer { staged.reset() }
        while try staged.next() {
            // By position, in the order selected; the record's text and bytes only once it is known to have changed.
            let contentHash = staged.text(1) ?? ""
            let pk = staged.optionalInteger(6)
            let isDeleted = staged.integer(8) != 0
            if let pk, !isDeleted, staged.text(7) == contentHash {
                stagedUnchanged += 1
                try LiveWriter.keepSourceDigest(db, pk: pk, digest: staged.text(10), live: staged.text(11))
                continue
            }
            let record = StagedRow(sourceIdentifier: staged.text(0) ?? "", contentHash: contentHash,
                                   recordJSON: staged.text(2) ?? "", raw: staged.blob(3) ?? Data(),
                                   rawFormat: staged.text(4) ?? "", rawEncoding: staged.text(9), liveRow: staged.blob(5),
                                   sourceDigest: staged.text(10))
            let live = try record.live()
            if let pk, !isDeleted {
                sharedKeys.formUnion(try writer.update(pk: pk, source: source, staged: record, row: live, seq: nextSequence(),
                                                       liveKey: staged.text(12), liveShownAs: staged.optionalInteger(13)))
                updated += 1
            } else {
                if let key = try writer.insert(source: source, staged: record, row: live, seq: nextSequence(), revive: pk) {
                    sharedKeys.insert(key)
                }
                added += 1
            }
        }
    }

    /// Marks identifiers as seen by the run, beside those its listing recorded.
    func markSeen(_ identifiers: Set<String>) throws {
        guard !identifiers.isEmpty else { return }
        let statement = try CatalogStore.markSeenStatement(db)
        for identifier in identifiers {
            try statement.execute(arguments: [run.rawValue, identifier])
        }
    }

    /// Live records of the source that the run saw (listed or staged) without staging a new version: unchanged.
    func seenUnstagedCount() throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM datasets d
            WHERE d.source = ? AND d.deleted_at IS NULL
              AND EXISTS (SELECT 1 FROM run_seen s WHERE s.run_id = ? AND s.source_identifier = d.source_identifier)
              AND NOT EXISTS (SELECT 1 FROM staged_records r WHERE r.run_id = ? AND r.source_identifier = d.source_identifier)
            """, arguments: [source, run.rawValue, run.rawValue]) ?? 0
    }

    /// The primary keys of the source's live records that the run neither listed nor staged.
    func unseenLiveRecords() throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT d.pk FROM datasets d
            WHERE d.source = ? AND d.deleted_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM run_seen s WHERE s.run_id = ? AND s.source_identifier = d.source_identifier)
              AND NOT EXISTS (SELECT 1 FROM staged_records r WHERE r.run_id = ? AND r.source_identifier = d.source_identifier)
            ORDER BY d.pk
            """, arguments: [source, run.rawValue, run.rawValue])
    }

    /// True when the run neither listed nor staged anything.
    func sawNothing() throws -> Bool {
        try !(Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM run_seen WHERE run_id = ?) OR EXISTS (SELECT 1 FROM staged_records WHERE run_id = ?)
            """, arguments: [run.rawValue, run.rawValue]) ?? false)
    }

    /// Tombstones the live records the run deletes, unless the circuit breaker trips: with `unseen` (a complete
    /// listing of the whole source) every live record it did not see, otherwise only those the source reported
    /// deleted (and the run did not also list). The breaker holds a deletion of more than the policy's share of the
    /// live records, and, for a complete listing, a run that saw nothing while the source has records.
    mutating func deletions(unseen: Bool, policy: DeletionPolicy) throws -> Deletion {
        let missing = unseen ? try unseenLiveRecords() : try withdrawnLiveRecords()
        guard !missing.isEmpty else { return Deletion() }
        let fraction = liveBefore > 0 ? Double(missing.count) / Double(liveBefore) : 1
        let sawNothing = try unseen && sawNothing()
        if !policy.acceptDeletions, sawNothing || fraction > policy.maxDeleteFraction {
            let percent = Int((fraction * 100).rounded())
            let limit = Int((policy.maxDeleteFraction * 100).rounded())
            let reason = sawNothing
                ? "the run saw no records while the source has \(liveBefore)"
                : "would delete \(missing.count) of \(liveBefore) records (\(percent)%), over the \(limit)% limit"
            let message = "held deletions: \(reason); run `katalog harvest --source \(source) --accept-deletions` to apply"
            return Deletion(applied: 0, held: missing.count, message: message)
        }
        let writer = LiveWriter(db: db, now: now, runID: run)
        for pk in missing {
            if let key = try writer.tombstone(pk: pk, seq: nextSequence()) { sharedKeys.insert(key) }
        }
        return Deletion(applied: missing.count, held: 0, message: nil)
    }

    /// The primary keys of the source's live records that the source reported deleted during the run
    /// (``ListingEntry/withdrawn(_:)``) and the run did not also list or stage.
    func withdrawnLiveRecords() throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT d.pk FROM \(RunScratch.schema).run_withdrawn w
            JOIN datasets d ON d.source = ? AND d.source_identifier = w.source_identifier AND d.deleted_at IS NULL
            WHERE w.run_id = ?
              AND NOT EXISTS (SELECT 1 FROM run_seen s WHERE s.run_id = ? AND s.source_identifier = d.source_identifier)
              AND NOT EXISTS (SELECT 1 FROM staged_records r WHERE r.run_id = ? AND r.source_identifier = d.source_identifier)
            ORDER BY d.pk
            """, arguments: [source, run.rawValue, run.rawValue, run.rawValue])
    }

    /// Decides, for every dataset whose records the run changed while others share it, which record searches show.
    mutating func electSharedDatasets() throws {
        guard !sharedKeys.isEmpty else { return }
        sequence = try SameDatasetElection.elect(db, keys: sharedKeys.sorted(), now: now, after: sequence)
        sharedKeys = []
    }

    /// Removes the source's tombstones deleted before `cutoff`; returns how many.
    func purge(olderThan cutoff: Date) throws -> Int {
        try CatalogStore.purgeTombstones(db, source: source, deletedBefore: cutoff)
    }

    /// Stores the change counter.
    func saveSequence() throws {
        try db.execute(sql: "UPDATE store_state SET change_seq = ? WHERE id = 1", arguments: [sequence])
    }
}
