import Foundation
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// Incremental CSW harvests (a `Modified` constraint and a listing of brief records) against a service on 127.0.0.1
/// that filters by its records' `gmd:dateStamp`.
struct CSWIncrementalHarvestTests {
    typealias Harness = CSWHarvestTests.Harness
    static let firstClock = "2026-12-07T00:00:00Z"
    static let secondClock = "2026-12-09T08:00:00Z"

    /// Ten records stamped 2026-11-20, harvested once at ``firstClock``; then the service's clock moves to ``secondClock``.
    static func afterAFirstRun(path: String = "/geonetwork/srv/swe/csw", _ body: (Harness) async throws -> Void) async throws {
        try await CSWHarvestTests.withHarness(CSWTestService.records(10, dateStamp: "2026-11-20")) { harness in
            let first = try await harness.harvester.run(harness.source(path: path))
            #expect(first.status == .succeeded, "\(first.message)")
            #expect(harness.service.queries.allSatisfy { $0["constraint"] == nil || path.contains("constraint") })
            harness.service.setClock(secondClock)
            try await body(harness)
        }
    }

    /// Record 3 revised (a new stamp), record 5 gone, a new record, and record 8 revised under its old stamp.
    static func editTheService(_ harness: Harness) {
        harness.service.editRecords { records in
            records[3] = CSWTestService.record(id: "rec-003", title: "Geodata 3, reviderad", dateStamp: "2026-12-08")
            records[8] = CSWTestService.record(id: "rec-008", title: "Geodata 8, tyst ändrad", dateStamp: "2026-11-20")
            records.remove(at: 5)
            records.append(CSWTestService.record(id: "rec-new", title: "Ny", dateStamp: "2026-12-08T10:00:00"))
        }
    }

    static func ids(_ range: Range<Int>) -> Set<String> {
        Set(range.map { String(format: "rec-%03d", $0) })
    }

    /// The date predicate a constrained query asked for, as `name >= day` (from an OGC filter or CQL).
    static func datePredicate(_ query: [String: String]?) -> String? {
        guard let constraint = query?["constraint"] else { return nil }
        if query?["constraintLanguage"] == "CQL_TEXT" { return constraint }
        guard let name = constraint.range(of: #"<ogc:PropertyName>[^<]+</ogc:PropertyName><ogc:Literal>[0-9-]+</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>"#,
                                          options: .regularExpression) else { return nil }
        let text = String(constraint[name])
            .replacingOccurrences(of: "<ogc:PropertyName>", with: "")
            .replacingOccurrences(of: "</ogc:PropertyName><ogc:Literal>", with: " >= ")
            .replacingOccurrences(of: "</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>", with: "")
        return text
    }

    @Test func aSecondRunAsksOnlyForModifiedRecordsAndStillDeletes() async throws {
        try await Self.afterAFirstRun { harness in
            let mark = try #require(try await harness.store.listingMark(source: "geodata"))
            #expect(mark.mark == Self.firstClock)
            Self.editTheService(harness)
            let before = harness.service.queries.count
            let summary = try await harness.run()
            #expect(summary.status == .succeeded, "\(summary.message)")
            let queries = Array(harness.service.queries[before...])
            // Probe: the total, then the first queryable from any time and from the far future.
            #expect(queries.prefix(3).map { $0["resultType"] } == ["hits", "hits", "hits"])
            #expect(queries.prefix(3).map { Self.datePredicate($0) } == [nil, "Modified >= 1000-01-01", "Modified >= 9999-12-31"])
            let changes = harness.service.fullRecordQueries.last
            #expect(Self.datePredicate(changes) == "Modified >= 2026-12-06")
            #expect(changes?["constraintLanguage"] == "FILTER")
            let brief = queries.filter { $0["elementSetName"] == "brief" && $0["resultType"] == "results" }
            #expect(brief.count == 1)
            #expect(brief.first?["maxRecords"] == "500")
            #expect(brief.first?["constraint"] == nil)
            #expect(summary.counts.fetched == 2)
            #expect(summary.counts.added == 1)
            #expect(summary.counts.updated == 1)
            #expect(summary.counts.deleted == 1)
            #expect(try await harness.identifiers() == Self.ids(0..<10).subtracting(["rec-005"]).union(["rec-new"]))
            let revised = try #require(try await harness.store.dataset(source: "geodata", sourceIdentifier: "rec-003"))
            #expect(revised.dataset.title.values["sv"] == "Geodata 3, reviderad")
            // Revised under its old stamp: a list of changes cannot see it; the next full listing will.
            let silent = try #require(try await harness.store.dataset(source: "geodata", sourceIdentifier: "rec-008"))
            #expect(silent.dataset.title.values["sv"] == "Geodata 8")
            let run = try await harness.lastRun()
            #expect(run.changesSince == "2026-12-06")
            #expect(run.message?.hasPrefix("changes since 2026-12-06") == true)
            let next = try #require(try await harness.store.listingMark(source: "geodata"))
            #expect(next.mark == "2026-12-09T00:00:00Z")
            #expect(next.fullListingAt == mark.fullListingAt)
        }
    }

