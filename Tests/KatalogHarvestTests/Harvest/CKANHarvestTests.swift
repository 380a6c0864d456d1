import Foundation
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// End-to-end harvests of a CKAN-shaped portal on 127.0.0.1 into a temporary store.
struct CKANHarvestTests {
    static let fastRetries = HTTPClient.Configuration(
        retry: .init(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5), maxRetryAfter: .milliseconds(50))
    )

    struct Harness {
        let portal: CKANTestPortal
        let server: TestHTTPServer
        let store: CatalogStore
        let harvester: Harvester
        let log: RecordingLogHandler.Store

        /// The portal as a source; full listings unless `incremental` (these tests are about listing every package;
        /// CKANIncrementalHarvestTests are about the other kind).
        func source(pageSize: Int = 5, language: String? = nil, incremental: Bool = false) -> SourceConfig {
            var source = SourceConfig(name: "testportal", kind: .ckan, url: server.url("/portal/"), pageSize: pageSize)
            source.language = language
            source.incremental = incremental
            return source
        }

        /// `harvest.unchanged_unmapped` of each finished run so far.
        func unmapped() -> [String] {
            log.all.filter { $0.message == "harvest finished" }.compactMap { $0.metadata["harvest.unchanged_unmapped"]?.description }
        }

        func run(pageSize: Int = 5, acceptDeletions: Bool = false) async throws -> RunSummary {
            try await harvester.run(source(pageSize: pageSize), options: .init(acceptDeletions: acceptDeletions))
        }

        func titles(matching text: String) async throws -> Set<String> {
            var query = SearchQuery()
            query.text = text
            query.limit = 100
            let result = try await store.search(query)
            return Set(result.hits.compactMap { $0.dataset.title.best() })
        }

        func allTitles() async throws -> Set<String> { try await titles(matching: "") }
    }

    static func withHarness(_ packages: [String], _ body: (Harness) async throws -> Void) async throws {
        let portal = CKANTestPortal(packages: packages)
        let server = TestHTTPServer(handler: portal.handler)
        try server.start()
        defer { server.stop() }
        let store = try CatalogStore.temporary()
        let (logger, log) = RecordingLogHandler.logger()
        let harvester = Harvester(store: store, logger: logger, clientConfiguration: fastRetries)
        try await body(Harness(portal: portal, server: server, store: store, harvester: harvester, log: log))
    }

    static func packages(_ count: Int, titlePrefix: String = "Luftkvalitet mätstation") -> [String] {
        (0..<count).map { index in
            CKANTestPortal.package(
                id: String(format: "pkg-%03d", index), title: "\(titlePrefix) \(index)",
                notes: "Timvärden för kvävedioxid och partiklar vid station \(index) i Göteborg.",
                tags: ["luft", "miljö"], resources: [("CSV", "https://data.example.se/luft/\(index).csv")]
            )
        }
    }

    @Test func harvestsEveryPageIntoSearch() async throws {
        try await Self.withHarness(Self.packages(23)) { harness in
            let summary = try await harness.run()
            #expect(summary.status == .succeeded)
            #expect(summary.counts.added == 23)
            #expect(harness.portal.searches == 5)
            let result = try await harness.store.search({ var q = SearchQuery(); q.text = "mätstation 7"; return q }())
            let hit = try #require(result.hits.first { $0.dataset.title.best() == "Luftkvalitet mätstation 7" })
            #expect(hit.dataset.publisher?.name.best() == "Miljöförvaltningen")
            #expect(hit.dataset.distributions.first?.accessURLs.first == "https://data.example.se/luft/7.csv")
            #expect(hit.dataset.formatKeys == ["CSV"])
        }
    }

    @Test func anUnchangedSecondRunWritesNothing() async throws {
        try await Self.withHarness(Self.packages(12)) { harness in
            _ = try await harness.run()
            let second = try await harness.run()
            #expect(second.status == .succeeded)
            #expect(second.counts.unchanged == 12)
            #expect(second.counts.added == 0)
            #expect(second.counts.updated == 0)
        }
    }

    @Test func aChangedRecordIsUpdated() async throws {
        try await Self.withHarness(Self.packages(6)) { harness in
            _ = try await harness.run()
            var packages = Self.packages(6)
            packages[2] = CKANTestPortal.package(id: "pkg-002", title: "Vattenkvalitet Vänern")
            harness.portal.setPackages(packages)
            let second = try await harness.run()
            #expect(second.counts.updated == 1)
            #expect(second.counts.unchanged == 5)
            #expect(try await harness.titles(matching: "Vänern") == ["Vattenkvalitet Vänern"])
            #expect(try await harness.titles(matching: "\"mätstation 2\"").isEmpty)
        }
    }

    @Test func aPortalThatIgnoresPagingEndsThePagingWithAWarning() async throws {
        try await Self.withHarness(Self.packages(12)) { harness in
            _ = try await harness.run()
            harness.portal.setFault(.ignoresStart)
            let summary = try await harness.run()
            #expect(summary.status == .partial)
            #expect(summary.counts.deleted == 0)
            #expect(harness.portal.searches <= 5)
            #expect(try await harness.allTitles().count == 12)
            let run = try #require(try await harness.store.runs(source: "testportal", limit: 1).first)
            #expect(run.errors.contains { $0.cause.contains("same page") })
        }
    }

    @Test(arguments: [
        CKANTestPortal.Fault.serverErrorAt(start: 5),
        .malformedJSONAt(start: 5),
        .invalidUTF8At(start: 5),
        .unsuccessful,
    ])
    func aFailureMidRunLeavesTheCatalogueAsItWas(fault: CKANTestPortal.Fault) async throws {
        try await Self.withHarness(Self.packages(12)) { harness in
            _ = try await harness.run()
            let before = try await harness.allTitles()
            harness.portal.setPackages(Self.packages(12, titlePrefix: "Ny rubrik"))
            harness.portal.setFault(fault)
            let summary = try await harness.run()
            #expect(summary.status == .failed)
            #expect(try await harness.allTitles() == before)
            #expect(try await harness.titles(matching: "rubrik").isEmpty)
            #expect(try await harness.store.integrityCheck())
            let run = try #require(try await harness.store.runs(source: "testportal", limit: 1).first)
            #expect(run.status == .failed)
            #expect(run.message?.isEmpty == false)
        }
    }

    @Test func invalidUTF8IsNamedInTheRunsMessage() async throws {
        try await Self.withHarness(Self.packages(3)) { harness in
            harness.portal.setFault(.invalidUTF8At(start: 0))
            _ = try await harness.run()
            let run = try #require(try await harness.store.runs(source: "testportal", limit: 1).first)
            #expect(run.message?.contains("UTF-8") == true)
            #expect(run.message?.contains("/portal/api/3/action/package_search") == true)
        }
    }

    @Test func aPathologicalRecordIsSkippedAndTheRunGoesOn() async throws {
        var packages = Self.packages(8)
        packages[3] = CKANTestPortal.package(id: "pkg-003", title: "Alla ord", tags: (0..<30_000).map { "ord\($0)" })
        try await Self.withHarness(packages) { harness in
            let summary = try await harness.run()
            #expect(summary.status == .partial)
            #expect(summary.counts.added == 7)
            #expect(summary.counts.errored == 1)
            #expect(summary.counts.fetched == 8, "a record over the limits counts as fetched, as it always did")
            let run = try #require(try await harness.store.runs(source: "testportal", limit: 1).first)
            #expect(run.errors.contains { $0.subject == "pkg-003" && $0.cause.contains("keywords") })
        }
    }

    @Test func privateAndDeletedPackagesAreNotHarvested() async throws {
        var packages = Self.packages(4)
        packages.append(CKANTestPortal.package(id: "pkg-secret", title: "Hemlig", extra: ["private": true]))
        packages.append(CKANTestPortal.package(id: "pkg-gone", title: "Borttagen", extra: ["state": "deleted"]))
        try await Self.withHarness(packages) { harness in
            let summary = try await harness.run()
            #expect(summary.counts.added == 4)
            #expect(summary.counts.skipped == 2)
            #expect(try await harness.titles(matching: "Hemlig OR Borttagen").isEmpty)
        }
    }

    @Test func aSuddenlyEmptySourceIsHeldUntilAccepted() async throws {
        try await Self.withHarness(Self.packages(10)) { harness in
            _ = try await harness.run()
            harness.portal.setPackages([])
            let held = try await harness.run()
            #expect(held.status == .held)
            #expect(held.counts.deleted == 0)
            #expect(held.message.contains("accept-deletions"))
            #expect(try await harness.allTitles().count == 10)
            let accepted = try await harness.run(acceptDeletions: true)
            #expect(accepted.counts.deleted == 10)
            #expect(try await harness.allTitles().isEmpty)
        }
    }

    @Test func aSourceThatShrinksByHalfIsHeld() async throws {
        try await Self.withHarness(Self.packages(20)) { harness in
            _ = try await harness.run()
            harness.portal.setPackages(Array(Self.packages(20).prefix(10)))
            let held = try await harness.run()
            #expect(held.status == .held)
            #expect(held.heldDeletions == 10)
            #expect(try await harness.allTitles().count == 20)
        }
    }

    @Test func aSmallDeletionIsApplied() async throws {
        try await Self.withHarness(Self.packages(20)) { harness in
            _ = try await harness.run()
            harness.portal.setPackages(Array(Self.packages(20).dropLast(2)))
            let summary = try await harness.run()
            #expect(summary.status == .succeeded)
            #expect(summary.counts.deleted == 2)
            #expect(try await harness.titles(matching: "\"mätstation 19\"").isEmpty)
        }
    }

    @Test func aSourceThatGrowsTenfoldIsHarvested() async throws {
        try await Self.withHarness(Self.packages(10)) { harness in
            _ = try await harness.run()
            harness.portal.setPackages(Self.packages(100))
            let summary = try await harness.run(pageSize: 25)
            #expect(summary.status == .succeeded)
            #expect(summary.counts.added == 90)
            #expect(summary.counts.unchanged == 10)
        }
    }
}
