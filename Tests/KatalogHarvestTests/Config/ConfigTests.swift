import Foundation
import Testing
@testable import KatalogHarvest

struct ConfigTests {
    @Test func parsesAFullSource() throws {
        let config = try KatalogConfig.parse(yaml: """
            database: data/katalog.sqlite
            harvest:
              concurrency: 3
            sources:
              - name: dataportal-se
                type: dcat
                url: https://example.org/all.rdf
                schedule: "0 3 * * *"
                headers:
                  X-Api-Key: secret
                timeout: 2m
                max_bytes: 64MiB
                page_size: 500
                delete_policy:
                  max_delete_fraction: 10%
                  grace_period: 7d
              - name: ckan-city
                type: ckan
                url: https://ckan.example.org/
                every: 6h
            """)
        #expect(config.database == "data/katalog.sqlite")
        #expect(config.concurrency == 3)
        #expect(config.sources.count == 2)
        let first = try #require(config.sources.first)
        #expect(first.kind == .dcat)
        #expect(first.headers["X-Api-Key"] == "secret")
        #expect(first.requestTimeout == 120)
        #expect(first.maxBytes == 64 << 20)
        #expect(first.pageSize == 500)
        #expect(abs(first.deletion.maxDeleteFraction - 0.1) < 1e-9)
        #expect(first.deletion.graceDays == 7)
        if case .cron(let cron) = first.schedule { #expect(cron.text == "0 3 * * *") } else { Issue.record("expected a cron schedule") }
        #expect(config.sources[1].schedule == .every(seconds: 6 * 3600))
    }

    @Test func mappingLanesAreReadAndChecked() throws {
        let set = try KatalogConfig.parse(yaml: """
            harvest:
              mapping_lanes: 6
            sources:
              - {name: a, type: dcat, url: "https://example.org/a.rdf"}
            """)
        #expect(set.mappingLanes == 6)
        let unset = try KatalogConfig.parse(yaml: """
            sources:
              - {name: a, type: dcat, url: "https://example.org/a.rdf"}
            """)
        #expect(unset.mappingLanes == nil)
        for bad in ["0", "17", "two"] {
            do {
                _ = try KatalogConfig.parse(yaml: """
                    harvest:
                      mapping_lanes: \(bad)
                    sources:
                      - {name: a, type: dcat, url: "https://example.org/a.rdf"}
                    """)
                Issue.record("mapping_lanes: \(bad) was accepted")
            } catch {
                #expect(error.description.contains("harvest.mapping_lanes"), "\(error)")
                #expect(error.description.contains("from 1 to 16"), "\(error)")
            }
        }
    }

    @Test func keepRunsIsReadAndChecked() throws {
        func parse(_ value: String?) throws(HarvestConfigError) -> KatalogConfig {
            try KatalogConfig.parse(yaml: (value.map { "harvest:\n  keep_runs: \($0)\n" } ?? "") + """
                sources:
                  - {name: a, type: dcat, url: "https://example.org/a.rdf"}
                """)
        }
        #expect(try parse(nil).keepRuns == 180 * 86400)
        #expect(try parse("30d").keepRuns == 30 * 86400)
        #expect(try parse("ALL").keepRuns == nil)
        for bad in ["0", "12h", "forever", "-1d"] {
            do {
                _ = try parse(bad)
                Issue.record("keep_runs: \(bad) was accepted")
            } catch {
                #expect(error.description.contains("harvest.keep_runs"), "\(error)")
            }
        }
    }

    @Test func aSourceLanguageTagsUntaggedTextAndIsChecked() throws {
        let config = try KatalogConfig.parse(yaml: """
            sources:
              - {name: a, type: datajson, url: "http://127.0.0.1:1/data.json", language: SV}
            """)
        #expect(config.sources[0].language == "sv")
        #expect(throws: HarvestConfigError.self) {
            try KatalogConfig.parse(yaml: """
                sources:
                  - {name: a, type: ckan, url: "http://127.0.0.1:1/", language: "sv; drop"}
                """)
        }
    }

    @Test func aSourcePriorityIsReadAndChecked() throws {
        let config = try KatalogConfig.parse(yaml: """
            sources:
              - {name: a, type: ckan, url: "http://127.0.0.1:1/", priority: -1}
              - {name: b, type: dcat, url: "http://127.0.0.1:1/all.rdf"}
            """)
        #expect(config.sources.map(\.priority) == [-1, 0])
    }

