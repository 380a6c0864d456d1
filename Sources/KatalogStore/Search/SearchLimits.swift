import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Holds the SQL of one search to the store's limits: the time limit (``CatalogStore/Configuration/searchTimeLimit``)
/// and, once the search is long, its turn among long searches (``CatalogStore/Configuration/longSearches``).
///
/// SQLite calls a progress handler every ``instructionsPerCheck`` steps of its virtual machine. The handler compares
/// a monotonic clock with the deadline and, once it has passed, makes the running statement fail with
/// `SQLITE_INTERRUPT`, which is turned into ``StoreError/Code/timedOut`` here. When long searches take turns, the
/// handler also reads the thread's CPU time once the search has run as long as `after` (CPU time cannot grow faster
/// than the clock, so it is not read before), and when the search has used that much, takes a turn
/// (``LongSearchTurns``), waiting inside the handler for one. The handler is installed on the read connection for the
/// search alone and removed after it, so other reads on that connection are never limited.
///
/// Reading the clock costs tens of nanoseconds; a thousand instructions are a few microseconds of work, so the
/// check costs well under 1% of a search.
final class SearchLimits: Sendable {
    /// How many virtual machine instructions run between two looks at the clock.
    static let instructionsPerCheck: Int32 = 1_000

    /// The time limit in seconds; nil lets every search run to the end.
    let limit: TimeInterval?
    /// Turns for long searches; nil lets every search run at once.
    let turns: LongSearchTurns?
    /// Searches and completions stopped at the time limit so far.
    private let stops = Mutex(0)
    /// Searches that were long at a catalogue version, keyed without their page (``pageless(_:)``): sent again at
    /// that version, one takes its turn before it runs, and when it would be refused, it is refused without running
    /// the 100 ms that showed it long the first time. Clients that resend a refused search at once, ignoring
    /// `Retry-After`, then cost next to nothing.
    let longQueries = VersionedCache<SearchQuery, Bool>(capacity: 1_024)

    init(limit: TimeInterval?, longSearches: CatalogStore.Configuration.LongSearches? = nil) {
        self.limit = limit
        turns = longSearches.map(LongSearchTurns.init)
    }

    /// How many searches and completions the time limit has stopped.
    var stopped: Int { stops.withLock { $0 } }

    /// One search's deadline and turn, shared with the C handler through an unretained pointer.
    private final class Watch {
        /// The time limit's deadline (uptime nanoseconds), if there is one.
        let deadline: UInt64?
        let turns: LongSearchTurns?
        /// The thread's CPU time when the search started.
        let cpuAtStart: UInt64
        /// When the handler next reads the thread's CPU time, while the search is not yet long.
        var nextCPUCheck: UInt64
        /// Whether the time limit stopped the search (possibly while it waited for a turn).
        var passed = false
        /// Whether the search was stopped because too many long searches were waiting.
        var refused = false
        /// Whether the search is long (it has taken, waited for, or been refused a turn).
        var long = false
        var holdsTurn = false
        /// How long the search waited for its turn, in nanoseconds.
        var waited: UInt64 = 0

        /// Takes a turn for a search that is long (or known to be, before it runs): false when it was refused or its
        /// time limit passed while it waited (``passed`` and ``refused`` say which).
        func takeTurn() -> Bool {
            guard let turns else { return true }
            long = true
            let now = DispatchTime.now().uptimeNanoseconds
            switch turns.take(until: deadline) {
            case .granted:
                holdsTurn = true
                waited = DispatchTime.now().uptimeNanoseconds &- now
                return true
            case .deadlinePassed:
                waited = DispatchTime.now().uptimeNanoseconds &- now
                passed = true
                return false
            case .refused:
                refused = true
                return false
            }
        }

        init(limit: TimeInterval?, turns: LongSearchTurns?) {
            let started = DispatchTime.now().uptimeNanoseconds
            deadline = limit.map { limit in
                started &+ (limit.isFinite ? UInt64(min(max(limit, 0), 1e9) * 1e9) : UInt64.max / 2)
            }
            self.turns = turns
            cpuAtStart = turns == nil ? 0 : SearchLimits.threadCPUNanoseconds()
            nextCPUCheck = started &+ (turns?.afterNanoseconds ?? 0)
        }

        /// Whether SQLite should stop the statement now.
        func shouldStop() -> Bool {
            if passed || refused { return true }
            let now = DispatchTime.now().uptimeNanoseconds
            if let deadline, now >= deadline {
                passed = true
                return true
            }
            guard let turns, !long, now >= nextCPUCheck else { return false }
            let used = SearchLimits.threadCPUNanoseconds() &- cpuAtStart
            let after = turns.afterNanoseconds
            guard used >= after else {
                // The thread cannot use more CPU time than passes on the clock.
                nextCPUCheck = now &+ (after - used)
                return false
            }
            return !takeTurn()
        }

        func end() {
            if holdsTurn {
                holdsTurn = false
                turns?.giveBack()
            }
        }
    }

