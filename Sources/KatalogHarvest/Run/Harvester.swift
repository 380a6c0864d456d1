import Foundation
import KatalogModel
import KatalogStore
import Logging

/// Runs harvests of configured sources into a catalogue store.
///
/// Each run is applied atomically: records are staged as they arrive and applied in one transaction
/// at the end, so searchers never see half a run and a failed run leaves the catalogue as it was.
public struct Harvester: Sendable {
    /// Options for one run.
    public struct Options: Sendable {
        /// Apply deletions even when the circuit breaker would hold them.
        public var acceptDeletions: Bool
        /// How often the run's heartbeat is written, in seconds.
        public var heartbeatInterval: Double
        /// Called after each page or document.
        public var progress: @Sendable (HarvestProgress) -> Void
        /// Read every record of the source again (`katalog harvest --full`): no list of changes (CKAN, OAI-PMH), and no
        /// 304 or same-digest shortcut for documents. Deletions stay within the circuit breaker.
        public var listEverything: Bool

        /// Creates options; the defaults apply deletions only within the breaker's limits.
        public init(acceptDeletions: Bool = false, heartbeatInterval: Double = 10, listEverything: Bool = false,
                    progress: @escaping @Sendable (HarvestProgress) -> Void = { _ in }) {
            self.acceptDeletions = acceptDeletions
            self.heartbeatInterval = heartbeatInterval
            self.listEverything = listEverything
            self.progress = progress
        }
    }

    /// Batches of a source's records mapped at once when the configuration does not say: one per core, up to four.
    /// Mapping is CPU-bound and each lane is a thread of its own; past four, the run's single collector and the
    /// one write transaction that applies it are what a run waits for. On one core a second lane would only cost
    /// memory.
    public static var defaultMappingLanes: Int { min(4, max(1, ProcessInfo.processInfo.activeProcessorCount)) }
    /// The most lanes a configuration may ask for.
    public static let maxMappingLanes = 16
    /// How long finished runs stay in the harvest history when the configuration does not say: 180 days.
    public static let defaultKeepRuns: TimeInterval = 180 * 86400

    private let store: CatalogStore
    private let logger: Logger
    private let clientConfiguration: HTTPClient.Configuration
    private let mappingLanes: Int
    private let keepRuns: TimeInterval?

    /// Creates a harvester writing into `store`; each run maps `mappingLanes` batches at once (clamped to
    /// 1 ... ``maxMappingLanes``; nil for ``defaultMappingLanes``). Before each run, the source's runs that ended more
    /// than `keepRuns` seconds ago leave the history (``CatalogStore/pruneRuns(source:endedBefore:)``); nil keeps them.
    public init(store: CatalogStore, logger: Logger, clientConfiguration: HTTPClient.Configuration = HTTPClient.Configuration(),
                mappingLanes: Int? = nil, keepRuns: TimeInterval? = Harvester.defaultKeepRuns) {
        self.store = store
        self.logger = logger
        self.clientConfiguration = clientConfiguration
        self.mappingLanes = min(Harvester.maxMappingLanes, max(1, mappingLanes ?? Harvester.defaultMappingLanes))
        self.keepRuns = keepRuns
    }

    /// The adapter for a source type.
    static func adapter(for kind: SourceKind) -> any HarvestAdapter {
        switch kind {
        case .ckan: return CKANAdapter()
        case .dcat: return DCATAdapter()
        case .datajson: return DataJSONAdapter()
        case .csw: return CSWAdapter()
        case .oaiPMH: return OAIPMHAdapter()
        }
    }

    /// When the source's most recent run started, if it ever ran.
    public func lastRunStart(source: String) async throws -> Date? {
        try await store.runs(source: source, limit: 1).first?.startedAt
    }

    /// Harvests one source and returns the run's summary; a failed run is returned, not thrown,
    /// except when the run could not even start (another run holds the source, the store failed).
    public func run(_ source: SourceConfig, options: Options = Options()) async throws -> RunSummary {
        let adapter = Harvester.adapter(for: source.kind)
        await pruneHistory(of: source.name)
        let run = try await store.beginRun(source: source.name, kind: source.kind.rawValue, url: source.url,
                                           priority: source.priority)
        var logger = self.logger
        logger[metadataKey: "harvest.source"] = "\(source.name)"
        logger[metadataKey: "harvest.run"] = "\(run)"
        logger.info("harvest started", metadata: ["harvest.url": "\(source.url)"])
        let started = ContinuousClock.now

        var configuration = clientConfiguration
        configuration.timeout.total = .seconds(source.requestTimeout)
        configuration.maxInMemoryBytes = min(configuration.maxInMemoryBytes, source.maxBytes)
        configuration.maxDownloadBytes = source.maxBytes
        let client = HTTPClient(configuration: configuration, logger: logger)
        let store = self.store

        do {
            // A run that must see the whole source (to apply held deletions, or asked to) never starts from a mark.
            let wholeSource = options.acceptDeletions || options.listEverything
            if options.listEverything { logger.info("reading every record of the source, as asked") }
            let mark = !wholeSource && SourceConfig.incrementalKinds.contains(source.kind) && source.incremental
                ? try await store.listingMark(source: source.name) : nil
            let context = HarvestContext(source: source, client: client, logger: logger, progress: options.progress,
                                         conditional: !wholeSource,
                                         storedValidators: { try await store.validators(url: $0) },
                                         mappingLanes: mappingLanes, listingMark: mark)
            let collector = RunCollector(store: store, run: run, source: source, logger: logger)
            let outcome = try await withRunSupervision(run: run, source: source, heartbeat: options.heartbeatInterval) {
                try await adapter.harvest(context, into: collector)
            }
            try await collector.flush()
            let summary = try await complete(run: run, source: source, outcome: outcome, collector: collector, options: options)
            try await rememberValidators(of: collector, status: summary.status)
            let unmapped = await collector.unmapped
            logger.info("harvest finished", metadata: [
                "harvest.status": "\(summary.status)",
                "harvest.added": "\(summary.counts.added)", "harvest.updated": "\(summary.counts.updated)",
                "harvest.unchanged": "\(summary.counts.unchanged)", "harvest.unchanged_unmapped": "\(unmapped)",
                "harvest.deleted": "\(summary.counts.deleted)",
                "harvest.errored": "\(summary.counts.errored)",
                "harvest.seconds": "\((ContinuousClock.now - started).seconds)",
            ])
            return summary
        } catch {
            let cancelled = error is CancellationError || (error as? HarvestError)?.code == .cancelled || Task.isCancelled
            let cause = Harvester.describe(error)
            logger.error("harvest failed", metadata: ["harvest.error": "\(cause)"])
            // Recorded in a task of its own: the run's task may be cancelled (shutdown), and a cancelled task's
            // database calls are refused, which would leave the run "running".
            let store = self.store
            try await Task { try await store.failRun(run: run, error: cause, status: cancelled ? .aborted : .failed) }.value
            return try await summary(of: run, source: source.name)
        }
    }

