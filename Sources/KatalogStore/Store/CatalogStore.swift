import Foundation
import GRDB
import KatalogModel
import Logging

/// The Katalog catalogue: one SQLite database (WAL) holding datasets, harvest runs, the full-text index and HTTP validators.
///
/// All blocking SQLite work runs through GRDB's async `read`/`write`, off the cooperative thread pool.
/// Readers never block the writer: searches see a consistent snapshot while a run is applied.
public final class CatalogStore: Sendable {
    /// The path of the database file.
    public let path: String
    /// The settings the store was opened with.
    public let configuration: Configuration
    let pool: DatabasePool
    let logger: Logger
    /// The in-memory facet terms searches count with (see ``FacetIndex``).
    let facetIndexCache = FacetIndexCache()
    /// Recent search results (see ``SearchResultCache``).
    let searchCache: SearchResultCache
    /// Phrases' document frequencies for ranking, per catalogue version (see ``RankScan``).
    let termStatistics: TermStatistics
    /// Each source's record counts at one catalogue version (``recordCountsBySource()``): `/metrics` asks on every scrape.
    let recordCountsCache = VersionedCache<Bool, [String: SourceRecordCounts]>(capacity: 1)
    /// Searches and completions held to ``Configuration/searchTimeLimit`` and ``Configuration/longSearches``.
    let searchLimits: SearchLimits
    /// The catalogue's change sequence, read without waiting for one of the pool's readers (see ``VersionReader``).
    let versionReader: VersionReader
    /// The run scratch file attached to the writer connection (see ``RunScratch``); deleted with the store.
    let scratchPath: String
    /// The directory ``temporary(configuration:logger:)`` created for this store, removed with the store.
    private let ownedDirectory: String?

    /// Opens (creating if missing) the database at `path` and brings its schema up to date.
    public convenience init(path: String, configuration: Configuration = Configuration(),
                            logger: Logger = Logger(label: "katalog.store")) throws {
        try self.init(path: path, configuration: configuration, logger: logger, ownedDirectory: nil)
    }

    /// The page size of a catalogue this version creates (see the comment where it is set).
    public static let newCataloguePageSize = 16_384

