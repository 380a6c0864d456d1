import Foundation
import KatalogModel
import KatalogStore
import Testing
@testable import KatalogHarvest

/// Incremental OAI-PMH harvests (`from`) against a repository on 127.0.0.1 that keeps datestamps.
struct OAIPMHIncrementalHarvestTests {
    typealias Harness = OAIPMHHarvestTests.Harness
    static let firstClock = "2026-12-07T00:00:00Z"
    static let secondClock = "2026-12-08T09:30:00Z"

    /// Ten records harvested once at ``firstClock``; then the repository's clock moves to ``secondClock``.
    static func afterAFirstRun(_ body: (Harness) async throws -> Void) async throws {
        try await OAIPMHHarvestTests.withHarness(OAIPMHTestRepository.records(10)) { harness in
            let first = try await harness.run()
            #expect(first.status == .succeeded, "\(first.message)")
            #expect(harness.listRequests.first?["from"] == nil)
            harness.repository.setResponseDate(secondClock)
            try await body(harness)
        }
    }

    /// Record 3 revised, record 5 deleted, a new record, and record 8 gone without a word (as from a repository
    /// whose `deletedRecord` is `no`).
    static func editTheRepository(_ harness: Harness) {
        harness.repository.editRecords { records in
            records[3].metadata = OAIPMHTestRepository.dublinCore(title: "Forskningsdata 3, reviderad")
            records[3].datestamp = "2026-12-07T10:00:00Z"
            records[5].metadata = nil
            records[5].datestamp = "2026-12-07T11:00:00Z"
            records.append(OAIPMHTestRepository.Record(identifier: "oai:test:new",
                                                       metadata: OAIPMHTestRepository.dublinCore(title: "Ny"),
                                                       datestamp: "2026-12-08T08:00:00Z"))
            records.remove(at: 8)
        }
    }

    @Test func aSecondRunAsksOnlyForChangesAndKeepsWhatItDidNotList() async throws {
        try await Self.afterAFirstRun { harness in
            let mark = try #require(try await harness.store.listingMark(source: "repo"))
            #expect(mark.mark == Self.firstClock)
            Self.editTheRepository(harness)
            let summary = try await harness.run()
            #expect(summary.status == .succeeded, "\(summary.message)")
            #expect(harness.repository.queries.contains { $0["verb"] == "Identify" })
            let request = try #require(harness.listRequests.last)
            #expect(request["from"] == Self.firstClock)
            #expect(request["metadataPrefix"] == "oai_dc")
            #expect(summary.counts.fetched == 3)
            #expect(summary.counts.added == 1)
            #expect(summary.counts.updated == 1)
            #expect(summary.counts.deleted == 1)
            // Record 8 was not reported deleted: a list of changes cannot tell, so it stays until a full listing.
            #expect(try await harness.identifiers() == OAIPMHHarvestTests.ids(0..<10).subtracting(["oai:test:5"]).union(["oai:test:new"]))
            let stored = try #require(try await harness.store.dataset(source: "repo", sourceIdentifier: "oai:test:3"))
            #expect(stored.dataset.title.values == ["sv": "Forskningsdata 3, reviderad"])
            let run = try await harness.lastRun()
            #expect(run.changesSince == Self.firstClock)
            #expect(run.message?.hasPrefix("changes since \(Self.firstClock)") == true)
            // The next run starts at this run's responseDate; the full listing's time stays.
            let next = try #require(try await harness.store.listingMark(source: "repo"))
            #expect(next.mark == Self.secondClock)
            #expect(next.fullListingAt == mark.fullListingAt)
        }
    }

    @Test func aRepositoryOfDaysIsAskedByTheDay() async throws {
        try await Self.afterAFirstRun { harness in
            harness.repository.setGranularity("YYYY-MM-DD")
            Self.editTheRepository(harness)
            let summary = try await harness.run()
            #expect(harness.listRequests.last?["from"] == "2026-12-07")
            #expect(summary.counts.updated == 1)
            #expect(try await harness.lastRun().changesSince == "2026-12-07")
        }
    }

