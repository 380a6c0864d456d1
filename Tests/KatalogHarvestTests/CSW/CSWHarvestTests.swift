import Foundation
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// End-to-end harvests of a CSW service on 127.0.0.1 into a temporary store.
struct CSWHarvestTests {
    struct Harness {
        let service: CSWTestService
        let server: TestHTTPServer
        let store: CatalogStore
        let harvester: Harvester
        let log: RecordingLogHandler.Store

        func source(pageSize: Int = 5, path: String = "/geonetwork/srv/swe/csw") -> SourceConfig {
            SourceConfig(name: "geodata", kind: .csw, url: server.url(path), pageSize: pageSize)
        }

        func run(pageSize: Int = 5, path: String = "/geonetwork/srv/swe/csw") async throws -> RunSummary {
            try await harvester.run(source(pageSize: pageSize, path: path))
        }

        func identifiers() async throws -> Set<String> {
            var query = SearchQuery()
            query.limit = 200
            return Set(try await store.search(query).hits.map(\.sourceIdentifier))
        }

        func lastRun() async throws -> HarvestRun {
            try #require(await store.runs(source: "geodata", limit: 1).first)
        }

        /// `harvest.unchanged_unmapped` of each finished run so far.
        func unmapped() -> [String] {
            log.all.filter { $0.message == "harvest finished" }.compactMap { $0.metadata["harvest.unchanged_unmapped"]?.description }
        }
    }

    static func withHarness(_ records: [String], _ body: (Harness) async throws -> Void) async throws {
        let service = CSWTestService(records: records)
        let server = TestHTTPServer(handler: service.handler)
        try server.start()
        defer { server.stop() }
        let store = try CatalogStore.temporary()
        let (logger, log) = RecordingLogHandler.logger()
        let harvester = Harvester(store: store, logger: logger, clientConfiguration: CKANHarvestTests.fastRetries)
        try await body(Harness(service: service, server: server, store: store, harvester: harvester, log: log))
    }

    @Test func pagesThroughEveryRecordWithGetRecords() async throws {
        try await Self.withHarness(CSWTestService.records(23)) { harness in
            let summary = try await harness.run()
            #expect(summary.status == .succeeded)
            #expect(summary.counts.added == 23)
            #expect(try await harness.identifiers() == Set((0..<23).map { String(format: "rec-%03d", $0) }))
            let queries = harness.service.queries
            #expect(queries.compactMap { $0["startPosition"] } == ["1", "6", "11", "16", "21"])
            for query in queries {
                #expect(query["service"] == "CSW")
                #expect(query["request"] == "GetRecords")
                #expect(query["version"] == "2.0.2")
                #expect(query["outputSchema"] == "http://www.isotc211.org/2005/gmd")
                #expect(query["resultType"] == "results")
                #expect(query["maxRecords"] == "5")
            }
            let stored = try #require(try await harness.store.dataset(source: "geodata", sourceIdentifier: "rec-007"))
            #expect(stored.rawFormat == "application/xml")
            let raw = try #require(String(data: stored.raw, encoding: .utf8))
            #expect(raw.contains("<gmd:MD_Metadata"))
            #expect(raw.contains("rec-007"))
        }
    }

    @Test func servicesAreSkippedAndRecordsGoneFromTheServiceAreDeleted() async throws {
        var records = CSWTestService.records(10)
        records.insert(CSWTestService.record(id: "wms-1", title: "Visningstjänst", service: true), at: 4)
        try await Self.withHarness(records) { harness in
            let first = try await harness.run()
            #expect(first.status == .succeeded)
            #expect(first.counts.added == 10)
            #expect(first.counts.skipped == 1)
            #expect(try await !harness.identifiers().contains("wms-1"))

            records.remove(at: 0)
            harness.service.setRecords(records)
            let second = try await harness.run()
            #expect(second.status == .succeeded)
            #expect(second.counts.deleted == 1)
            #expect(second.counts.unchanged == 9)
            #expect(try await !harness.identifiers().contains("rec-000"))
            #expect(try await harness.identifiers().count == 9)
            // The unchanged records were recognised by their XML's digest, not mapped again.
            #expect(harness.unmapped().last == "9")
        }
    }

    @Test func anExceptionReportFailsTheRunAndKeepsTheCatalogue() async throws {
        try await Self.withHarness(CSWTestService.records(12)) { harness in
            _ = try await harness.run()
            harness.service.setRecords(CSWTestService.records(3, prefix: "new"))
            harness.service.setFault(.exceptionAt(start: 1))
            let summary = try await harness.run()
            #expect(summary.status == .failed)
            let run = try await harness.lastRun()
            #expect(run.message?.contains("NoApplicableCode") == true)
            #expect(run.message?.contains("Search index is rebuilding") == true)
            #expect(try await harness.identifiers() == Set((0..<12).map { String(format: "rec-%03d", $0) }))
        }
    }

    @Test func anHTTPErrorWithAnExceptionReportIsNamedByItsCause() async throws {
        try await Self.withHarness(CSWTestService.records(12)) { harness in
            _ = try await harness.run()
            harness.service.setFault(.badRequestAt(start: 6))
            let summary = try await harness.run()
            #expect(summary.status == .failed)
            let run = try await harness.lastRun()
            #expect(run.message?.contains("HTTP 400") == true)
            #expect(run.message?.contains("InvalidParameterValue at outputSchema: Unknown output schema") == true)
            #expect(try await harness.identifiers().count == 12)
        }
    }

