import Foundation
import KatalogModel
import KatalogStore
import Testing
@testable import KatalogHarvest

/// Incremental CKAN harvests (`fq=metadata_modified:[… TO *]` and an `fl=id` listing) of a portal on 127.0.0.1.
struct CKANIncrementalHarvestTests {
    typealias Harness = CKANHarvestTests.Harness

    static func package(_ index: Int, title: String? = nil, modified: String = "2024-03-01T10:00:00.000000") -> String {
        CKANTestPortal.package(id: String(format: "pkg-%03d", index), title: title ?? "Luftkvalitet mätstation \(index)",
                               resources: [("CSV", "https://data.example.se/luft/\(index).csv")], modified: modified)
    }

    /// Twenty packages modified 2024-03-01, harvested once incrementally (a full listing, as the first run is).
    static func afterAFirstRun(_ body: (Harness, [String]) async throws -> Void) async throws {
        let packages = (0..<20).map { package($0) }
        try await CKANHarvestTests.withHarness(packages) { harness in
            let first = try await harness.harvester.run(harness.source(incremental: true))
            #expect(first.status == .succeeded, "\(first.message)")
            #expect(first.counts.added == 20)
            #expect(!harness.portal.queries.contains { $0["fq"] != nil })
            try await body(harness, packages)
        }
    }

    static func run(_ harness: Harness, acceptDeletions: Bool = false) async throws -> RunSummary {
        try await harness.harvester.run(harness.source(incremental: true), options: .init(acceptDeletions: acceptDeletions))
    }

    @Test func aSecondRunFetchesOnlyModifiedPackagesAndListsTheRestById() async throws {
        try await Self.afterAFirstRun { harness, packages in
            let mark = try #require(try await harness.store.listingMark(source: "testportal"))
            #expect(mark.mark == "2024-03-01T10:00:00Z")
            var edited = packages
            edited[4] = Self.package(4, title: "Vattenkvalitet Vänern", modified: "2024-06-01T12:00:00.000000")
            edited.remove(at: 9)
            edited.append(Self.package(20, title: "Bullerkartläggning", modified: "2024-06-02T08:00:00.000000"))
            // Changed in a month: the older ones are outside the list of changes.
            for index in [0, 1, 2, 3, 5, 6, 7, 8] { edited[index] = Self.package(index, modified: "2024-02-01T10:00:00.000000") }
            harness.portal.setPackages(edited)
            let before = harness.portal.queries.count
            let summary = try await Self.run(harness)
            #expect(summary.status == .succeeded, "\(summary.message)")
            let queries = Array(harness.portal.queries.dropFirst(before))
            // The newest stamp first, then the changes an hour before the mark, then the identifiers.
            #expect(queries.first?["sort"] == "metadata_modified desc")
            let changes = try #require(queries.first { $0["fq"] != nil })
            #expect(changes["fq"] == "metadata_modified:[2024-03-01T09:00:00Z TO *]")
            #expect(queries.contains { $0["fl"] == "id,state,capacity,private" && $0["rows"] == "1000" })
            // Within the hour: the ten untouched packages (2024-03-01) are fetched again, recognised, not written.
            // Stamped within the window: the ten untouched (pkg-010 … pkg-019), the changed one and the new one.
            #expect(summary.counts.fetched == 12)
            #expect(summary.counts.added == 1)
            #expect(summary.counts.updated == 1)
            #expect(summary.counts.deleted == 1)
            #expect(summary.counts.unchanged == 18)
            #expect(try await harness.titles(matching: "Vänern") == ["Vattenkvalitet Vänern"])
            #expect(try await harness.titles(matching: "\"mätstation 9\"").isEmpty)
            #expect(try await harness.titles(matching: "Bullerkartläggning") == ["Bullerkartläggning"])
            let run = try #require(try await harness.store.runs(source: "testportal", limit: 1).first)
            #expect(run.changesSince == "2024-03-01T09:00:00Z")
            #expect(try await harness.store.listingMark(source: "testportal")?.mark == "2024-06-02T08:00:00Z")
        }
    }

    @Test func aPortalThatDropsHalfItsPackagesIsHeldAndAcceptingListsEverything() async throws {
        try await Self.afterAFirstRun { harness, packages in
            let mark = try #require(try await harness.store.listingMark(source: "testportal"))
            harness.portal.setPackages(Array(packages.prefix(10)))
            let held = try await Self.run(harness)
            #expect(held.status == .held)
            #expect(held.heldDeletions == 10)
            #expect(try await harness.allTitles().count == 20)
            #expect(try await harness.store.listingMark(source: "testportal") == mark, "a held run does not move the mark")
            let before = harness.portal.queries.count
            let accepted = try await Self.run(harness, acceptDeletions: true)
            #expect(accepted.counts.deleted == 10)
            #expect(!harness.portal.queries.dropFirst(before).contains { $0["fq"] != nil })
        }
    }

    @Test func aPackageTheListingShowsPrivateOrDeletedIsNotKeptAlive() async throws {
        try await Self.afterAFirstRun { harness, packages in
            var edited = packages
            // Outside the list of changes, so only the identifier listing shows them; this portal lists private and
            // deleted packages although asked not to, as misconfigured portals do.
            edited[3] = CKANTestPortal.package(id: "pkg-003", title: "Hemlig", modified: "2024-02-01T10:00:00.000000",
                                               extra: ["private": true])
            edited[7] = CKANTestPortal.package(id: "pkg-007", title: "Borttagen", modified: "2024-02-01T10:00:00.000000",
                                               extra: ["state": "deleted"])
            harness.portal.setPackages(edited)
            let summary = try await Self.run(harness)
            #expect(summary.status == .succeeded, "\(summary.message)")
            #expect(summary.counts.deleted == 2)
            #expect(try await harness.titles(matching: "\"mätstation 3\" OR \"mätstation 7\"").isEmpty)
        }
        #expect(CKANAdapter.isUnpublished(.object(["id": .string("a"), "capacity": .string("private")])))
        #expect(!CKANAdapter.isUnpublished(.object(["id": .string("a"), "capacity": .string("public"), "state": .string("active")])))
    }