    @Test func withoutIdentifyTheRunAsksByTheDayAndSaysSo() async throws {
        try await Self.afterAFirstRun { harness in
            harness.repository.setFault(.noIdentify)
            let summary = try await harness.run()
            // The warning makes the run partial, as every run issue does; the list of changes was read to the end.
            #expect(summary.status == .partial, "\(summary.message)")
            #expect(try await harness.store.listingMark(source: "repo")?.mark == Self.secondClock)
            #expect(harness.listRequests.last?["from"] == "2026-12-07")
            #expect(try await harness.lastRun().errors.contains { $0.cause.contains("Identify failed") })
        }
    }

    @Test func noChangesIsAnEmptySucceededRunThatMovesTheMark() async throws {
        try await Self.afterAFirstRun { harness in
            let summary = try await harness.run()
            #expect(summary.status == .succeeded, "\(summary.message)")
            #expect(summary.counts.fetched == 0)
            #expect(try await harness.identifiers().count == 10)
            #expect(try await harness.store.listingMark(source: "repo")?.mark == Self.secondClock)
        }
    }

    @Test func aRepositoryThatRefusesFromIsListedInFull() async throws {
        try await Self.afterAFirstRun { harness in
            Self.editTheRepository(harness)
            harness.repository.setFault(.refusesFrom)
            let summary = try await harness.run()
            #expect(summary.status == .partial, "\(summary.message)")
            #expect(harness.listRequests.map { $0["from"] } == [nil, Self.firstClock, nil])
            // A full listing deletes record 8 too.
            #expect(summary.counts.deleted == 2)
            let run = try await harness.lastRun()
            #expect(run.changesSince == nil)
            #expect(run.errors.contains { $0.cause.contains("refused the list of records changed since") && $0.cause.contains("badArgument") })
        }
    }

    @Test func aFullListingComesBackAfterFullEvery() async throws {
        try await Self.afterAFirstRun { harness in
            Self.editTheRepository(harness)
            var source = harness.source()
            source.fullListingInterval = 0
            let summary = try await harness.harvester.run(source)
            #expect(harness.listRequests.last?["from"] == nil)
            #expect(summary.counts.deleted == 2)
            #expect(try await harness.lastRun().changesSince == nil)
            let mark = try #require(try await harness.store.listingMark(source: "repo"))
            #expect(mark.mark == Self.secondClock)
            #expect(mark.run == (try await harness.lastRun().id))
        }
    }

    @Test func changedSettingsAcceptedDeletionsOrIncrementalFalseListEverything() async throws {
        try await Self.afterAFirstRun { harness in
            var source = harness.source()
            source.language = "sv"
            _ = try await harness.harvester.run(source)
            #expect(harness.listRequests.last?["from"] == nil, "a new mapping fingerprint")
            // Under the new settings the mark holds again.
            _ = try await harness.harvester.run(source)
            #expect(harness.listRequests.last?["from"] == Self.secondClock)
            _ = try await harness.harvester.run(source, options: Harvester.Options(acceptDeletions: true))
            #expect(harness.listRequests.last?["from"] == nil, "accepting deletions")
            _ = try await harness.harvester.run(source)
            #expect(harness.listRequests.last?["from"] != nil)
            _ = try await harness.harvester.run(source, options: Harvester.Options(listEverything: true))
            #expect(harness.listRequests.last?["from"] == nil, "katalog harvest --full")
            source.incremental = false
            let before = harness.repository.queries.count
            _ = try await harness.harvester.run(source)
            #expect(harness.listRequests.last?["from"] == nil, "incremental: false")
            #expect(!harness.repository.queries.dropFirst(before).contains { $0["verb"] == "Identify" })
        }
    }

    @Test func aHeldOrIncompleteListOfChangesKeepsTheOldMark() async throws {
        try await Self.afterAFirstRun { harness in
            harness.repository.editRecords { records in
                for index in 0..<4 {
                    records[index].metadata = nil
                    records[index].datestamp = "2026-12-08T00:00:00Z"
                }
            }
            let held = try await harness.run()
            #expect(held.status == .held)
            #expect(held.heldDeletions == 4)
            #expect(try await harness.identifiers().count == 10)
            #expect(try await harness.store.listingMark(source: "repo")?.mark == Self.firstClock)

            harness.repository.editRecords { records in
                records = OAIPMHTestRepository.records(10)
                for index in records.indices { records[index].datestamp = "2026-12-08T00:00:00Z" }
            }
            harness.repository.setFault(.overcounts)
            let partial = try await harness.run()
            #expect(partial.status == .partial)
            #expect(harness.listRequests.last?["from"] == Self.firstClock)
            #expect(try await harness.store.listingMark(source: "repo")?.mark == Self.firstClock)
        }
    }