    @Test func theFirstQueryableTheServiceFiltersByIsUsed() async throws {
        let cases: [(CSWTestService.ConstraintSupport, String)] = [
            (.honours(["dct:modified"]), "dct:modified"),
            (.honours(["apiso:Modified", "dct:modified"]), "apiso:Modified"),
            // A name the service matches against nothing is not taken for a date it filters by.
            (.matchesNothingForOthers(["dct:modified"]), "dct:modified"),
        ]
        for (support, expected) in cases {
            try await Self.afterAFirstRun { harness in
                harness.service.setConstraintSupport(support)
                Self.editTheService(harness)
                let summary = try await harness.run()
                #expect(summary.status == .succeeded, "\(summary.message)")
                #expect(Self.datePredicate(harness.service.fullRecordQueries.last) == "\(expected) >= 2026-12-06")
                #expect(summary.counts.fetched == 2)
                #expect(summary.counts.deleted == 1)
                #expect(try await harness.lastRun().changesSince == "2026-12-06")
            }
        }
    }

    @Test func aConfiguredQueryableIsTheOnlyNameTried() async throws {
        try await Self.afterAFirstRun { harness in
            harness.service.setConstraintSupport(.honours(["apiso:RevisionDate"]))
            Self.editTheService(harness)
            var source = harness.source()
            source.modifiedQueryable = "apiso:RevisionDate"
            let summary = try await harness.harvester.run(source)
            #expect(summary.status == .succeeded, "\(summary.message)")
            #expect(Self.datePredicate(harness.service.fullRecordQueries.last) == "apiso:RevisionDate >= 2026-12-06")
            let names = harness.service.queries.compactMap { Self.datePredicate($0)?.components(separatedBy: " >=").first }
            #expect(Set(names) == ["apiso:RevisionDate"])
            #expect(summary.counts.fetched == 2)
            #expect(summary.counts.deleted == 1)
        }
    }

    @Test func aServiceThatDoesNotFilterByDateIsListedInFullWithoutAWarning() async throws {
        for support in [CSWTestService.ConstraintSupport.ignores, .refuses, .matchesNothingForOthers([])] {
            try await Self.afterAFirstRun { harness in
                harness.service.setConstraintSupport(support)
                Self.editTheService(harness)
                let summary = try await harness.run()
                // Not a fault of the service, and every run would repeat it: logged, not a run warning.
                #expect(summary.status == .succeeded, "\(support): \(summary.message)")
                #expect(harness.service.fullRecordQueries.last?["constraint"] == nil)
                // A full listing also finds record 8's quiet revision.
                #expect(summary.counts.updated == 2)
                #expect(summary.counts.deleted == 1)
                #expect(try await harness.lastRun().changesSince == nil)
                #expect(harness.log.all.contains { $0.message.contains("the service filters by no modification date") })
            }
        }
    }