    /// The calling thread's CPU time in nanoseconds.
    static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return 0 }
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// Runs `body` on `db` held to the limits; without any, just runs it.
    /// - Throws: ``StoreError/Code/timedOut`` naming `what` and the limit when the time limit stopped a statement
    ///   (counted in ``stopped``); ``StoreError/Code/overloaded`` when the search became long while too many long
    ///   searches were waiting; else what `body` throws.
    /// - Parameter known: the search and the catalogue version it runs at, when it is a search (not a completion):
    ///   one that was long at that version takes its turn before it runs, and one that becomes long is remembered.
    func run<T>(_ db: Database, what: String, known: (query: SearchQuery, version: Int64)? = nil,
                _ body: () throws -> T) throws -> T {
        guard limit != nil || turns != nil, let connection = db.sqliteConnection else { return try body() }
        let watch = Watch(limit: limit, turns: turns)
        let key = known.map { SearchLimits.pageless($0.query) }
        var knownLong = false
        if turns != nil, let known, let key, longQueries.value(for: key, version: known.version) == true {
            knownLong = true
            // Granted, the turn is given back with the handler below; refused or out of time, there is none.
            if !watch.takeTurn() { throw stopped(watch, what: what, beforeRunning: true) }
        }
        defer {
            if !knownLong, watch.long, let known, let key { longQueries.keep(true, for: key, version: known.version) }
        }
        sqlite3_progress_handler(connection, SearchLimits.instructionsPerCheck, { context in
            guard let context else { return 0 }
            return Unmanaged<Watch>.fromOpaque(context).takeUnretainedValue().shouldStop() ? 1 : 0
        }, Unmanaged.passUnretained(watch).toOpaque())
        defer {
            sqlite3_progress_handler(connection, 0, nil, nil)
            watch.end()
        }
        do {
            return try withExtendedLifetime(watch) { try body() }
        } catch let error as DatabaseError where (watch.passed || watch.refused) && error.resultCode == .SQLITE_INTERRUPT {
            throw stopped(watch, what: what, beforeRunning: false)
        }
    }

    /// The error for a search `watch` stopped: at the time limit, or refused a turn.
    private func stopped(_ watch: Watch, what: String, beforeRunning: Bool) -> StoreError {
        if watch.passed {
            stops.withLock { $0 += 1 }
            let limit = limit ?? 0
            var message = "\(what) was stopped after \(SearchLimits.describe(limit)), the time limit for one search"
            if watch.waited >= 1_000_000 {
                message += " (it waited \(SearchLimits.describe(Double(watch.waited) / 1e9)) of that for its turn behind "
                    + "other long searches)"
            }
            return StoreError(.timedOut, message + "; narrow it with rarer words, a phrase or filters")
        }
        let running = max(turns?.settings.running ?? 1, 1)
        let waiting = turns?.settings.waiting ?? 0
        let why = beforeRunning
            ? "was not run: the same search was long a moment ago (more than "
            : "was stopped: it became long (more than "
        return StoreError(.overloaded, "\(what) " + why
            + "\(SearchLimits.describe(turns?.settings.after ?? 0)) of CPU time) while "
            + (running == 1 ? "1 long search was" : "\(running) long searches were") + " running and "
            + (waiting == 1 ? "1 was" : "\(waiting) were") + " waiting for a turn; try again shortly, or narrow it "
            + "with rarer words, a phrase or filters")
    }

    /// `query` without what only picks its page (limit, offset, cursor), which changes little of what it costs.
    static func pageless(_ query: SearchQuery) -> SearchQuery {
        var key = query
        key.limit = 1
        key.offset = 0
        key.cursor = nil
        return key
    }

    /// `2 s`, `0.5 s`, `250 ms`.
    static func describe(_ limit: TimeInterval) -> String {
        if limit >= 1 {
            return limit == limit.rounded() ? "\(Int(limit)) s" : "\((limit * 10).rounded() / 10) s"
        }
        return "\(max(Int((limit * 1000).rounded()), 0)) ms"
    }
}

extension CatalogStore {
    /// How many searches and completions were stopped at ``Configuration/searchTimeLimit`` since the store was opened
    /// (`katalog_searches_stopped_total` in the hub's `/metrics`).
    public var stoppedSearches: Int { searchLimits.stopped }

    /// Long searches now and since the store was opened (``Configuration/longSearches``); all zero when they do not
    /// take turns.
    public var longSearchCounts: LongSearchCounts {
        let counts = searchLimits.turns?.counts ?? .none
        return LongSearchCounts(running: counts.running, waiting: counts.waiting, granted: counts.granted,
                                waited: counts.waited, refused: counts.refused)
    }
}

/// Long searches (``CatalogStore/Configuration/longSearches``) now and since the store was opened.
public struct LongSearchCounts: Sendable, Hashable {
    /// Long searches running now, each holding a turn.
    public var running: Int
    /// Long searches waiting for a turn now.
    public var waiting: Int
    /// Long searches that got a turn, at once or after waiting.
    public var granted: Int
    /// Of those, how many waited for it.
    public var waited: Int
    /// Long searches stopped at once because the most that may wait were waiting (``StoreError/Code/overloaded``).
    public var refused: Int
}
