import Foundation
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// End-to-end harvests of an OAI-PMH repository on 127.0.0.1 into a temporary store.
struct OAIPMHHarvestTests {
    struct Harness {
        let repository: OAIPMHTestRepository
        let server: TestHTTPServer
        let store: CatalogStore
        let harvester: Harvester

        func source(path: String = "/oai") -> SourceConfig {
            SourceConfig(name: "repo", kind: .oaiPMH, url: server.url(path))
        }

        func run(path: String = "/oai", incremental: Bool = true, options: Harvester.Options = Harvester.Options()) async throws -> RunSummary {
            var source = source(path: path)
            source.incremental = incremental
            return try await harvester.run(source, options: options)
        }

        /// The `ListRecords` requests that started a list (not resumptions), in order.
        var listRequests: [[String: String]] {
            repository.queries.filter { $0["verb"] == "ListRecords" && $0["resumptionToken"] == nil }
        }

        func identifiers() async throws -> Set<String> {
            var query = SearchQuery()
            query.limit = 200
            return Set(try await store.search(query).hits.map(\.sourceIdentifier))
        }

        func lastRun() async throws -> HarvestRun {
            try #require(await store.runs(source: "repo", limit: 1).first)
        }
    }

    static func withHarness(_ records: [OAIPMHTestRepository.Record], _ body: (Harness) async throws -> Void) async throws {
        let repository = OAIPMHTestRepository(records: records)
        let server = TestHTTPServer(handler: repository.handler)
        try server.start()
        defer { server.stop() }
        let store = try CatalogStore.temporary()
        let harvester = Harvester(store: store, logger: Logger(label: "test"), clientConfiguration: CKANHarvestTests.fastRetries)
        try await body(Harness(repository: repository, server: server, store: store, harvester: harvester))
    }

    static func ids(_ range: Range<Int>) -> Set<String> { Set(range.map { "oai:test:\($0)" }) }

    @Test func followsResumptionTokensThroughEveryRecord() async throws {
        try await Self.withHarness(OAIPMHTestRepository.records(10)) { harness in
            let summary = try await harness.run()
            #expect(summary.status == .succeeded, "\(summary.message)")
            #expect(summary.counts.added == 10)
            #expect(try await harness.identifiers() == Self.ids(0..<10))
            let queries = harness.repository.queries
            #expect(queries.first?["verb"] == "ListMetadataFormats")
            #expect(queries.dropFirst().first?["metadataPrefix"] == "oai_dc")
            #expect(queries.compactMap { $0["resumptionToken"] } == ["4", "8"])
            // A resumed request carries the token alone, as OAI-PMH requires.
            #expect(queries.last?.keys.sorted() == ["resumptionToken", "verb"])
            let stored = try #require(try await harness.store.dataset(source: "repo", sourceIdentifier: "oai:test:3"))
            #expect(stored.dataset.title.values == ["sv": "Forskningsdata 3"])
            #expect(stored.rawFormat == "application/xml")
        }
    }

    @Test func theConfiguredPrefixAndSetAreUsedAndISOIsPreferred() async throws {
        try await Self.withHarness(OAIPMHTestRepository.records(2)) { harness in
            _ = try await harness.run(path: "/oai?metadataPrefix=oai_dc&set=geodata&apikey=k&verb=Identify")
            let first = try #require(harness.repository.queries.first)
            #expect(first["verb"] == "ListRecords")
            #expect(first["metadataPrefix"] == "oai_dc")
            #expect(first["set"] == "geodata")
            #expect(first["apikey"] == "k")
        }
        try await Self.withHarness([]) { harness in
            harness.repository.setFormats(["oai_dc", "iso19139"])
            _ = try await harness.run()
            #expect(harness.repository.queries.dropFirst().first?["metadataPrefix"] == "iso19139")
        }
        for fault in [OAIPMHTestRepository.Fault.noFormats, .formatsNotFound] {
            try await Self.withHarness(OAIPMHTestRepository.records(1)) { harness in
                harness.repository.setFault(fault)
                let summary = try await harness.run()
                #expect(summary.counts.added == 1, "\(fault)")
                #expect(harness.repository.queries.last?["metadataPrefix"] == "oai_dc", "\(fault)")
                #expect(try await harness.lastRun().errors.contains { $0.cause.contains("ListMetadataFormats failed") }, "\(fault)")
            }
        }
    }

    @Test func theURLsOwnParametersGoWithTokensUntilTheRepositoryRefusesThem() async throws {
        try await Self.withHarness(OAIPMHTestRepository.records(10)) { harness in
            let summary = try await harness.run(path: "/oai?apikey=k")
            #expect(summary.counts.added == 10)
            var resumed = harness.repository.queries.filter { $0["resumptionToken"] != nil }
            #expect(resumed.map { $0["apikey"] } == ["k", "k"])

            harness.repository.setFault(.strictResumption)
            let strict = try await harness.run(path: "/oai?apikey=k", incremental: false)
            #expect(strict.counts.unchanged == 10, "\(strict.message)")
            #expect(strict.counts.deleted == 0)
            resumed = harness.repository.queries.filter { $0["resumptionToken"] != nil }.suffix(3).map { $0 }
            // Refused once with the key, then sent alone: page 2 again, and page 3.
            #expect(resumed.map { $0["apikey"] } == ["k", nil, nil])
            #expect(try await harness.lastRun().errors.contains { $0.cause.contains("sending tokens alone") })
        }
    }