    @Test func aRefusedIdentifierListingKeepsTheChangesAndDeletesNothing() async throws {
        try await Self.afterAFirstRun { harness, packages in
            let mark = try #require(try await harness.store.listingMark(source: "testportal"))
            var edited = Array(packages.dropLast(1))
            edited[2] = Self.package(2, title: "Vattenkvalitet Vänern", modified: "2024-06-01T12:00:00.000000")
            harness.portal.setPackages(edited)
            harness.portal.setFault(.refusesIdentifierListing)
            let summary = try await Self.run(harness)
            #expect(summary.status == .partial)
            #expect(summary.counts.updated == 1)
            #expect(summary.counts.deleted == 0)
            #expect(try await harness.titles(matching: "Vänern") == ["Vattenkvalitet Vänern"])
            #expect(try await harness.store.listingMark(source: "testportal") == mark)
            let run = try #require(try await harness.store.runs(source: "testportal", limit: 1).first)
            #expect(run.errors.contains { $0.cause.contains("refused the identifier listing") })
        }
    }

    @Test func anIncompleteWalkDeletesNothing() async throws {
        try await Self.afterAFirstRun { harness, packages in
            harness.portal.setPackages(Array(packages.dropLast(1)))
            harness.portal.setFault(.ignoresStart)
            let summary = try await Self.run(harness)
            #expect(summary.status == .partial)
            #expect(summary.counts.deleted == 0)
            #expect(try await harness.allTitles().count == 20)
            let run = try #require(try await harness.store.runs(source: "testportal", limit: 1).first)
            #expect(run.errors.contains { $0.cause.contains("same page") })
        }
    }

    @Test func aPortalThatRefusesTheFilterIsListedInFull() async throws {
        try await Self.afterAFirstRun { harness, packages in
            harness.portal.setPackages(Array(packages.dropLast(1)))
            harness.portal.setFault(.refusesFilter)
            let summary = try await Self.run(harness)
            #expect(summary.status == .partial, "the refusal is a warning")
            #expect(summary.counts.deleted == 1)
            #expect(summary.counts.unchanged == 19)
            let run = try #require(try await harness.store.runs(source: "testportal", limit: 1).first)
            #expect(run.changesSince == nil)
            #expect(run.errors.contains { $0.cause.contains("refused the list of packages modified since") && $0.cause.contains("409") })
        }
    }

    @Test func aPortalThatIgnoresFieldsIsListedInFull() async throws {
        try await Self.afterAFirstRun { harness, packages in
            harness.portal.setFault(.ignoresFields)
            let before = harness.portal.queries.count
            let summary = try await Self.run(harness)
            #expect(summary.status == .succeeded, "\(summary.message)")
            #expect(summary.counts.unchanged == 20)
            let queries = harness.portal.queries.dropFirst(before)
            #expect(!queries.contains { $0["fq"] != nil })
            #expect(!queries.contains { $0["fl"] == "id,state,capacity,private" })
            #expect(try await harness.store.runs(source: "testportal", limit: 1).first?.changesSince == nil)
        }
    }

    @Test func anEmptyPortalLeavesNoMarkAndTheNextRunListsEverything() async throws {
        try await CKANHarvestTests.withHarness([]) { harness in
            _ = try await Self.run(harness)
            #expect(try await harness.store.listingMark(source: "testportal") == nil)
            harness.portal.setPackages([Self.package(1)])
            let summary = try await Self.run(harness)
            #expect(summary.counts.added == 1)
            #expect(!harness.portal.queries.contains { $0["fq"] != nil })
        }
    }

    @Test func identifiersListedAsBareStringsCountAsSeen() {
        #expect(CKANAdapter.listedIdentifier(.string("pkg-1")) == "pkg-1")
        #expect(CKANAdapter.listedIdentifier(.string("")) == nil)
        #expect(CKANAdapter.listedIdentifier(.object(["id": .string("pkg-2")])) == "pkg-2")
        #expect(CKANAdapter.listedIdentifier(.null) == nil)
    }
}

/// ``Datestamp``: marks to the second.
struct DatestampTests {
    @Test func ckanTimesWithoutAZoneAreReadAsUTC() {
        #expect(Datestamp.seconds("2024-03-01T10:00:00.123456", zoneOptional: true) == "2024-03-01T10:00:00Z")
        #expect(Datestamp.seconds("2024-03-01T10:00:00", zoneOptional: true) == "2024-03-01T10:00:00Z")
        #expect(Datestamp.seconds("2024-03-01T10:00:00") == nil)
        #expect(Datestamp.seconds("2024-03-01T10:00:00+02:00", zoneOptional: true) == nil)
        #expect(Datestamp.seconds("2024-03-01", zoneOptional: true) == nil)
    }

    @Test func subtractingCrossesDays() {
        #expect(Datestamp.subtracting(3600, from: "2024-03-01T00:30:00Z") == "2024-02-29T23:30:00Z")
        #expect(Datestamp.subtracting(3600, from: "garbage") == "garbage")
    }
}
