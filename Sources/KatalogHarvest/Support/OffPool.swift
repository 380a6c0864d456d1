import Foundation
import Synchronization

/// Runs blocking, CPU-bound work (parsing a dump, walking a spool) on a thread of its own, never on Swift's
/// cooperative pool, so a long parse cannot starve the server or the run's heartbeat.
enum OffPool {
    /// Runs `body` on a new thread and returns its result; the calling task waits without blocking a pool thread.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let thread = Thread {
                continuation.resume(with: Result { try body() })
            }
            thread.name = "katalog-offpool"
            thread.stackSize = 16 << 20
            thread.start()
        }
    }
}

/// A flag that a cancelled task sets and blocking work polls, so a long parse stops soon after cancellation.
final class CancellationFlag: Sendable {
    private let state = Atomic<Bool>(false)

    /// True once ``cancel()`` was called.
    var isCancelled: Bool { state.load(ordering: .relaxed) }

    /// Marks the work cancelled.
    func cancel() { state.store(true, ordering: .relaxed) }

    /// Throws `CancellationError` when cancelled.
    func check() throws {
        if isCancelled { throw CancellationError() }
    }
}