    private init(path: String, configuration: Configuration, logger: Logger, ownedDirectory: String?) throws {
        self.path = path
        self.ownedDirectory = ownedDirectory
        self.configuration = configuration
        self.logger = logger
        searchCache = SearchResultCache(capacity: configuration.searchCacheEntries)
        termStatistics = TermStatistics(capacity: configuration.termStatisticsEntries)
        searchLimits = SearchLimits(limit: configuration.searchTimeLimit, longSearches: configuration.longSearches)
        scratchPath = RunScratch.newPath(for: path)
        versionReader = VersionReader(path: path, lockWait: CatalogStore.lockAttempt(configuration.busyTimeout))
        var config = GRDB.Configuration()
        config.label = "katalog"
        // SQLite's own wait for a lock, per attempt; a write tries again until `busyTimeout` (see `write`).
        config.busyMode = .timeout(CatalogStore.lockAttempt(configuration.busyTimeout))
        // Readers for long searches, running or waiting for a turn, beside those for everything else.
        config.maximumReaderCount = configuration.maximumReaderCount
            + (configuration.longSearches.map { max($0.running, 1) + max($0.waiting, 0) } ?? 0)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            // A new catalogue gets 16 KiB pages (SQLite's default is 4 KiB): a record (about 6 KB of JSON and raw
            // bytes) then fits in one page instead of spilling into overflow pages, and applying a run writes a
            // quarter as many pages. An existing catalogue keeps the page size it was created with (this is a no-op
            // once the file has pages).
            try db.execute(sql: "PRAGMA page_size = \(CatalogStore.newCataloguePageSize)")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A run is applied in one transaction; with SQLite's 2 MiB default cache its pages spill to the
            // WAL and are looked up there again and again. 16 MiB per connection keeps a batch's pages in memory.
            try db.execute(sql: "PRAGMA cache_size = -16384")
            try RankScan.register(db)
        }
        do {
            let started = ContinuousClock.now
            var logged = false
            // Opening can meet the lock too: the first opener turns a new or old catalogue to WAL mode, and another
            // process may hold the write lock for all of a long migration (building indexes over a million datasets),
            // far longer than one lock attempt. Wait for it as writes do.
            var opened: DatabasePool?
            while opened == nil {
                do {
                    opened = try DatabasePool(path: path, configuration: config)
                } catch let error as DatabaseError where CatalogStore.isLockRefusal(error)
                    && (ContinuousClock.now - started).seconds < configuration.busyTimeout {
                    if !logged {
                        logger.warning("waiting for the catalogue's write lock to open it", metadata: ["store.path": "\(path)"])
                        logged = true
                    }
                    Thread.sleep(forTimeInterval: 0.05)
                }
            }
            pool = opened!
            try CatalogStore.refuseNewerSchema(pool, path: path)
            // Migrating takes the write lock (an up-to-date catalogue is only read): wait for it as writes do.
            while true {
                let appliedBefore = try pool.read { try CatalogStore.migrator.appliedIdentifiers($0) }
                do {
                    try CatalogStore.migrator.migrate(pool)
                    break
                } catch let error as DatabaseError where (ContinuousClock.now - started).seconds < configuration.busyTimeout {
                    if CatalogStore.isLockRefusal(error) {
                        if !logged {
                            logger.warning("waiting for the catalogue's write lock to migrate it", metadata: ["store.path": "\(path)"])
                            logged = true
                        }
                        Thread.sleep(forTimeInterval: 0.05)
                        continue
                    }
                    // The migrator reads which migrations are applied before it takes the write lock, so when another
                    // process (a harvest starting beside `katalog serve`) applied one in between, ours fails on what
                    // that one created ("index … already exists"). Then the applied set has moved: read it again.
                    let appliedNow = try pool.read { try CatalogStore.migrator.appliedIdentifiers($0) }
                    guard appliedNow != appliedBefore else { throw error }
                }
            }
            for abandoned in RunScratch.removeAbandoned(besides: path) {
                logger.info("removed the run scratch of a process that no longer exists", metadata: ["store.path": "\(abandoned)"])
            }
            try pool.writeWithoutTransaction { [scratchPath] db in try RunScratch.attach(db, path: scratchPath) }
        } catch {
            throw CatalogStore.storeError(error, doing: "opening the database", context: ["path": path])
        }
        facetIndexCache.setEnabled(configuration.inMemoryFacets)
        logger.debug("opened catalogue", metadata: ["store.path": "\(path)"])
    }

    /// Throws ``StoreError/Code/newerSchema`` when the catalogue holds migrations this version does not know.
    ///
    /// A newer Katalog may store what this one would misread or break (a changed record format, an invariant a
    /// trigger or a new column keeps), so an older binary, such as a cron job not yet upgraded, stops with a clear
    /// message instead of reading or writing.
    static func refuseNewerSchema(_ pool: DatabasePool, path: String) throws {
        let unknown = try pool.read { db in
            try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
        }
        guard !unknown.isEmpty else { return }
        let names = unknown.sorted().joined(separator: ", ")
        throw StoreError(.newerSchema,
                         "the catalogue was changed by a newer version of Katalog (schema migrations unknown to this version: \(names)); use that version or a later one",
                         context: ["path": path])
    }

    deinit {
        // The writer connection closes after this; its scratch file, unlinked, is gone when it does.
        try? FileManager.default.removeItem(atPath: scratchPath)
        // Likewise a temporary store's directory: its database, WAL and scratch files go with the last connection.
        if let ownedDirectory { try? FileManager.default.removeItem(atPath: ownedDirectory) }
    }

    /// Opens a store on a new file in a fresh temporary directory (for tests and one-off tools).
    ///
    /// The directory and everything in it are removed when the store is released; a store opened on the same
    /// path with ``init(path:configuration:logger:)`` does not keep it alive.
    public static func temporary(configuration: Configuration = Configuration(),
                                 logger: Logger = Logger(label: "katalog.store")) throws -> CatalogStore {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("katalog-store-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError(.io, "cannot create a temporary directory: \(error)", context: ["path": directory.path])
        }
        do {
            return try CatalogStore(path: directory.appendingPathComponent("katalog.sqlite").path,
                                    configuration: configuration, logger: logger, ownedDirectory: directory.path)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    /// Runs `PRAGMA integrity_check` and returns true when SQLite answers `ok`.
    public func integrityCheck() async throws -> Bool {
        try await read("checking integrity") { db in
            let rows = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            return rows == ["ok"]
        }
    }

    /// Reads in a snapshot, mapping database failures to ``StoreError``.
    func read<T: Sendable>(_ what: String, context: [String: String] = [:],
                           _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw CatalogStore.storeError(error, doing: what, context: context)
        }
    }

    /// Writes in one immediate transaction, mapping database failures to ``StoreError``.
    ///
    /// While another process holds the write lock (applying a large run takes minutes), the write waits: SQLite
    /// waits up to ``lockAttempt(_:)`` for the lock, then the write tries again after a cancellable pause, until
    /// `configuration.busyTimeout` has passed; it logs that it waits after 5 seconds and once a minute after that.
    /// The transaction never began when the lock was refused, so trying again repeats nothing. Cancelling the task
    /// (a hub shutting down) ends the wait within one attempt.
    func write<T: Sendable>(_ what: String, context: [String: String] = [:],
                            _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let started = ContinuousClock.now
        let limit = configuration.busyTimeout
        let notice = min(5, limit / 2)
        var notices = 0
        while true {
            do {
                return try await pool.write(body)
            } catch let error as DatabaseError where CatalogStore.isLockRefusal(error) {
                let waited = (ContinuousClock.now - started).seconds
                guard waited < limit else {
                    logger.error("gave up waiting for the catalogue's write lock", metadata: [
                        "store.path": "\(path)", "store.waited_seconds": "\(waited)", "store.doing": "\(what)"])
                    throw CatalogStore.storeError(error, doing: what, context: context)
                }
                // At `notice` seconds, then once a minute.
                if waited >= notice, notices == 0 || waited - notice >= Double(notices) * 60 {
                    notices += 1
                    logger.warning("waiting for the catalogue's write lock, held by another connection (another process applying a run?)", metadata: [
                        "store.path": "\(path)", "store.waited_seconds": "\(waited)", "store.limit_seconds": "\(limit)",
                        "store.doing": "\(what)"])
                }
                do {
                    try await Task.sleep(for: .milliseconds(50))
                } catch {
                    throw CatalogStore.storeError(error, doing: what, context: context)
                }
            } catch {
                throw CatalogStore.storeError(error, doing: what, context: context)
            }
        }
    }

    /// Whether SQLite refused the lock after its wait (worth trying again), rather than a snapshot gone stale under
    /// a read transaction, which waiting does not mend.
    static func isLockRefusal(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_BUSY && error.extendedResultCode != .SQLITE_BUSY_SNAPSHOT
    }

    /// How long SQLite itself waits for a lock in one attempt: at most 2 seconds, so a cancelled write stops
    /// waiting soon (SQLite's wait cannot be interrupted), and a quarter of the whole limit, so a short limit is
    /// still tried several times.
    static func lockAttempt(_ busyTimeout: TimeInterval) -> TimeInterval {
        max(0, min(2, busyTimeout / 4))
    }

    /// Turns any error into a ``StoreError`` (a StoreError passes through unchanged).
    static func storeError(_ error: any Error, doing what: String, context: [String: String]) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            let code: StoreError.Code
            switch error.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: code = .corrupt
            case .SQLITE_BUSY, .SQLITE_LOCKED: code = .busy
            default: code = .io
            }
            return StoreError(code, "\(what) failed: \(error.message ?? "\(error.resultCode)")", context: context)
        }
        if error is EncodingError || error is DecodingError {
            return StoreError(.encoding, "\(what) failed: \(error)", context: context)
        }
        return StoreError(.io, "\(what) failed: \(error)", context: context)
    }
}
