import Foundation
import KatalogStore
import Synchronization

extension Hub {
    /// A source the serving process harvests on a schedule (`katalog serve --config`), so `/health` and `/metrics`
    /// can say when it is overdue. The hub does not run it; it only needs the schedule's times.
    public struct ScheduledSource: Sendable {
        /// The source's name, as its runs record it.
        public var name: String
        /// The schedule as configured (`0 3 * * *`, `every: 21600s`), for display.
        public var schedule: String
        /// The schedule's first time strictly after a date.
        public var nextFire: @Sendable (Date) -> Date

        /// Creates a scheduled source.
        public init(name: String, schedule: String, nextFire: @escaping @Sendable (Date) -> Date) {
            self.name = name
            self.schedule = schedule
            self.nextFire = nextFire
        }
    }
}

extension Hub {
    /// The sources the serving process harvests on a schedule, for `/health` and `/metrics`. `katalog serve` replaces
    /// them when it reloads its configuration (SIGHUP).
    public final class Schedules: Sendable {
        struct Entry: Sendable {
            var source: ScheduledSource
            /// When this process began scheduling the source, if after it started: a source added by a reload and
            /// never harvested is judged overdue from then, not from the start.
            var since: Date?
        }

        private let entries: Mutex<[Entry]>

        /// The sources scheduled from the start.
        public init(_ sources: [ScheduledSource] = []) {
            entries = Mutex(sources.map { Entry(source: $0, since: nil) })
        }

        /// The sources scheduled now.
        public var sources: [ScheduledSource] { entries.withLock { $0.map(\.source) } }

        /// Replaces the scheduled sources; one new, or whose schedule changed, counts as scheduled from `now`.
        public func replace(with sources: [ScheduledSource], now: Date = Date()) {
            entries.withLock { entries in
                let old = Dictionary(entries.map { ($0.source.name, $0) }, uniquingKeysWith: { first, _ in first })
                entries = sources.map { source in
                    guard let kept = old[source.name], kept.source.schedule == source.schedule else { return Entry(source: source, since: now) }
                    return Entry(source: source, since: kept.since)
                }
            }
        }

        var current: [Entry] { entries.withLock { $0 } }
    }
}

/// Where each source's harvesting stands, for `/health`, `/metrics` and `katalog status`: its newest run, its newest
/// applied run, the failures since, and, for a source harvested on a schedule, whether it is overdue.
public struct HarvestHealth: Sendable {
    /// One source's report.
    public struct Report: Sendable {
        /// The source's name.
        public var name: String
        /// Nil for a scheduled source that has no run yet.
        public var freshness: SourceFreshness?
        /// The schedule as configured, for a source harvested on one.
        public var schedule: String?
        /// Whether a scheduled source is overdue (``HarvestHealth/isOverdue(nextFire:freshness:hubStartedAt:now:)``);
        /// nil for a source without a schedule here.
        public var overdue: Bool?

        /// Creates a report.
        public init(name: String, freshness: SourceFreshness?, schedule: String? = nil, overdue: Bool? = nil) {
            self.name = name
            self.freshness = freshness
            self.schedule = schedule
            self.overdue = overdue
        }
    }

    /// How late a scheduled run may start: the scheduler delays each start by up to 5 minutes.
    static let startAllowance: TimeInterval = 300

    let store: CatalogStore
    let schedules: Hub.Schedules
    /// When this hub began serving; what a scheduled source never harvested is measured from.
    let startedAt: Date

    /// Reports on `store`'s sources; `startedAt` is when the process harvesting `scheduled` began (a scheduled
    /// source never harvested is overdue two scheduled times after it).
    public init(store: CatalogStore, scheduled: [Hub.ScheduledSource], startedAt: Date) {
        self.init(store: store, schedules: Hub.Schedules(scheduled), startedAt: startedAt)
    }

    /// Reports on `store`'s sources and the scheduled sources as `schedules` holds them when asked.
    public init(store: CatalogStore, schedules: Hub.Schedules, startedAt: Date) {
        self.store = store
        self.schedules = schedules
        self.startedAt = startedAt
    }

    /// Every source with a run, and every scheduled source, by name.
    public func reports(now: Date = Date()) async throws -> [Report] {
        let freshness = try await store.sourceFreshness()
        var reports: [String: Report] = [:]
        for (name, value) in freshness {
            reports[name] = Report(name: name, freshness: value)
        }
        for entry in schedules.current {
            let source = entry.source
            let value = freshness[source.name]
            let since = max(startedAt, entry.since ?? startedAt)
            reports[source.name] = Report(
                name: source.name, freshness: value, schedule: source.schedule,
                overdue: Self.isOverdue(nextFire: source.nextFire, freshness: value, hubStartedAt: since, now: now))
        }
        return reports.values.sorted { $0.name < $1.name }
    }

    /// How long ago, for people: `90 s`, `42 min`, `5.2 h`, `3.1 d` (`katalog status`, `/sources`).
    public static func age(_ seconds: TimeInterval) -> String {
        if seconds < 120 { return "\(max(0, Int(seconds))) s" }
        if seconds < 7200 { return "\(Int(seconds / 60)) min" }
        if seconds < 172_800 { return String(format: "%.1f h", seconds / 3600) }
        return String(format: "%.1f d", seconds / 86400)
    }

    /// Whether a scheduled source is overdue: its schedule has come round twice since its last applied run ended
    /// (since its first run began, or since the hub started, for a source never applied), so at least one scheduled
    /// harvest has failed or not happened and the next one is late too. The second time counts only after an allowance
    /// for the scheduler's start delay and for a run as long as the last applied one. A source with a run in
    /// progress is not overdue: its run may still bring it up to date, and a run that dies is aborted within minutes
    /// (its heartbeat stops).
    static func isOverdue(nextFire: (Date) -> Date, freshness: SourceFreshness?, hubStartedAt: Date, now: Date) -> Bool {
        if freshness?.lastRun.status == .running { return false }
        let reference: Date
        var runLength: TimeInterval = 0
        if let applied = freshness?.lastApplied, let ended = freshness?.lastAppliedAt {
            reference = ended
            runLength = max(0, ended.timeIntervalSince(applied.startedAt))
        } else if let first = freshness?.firstRunStartedAt {
            reference = min(first, hubStartedAt)
        } else {
            reference = hubStartedAt
        }
        let second = nextFire(nextFire(reference))
        return now.timeIntervalSince(second) > startAllowance + runLength
    }
}