    @Test(arguments: [false, true])
    func deletedRecordsAreRemovedByACompleteRun(incremental: Bool) async throws {
        var records = OAIPMHTestRepository.records(10)
        try await Self.withHarness(records) { harness in
            _ = try await harness.run(incremental: incremental)
            for index in [2, 7] {
                records[index].metadata = nil
                records[index].datestamp = "2026-12-07T06:00:00Z"
            }
            harness.repository.setRecords(records)
            let summary = try await harness.run(incremental: incremental)
            #expect(summary.status == .succeeded, "\(summary.message)")
            #expect(summary.counts.deleted == 2)
            #expect(summary.counts.skipped == 2)
            // A full listing sees the other eight again; a list of changes has only the two.
            #expect(summary.counts.unchanged == (incremental ? 0 : 8))
            #expect(harness.listRequests.last?["from"] == (incremental ? "2026-12-07T00:00:00Z" : nil))
            #expect(try await harness.identifiers() == Self.ids(0..<10).subtracting(["oai:test:2", "oai:test:7"]))
        }
    }

    @Test func anEmptyRepositoryIsAnEmptyCompleteList() async throws {
        try await Self.withHarness([]) { harness in
            let summary = try await harness.run()
            #expect(summary.status == .succeeded, "\(summary.message)")
            #expect(summary.counts.added == 0)
        }
    }

    @Test(arguments: [OAIPMHTestRepository.Fault.badResumptionToken, .malformedResume])
    func aFailureMidListFailsTheRunAndKeepsTheCatalogue(fault: OAIPMHTestRepository.Fault) async throws {
        try await Self.withHarness(OAIPMHTestRepository.records(10)) { harness in
            _ = try await harness.run()
            harness.repository.setRecords(OAIPMHTestRepository.records(10, prefix: "oai:new:"))
            harness.repository.setFault(fault)
            let summary = try await harness.run(incremental: false)
            #expect(summary.status == .failed)
            let run = try await harness.lastRun()
            #expect(run.message?.contains(fault == .badResumptionToken ? "badResumptionToken" : "not well-formed XML") == true)
            #expect(try await harness.identifiers() == Self.ids(0..<10))
        }
    }

    @Test(arguments: [OAIPMHTestRepository.Fault.repeatsToken, .overcounts])
    func doubtfulPagingIsIncompleteAndDeletesNothing(fault: OAIPMHTestRepository.Fault) async throws {
        try await Self.withHarness(OAIPMHTestRepository.records(12)) { harness in
            _ = try await harness.run()
            harness.repository.setRecords(Array(OAIPMHTestRepository.records(12).dropLast(2)))
            harness.repository.setFault(fault)
            let summary = try await harness.run(incremental: false)
            #expect(summary.status == .partial)
            #expect(summary.counts.deleted == 0)
            #expect(try await harness.identifiers() == Self.ids(0..<12))
            #expect(try await !harness.lastRun().errors.isEmpty)
        }
    }

    @Test func recordsOfAnUnknownFormatAreErrorsForThemAlone() async throws {
        var records = OAIPMHTestRepository.records(3)
        records[1].metadata = "<mods xmlns=\"http://www.loc.gov/mods/v3\"><titleInfo><title>T</title></titleInfo></mods>"
        try await Self.withHarness(records) { harness in
            let summary = try await harness.run()
            #expect(summary.counts.added == 2)
            #expect(summary.counts.errored == 1)
            #expect(try await harness.lastRun().errors.contains { $0.cause.contains("does not map") })
        }
    }

    @Test func aPageLargerThanTheTreeLimitIsMappedRecordByRecord() async throws {
        // Four records (one page) of two descriptions of about 600 KB each: the page is past CSWPage.treeLimit.
        let long = String(repeating: "Lång beskrivning av materialet. ", count: 19_000)
        let records = (0..<4).map { index in
            OAIPMHTestRepository.Record(identifier: "oai:test:\(index)",
                                        metadata: OAIPMHTestRepository.dublinCore(title: "Stor post \(index)")
                                            .replacingOccurrences(of: "Om Stor post \(index).",
                                                                  with: long + "</dc:description><dc:description xml:lang=\"en\">" + long))
        }
        #expect(records.reduce(0) { $0 + ($1.metadata?.utf8.count ?? 0) } > CSWPage.treeLimit)
        try await Self.withHarness(records) { harness in
            let summary = try await harness.run()
            #expect(summary.status == .succeeded, "\(summary.message)")
            #expect(summary.counts.added == 4)
            let stored = try #require(try await harness.store.dataset(source: "repo", sourceIdentifier: "oai:test:2"))
            #expect(stored.dataset.title.values == ["sv": "Stor post 2"])
            #expect(stored.dataset.description.best()?.hasPrefix("Lång beskrivning") == true)
        }
    }

    @Test func endpointParsing() {
        let endpoint = OAIPMHAdapter.Endpoint("https://repo.example/oai?metadataPrefix=iso19139&set=a%20b&from=2020-01-01&key=1#x")
        #expect(endpoint.base == "https://repo.example/oai")
        #expect(endpoint.metadataPrefix == "iso19139")
        #expect(endpoint.set == "a b")
        #expect(endpoint.kept == ["key=1"])
        #expect(endpoint.listRecords(prefix: "iso19139") == "https://repo.example/oai?key=1&verb=ListRecords&metadataPrefix=iso19139&set=a%20b")
        #expect(endpoint.resume("x/y=1") == "https://repo.example/oai?key=1&verb=ListRecords&resumptionToken=x%2Fy%3D1")
    }
}