    @Test func recordsWithoutAStampMakeTheRunListEverything() async throws {
        try await Self.afterAFirstRun { harness in
            harness.service.editRecords { records in
                records[2] = CSWTestService.record(id: "rec-002", title: "Geodata 2 utan datum")
            }
            let summary = try await harness.run()
            #expect(summary.status == .succeeded, "\(summary.message)")
            #expect(harness.service.fullRecordQueries.last?["constraint"] == nil)
            #expect(summary.counts.updated == 1)
            #expect(harness.log.all.contains { ($0.metadata["csw.queryables"]?.description ?? "").contains("matches 9 of the 10 records") })
        }
    }

    @Test func aRecordThatBecameAServiceIsDeleted() async throws {
        try await Self.afterAFirstRun { harness in
            harness.service.editRecords { records in
                records[2] = CSWTestService.record(id: "rec-002", title: "Visningstjänst", service: true, dateStamp: "2026-12-08")
            }
            let summary = try await harness.run()
            #expect(summary.status == .succeeded, "\(summary.message)")
            #expect(try await harness.lastRun().changesSince == "2026-12-06")
            #expect(summary.counts.skipped == 1)
            #expect(summary.counts.deleted == 1)
            #expect(try await harness.identifiers() == Self.ids(0..<10).subtracting(["rec-002"]))
        }
    }

    @Test func anIncompleteIdentifierListingDeletesNothingAndKeepsTheMark() async throws {
        try await Self.afterAFirstRun { harness in
            Self.editTheService(harness)
            harness.service.setFault(.briefOvercounts(3))
            let summary = try await harness.run()
            #expect(summary.status == .partial, "\(summary.message)")
            #expect(summary.counts.added == 1)
            #expect(summary.counts.updated == 1)
            #expect(summary.counts.deleted == 0)
            #expect(try await harness.identifiers().contains("rec-005"))
            #expect(try await harness.store.listingMark(source: "geodata")?.mark == Self.firstClock)
            #expect(try await harness.lastRun().errors.contains { $0.cause.contains("listing the service's identifiers") })
        }
    }

    @Test(arguments: [(CSWTestService.Fault.briefDublinCore, "brief csw:Record records, not ISO 19139"),
                      (.briefWithoutIdentifiers, "brief records carry no gmd:fileIdentifier")])
    func briefRecordsThatNameNoRecordDeleteNothing(fault: CSWTestService.Fault, cause: String) async throws {
        try await Self.afterAFirstRun { harness in
            Self.editTheService(harness)
            harness.service.setFault(fault)
            let summary = try await harness.run()
            #expect(summary.status == .partial, "\(summary.message)")
            #expect(summary.counts.updated == 1)
            #expect(summary.counts.deleted == 0)
            #expect(try await harness.identifiers().count == 11)
            #expect(try await harness.lastRun().errors.contains { $0.cause.contains(cause) })
            #expect(try await harness.store.listingMark(source: "geodata")?.mark == Self.firstClock)
        }
    }

    @Test func aConfiguredCQLConstraintIsKeptBesideTheDate() async throws {
        let path = "/csw?constraintLanguage=CQL_TEXT&constraint=OrganisationName+%3D+%27Norrvik%27"
        try await Self.afterAFirstRun(path: path) { harness in
            Self.editTheService(harness)
            let summary = try await harness.harvester.run(harness.source(path: path))
            #expect(summary.status == .succeeded, "\(summary.message)")
            let changes = try #require(harness.service.fullRecordQueries.last)
            #expect(changes["constraintLanguage"] == "CQL_TEXT")
            #expect(changes["constraint"] == "(OrganisationName = 'Norrvik') AND Modified >= '2026-12-06'")
            // Unconstrained by date, the listings keep the configured constraint as written.
            let brief = try #require(harness.service.queries.last { $0["elementSetName"] == "brief" && $0["resultType"] == "results" })
            #expect(brief["constraint"] == "OrganisationName+=+'Norrvik'")
            #expect(summary.counts.fetched == 2)
            #expect(summary.counts.deleted == 1)
        }
    }

    @Test func aSourceThatIsNotIncrementalNeverProbes() async throws {
        try await Self.afterAFirstRun { harness in
            var source = harness.source()
            source.incremental = false
            let before = harness.service.queries.count
            let summary = try await harness.harvester.run(source)
            #expect(summary.status == .succeeded)
            #expect(harness.service.queries[before...].allSatisfy { $0["resultType"] == "results" && $0["constraint"] == nil })
        }
    }

