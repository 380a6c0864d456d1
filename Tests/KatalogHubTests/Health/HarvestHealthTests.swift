import Foundation
import HTTPTypes
import HummingbirdTesting
import KatalogModel
import NIOCore
import KatalogHarvest
import KatalogStore
import Logging
import Synchronization
import Testing
@testable import KatalogHub

/// A clock the tests set by hand, for the store's run timestamps.
private final class ManualClock: Sendable {
    private let current: Mutex<Date>
    init(_ date: Date) { current = Mutex(date) }
    var now: Date { current.withLock { $0 } }
    func set(_ date: Date) { current.withLock { $0 = date } }
}

private func utc(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)!
}

@Suite("Whether scheduled sources are overdue, in /health and /metrics")
struct HarvestHealthTests {
    /// A store whose runs happen at the clock's times.
    private static func store(_ clock: ManualClock) throws -> CatalogStore {
        try CatalogStore.temporary(configuration: .init(now: { clock.now }))
    }

    /// One applied run of `source` from `start` to `end`.
    private static func applied(_ store: CatalogStore, _ clock: ManualClock, source: String, from start: Date, to end: Date) async throws {
        clock.set(start)
        let run = try await store.beginRun(source: source, kind: "ckan", url: "http://127.0.0.1/\(source)")
        try await store.stage(run: run, records: [HubTestCatalogue.records[0]])
        clock.set(end)
        _ = try await store.completeRun(run: run, seen: [HubTestCatalogue.records[0].sourceIdentifier], isComplete: true)
    }

    private static func failed(_ store: CatalogStore, _ clock: ManualClock, source: String, at time: Date) async throws {
        clock.set(time)
        let run = try await store.beginRun(source: source, kind: "ckan", url: "http://127.0.0.1/\(source)")
        try await store.failRun(run: run, error: "HTTP 503")
    }

    private static func scheduled(_ name: String, _ text: String) throws -> Hub.ScheduledSource {
        let schedule = try Schedule.parse(text)
        return Hub.ScheduledSource(name: name, schedule: schedule.description, nextFire: { schedule.nextFire(after: $0) })
    }

    @Test("A nightly source is overdue once two nights pass without an applied run, allowing for start delay and run length")
    func nightlyCron() async throws {
        let clock = ManualClock(utc("2026-06-15T00:00:00Z"))
        let store = try Self.store(clock)
        // Applied from 03:01 to 03:11 on the 15th; then the run of the 16th fails.
        try await Self.applied(store, clock, source: "nightly", from: utc("2026-06-15T03:01:00Z"), to: utc("2026-06-15T03:11:00Z"))
        try await Self.failed(store, clock, source: "nightly", at: utc("2026-06-16T03:02:00Z"))
        let health = HarvestHealth(store: store, scheduled: [try Self.scheduled("nightly", "0 3 * * *")],
                                   startedAt: utc("2026-06-14T00:00:00Z"))

        func overdue(at time: String) async throws -> Bool? {
            try await health.reports(now: utc(time)).first { $0.name == "nightly" }?.overdue
        }
        #expect(try await overdue(at: "2026-06-16T12:00:00Z") == false)
        // The second night after the applied run is 03:00 on the 17th; the allowance is 5 minutes plus the last
        // applied run's 10 minutes.
        #expect(try await overdue(at: "2026-06-17T03:14:59Z") == false)
        #expect(try await overdue(at: "2026-06-17T03:15:01Z") == true)

        let report = try #require(try await health.reports(now: utc("2026-06-17T04:00:00Z")).first)
        #expect(report.freshness?.failedSinceApplied == 1)
        #expect(report.schedule == "0 3 * * *")
    }

    @Test("An interval counts from the end of the last applied run")
    func interval() async throws {
        let clock = ManualClock(utc("2026-06-15T00:00:00Z"))
        let store = try Self.store(clock)
        try await Self.applied(store, clock, source: "six-hourly", from: utc("2026-06-15T10:00:00Z"), to: utc("2026-06-15T10:00:30Z"))
        let health = HarvestHealth(store: store, scheduled: [try Self.scheduled("six-hourly", "every: 6h")],
                                   startedAt: utc("2026-06-15T09:00:00Z"))
        let due = utc("2026-06-15T22:00:30Z").addingTimeInterval(HarvestHealth.startAllowance + 30)
        #expect(try await health.reports(now: due.addingTimeInterval(-1)).first?.overdue == false)
        #expect(try await health.reports(now: due.addingTimeInterval(1)).first?.overdue == true)
    }