    @Test func incrementalSettingsAreReadForOAIPMHSources() throws {
        let config = try KatalogConfig.parse(yaml: """
            sources:
              - {name: a, type: oai-pmh, url: "http://127.0.0.1:1/oai", incremental: false}
              - {name: b, type: oai-pmh, url: "http://127.0.0.1:1/oai", full_every: 30d}
              - {name: c, type: oai-pmh, url: "http://127.0.0.1:1/oai"}
              - {name: d, type: ckan, url: "http://127.0.0.1:1/", incremental: false}
            """)
        #expect(config.sources.map(\.incremental) == [false, true, true, false])
        let week: Double = 7 * 86400
        #expect(config.sources.map(\.fullListingInterval) == [week, 30 * 86400.0, week, week])
    }

    @Test func aCSWSourceMayNameItsModifiedQueryable() throws {
        let config = try KatalogConfig.parse(yaml: """
            sources:
              - {name: a, type: csw, url: "http://127.0.0.1:1/csw", modified_queryable: "apiso:RevisionDate", full_every: 1d}
              - {name: b, type: csw, url: "http://127.0.0.1:1/csw"}
            """)
        #expect(config.sources.map(\.modifiedQueryable) == ["apiso:RevisionDate", nil])
        #expect(config.sources.map(\.incremental) == [true, true])
        for (yaml, expected) in [
            ("{name: a, type: ckan, url: \"http://x.org\", modified_queryable: Modified}", "applies to csw sources only"),
            ("{name: a, type: csw, url: \"http://x.org\", modified_queryable: \"<Modified>\"}", "is not a queryable name"),
            ("{name: a, type: csw, url: \"http://x.org\", modified_queryable: \"a:b:c\"}", "is not a queryable name"),
            ("{name: a, type: csw, url: \"http://x.org\", modified_queryable: \"1st\"}", "is not a queryable name"),
        ] {
            #expect {
                try KatalogConfig.parse(yaml: "sources:\n  - " + yaml)
            } throws: { error in
                String(describing: error).contains(expected)
            }
        }
    }

    @Test func scheduleAsMappingWithEvery() throws {
        let config = try KatalogConfig.parse(yaml: """
            sources:
              - {name: a, type: ckan, url: "http://127.0.0.1:1/", schedule: {every: 30m}}
            """)
        #expect(config.sources[0].schedule == .every(seconds: 1800))
    }

    @Test(arguments: [
        ("sources: 3", "expected a list"),
        ("sources:\n  - name: Bad_Name\n    type: ckan\n    url: http://x.org", "a-z, 0-9"),
        ("sources:\n  - name: a\n    type: sparql\n    url: http://x.org", "not one of"),
        ("sources:\n  - name: a\n    type: ckan\n    url: file:///etc/passwd", "http or https"),
        ("sources:\n  - name: a\n    type: ckan", "missing 'url'"),
        ("sources:\n  - name: a\n    type: ckan\n    url: http://x.org\n    tiemout: 3", "unknown key"),
        ("sources:\n  - name: a\n    type: ckan\n    url: http://x.org\n    schedule: '61 * * * *'", "minute"),
        ("sources:\n  - name: a\n    type: ckan\n    url: http://x.org\n  - name: a\n    type: ckan\n    url: http://y.org", "used twice"),
        ("sources:\n  - name: a\n    type: ckan\n    url: http://x.org\n    page_size: 0", "page_size"),
        ("sources:\n  - name: a\n    type: ckan\n    url: http://x.org\n    priority: 5000", "priority"),
        ("sources:\n  - name: a\n    type: ckan\n    url: http://x.org\n    priority: high", "priority"),
        ("sources:\n  - name: a\n    type: datajson\n    url: http://x.org\n    incremental: true", "applies to ckan, oai-pmh and csw sources only"),
        ("sources:\n  - name: a\n    type: dcat\n    url: http://x.org\n    full_every: 7d", "applies to ckan, oai-pmh and csw sources only"),
        ("sources:\n  - name: a\n    type: oai-pmh\n    url: http://x.org\n    incremental: sometimes", "not true or false"),
        ("sources:\n  - name: a\n    type: oai-pmh\n    url: http://x.org\n    full_every: soon", "not a duration"),
        ("sources: [", "not valid YAML"),
        ("just text", "mapping"),
    ])
    func rejectsBadConfiguration(yaml: String, expected: String) {
        do {
            _ = try KatalogConfig.parse(yaml: yaml)
            Issue.record("expected an error mentioning '\(expected)'")
        } catch {
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }

    @Test func selectsNamedSourcesOrReportsUnknown() throws {
        let config = try KatalogConfig.parse(yaml: """
            sources:
              - {name: a, type: ckan, url: "http://127.0.0.1:1/"}
              - {name: b, type: ckan, url: "http://127.0.0.1:1/", enabled: false}
            """)
        #expect(try config.selectSources([]).map(\.name) == ["a"])
        #expect(try config.selectSources(["b"]).map(\.name) == ["b"])
        #expect(throws: HarvestConfigError.self) { try config.selectSources(["zzz"]) }
    }
}