    @Test func withoutATimestampTheMarkIsTheHarvestersDay() async throws {
        try await CSWHarvestTests.withHarness(CSWTestService.records(3, dateStamp: "2026-11-20")) { harness in
            harness.service.setClock(nil)
            _ = try await harness.run()
            let mark = try #require(try await harness.store.listingMark(source: "geodata"))
            #expect(mark.mark == CSWIncremental.mark(timestamp: nil, now: Date()))
            #expect(mark.mark.hasSuffix("T00:00:00Z"))
        }
    }
}

/// The pure pieces of incremental CSW runs.
struct CSWIncrementalTests {
    @Test func marksAreDaysAndRunsAskFromTheDayBefore() {
        #expect(CSWIncremental.mark(timestamp: "2026-12-07T23:30:00+02:00", now: Date()) == "2026-12-07T00:00:00Z")
        #expect(CSWIncremental.mark(timestamp: " 2026-12-07T10:00:00 ", now: Date()) == "2026-12-07T00:00:00Z")
        let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30T…Z
        #expect(CSWIncremental.mark(timestamp: "yesterday", now: now) == "2026-11-30T00:00:00Z")
        #expect(CSWIncremental.mark(timestamp: nil, now: now) == "2026-11-30T00:00:00Z")
        #expect(CSWIncremental.since(mark: "2026-12-01T00:00:00Z") == "2026-11-30")
        #expect(CSWIncremental.since(mark: "2027-01-01T00:00:00Z") == "2026-12-31")
    }

    @Test func theProbeTrustsOnlyANameThatFiltersEveryRecordByDate() {
        #expect(CSWIncremental.ProbeVerdict(total: 10, fromAnyTime: 10, fromFarFuture: 0) == .filters)
        #expect(CSWIncremental.ProbeVerdict(total: 0, fromAnyTime: 0, fromFarFuture: 0) == .filters)
        #expect(CSWIncremental.ProbeVerdict(total: 10, fromAnyTime: 9, fromFarFuture: 0) != .filters)
        #expect(CSWIncremental.ProbeVerdict(total: 10, fromAnyTime: 10, fromFarFuture: 10) != .filters)
        #expect(CSWIncremental.ProbeVerdict(total: 10, fromAnyTime: 0, fromFarFuture: 0) != .filters)
    }

    @Test func aConfiguredFilterIsCombinedUnderAnd() throws {
        let configured = CSWIncremental.Constraint(language: "FILTER", text: """
        <ogc:Filter xmlns:ogc="http://www.opengis.net/ogc"><ogc:PropertyIsLike wildCard="%" singleChar="_" escapeChar="\\"><ogc:PropertyName>OrganisationName</ogc:PropertyName><ogc:Literal>%Norrvik%</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>
        """)
        let combined = try CSWIncremental.constraint(queryable: "Modified", onOrAfter: "2026-12-06", within: configured)
        #expect(combined.language == "FILTER")
        #expect(combined.text.contains("<ogc:And><ogc:PropertyIsLike"))
        #expect(combined.text.contains("<ogc:Literal>%Norrvik%</ogc:Literal></ogc:PropertyIsLike><ogc:PropertyIsGreaterThanOrEqualTo>"))
        #expect(combined.text.hasSuffix("<ogc:Literal>2026-12-06</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo></ogc:And></ogc:Filter>"))
        #expect(!combined.text.contains("<?xml"))
        let alone = try CSWIncremental.constraint(queryable: "dct:modified", onOrAfter: "2026-12-06", within: nil)
        #expect(alone.text.contains("xmlns:dct=\"http://purl.org/dc/terms/\""))
        #expect(alone.text.contains("<ogc:Filter") && !alone.text.contains("<ogc:And>"))
    }

