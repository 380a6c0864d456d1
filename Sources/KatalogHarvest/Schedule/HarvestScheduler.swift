import Foundation
import KatalogStore
import Logging
import ServiceLifecycle
import Synchronization

/// Runs each scheduled source on its schedule inside `katalog serve`, at most `concurrency` at once.
///
/// An `every` interval counts from the source's last recorded run, and a cron slot missed while the hub was
/// down is run once at start (see ``firstReference(for:lastRunStart:now:)``). Start times get a random delay of up to 5% of the interval (at most 5 minutes) so sources sharing a
/// schedule do not all hit the network in the same second. On graceful shutdown (SIGTERM, SIGINT) the
/// scheduler stops starting runs and cancels those in progress; a cancelled run is recorded as aborted.
public struct HarvestScheduler: Service {
    private let harvester: Harvester
    private let sources: [SourceConfig]
    private let concurrency: Int
    private let logger: Logger

    /// Creates a scheduler for the sources that have a schedule and are enabled.
    public init(harvester: Harvester, sources: [SourceConfig], concurrency: Int, logger: Logger) {
        self.harvester = harvester
        self.sources = sources.filter { $0.enabled && $0.schedule != nil }
        self.concurrency = max(1, concurrency)
        self.logger = logger
    }

    /// Runs until graceful shutdown or cancellation.
    public func run() async throws {
        guard !sources.isEmpty else {
            logger.info("no scheduled sources")
            try? await gracefulShutdown()
            return
        }
        let slots = RunSlots(count: concurrency)
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                for source in sources {
                    group.addTask { await loop(source, slots: slots) }
                }
            }
        }
        logger.info("scheduler stopped")
    }

    private func loop(_ source: SourceConfig, slots: RunSlots) async {
        guard let schedule = source.schedule else { return }
        let lastRun = try? await harvester.lastRunStart(source: source.name)
        var reference = HarvestScheduler.firstReference(for: schedule, lastRunStart: lastRun ?? nil, now: Date())
        while !Task.isCancelled {
            let next = schedule.nextFire(after: reference)
            let interval = max(60, schedule.nextFire(after: Date()).timeIntervalSinceNow)
            let jitter = Double.random(in: 0...min(300, interval * 0.05))
            let wait = max(0, next.timeIntervalSinceNow) + jitter
            logger.info("next harvest scheduled", metadata: ["harvest.source": "\(source.name)", "harvest.in_seconds": "\(Int(wait))"])
            do {
                try await Task.sleep(for: .seconds(wait))
                try await slots.acquire()
            } catch {
                return
            }
            do {
                let summary = try await harvester.run(source)
                logger.info("scheduled harvest done", metadata: ["harvest.source": "\(source.name)", "harvest.status": "\(summary.status.rawValue)"])
            } catch {
                logger.error("scheduled harvest could not run", metadata: ["harvest.source": "\(source.name)", "error": "\(error)"])
            }
            slots.release()
            reference = Date()
        }
    }
}

extension HarvestScheduler {
    /// The time the first wait counts from when the scheduler starts (the next run is the schedule's first
    /// time after it; one already past runs at once, after its jitter).
    ///
    /// - `every`: the source's last run, so a restart neither delays a due harvest by a whole interval nor
    ///   repeats one that just ran; a source never harvested runs at once.
    /// - cron: the source's last run too, so a slot missed while `katalog serve` was down (a restart over
    ///   the nightly 02:00) is run once at start instead of being skipped until the next slot; a source
    ///   never harvested waits for its first slot, since a cron schedule says when the source may be loaded.
    static func firstReference(for schedule: Schedule, lastRunStart: Date?, now: Date) -> Date {
        switch schedule {
        case .every: return lastRunStart.map { min($0, now) } ?? .distantPast
        case .cron: return lastRunStart.map { min($0, now) } ?? now
        }
    }
}

/// A counting semaphore for harvest runs; waiting is cancellable.
final class RunSlots: Sendable {
    private struct State {
        var available: Int
        var waiters: [UInt64: CheckedContinuation<Void, any Error>] = [:]
        var order: [UInt64] = []
        var cancelled: Set<UInt64> = []
        var nextID: UInt64 = 0
    }

    private let state: Mutex<State>

    init(count: Int) { state = Mutex(State(available: count)) }

    func acquire() async throws {
        let id = state.withLock { state -> UInt64 in
            defer { state.nextID += 1 }
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    if state.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                    if state.available > 0 {
                        state.available -= 1
                        return .success(())
                    }
                    state.waiters[id] = continuation
                    state.order.append(id)
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                if let continuation = state.waiters.removeValue(forKey: id) {
                    state.order.removeAll { $0 == id }
                    return continuation
                }
                state.cancelled.insert(id)
                return nil
            }
            waiter?.resume(throwing: CancellationError())
        }
    }

    func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            while !state.order.isEmpty {
                let id = state.order.removeFirst()
                if let continuation = state.waiters.removeValue(forKey: id) { return continuation }
            }
            state.available += 1
            return nil
        }
        next?.resume()
    }
}