struct ScheduleTests {
    private func date(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    @Test func dailyCronFiresAtThreeUTC() throws {
        let schedule = try Schedule.parse("0 3 * * *")
        #expect(schedule.nextFire(after: date("2026-01-01T02:59:00Z")) == date("2026-01-01T03:00:00Z"))
        #expect(schedule.nextFire(after: date("2026-01-01T03:00:00Z")) == date("2026-01-02T03:00:00Z"))
    }

    @Test func aStartingSchedulerCatchesUpAMissedCronSlotOnceAndCountsIntervalsFromTheLastRun() throws {
        let nightly = try Schedule.parse("0 2 * * *")
        let now = date("2026-01-10T09:00:00Z")
        // Last run the night before last: the 02:00 slot of today was missed, so the first run is due now.
        let missed = HarvestScheduler.firstReference(for: nightly, lastRunStart: date("2026-01-09T02:00:04Z"), now: now)
        #expect(nightly.nextFire(after: missed) == date("2026-01-10T02:00:00Z"))
        #expect(nightly.nextFire(after: missed) < now)
        // Ran at today's slot: the next is tomorrow's.
        let ran = HarvestScheduler.firstReference(for: nightly, lastRunStart: date("2026-01-10T02:00:04Z"), now: now)
        #expect(nightly.nextFire(after: ran) == date("2026-01-11T02:00:00Z"))
        // Never harvested: a cron source waits for its first slot.
        #expect(nightly.nextFire(after: HarvestScheduler.firstReference(for: nightly, lastRunStart: nil, now: now))
                == date("2026-01-11T02:00:00Z"))
        // A last run dated in the future (a clock moved back) does not postpone the schedule.
        let future = HarvestScheduler.firstReference(for: nightly, lastRunStart: date("2026-03-01T00:00:00Z"), now: now)
        #expect(nightly.nextFire(after: future) == date("2026-01-11T02:00:00Z"))

        let sixHours = try Schedule.parse("every: 6h")
        #expect(HarvestScheduler.firstReference(for: sixHours, lastRunStart: nil, now: now) == .distantPast)
        let last = date("2026-01-10T05:00:00Z")
        #expect(sixHours.nextFire(after: HarvestScheduler.firstReference(for: sixHours, lastRunStart: last, now: now))
                == date("2026-01-10T11:00:00Z"))
    }

    @Test func stepsListsRangesAndNames() throws {
        let every15 = try Schedule.parse("*/15 * * * *")
        #expect(every15.nextFire(after: date("2026-01-01T10:16:30Z")) == date("2026-01-01T10:30:00Z"))
        let weekdays = try Schedule.parse("30 6 * * mon-fri")
        // 2026-01-03 is a Saturday: next is Monday the 5th.
        #expect(weekdays.nextFire(after: date("2026-01-03T00:00:00Z")) == date("2026-01-05T06:30:00Z"))
        let months = try Schedule.parse("0 0 1 jan,jul *")
        #expect(months.nextFire(after: date("2026-02-01T00:00:00Z")) == date("2026-07-01T00:00:00Z"))
    }

    @Test func dayOfMonthOrDayOfWeek() throws {
        // Both restricted: either matches (Vixie semantics). 2026-01-02 is a Friday.
        let schedule = try Schedule.parse("0 12 15 * fri")
        #expect(schedule.nextFire(after: date("2026-01-01T00:00:00Z")) == date("2026-01-02T12:00:00Z"))
    }

    @Test func intervals() throws {
        #expect(try Schedule.parse("every: 6h") == .every(seconds: 21600))
        #expect(try Schedule.parse("every 1h30m") == .every(seconds: 5400))
        #expect(try Schedule.parse("1d") == .every(seconds: 86400))
        #expect(throws: HarvestConfigError.self) { try Schedule.parse("every: 10s") }
        #expect(throws: HarvestConfigError.self) { try Schedule.parse("every: soon") }
        #expect(throws: HarvestConfigError.self) { try Schedule.parse("* * *") }
        #expect(throws: HarvestConfigError.self) { try Schedule.parse("0 25 * * *") }
    }
}
