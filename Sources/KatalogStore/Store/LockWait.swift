import Foundation
import Logging

/// How a connection waits for a lock another connection holds: SQLite's busy handler, with a log line.
///
/// Another process harvesting into the same catalogue holds the write lock while it applies a run, which takes
/// minutes for hundreds of thousands of datasets. A write that meets the lock sleeps and tries again, as SQLite's
/// own busy timeout does (1 ms at first, growing to 100 ms), for at most `limit` seconds; then it fails with
/// `SQLITE_BUSY` (``StoreError/Code/busy``). After `noticeAfter` seconds, and once a minute after that, it logs that it
/// is waiting, so an operator whose `katalog harvest` seems to hang sees why.
struct LockWait: Sendable {
    /// The longest a write waits, in seconds.
    var limit: TimeInterval
    /// When the first "waiting" line is logged, in seconds.
    var noticeAfter: TimeInterval
    var logger: Logger
    var path: String

    /// SQLite's own sleep schedule (sqlite3.c, `sqliteDefaultBusyCallback`), in milliseconds.
    static let delays: [Int] = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100]

    /// Milliseconds slept before try `tries` (0-based) of one wait.
    static func waited(beforeTry tries: Int) -> Int {
        let scheduled = delays.prefix(tries).reduce(0, +)
        return scheduled + max(0, tries - delays.count) * 100
    }

    /// The busy callback: true to try again after sleeping, false to give up.
    func callback(_ tries: Int) -> Bool {
        let waited = LockWait.waited(beforeTry: tries)
        let delay = tries < LockWait.delays.count ? LockWait.delays[tries] : 100
        guard Double(waited + delay) <= limit * 1_000 else {
            logger.error("gave up waiting for the catalogue's lock", metadata: [
                "store.path": "\(path)", "store.waited_seconds": "\(Double(waited) / 1_000)"])
            return false
        }
        let notice = Int(noticeAfter * 1_000)
        // Log when this sleep crosses the notice time, and then once a minute.
        if waited + delay >= notice, (waited < notice || (waited - notice) / 60_000 != (waited + delay - notice) / 60_000) {
            logger.warning("waiting for the catalogue's lock, held by another connection (another process applying a run?)", metadata: [
                "store.path": "\(path)", "store.waited_seconds": "\(Double(waited + delay) / 1_000)",
                "store.limit_seconds": "\(limit)"])
        }
        usleep(useconds_t(delay * 1_000))
        return true
    }
}
