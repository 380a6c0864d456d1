import Foundation
import Synchronization

/// Long searches take turns, so that a few clients sending searches that rank most of the catalogue cannot take
/// every core from everyone else (``CatalogStore/Configuration/longSearches``).
///
/// A search becomes long once its thread has spent ``CatalogStore/Configuration/LongSearches/after`` of CPU time (CPU
/// time, not wall time: a short search stretched by a busy machine is not long). From then on it runs only while it
/// holds one of ``CatalogStore/Configuration/LongSearches/running`` turns. Without one it waits, first come first
/// served, inside SQLite's progress handler: its thread sleeps on a condition, so it uses no CPU, though it keeps its
/// read connection. At most ``CatalogStore/Configuration/LongSearches/waiting`` wait; one more is stopped at once
/// (``StoreError/Code/overloaded``), so that waiting searches cannot hold every reader. A waiting search is still held
/// to the time limit: it is stopped when that passes, turn or not.
final class LongSearchTurns: @unchecked Sendable {
    /// What ``take(until:)`` gave.
    enum Outcome: Equatable {
        /// The search holds a turn now; it must ``giveBack()`` when it ends.
        case granted
        /// The deadline passed while the search waited (it holds no turn).
        case deadlinePassed
        /// Too many long searches were waiting already (it holds no turn).
        case refused
    }

    /// A snapshot of the turns, for `/metrics`.
    struct Counts: Equatable, Sendable {
        /// Long searches running now (holding a turn).
        var running = 0
        /// Long searches waiting for a turn now.
        var waiting = 0
        /// Long searches since the store was opened: those that got a turn (at once or after waiting).
        var granted = 0
        /// Of those, how many had to wait.
        var waited = 0
        /// Long searches stopped at once because ``waiting`` were already waiting.
        var refused = 0
    }

    let settings: CatalogStore.Configuration.LongSearches

    private struct State {
        var running = 0
        /// The tickets of waiting searches, oldest first.
        var queue: [UInt64] = []
        var nextTicket: UInt64 = 0
        var counts = Counts()
    }

    // A condition variable needs its own lock; `state` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var state = State()

    init(_ settings: CatalogStore.Configuration.LongSearches) {
        self.settings = settings
    }

    /// The CPU time after which a search is long, in nanoseconds.
    var afterNanoseconds: UInt64 {
        UInt64(min(max(settings.after, 0), 1e6) * 1e9)
    }

    var counts: Counts {
        condition.lock()
        defer { condition.unlock() }
        var counts = state.counts
        counts.running = state.running
        counts.waiting = state.queue.count
        return counts
    }

    /// Takes a turn for a search that has just become long, waiting (first come, first served) while the turns are
    /// held, but not past `deadline` (uptime nanoseconds; nil waits as long as it takes).
    func take(until deadline: UInt64?) -> Outcome {
        condition.lock()
        defer { condition.unlock() }
        if state.running < max(settings.running, 1), state.queue.isEmpty {
            state.running += 1
            state.counts.granted += 1
            return .granted
        }
        guard state.queue.count < max(settings.waiting, 0) else {
            state.counts.refused += 1
            return .refused
        }
        let ticket = state.nextTicket
        state.nextTicket += 1
        state.queue.append(ticket)
        while !(state.queue.first == ticket && state.running < max(settings.running, 1)) {
            if let deadline {
                let now = DispatchTime.now().uptimeNanoseconds
                let signalled = now < deadline
                    && condition.wait(until: Date(timeIntervalSinceNow: Double(deadline - now) / 1e9))
                if !signalled, DispatchTime.now().uptimeNanoseconds >= deadline {
                    state.queue.removeAll { $0 == ticket }
                    // The search behind this one may be first now.
                    condition.broadcast()
                    return .deadlinePassed
                }
            } else {
                condition.wait()
            }
        }
        state.queue.removeFirst()
        state.running += 1
        state.counts.granted += 1
        state.counts.waited += 1
        // With more than one turn, the next in line may be able to go too.
        condition.broadcast()
        return .granted
    }

    /// Gives back a turn ``take(until:)`` granted.
    func giveBack() {
        condition.lock()
        state.running -= 1
        condition.broadcast()
        condition.unlock()
    }
}

extension LongSearchTurns.Counts {
    static let none = LongSearchTurns.Counts()
}
