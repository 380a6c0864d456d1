import Foundation
import KatalogModel
import KatalogStore
import Logging

/// Receives a run's records from an adapter: skips unchanged ones without a write, stages changed ones
/// in batches, and keeps the run's counts and per-record errors.
///
/// The identifiers the run has seen and the live records' hashes stay in the store (see
/// ``CatalogStore/recordListing(run:_:)``): the collector holds one batch, whatever the source's size.
/// One collector serves one run; it is an actor so the adapter's task and the supervisor can share it.
public actor RunCollector {
    private let store: CatalogStore
    private let run: RunID
    private let source: SourceConfig
    private let logger: Logger
    private let batchSize: Int
    /// The listing entries not yet recorded, in the order the source gave them.
    private var pending: [ListingEntry] = []
    /// The run's counts so far.
    public private(set) var counts = RunCounts()
    /// The run's per-record errors and warnings (the first `maxErrors`).
    public private(set) var errors: [RunIssue] = []
    /// The validators and digest of the source's single document, to store when the run succeeds; empty
    /// validators ask to forget them (a paged source is never unchanged as a whole).
    public private(set) var documentValidators: (url: String, validators: DocumentValidators)?
    /// Most errors kept in full; later ones are only counted.
    public let maxErrors = 1_000
    /// Records found unchanged by their source digest, so not mapped at all (part of the unchanged count).
    public private(set) var unmapped = 0
    /// What part of the source the run listed, when the adapter said (OAI-PMH).
    public private(set) var listing: RunListing?

    init(store: CatalogStore, run: RunID, source: SourceConfig, logger: Logger, batchSize: Int = 250) {
        self.store = store
        self.run = run
        self.source = source
        self.logger = logger
        self.batchSize = batchSize
    }

    /// The run error of a record that breaks the source's record limits.
    static func limitCause(_ violation: String) -> String { "record skipped: \(violation)" }

    /// Accepts one mapped record.
    public func accept(_ record: SourceRecord) async throws {
        try await accept(record, prepared: nil)
    }

    /// Accepts one mapped record that was already encoded and hashed (``CatalogStore/prepare(_:)``) where it was
    /// mapped, so the work runs in the adapter's mapping lanes rather than here, one record at a time; nil
    /// prepares it here.
    public func accept(_ record: SourceRecord, prepared: PreparedRecord?) async throws {
        counts.fetched += 1
        let identifier = record.sourceIdentifier
        if let violation = source.recordLimits.violation(of: record) {
            fail(identifier: identifier, url: nil, cause: RunCollector.limitCause(violation))
            return
        }
        try await enqueue(.record(try prepared ?? CatalogStore.prepare(record)))
    }

    /// Accepts a mapping lane's batch in document order: one hop onto the collector per batch, not per record.
    func accept(_ batch: [MappedRecord], url: String) async throws {
        for mapped in batch {
            switch mapped {
            case .record(let record, let prepared):
                try await accept(record, prepared: prepared)
            case .failed(let identifier, let cause):
                fail(identifier: identifier, url: url, cause: cause)
            case .rejected(let identifier, let cause):
                counts.fetched += 1
                fail(identifier: identifier, url: nil, cause: cause)
            case .unchanged(let identifier):
                counts.fetched += 1
                unmapped += 1
                try await enqueue(.unchanged(identifier))
            case .skipped(let identifier, let reason):
                skip(identifier: identifier, reason: reason)
            }
        }
    }

    /// Records a record that was listed but not harvested on purpose (private, deleted at the source);
    /// it is not marked seen, so an earlier copy is deleted by a complete run.
    public func skip(identifier: String?, reason: String) {
        counts.fetched += 1
        counts.skipped += 1
        logger.debug("record skipped", metadata: ["harvest.record": "\(identifier ?? "?")", "harvest.reason": "\(reason)"])
    }

    /// Records a record the source reports deleted (an OAI-PMH header with `status="deleted"`): counted as skipped,
    /// and the run deletes an earlier copy whether its listing is complete or not (see ``ListingEntry/withdrawn(_:)``).
    public func withdraw(identifier: String) async throws {
        skip(identifier: identifier, reason: "the record is deleted at the source")
        try await enqueue(.withdrawn(identifier))
    }

    /// Records an identifier the source lists whose record the run did not fetch (CKAN's identifier listing in a run
    /// that fetched only the changed packages): it counts as seen, so the run keeps its record.
    public func listed(identifier: String) async throws {
        try await enqueue(.seenOnly(identifier))
    }

    /// Notes what part of the source the run listed, for a source that can list only what changed (see ``RunListing``).
    public func noteListing(_ listing: RunListing) {
        self.listing = listing
    }

    /// Records a record that could not be harvested; the run goes on.
    public func fail(identifier: String?, url: String?, cause: String) {
        counts.errored += 1
        note(identifier: identifier, url: url, cause: cause)
        // A record that failed still exists at the source: keep any earlier copy alive. The entry is recorded
        // with the next batch, so every adapter call stays synchronous.
        if let identifier { pending.append(.seenOnly(identifier)) }
    }

    /// Records a warning about the run (a repeated page, an inconsistent count) without counting an error.
    public func warn(url: String?, _ message: String) {
        note(identifier: nil, url: url, cause: message)
        logger.warning("\(message)", metadata: url.map { ["http.url": "\($0)"] } ?? [:])
    }

    private func note(identifier: String?, url: String?, cause: String) {
        if errors.count < maxErrors {
            errors.append(RunIssue(subject: identifier ?? url ?? "run", cause: url.map { identifier == nil ? cause : "\(cause) (\($0))" } ?? cause))
        }
    }

    /// Notes the validators of the source's document (see ``documentValidators``).
    public func noteDocumentValidators(url: String, etag: String?, lastModified: String?, contentSHA256: String?) {
        documentValidators = (url, DocumentValidators(etag: etag, lastModified: lastModified, contentSHA256: contentSHA256,
                                                      mapping: source.mappingFingerprint))
    }

    /// The source digests of the source's live records among `identifiers` (see
    /// ``CatalogStore/sourceDigests(source:identifiers:)``).
    func sourceDigests(of identifiers: [String]) async throws -> [String: String] {
        try await store.sourceDigests(source: source.name, identifiers: identifiers)
    }

    /// Those of `identifiers` that name a live record of the source (see ``CatalogStore/liveIdentifiers(source:among:)``).
    func liveIdentifiers(of identifiers: [String]) async throws -> Set<String> {
        try await store.liveIdentifiers(source: source.name, among: identifiers)
    }

    /// Queues a listing entry, and records the batch once it is full.
    private func enqueue(_ entry: ListingEntry) async throws {
        pending.append(entry)
        if pending.count >= batchSize { try await flush() }
    }

    /// Records the pending entries in the store: marks them seen, stages the new and changed records, counts the
    /// unchanged ones, and notes records the source listed more than once (the first copy is kept).
    func flush() async throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        let outcome = try await store.recordListing(run: run, batch)
        counts.unchanged += outcome.unchanged
        counts.skipped += outcome.repeated.count
        for identifier in outcome.repeated {
            note(identifier: identifier, url: nil, cause: "the source lists this record more than once; the first copy was kept")
        }
    }
}