    @Test("A source a reload adds counts from the reload, not from the hub's start; an unchanged one keeps its start")
    func addedByReload() async throws {
        let clock = ManualClock(utc("2026-06-01T00:00:00Z"))
        let store = try Self.store(clock)
        let schedules = Hub.Schedules([try Self.scheduled("old", "0 3 * * *")])
        let health = HarvestHealth(store: store, schedules: schedules, startedAt: utc("2026-06-01T00:00:00Z"))
        let reload = utc("2026-06-10T12:00:00Z")
        schedules.replace(with: [try Self.scheduled("old", "0 3 * * *"), try Self.scheduled("new", "0 3 * * *")], now: reload)
        #expect(schedules.sources.map(\.name) == ["old", "new"])
        let reports = try await health.reports(now: utc("2026-06-11T12:00:00Z"))
        #expect(reports.first { $0.name == "old" }?.overdue == true, "never harvested since the start, nine nights ago")
        #expect(reports.first { $0.name == "new" }?.overdue == false, "one night since it was added")
        let later = try await health.reports(now: utc("2026-06-12T03:06:00Z").addingTimeInterval(HarvestHealth.startAllowance))
        #expect(later.first { $0.name == "new" }?.overdue == true, "two nights since it was added")
        // A changed schedule counts anew too.
        schedules.replace(with: [try Self.scheduled("old", "0 4 * * *")], now: utc("2026-06-12T04:00:00Z"))
        let changed = try await health.reports(now: utc("2026-06-12T12:00:00Z"))
        #expect(changed.map(\.name) == ["old"])
        #expect(changed.first?.overdue == false)
    }

    @Test("A source never applied counts from its first run, or from the hub's start when it has none")
    func neverApplied() async throws {
        let clock = ManualClock(utc("2026-06-15T00:00:00Z"))
        let store = try Self.store(clock)
        try await Self.failed(store, clock, source: "failing", at: utc("2026-06-15T03:00:30Z"))
        try await Self.failed(store, clock, source: "failing", at: utc("2026-06-16T03:00:30Z"))
        let health = HarvestHealth(store: store, scheduled: [try Self.scheduled("failing", "0 3 * * *"),
                                                             try Self.scheduled("new", "0 3 * * *")],
                                   startedAt: utc("2026-06-16T12:00:00Z"))
        let reports = try await health.reports(now: utc("2026-06-17T03:06:00Z"))
        #expect(reports.map(\.name) == ["failing", "new"])
        // From 03:00:30 on the 15th, the second night is the 17th: overdue after 03:05.
        #expect(reports[0].overdue == true)
        #expect(reports[0].freshness?.failedSinceApplied == 2)
        #expect(reports[0].freshness?.lastApplied == nil)
        // Never run, and the hub started at noon on the 16th: the second night is the 18th.
        #expect(reports[1].overdue == false)
        #expect(reports[1].freshness == nil)
        #expect(try await health.reports(now: utc("2026-06-18T03:06:00Z"))[1].overdue == true)
    }

    @Test("A source with a run in progress is not overdue")
    func running() async throws {
        let clock = ManualClock(utc("2026-06-15T00:00:00Z"))
        let store = try Self.store(clock)
        try await Self.applied(store, clock, source: "slow", from: utc("2026-06-01T03:00:00Z"), to: utc("2026-06-01T03:10:00Z"))
        clock.set(utc("2026-06-15T03:00:00Z"))
        _ = try await store.beginRun(source: "slow", kind: "ckan", url: "http://127.0.0.1/slow")
        let health = HarvestHealth(store: store, scheduled: [try Self.scheduled("slow", "0 3 * * *")], startedAt: utc("2026-06-01T00:00:00Z"))
        #expect(try await health.reports(now: utc("2026-06-15T03:01:00Z")).first?.overdue == false)
    }