    private func complete(run: RunID, source: SourceConfig, outcome: AdapterOutcome, collector: RunCollector, options: Options) async throws -> RunSummary {
        let policy = DeletionPolicy(
            maxDeleteFraction: source.deletion.maxDeleteFraction,
            acceptDeletions: options.acceptDeletions,
            gracePeriod: source.deletion.graceDays * 86400
        )
        var warnings = await collector.errors
        let counts = await collector.counts
        let isComplete: Bool
        switch outcome {
        case .complete:
            isComplete = true
        case .incomplete(let reason):
            isComplete = false
            warnings.append(RunIssue(subject: source.url, cause: "records no longer listed were not deleted: \(reason)"))
        case .notModified:
            return try await store.completeUnchangedRun(run: run, gracePeriod: policy.gracePeriod)
        case .sameDigest(let sha256):
            let message = "the source is byte for byte what the last run applied (SHA-256 \(sha256.prefix(16))…); nothing was mapped or written"
            return try await store.completeUnchangedRun(run: run, message: message, gracePeriod: policy.gracePeriod)
        }
        return try await store.completeRun(run: run, isComplete: isComplete, deletionPolicy: policy, counts: counts,
                                           errors: warnings, listing: await collector.listing)
    }

    /// Stores the document's validators and digest after a fully successful run, and forgets them after any
    /// other, so a later 304 or matching digest can only ever stand for a source that was applied in full. A run
    /// that found the same digest stores the server's new validators (e.g. a new `Last-Modified` for the same
    /// bytes), so the next run can be answered 304.
    private func rememberValidators(of collector: RunCollector, status: RunStatus) async throws {
        guard let noted = await collector.documentValidators else { return }
        switch status {
        case .succeeded, .unchanged:
            try await store.storeValidators(url: noted.url, noted.validators)
        default:
            try await store.storeValidators(url: noted.url, nil)
        }
    }

    /// Removes the source's runs older than `keepRuns` from the history. A failure is logged, not thrown: the history
    /// is kept for people, and the harvest matters more.
    private func pruneHistory(of source: String) async {
        guard let keepRuns else { return }
        do {
            let removed = try await store.pruneRuns(source: source, endedBefore: store.configuration.now().addingTimeInterval(-keepRuns))
            if removed > 0 {
                logger.info("old runs removed from the harvest history", metadata: [
                    "harvest.source": "\(source)", "harvest.runs_removed": "\(removed)", "harvest.keep_days": "\(Int(keepRuns / 86400))",
                ])
            }
        } catch {
            logger.warning("could not prune the harvest history", metadata: ["harvest.source": "\(source)", "error": "\(error)"])
        }
    }

    /// The summary of a run that ended without being applied.
    private func summary(of run: RunID, source: String) async throws -> RunSummary {
        guard let stored = try await store.run(run) else {
            throw HarvestError(.unexpectedResponse, "run \(run) vanished from the store", source: source)
        }
        return RunSummary(run: run, source: source, status: stored.status, counts: stored.counts,
                          heldDeletions: 0, purged: 0, message: stored.message ?? stored.status.rawValue)
    }

    /// Runs `body` while writing the run's heartbeat, bounded by the source's whole-run deadline.
    private func withRunSupervision(run: RunID, source: SourceConfig, heartbeat: Double,
                                    _ body: @escaping @Sendable () async throws -> AdapterOutcome) async throws -> AdapterOutcome {
        let store = self.store
        return try await withThrowingTaskGroup(of: AdapterOutcome?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                // Heartbeat: proves the run is alive; a run whose heartbeat stops is aborted by the next start.
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(heartbeat))
                    try await store.heartbeat(run: run)
                }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: .seconds(source.runDeadline))
                throw HarvestError(.deadlineExceeded, "the run passed its deadline of \(Int(source.runDeadline)) seconds", source: source.name)
            }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let outcome = result { return outcome }
            }
            throw HarvestError(.cancelled, "the run was cancelled", source: source.name)
        }
    }

    /// A one-line cause for any error a run can end with.
    static func describe(_ error: any Error) -> String {
        if error is CancellationError { return "the run was cancelled" }
        return String(describing: error)
    }
}
