import Foundation
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// A CKAN package whose source digest (the mapping fingerprint and the package's JSON) equals its live record's is
/// not mapped again; pages are requested one at a time, and a page's packages reach the store in the portal's order.
struct CKANSourceDigestTests {
    @Test("an unchanged portal maps nothing; a changed package is mapped alone; a new language maps all")
    func unchangedPackagesAreNotMapped() async throws {
        let packages = CKANHarvestTests.packages(12)
        try await CKANHarvestTests.withHarness(packages) { h in
            let first = try await h.harvester.run(h.source())
            #expect(first.counts.added == 12)
            let identifiers = (0..<12).map { String(format: "pkg-%03d", $0) }
            #expect(try await h.store.sourceDigests(source: "testportal", identifiers: identifiers).count == 12)

            let second = try await h.harvester.run(h.source())
            #expect(second.counts.unchanged == 12)
            #expect(h.unmapped() == ["0", "12"])

            var changed = packages
            changed[7] = CKANTestPortal.package(id: "pkg-007", title: "Bullerkartläggning 2025", notes: "Nattvärden.",
                                                tags: ["buller"], resources: [("CSV", "https://data.example.se/buller.csv")])
            h.portal.setPackages(changed)
            let third = try await h.harvester.run(h.source())
            #expect(third.counts.updated == 1)
            #expect(third.counts.unchanged == 11)
            #expect(h.unmapped().last == "11")
            #expect(try await h.store.dataset(source: "testportal", sourceIdentifier: "pkg-007")?.dataset.title.best() == "Bullerkartläggning 2025")

            // The source's default language is part of the fingerprint, so every package is mapped again.
            _ = try await h.harvester.run(h.source(language: "sv"))
            #expect(h.unmapped().last == "0")
        }
    }

    @Test func theDigestFollowsThePackagesBytesAndTheFingerprint() throws {
        let raw = Data(#"{"id":"a","title":"T"}"#.utf8)
        let digest = CKANAdapter.sourceDigest(raw: raw, fingerprint: "f1")
        #expect(digest.count == 64)
        #expect(CKANAdapter.sourceDigest(raw: raw, fingerprint: "f1") == digest)
        #expect(CKANAdapter.sourceDigest(raw: Data(#"{"id":"a","title":"U"}"#.utf8), fingerprint: "f1") != digest)
        #expect(CKANAdapter.sourceDigest(raw: raw, fingerprint: "f2") != digest)
    }

    @Test("pages are asked for once each, and records keep the portal's order across batches and pages")
    func everyPageOnceInOrder() async throws {
        // 230 packages in pages of 100: three requests, the last a short page; packages 60 and 160 repeat the
        // identifier of package 3, in a later batch and on a later page, and the first copy is kept.
        var packages = CKANHarvestTests.packages(230)
        for index in [60, 160] {
            packages[index] = CKANTestPortal.package(id: "pkg-003", title: "En senare kopia \(index)", notes: "Kopia.",
                                                     tags: ["kopia"], resources: [])
        }
        try await CKANHarvestTests.withHarness(packages) { h in
            let summary = try await h.harvester.run(h.source(pageSize: 100))
            #expect(h.portal.searches == 3)
            #expect(summary.counts.added == 228, "\(summary.message)")
            #expect(try await h.store.dataset(source: "testportal", sourceIdentifier: "pkg-003")?.dataset.title.best() == "Luftkvalitet mätstation 3")
            #expect(try await h.store.dataset(source: "testportal", sourceIdentifier: "pkg-229")?.dataset.title.best() == "Luftkvalitet mätstation 229")
        }
    }
}