    @Test("/health and /metrics report last applied runs, failures since, and overdue scheduled sources")
    func throughTheHub() async throws {
        // The runs happened in 2025; the hub judges them against the real clock.
        let clock = ManualClock(utc("2025-03-01T00:00:00Z"))
        let store = try Self.store(clock)
        try await Self.applied(store, clock, source: "stale", from: utc("2025-03-01T03:00:00Z"), to: utc("2025-03-01T03:02:00Z"))
        try await Self.failed(store, clock, source: "stale", at: utc("2025-03-02T03:00:00Z"))
        try await Self.applied(store, clock, source: "manual", from: utc("2025-03-01T05:00:00Z"), to: utc("2025-03-01T05:01:00Z"))
        let app = Hub.application(
            store: store,
            configuration: .init(host: "127.0.0.1", port: 0, scheduledSources: [try Self.scheduled("stale", "every: 6h"),
                                                                                try Self.scheduled("new", "0 3 * * *")]),
            logger: Logger(label: "test"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let body = try SearchAPITests.json(response)
                #expect(body["status"] as? String == "ok")
                #expect(body["overdue_sources"] as? [String] == ["stale"])
                let sources = try #require(body["sources"] as? [[String: Any]])
                #expect(sources.compactMap { $0["name"] as? String } == ["manual", "new", "stale"])
                let manual = sources[0], new = sources[1], stale = sources[2]
                // Not scheduled here: harvested by some other means, so neither a schedule nor a verdict.
                #expect(manual["overdue"] == nil)
                #expect(manual["schedule"] == nil)
                #expect(new["overdue"] as? Bool == false)
                #expect(new["last_run"] is NSNull)
                #expect(new["last_applied"] is NSNull)
                #expect(new["failed_runs_since_applied"] as? Int == 0)
                #expect(stale["overdue"] as? Bool == true)
                #expect(stale["schedule"] as? String == "every: 21600s")
                #expect(stale["failed_runs_since_applied"] as? Int == 1)
                #expect(stale["deletions_held"] as? Int == 0)
                let lastRun = try #require(stale["last_run"] as? [String: Any])
                #expect(lastRun["status"] as? String == "failed")
                let lastApplied = try #require(stale["last_applied"] as? [String: Any])
                #expect(lastApplied["status"] as? String == "succeeded")
                #expect(lastApplied["ended_at"] as? String == "2025-03-01T03:02:00Z")
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                let applied = Int(utc("2025-03-01T03:02:00Z").timeIntervalSince1970)
                #expect(text.contains("katalog_harvest_last_applied_timestamp_seconds{source=\"stale\"} \(applied)\n"))
                #expect(text.contains("katalog_harvest_failed_runs_since_applied{source=\"stale\"} 1\n"))
                #expect(text.contains("katalog_harvest_failed_runs_since_applied{source=\"manual\"} 0\n"))
                #expect(text.contains("katalog_harvest_overdue{source=\"stale\"} 1\n"))
                #expect(text.contains("katalog_harvest_deletions_held{source=\"stale\"} 0\n"))
                #expect(text.contains("katalog_harvest_overdue{source=\"new\"} 0\n"))
                #expect(!text.contains("katalog_harvest_overdue{source=\"manual\"}"))
                #expect(!text.contains("katalog_harvest_last_applied_timestamp_seconds{source=\"new\"}"))
                // manual's only run took a minute; stale's last (failed) run took no time on the test clock.
                #expect(text.contains("katalog_harvest_last_run_duration_seconds{source=\"manual\",status=\"succeeded\"} 60.000\n"))
                #expect(text.contains("katalog_harvest_last_run_duration_seconds{source=\"stale\",status=\"failed\"} 0.000\n"))
                #expect(text.contains("katalog_build_info{version=\"\(KatalogVersion.current)\"} 1\n"))
            }
        }
    }

    @Test("/sources shows each source's state for people, in Swedish and English")
    func sourcesPage() async throws {
        let clock = ManualClock(utc("2025-03-01T00:00:00Z"))
        let store = try Self.store(clock)
        try await Self.applied(store, clock, source: "fine", from: utc("2025-03-01T03:00:00Z"), to: utc("2025-03-01T03:01:00Z"))
        try await Self.applied(store, clock, source: "broken", from: utc("2025-03-01T03:00:00Z"), to: utc("2025-03-01T03:01:00Z"))
        try await Self.failed(store, clock, source: "broken", at: utc("2025-03-02T03:00:00Z"))
        try await Self.failed(store, clock, source: "broken", at: utc("2025-03-03T03:00:00Z"))
        let app = Hub.application(store: store, configuration: .init(host: "127.0.0.1", port: 0,
                                                                     scheduledSources: [try Self.scheduled("fine", "every: 6h")]),
                                  logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let swedish = try await client.execute(uri: "/sources?lang=sv", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store")
                return String(buffer: response.body)
            }
            #expect(swedish.contains("<h1>Källor</h1>"))
            // The failing source is marked for attention, with its failures and last message; the scheduled one, a
            // year behind, is overdue.
            #expect(swedish.contains("<tr class=\"attention\"><td>broken</td><td class=\"count\">1</td><td>2025-03-01 03:01 UTC (för "))
            #expect(swedish.contains("<td>misslyckas sedan dess: 2</td><td>failed 2025-03-03 03:00 UTC: HTTP 503</td>"))
            #expect(swedish.contains("<tr class=\"attention\"><td>fine</td>"))
            #expect(swedish.contains("<td>försenad</td>"))
            let english = try await client.execute(uri: "/sources", method: .get, headers: [.acceptLanguage: "en"]) { String(buffer: $0.body) }
            #expect(english.contains("<h1>Sources</h1>"))
            #expect(english.contains("<td>failing since: 2</td>"))
            #expect(english.contains("<a href=\"/sources?lang=en\">Sources</a>"))
        }
    }
}