    @Test func aMalformedPageFailsTheRunNamingWhereAndKeepsTheCatalogue() async throws {
        try await Self.withHarness(CSWTestService.records(12)) { harness in
            _ = try await harness.run()
            harness.service.setRecords(CSWTestService.records(12, prefix: "new"))
            harness.service.setFault(.malformedAt(start: 6))
            let summary = try await harness.run()
            #expect(summary.status == .failed)
            let run = try await harness.lastRun()
            #expect(run.message?.contains("not well-formed XML") == true)
            #expect(run.message?.contains("line") == true)
            #expect(run.message?.contains("startPosition=6") == true)
            #expect(try await harness.identifiers() == Set((0..<12).map { String(format: "rec-%03d", $0) }))
            #expect(try await harness.store.integrityCheck())
        }
    }

    @Test func invalidUTF8IsNamedInTheRunsMessage() async throws {
        try await Self.withHarness(CSWTestService.records(3)) { harness in
            harness.service.setFault(.invalidUTF8At(start: 1))
            let summary = try await harness.run()
            #expect(summary.status == .failed)
            let run = try await harness.lastRun()
            #expect(run.message?.contains("UTF-8") == true)
            #expect(run.message?.contains("startPosition=1") == true)
        }
    }

    @Test(arguments: [CSWTestService.Fault.ignoresStart, .stuckNextRecord, .overcounts(5)])
    func doubtfulPagingIsIncompleteAndDeletesNothing(fault: CSWTestService.Fault) async throws {
        try await Self.withHarness(CSWTestService.records(12)) { harness in
            _ = try await harness.run()
            harness.service.setRecords(Array(CSWTestService.records(12).dropFirst(2)))
            harness.service.setFault(fault)
            let summary = try await harness.run()
            #expect(summary.status == .partial)
            #expect(summary.counts.deleted == 0)
            // The second run's walk stops at the first doubtful page (besides the few counts of its incremental probe).
            #expect(harness.service.fullRecordQueries.count <= 2 + 3 + 3)
            #expect(try await harness.identifiers().count == 12)
            let run = try await harness.lastRun()
            #expect(!run.errors.isEmpty)
        }
    }

    @Test func aRecordWithoutFileIdentifierIsAnErrorForThatRecordOnly() async throws {
        var records = CSWTestService.records(6)
        records[2] = CSWTestService.record(id: nil, title: "Utan identifierare")
        try await Self.withHarness(records) { harness in
            let summary = try await harness.run()
            #expect(summary.counts.added == 5)
            #expect(summary.counts.errored == 1)
            let run = try await harness.lastRun()
            #expect(run.errors.contains { $0.cause.contains("fileIdentifier") })
        }
    }

    @Test func dublinCoreRecordsAreReportedAsNotISO() async throws {
        try await Self.withHarness(CSWTestService.records(3)) { harness in
            harness.service.setFault(.dublinCore)
            let summary = try await harness.run()
            #expect(summary.counts.added == 0)
            #expect(summary.counts.errored == 3)
            let run = try await harness.lastRun()
            #expect(run.errors.contains { $0.cause.contains("csw:Record") && $0.cause.contains("outputSchema") })
        }
    }

    @Test func theEndpointsOwnParametersAreKeptAndGetRecordsParametersReplaced() async throws {
        try await Self.withHarness(CSWTestService.records(3)) { harness in
            let summary = try await harness.run(path: "/csw?constraintLanguage=CQL_TEXT&constraint=OrganisationName%20like%20%27Norr%25%27&outputSchema=csw:Record&apikey=k1")
            #expect(summary.status == .succeeded)
            let query = try #require(harness.service.queries.first)
            #expect(query["constraint"] == "OrganisationName like 'Norr%'")
            #expect(query["constraintLanguage"] == "CQL_TEXT")
            #expect(query["apikey"] == "k1")
            #expect(query["outputSchema"] == "http://www.isotc211.org/2005/gmd")
        }
    }

    @Test func aPageLargerThanTheTreeLimitIsMappedRecordByRecord() async throws {
        // Five records of about 900 KB each: the page is past CSWPage.treeLimit, so only the records' bytes are kept.
        let long = String(repeating: "Lång beskrivning av vattendragen. ", count: 27_000)
        let records = (0..<5).map { index in
            CSWTestService.record(id: "big-\(index)", title: "Stor post \(index)")
                .replacingOccurrences(of: "Beskrivning av Stor post \(index).", with: long)
        }
        #expect(records.reduce(0) { $0 + $1.utf8.count } > CSWPage.treeLimit)
        try await Self.withHarness(records) { harness in
            let summary = try await harness.run()
            #expect(summary.status == .succeeded, "\(summary.message)")
            #expect(summary.counts.added == 5)
            let stored = try #require(try await harness.store.dataset(source: "geodata", sourceIdentifier: "big-3"))
            #expect(stored.dataset.title.best() == "Stor post 3")
            #expect(stored.dataset.description.best()?.hasPrefix("Lång beskrivning") == true)
        }
    }

    @Test func getRecordsURLs() {
        let url = CSWAdapter.getRecordsURL(endpoint: "https://geo.example/csw?SERVICE=CSW&request=GetCapabilities&x=1#frag",
                                           startPosition: 101, maxRecords: 50)
        #expect(url.hasPrefix("https://geo.example/csw?x=1&service=CSW&version=2.0.2&request=GetRecords&"))
        #expect(url.contains("&startPosition=101&maxRecords=50"))
        #expect(url.contains("outputSchema=http://www.isotc211.org/2005/gmd"))
        #expect(url.contains("namespace=xmlns%28csw%3Dhttp://www.opengis.net/cat/csw/2.0.2%29"))
        #expect(!url.contains("GetCapabilities"))
        #expect(!url.contains("#"))
    }
}
