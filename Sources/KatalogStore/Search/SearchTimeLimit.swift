import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Stops the SQL of one search once it has run longer than a limit (``CatalogStore/Configuration/searchTimeLimit``).
///
/// SQLite calls a progress handler every ``instructionsPerCheck`` steps of its virtual machine; the handler compares
/// a monotonic clock with the deadline and, once it has passed, makes the running statement fail with
/// `SQLITE_INTERRUPT`, which is turned into ``StoreError/Code/timedOut`` here. The handler is installed on the read
/// connection for the search alone and removed after it, so other reads on that connection are never limited.
///
/// Reading the clock costs tens of nanoseconds; a thousand instructions are a few microseconds of work, so the
/// check costs well under 1% of a search.
final class SearchTimeLimit: Sendable {
    /// How many virtual machine instructions run between two looks at the clock.
    static let instructionsPerCheck: Int32 = 1_000

    /// The limit in seconds; nil lets every search run to the end.
    let limit: TimeInterval?
    /// Searches and completions stopped so far.
    private let stops = Mutex(0)

    init(limit: TimeInterval?) {
        self.limit = limit
    }

    /// How many searches and completions this limit has stopped.
    var stopped: Int { stops.withLock { $0 } }

    /// The deadline one search is held to, shared with the C handler through an unretained pointer.
    private final class Deadline {
        let nanoseconds: UInt64
        var passed = false

        init(after limit: TimeInterval) {
            let span = limit.isFinite ? UInt64(min(max(limit, 0), 1e9) * 1e9) : UInt64.max / 2
            nanoseconds = DispatchTime.now().uptimeNanoseconds &+ span
        }
    }

    /// Runs `body` on `db` held to the limit; without a limit, just runs it.
    /// - Throws: ``StoreError/Code/timedOut`` naming `what` and the limit when the limit stopped a statement (counted
    ///   in ``stopped``), else what `body` throws.
    func run<T>(_ db: Database, what: String, _ body: () throws -> T) throws -> T {
        guard let limit, let connection = db.sqliteConnection else { return try body() }
        let deadline = Deadline(after: limit)
        sqlite3_progress_handler(connection, SearchTimeLimit.instructionsPerCheck, { context in
            guard let context else { return 0 }
            let deadline = Unmanaged<Deadline>.fromOpaque(context).takeUnretainedValue()
            if deadline.passed || DispatchTime.now().uptimeNanoseconds >= deadline.nanoseconds {
                deadline.passed = true
                return 1
            }
            return 0
        }, Unmanaged.passUnretained(deadline).toOpaque())
        defer { sqlite3_progress_handler(connection, 0, nil, nil) }
        do {
            return try withExtendedLifetime(deadline) { try body() }
        } catch let error as DatabaseError where deadline.passed && error.resultCode == .SQLITE_INTERRUPT {
            stops.withLock { $0 += 1 }
            throw StoreError(.timedOut, "\(what) was stopped after \(SearchTimeLimit.describe(limit)), the time limit for one "
                + "search; narrow it with rarer words, a phrase or filters")
        }
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
    public var stoppedSearches: Int { searchTimeLimit.stopped }
}
