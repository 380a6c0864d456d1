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
///
/// ``update(sources:)`` replaces the sources while it runs (`katalog serve` does on SIGHUP): a new source is
/// scheduled as at start; a source gone or changed stops being scheduled, but a run of it in progress finishes
/// first (and a changed source's new schedule starts after that run); an unchanged source keeps its timing.
public struct HarvestScheduler: Service {
    private let harvester: Harvester
    private let sources: [SourceConfig]
    private let concurrency: Int
    private let logger: Logger
    private let updates: AsyncStream<[SourceConfig]>
    private let updatesContinuation: AsyncStream<[SourceConfig]>.Continuation
    /// Each source name's newest loop, until that loop returns.
    private let active = ActiveLoops()

    /// Creates a scheduler for the sources that have a schedule and are enabled.
    public init(harvester: Harvester, sources: [SourceConfig], concurrency: Int, logger: Logger) {
        self.harvester = harvester
        self.sources = HarvestScheduler.scheduled(sources)
        self.concurrency = max(1, concurrency)
        self.logger = logger
        (updates, updatesContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Replaces the sources to schedule, as a reloaded configuration lists them (those disabled or without a schedule
    /// are left out). Takes effect at once if ``run()`` is running, else when it starts; the newest call wins.
    public func update(sources: [SourceConfig]) {
        updatesContinuation.yield(sources)
    }

    /// The names of the sources being scheduled now, or still finishing a run after an update removed them.
    public var activeSources: Set<String> { active.loops.withLock { Set($0.keys) } }

    static func scheduled(_ sources: [SourceConfig]) -> [SourceConfig] {
        sources.filter { $0.enabled && $0.schedule != nil }
    }

    /// Runs until graceful shutdown or cancellation.
    public func run() async throws {
        if sources.isEmpty { logger.info("no scheduled sources") }
        let slots = RunSlots(count: concurrency)
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                var loops: [String: (source: SourceConfig, control: LoopControl)] = [:]
                func apply(_ wanted: [SourceConfig], initial: Bool) {
                    let byName = Dictionary(wanted.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
                    var changes: [String] = []
                    for (name, loop) in loops where byName[name] != loop.source {
                        loop.control.stop.fire()
                        loops[name] = nil
                        if byName[name] == nil { changes.append("\(name) removed") }
                    }
                    for source in wanted where loops[source.name] == nil {
                        let control = LoopControl()
                        // A changed source's new loop waits for the old one, whose run may still be going.
                        let previous = active.loops.withLock { loops in
                            defer { loops[source.name] = control }
                            return loops[source.name]
                        }
                        loops[source.name] = (source, control)
                        if !initial { changes.append(previous == nil ? "\(source.name) added" : "\(source.name) changed") }
                        group.addTask {
                            await loop(source, slots: slots, control: control, after: previous)
                            // The name stays active while a newer loop of it exists.
                            active.loops.withLock { loops in
                                if loops[source.name] === control { loops[source.name] = nil }
                            }
                        }
                    }
                    if !initial {
                        logger.info("scheduled sources updated", metadata: [
                            "harvest.changes": "\(changes.isEmpty ? "none" : changes.sorted().joined(separator: ", "))",
                            "harvest.sources": "\(loops.keys.sorted().joined(separator: ", "))",
                        ])
                    }
                }
                apply(sources, initial: true)
                for await update in updates {
                    apply(HarvestScheduler.scheduled(update), initial: false)
                }
                for loop in loops.values { loop.control.stop.fire() }
            }
        }
        logger.info("scheduler stopped")
    }

    private func loop(_ source: SourceConfig, slots: RunSlots, control: LoopControl, after previous: LoopControl?) async {
        defer { control.finished.fire() }
        if let previous { await previous.finished.wait() }
        guard let schedule = source.schedule, !control.stop.isFired else { return }
        let lastRun = try? await harvester.lastRunStart(source: source.name)
        var reference = HarvestScheduler.firstReference(for: schedule, lastRunStart: lastRun ?? nil, now: Date())
        while !Task.isCancelled {
            let next = schedule.nextFire(after: reference)
            let interval = max(60, schedule.nextFire(after: Date()).timeIntervalSinceNow)
            let jitter = Double.random(in: 0...min(300, interval * 0.05))
            let wait = max(0, next.timeIntervalSinceNow) + jitter
            logger.info("next harvest scheduled", metadata: ["harvest.source": "\(source.name)", "harvest.in_seconds": "\(Int(wait))"])
            guard await control.stop.sleep(seconds: wait) else { return }
            do {
                try await slots.acquire()
            } catch {
                return
            }
            // Removed or changed while it waited for a run slot.
            guard !control.stop.isFired else {
                slots.release()
                return
            }
            do {
                let summary = try await harvester.run(source)
                logger.info("scheduled harvest done", metadata: ["harvest.source": "\(source.name)", "harvest.status": "\(summary.status.rawValue)"])
            } catch {
                logger.error("scheduled harvest could not run", metadata: ["harvest.source": "\(source.name)", "error": "\(error)"])
            }
            slots.release()
            if control.stop.isFired { return }
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
    public static func firstReference(for schedule: Schedule, lastRunStart: Date?, now: Date) -> Date {
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

/// The newest schedule loop of each source name, shared by the scheduler's tasks.
final class ActiveLoops: Sendable {
    let loops = Mutex<[String: LoopControl]>([:])
}

/// Tells one source's schedule loop to stop, and tells others when it has.
final class LoopControl: Sendable {
    /// Fired by an update that removes or changes the source.
    let stop = Signal()
    /// Fired when the loop has returned, its last run done.
    let finished = Signal()
}

/// A one-way flag that tasks can wait for; waiting ends early when the waiting task is cancelled.
final class Signal: Sendable {
    private struct State {
        var fired = false
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    var isFired: Bool { state.withLock { $0.fired } }

    func fire() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.fired = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once fired, or once the calling task is cancelled.
    func wait() async {
        let id = state.withLock { state -> UInt64 in
            defer { state.nextID += 1 }
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.fired || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }

    /// Sleeps for `seconds`; false when the signal fired first or the task was cancelled.
    func sleep(seconds: Double) async -> Bool {
        if isFired { return false }
        let slept = await withTaskGroup(of: Bool.self) { group in
            group.addTask { (try? await Task.sleep(for: .seconds(seconds))) != nil }
            group.addTask {
                await self.wait()
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        return slept && !isFired && !Task.isCancelled
    }
}