    @Test func constraintsThatCannotBeCombinedAreSaidSo() {
        let cases: [(CSWIncremental.Constraint, String)] = [
            (.init(language: "FILTER", text: "<ogc:Filter"), "not well-formed"),
            (.init(language: "FILTER", text: "<Filter/>"), "not an ogc:Filter"),
            (.init(language: "SQL", text: "x = 1"), "neither FILTER nor CQL_TEXT"),
        ]
        for (configured, reason) in cases {
            #expect(throws: CSWIncremental.Uncombinable.self) {
                try CSWIncremental.constraint(queryable: "Modified", onOrAfter: "2026-12-06", within: configured)
            }
            do {
                _ = try CSWIncremental.constraint(queryable: "Modified", onOrAfter: "2026-12-06", within: configured)
            } catch {
                #expect(error.reason.contains(reason))
            }
        }
    }

    @Test func theConfiguredConstraintIsReadFromTheURL() {
        let cql = CSWIncremental.configuredConstraint("https://x.example/csw?constraintLanguage=cql_text&constraint=Title+like+%27%25v%C3%A4g%25%27")
        #expect(cql == .init(language: "CQL_TEXT", text: "Title like '%väg%'"))
        #expect(CSWIncremental.configuredConstraint("https://x.example/csw?apikey=1") == nil)
        #expect(CSWIncremental.configuredConstraint("https://x.example/csw?constraint=%3Cogc:Filter/%3E")?.language == "FILTER")
    }

    @Test func aConstrainedRequestReplacesTheConfiguredConstraint() {
        let constraint = CSWIncremental.Constraint(language: "CQL_TEXT", text: "(a = 'b') AND Modified >= '2026-12-06'")
        let url = CSWAdapter.getRecordsURL(endpoint: "https://x.example/csw?apikey=k&constraintLanguage=CQL_TEXT&constraint=a+%3D+%27b%27",
                                           startPosition: 1, maxRecords: 1, elementSet: "brief", resultType: "hits", constraint: constraint)
        #expect(url.hasPrefix("https://x.example/csw?apikey=k&service=CSW"))
        #expect(url.components(separatedBy: "constraint=").count == 2)
        #expect(url.contains("constraintLanguage=CQL_TEXT&constraint_language_version=1.1.0&constraint=%28a%20%3D%20%27b%27%29%20AND%20Modified%20%3E%3D%20%272026-12-06%27"))
        #expect(url.contains("resultType=hits&elementSetName=brief"))
        #expect(url.contains("xmlns%28apiso%3Dhttp://www.opengis.net/cat/csw/apiso/1.0%29"))
        let plain = CSWAdapter.getRecordsURL(endpoint: "https://x.example/csw?constraintLanguage=CQL_TEXT&constraint=a+%3D+%27b%27",
                                             startPosition: 1, maxRecords: 5)
        #expect(plain.hasPrefix("https://x.example/csw?constraintLanguage=CQL_TEXT&constraint=a+%3D+%27b%27&service=CSW"))
    }
}

/// Records the date filter cannot list, read by identifier.
extension CSWIncrementalHarvestTests {

    /// Two records the catalogue does not hold, stamped long before the last run (a catalogue that harvests others keeps
    /// their stamps): only the brief listing names them.
    static func addOldStampedRecords(_ harness: Harness) {
        harness.service.editRecords { records in
            records.append(CSWTestService.record(id: "old-a", title: "Skördad äldre post A", dateStamp: "2019-05-02"))
            records.append(CSWTestService.record(id: "old-b", title: "Skördad äldre post B", dateStamp: "2018-01-15"))
        }
    }

    static func getRecordByIdQueries(_ harness: Harness) -> [[String: String]] {
        harness.service.queries.filter { $0["request"] == "GetRecordById" }
    }

