import Foundation

extension CatalogStore {
    /// Settings for opening a store; every field has a documented default.
    public struct Configuration: Sendable {
        /// How long a `running` run may go without a heartbeat before the next `beginRun` marks it aborted. Default 2 minutes.
        public var staleRunInterval: TimeInterval
        /// How long a write waits for a lock held by another process, in seconds, before it fails with
        /// ``StoreError/Code/busy``; a wait is logged after 5 seconds and once a minute after that, and cancelling the
        /// task ends it. Default 10 minutes: another process applying a large run holds the write lock for minutes,
        /// and a run waiting for it is not failing. Reads wait at most 2 seconds, or a quarter of this (they rarely wait
        /// at all: in WAL mode a writer does not block them).
        public var busyTimeout: TimeInterval
        /// Most concurrent reader connections. Default 4.
        public var maximumReaderCount: Int
        /// Most run errors stored per run (the count is always kept in full). Default 1,000.
        public var maxStoredRunErrors: Int
        /// The clock used for timestamps, heartbeats and grace periods. Default: the system clock.
        public var now: @Sendable () -> Date
        /// Whether searches count facets from an in-memory copy of the facet terms (about 50 MB per million
        /// datasets, refreshed in the background after each change) instead of with SQL. Default true.
        public var inMemoryFacets: Bool
        /// How many recent search results are kept for repeated queries (each tied to the catalogue's state, so
        /// never stale; pages of more than 100 hits are not kept); 0 turns it off. Default 512.
        public var searchCacheEntries: Int
        /// How many phrases' document frequencies (the rows matching each search word or phrase alone, which
        /// BM25 ranking weighs by) are kept between searches, for the catalogue's current state only; 0 counts
        /// them for every search. Default 4,096 (a few hundred KB).
        public var termStatisticsEntries: Int
        /// How long one search or suggestion may run, in seconds, before it is stopped and fails with
        /// ``StoreError/Code/timedOut``; nil (the default) lets it run to the end. The time counts from when a read
        /// connection starts the search, not while it waits for one. A server answering the public sets it (`katalog
        /// serve`: 10 seconds), so that a few searches matching most of a large catalogue cannot keep every core busy.
        /// SQLite checks it between steps of its virtual machine; expanding one prefix in the full-text index is a
        /// single step, so a search can overrun it by that step (``QueryParser`` bounds what prefixes cost).
        public var searchTimeLimit: TimeInterval?
        /// Whether long searches take turns, and how (see ``LongSearches``); nil (the default) runs every search at
        /// once. A server answering the public sets it (`katalog serve` does), so that a few clients sending searches
        /// that rank most of a large catalogue leave the other cores to everyone else's searches. The pool gets
        /// ``LongSearches/running`` + ``LongSearches/waiting`` readers beyond ``maximumReaderCount``, so that long
        /// searches, running or waiting, never hold the readers short searches need.
        public var longSearches: LongSearches?

        /// Long searches take turns: a search becomes long once its thread has used ``after`` of CPU time; then it
        /// runs only while it holds one of ``running`` turns, and otherwise waits for one (first come, first served,
        /// using no CPU) until its time limit passes. At most ``waiting`` wait; a search that becomes long while they
        /// do is stopped at once with ``StoreError/Code/overloaded``.
        public struct LongSearches: Sendable, Hashable {
            /// CPU time, in seconds, a search may use before it is long. Default 0.1 s: the searches business
            /// systems make by words take a few milliseconds; ranking half a million datasets takes about a second.
            public var after: TimeInterval
            /// Long searches that may run at once. Default: half the cores, at least one.
            public var running: Int
            /// Long searches that may wait for a turn. Default 8: each holds a read connection (and its page cache, up
            /// to 16 MiB) while it waits, but one refused and sent again costs ``after`` of CPU time each time.
            public var waiting: Int

            /// Creates the settings.
            public init(after: TimeInterval = 0.1, running: Int = LongSearches.defaultRunning, waiting: Int = 8) {
                self.after = after
                self.running = running
                self.waiting = waiting
            }

            /// Half the active cores, at least one.
            public static var defaultRunning: Int { max(1, ProcessInfo.processInfo.activeProcessorCount / 2) }
        }

        /// Creates a configuration.
        public init(staleRunInterval: TimeInterval = 120, busyTimeout: TimeInterval = 600, maximumReaderCount: Int = 4,
                    maxStoredRunErrors: Int = 1_000, inMemoryFacets: Bool = true, searchCacheEntries: Int = 512,
                    termStatisticsEntries: Int = 4_096, searchTimeLimit: TimeInterval? = nil,
                    longSearches: LongSearches? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
            self.inMemoryFacets = inMemoryFacets
            self.searchCacheEntries = searchCacheEntries
            self.termStatisticsEntries = termStatisticsEntries
            self.searchTimeLimit = searchTimeLimit
            self.longSearches = longSearches
            self.staleRunInterval = staleRunInterval
            self.busyTimeout = busyTimeout
            self.maximumReaderCount = maximumReaderCount
            self.maxStoredRunErrors = maxStoredRunErrors
            self.now = now
        }
    }
}
