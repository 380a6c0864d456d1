import Synchronization

/// An async counting semaphore per host: at most `limit` holders per host, waiters queue in FIFO order.
///
/// Built on a `Mutex` rather than an actor so that a cancelled waiter is removed and resumed synchronously
/// from the cancellation handler, without spawning a task.
final class HostConcurrencyLimiter: Sendable {
    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var active: [String: Int] = [:]
        var waiters: [String: [Waiter]] = [:]
        var nextID: UInt64 = 0
    }

    /// Concurrent holders allowed per host.
    let limit: Int
    private let state = Mutex(State())

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Runs `body` while holding one of `host`'s permits; waits (without blocking a thread) for a free one.
    /// Throws `CancellationError` if the task is cancelled while waiting.
    func withPermit<T: Sendable>(
        host: String, _ body: () async throws -> T
    ) async throws -> T {
        try await acquire(host: host)
        defer { release(host: host) }
        return try await body()
    }

    /// Holders currently active for `host` (for tests and diagnostics).
    func activeCount(host: String) -> Int {
        state.withLock { $0.active[host, default: 0] }
    }

    private func acquire(host: String) async throws {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enum Decision { case granted, cancelled, queued }
                let decision = state.withLock { state -> Decision in
                    // Checked under the lock: the cancellation handler takes the same lock after the flag is set,
                    // so either we see the flag here or the handler finds our queued waiter.
                    if Task.isCancelled { return .cancelled }
                    if state.active[host, default: 0] < limit {
                        state.active[host, default: 0] += 1
                        return .granted
                    }
                    state.waiters[host, default: []].append(Waiter(id: id, continuation: continuation))
                    return .queued
                }
                switch decision {
                case .granted: continuation.resume()
                case .cancelled: continuation.resume(throwing: CancellationError())
                case .queued: break
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard var queue = state.waiters[host], let index = queue.firstIndex(where: { $0.id == id }) else {
                    return nil
                }
                let waiter = queue.remove(at: index)
                state.waiters[host] = queue.isEmpty ? nil : queue
                return waiter
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    private func release(host: String) {
        let next = state.withLock { state -> Waiter? in
            if var queue = state.waiters[host], !queue.isEmpty {
                // Hand the permit straight to the next waiter: the active count stays the same.
                let waiter = queue.removeFirst()
                state.waiters[host] = queue.isEmpty ? nil : queue
                return waiter
            }
            let remaining = state.active[host, default: 1] - 1
            state.active[host] = remaining > 0 ? remaining : nil
            return nil
        }
        next?.continuation.resume()
    }
}