    @Test func recordsNewToTheCatalogueWithOldStampsAreReadByIdentifier() async throws {
        try await Self.afterAFirstRun { harness in
            Self.addOldStampedRecords(harness)
            let summary = try await harness.run()
            #expect(summary.status == .succeeded, "\(summary.message)")
            #expect(summary.counts.added == 2)
            #expect(try await harness.identifiers() == Self.ids(0..<10).union(["old-a", "old-b"]))
            let stored = try #require(try await harness.store.dataset(source: "geodata", sourceIdentifier: "old-b"))
            #expect(stored.dataset.title.values["sv"] == "Skördad äldre post B")
            // One request for both, full ISO 19139, and nothing asked by identifier that the catalogue holds.
            let byID = Self.getRecordByIdQueries(harness)
            #expect(byID.count == 1)
            #expect(Set((byID.first?["id"] ?? "").split(separator: ",").map(String.init)) == ["old-a", "old-b"])
            #expect(byID.first?["elementSetName"] == "full")
            #expect(byID.first?["outputSchema"] == CSWAdapter.isoOutputSchema)
            // The mark moved: the next run, with nothing new, asks for nothing by identifier.
            let mark = try #require(try await harness.store.listingMark(source: "geodata"))
            #expect(mark.mark == "2026-12-09T00:00:00Z")
            let again = try await harness.run()
            #expect(again.status == .succeeded && again.counts.added == 0, "\(again.message)")
            #expect(Self.getRecordByIdQueries(harness).count == 1)
        }
    }

    @Test("A service that refuses GetRecordById, or leaves records out, leaves them to the next full listing")
    func refusedGetRecordById() async throws {
        for fault in [CSWTestService.Fault.refusesGetRecordById, .getRecordByIdLeavesOut(["old-b"])] {
            try await Self.afterAFirstRun { harness in
                Self.addOldStampedRecords(harness)
                harness.service.setFault(fault)
                let summary = try await harness.run()
                // Nothing the catalogue held is at stake: the run is complete, and the mark moves.
                #expect(summary.status == .succeeded, "\(summary.message)")
                #expect(summary.counts.deleted == 0)
                let expected = fault == .refusesGetRecordById ? Self.ids(0..<10) : Self.ids(0..<10).union(["old-a"])
                #expect(try await harness.identifiers() == expected)
                #expect(Self.getRecordByIdQueries(harness).count == 1)
                // A full listing reads them.
                harness.service.setFault(nil)
                let full = try await harness.harvester.run(harness.source(), options: .init(listEverything: true))
                #expect(full.status == .succeeded, "\(full.message)")
                #expect(try await harness.identifiers() == Self.ids(0..<10).union(["old-a", "old-b"]))
            }
        }
    }

    @Test func getRecordByIdResponsesAreRead() throws {
        let records = CSWTestService.records(2).joined(separator: "\n")
        let body = Data("<?xml version=\"1.0\"?>\n<csw:GetRecordByIdResponse xmlns:csw=\"http://www.opengis.net/cat/csw/2.0.2\">\(records)</csw:GetRecordByIdResponse>".utf8)
        let read = try CSWPage.readRecordsByID(body, source: "geodata", url: "http://127.0.0.1/csw")
        #expect(read.map(\.fileIdentifier) == ["rec-000", "rec-001"])
        #expect(read.allSatisfy { $0.isISO && $0.describesData })
        let report = Data("""
            <ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0"><ows:Exception exceptionCode="OperationNotSupported"/></ows:ExceptionReport>
            """.utf8)
        #expect(throws: CSWPage.ServiceException.self) { _ = try CSWPage.readRecordsByID(report, source: "geodata", url: "u") }
        let other = Data("<csw:GetRecordsResponse xmlns:csw=\"http://www.opengis.net/cat/csw/2.0.2\"/>".utf8)
        let error = #expect(throws: HarvestError.self) { _ = try CSWPage.readRecordsByID(other, source: "geodata", url: "u") }
        #expect(error?.message.contains("expected a csw:GetRecordByIdResponse") == true)
    }

    @Test func getRecordByIdURLs() {
        let url = CSWAdapter.getRecordByIdURL(endpoint: "https://x.example/csw?token=abc&constraintLanguage=CQL_TEXT&constraint=x&request=GetRecords",
                                              identifiers: ["a-1", "b 2"])
        #expect(url == "https://x.example/csw?token=abc&service=CSW&version=2.0.2&request=GetRecordById&id=a-1%2Cb%202&elementSetName=full&outputFormat=application/xml&outputSchema=http://www.isotc211.org/2005/gmd")
    }
}