    @Test func aResponseDateThatIsNoDatestampMeansTheNextRunListsEverything() async throws {
        try await OAIPMHHarvestTests.withHarness(OAIPMHTestRepository.records(3)) { harness in
            harness.repository.setResponseDate("Mon, 07 Dec 2026 08:00:00 GMT")
            let summary = try await harness.run()
            #expect(summary.status == .succeeded, "\(summary.message)")
            #expect(try await harness.store.listingMark(source: "repo") == nil)
            _ = try await harness.run()
            #expect(harness.listRequests.map { $0["from"] } == [nil, nil])
        }
    }
}

/// ``OAIPMHIncremental``'s decisions and datestamps.
struct OAIPMHIncrementalTests {
    @Test func marksAreUTCDatestampsToTheSecond() {
        #expect(OAIPMHIncremental.mark(responseDate: "2026-12-07T08:15:30Z") == "2026-12-07T08:15:30Z")
        #expect(OAIPMHIncremental.mark(responseDate: " 2026-12-07T08:15:30.123456Z\n") == "2026-12-07T08:15:30Z")
        for bad in ["2026-12-07T08:15:30+01:00", "2026-12-07", "2026-12-07T08:15:30", "2026-13-07T08:15:30Z",
                    "2026-12-07T25:15:30Z", "2026-12-07T08:15:30.Z", "2026-12-07T08:15:30.1aZ", "", "Z"] {
            #expect(OAIPMHIncremental.mark(responseDate: bad) == nil, "\(bad)")
        }
        #expect(OAIPMHIncremental.mark(responseDate: nil) == nil)
    }

    @Test func fromFollowsTheGranularity() {
        #expect(OAIPMHIncremental.from(mark: "2026-12-07T08:15:30Z", granularity: "YYYY-MM-DDThh:mm:ssZ") == "2026-12-07T08:15:30Z")
        #expect(OAIPMHIncremental.from(mark: "2026-12-07T08:15:30Z", granularity: "YYYY-MM-DD") == "2026-12-07")
        #expect(OAIPMHIncremental.from(mark: "2026-12-07T08:15:30Z", granularity: nil) == "2026-12-07")
        #expect(OAIPMHIncremental.from(mark: "2026-12-07T08:15:30Z", granularity: "YYYY") == "2026-12-07")
    }

    @Test func thePlan() {
        var source = SourceConfig(name: "repo", kind: .oaiPMH, url: "https://example.org/oai")
        let fingerprint = OAIPMHIncremental.fingerprint(source: source, prefix: "oai_dc")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let mark = ListingMark(mark: "2026-12-07T08:15:30Z", fingerprint: fingerprint,
                               fullListingAt: now.addingTimeInterval(-86400), run: RunID(4))
        #expect(IncrementalPlan.decide(source: source, mark: mark, fingerprint: fingerprint, now: now)
                == .changes(since: "2026-12-07T08:15:30Z"))
        func isFull(_ plan: IncrementalPlan, _ words: String) -> Bool {
            if case .full(let reason) = plan { return reason.contains(words) }
            return false
        }
        #expect(isFull(IncrementalPlan.decide(source: source, mark: nil, fingerprint: fingerprint, now: now), "no earlier run read"))
        #expect(isFull(IncrementalPlan.decide(source: source, mark: mark, fingerprint: OAIPMHIncremental.fingerprint(source: source, prefix: "iso19139"), now: now), "format changed"))
        #expect(isFull(IncrementalPlan.decide(source: source, mark: mark, fingerprint: fingerprint, now: now.addingTimeInterval(6 * 86400 + 1)), "full_every"))
        var odd = mark
        odd.mark = "yesterday"
        #expect(isFull(IncrementalPlan.decide(source: source, mark: odd, fingerprint: fingerprint, now: now), "not a datestamp"))
        source.incremental = false
        #expect(isFull(IncrementalPlan.decide(source: source, mark: mark, fingerprint: fingerprint, now: now), "incremental: false"))
    }
}
