import Foundation
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// DCAT harvests from documents served on 127.0.0.1: formats, Hydra paging, conditional GET and faults.
struct DCATHarvestTests {
    struct Harness {
        let site: DCATTestSite
        let server: TestHTTPServer
        let store: CatalogStore
        let harvester: Harvester

        func run(_ path: String, name: String = "dcatsource", acceptDeletions: Bool = false, maxPages: Int = 100,
                 timeout: Double = 120, configure: (inout SourceConfig) -> Void = { _ in }) async throws -> RunSummary {
            var source = SourceConfig(name: name, kind: .dcat, url: server.url(path))
            source.maxPages = maxPages
            source.requestTimeout = timeout
            configure(&source)
            return try await harvester.run(source, options: .init(acceptDeletions: acceptDeletions))
        }

        func count(source: String = "dcatsource") async throws -> Int {
            var query = SearchQuery()
            query.source = [source]
            query.limit = 1
            return try await store.search(query).total
        }

        func dataset(_ iri: String) async throws -> Dataset? {
            try await store.dataset(source: "dcatsource", sourceIdentifier: iri)?.dataset
        }
    }

    static func withHarness(_ body: (Harness) async throws -> Void) async throws {
        let site = DCATTestSite()
        let server = TestHTTPServer(handler: site.handler)
        try server.start()
        defer { server.stop() }
        let store = try CatalogStore.temporary()
        let harvester = Harvester(store: store, logger: Logger(label: "test"), clientConfiguration: CKANHarvestTests.fastRetries)
        try await body(Harness(site: site, server: server, store: store, harvester: harvester))
    }

    @Test func anRDFXMLDumpIsMappedAndAnUnchangedDumpEndsAs304() async throws {
        try await Self.withHarness { h in
            let datasets = [DCATTestSite.Dataset(id: "luft", sv: "Luftkvalitet", en: "Air quality")] + DCATTestSite.datasets(4)
            h.site.set("/catalog.rdf", DCATTestSite.rdfxml(datasets), contentType: "application/rdf+xml", etag: "\"v1\"")
            let first = try await h.run("/catalog.rdf")
            #expect(first.status == .succeeded)
            #expect(first.counts.added == 5)
            let luft = try #require(try await h.dataset("https://data.example.se/dataset/luft"))
            #expect(luft.title.values == ["sv": "Luftkvalitet", "en": "Air quality"])
            #expect(luft.publisher?.name.values["sv"] == "Exempelby kommun")
            #expect(luft.license?.raw == "http://creativecommons.org/publicdomain/zero/1.0/")
            #expect(luft.distributions.first?.downloadURLs == ["https://data.example.se/files/luft.csv"])
            #expect(luft.distributions.first?.format?.key == "CSV")

            let second = try await h.run("/catalog.rdf")
            #expect(second.status == .unchanged)
            #expect(second.counts.unchanged == 5)
            #expect(h.site.requests.last?.header("If-None-Match") == "\"v1\"")
            #expect(try await h.count() == 5)

            // `katalog harvest --full` reads the document again: no validators, no shortcut, nothing written.
            var source = SourceConfig(name: "dcatsource", kind: .dcat, url: h.server.url("/catalog.rdf"))
            source.requestTimeout = 30
            let full = try await h.harvester.run(source, options: .init(listEverything: true))
            #expect(full.status == .succeeded, "\(full.message)")
            #expect(full.counts.unchanged == 5)
            #expect(h.site.requests.last?.header("If-None-Match") == nil)

            // A new version is fetched in full; accepting deletions never sends validators.
            h.site.set("/catalog.rdf", DCATTestSite.rdfxml(datasets.map { var d = $0; d.sv += " (rev)"; return d }),
                       contentType: "application/rdf+xml", etag: "\"v2\"")
            let third = try await h.run("/catalog.rdf")
            #expect(third.status == .succeeded)
            #expect(third.counts.updated == 5)
            let fourth = try await h.run("/catalog.rdf", acceptDeletions: true)
            #expect(fourth.status == .succeeded)
            #expect(h.site.requests.last?.header("If-None-Match") == nil)
        }
    }

    @Test func aDumpDownloadedAgainWithTheSameBytesEndsUnchangedWithoutAWrite() async throws {
        try await Self.withHarness { h in
            // No ETag, no Last-Modified: the server cannot answer 304, so the digest of the body decides.
            let datasets = DCATTestSite.datasets(6)
            h.site.set("/plain.rdf", DCATTestSite.rdfxml(datasets), contentType: "application/rdf+xml")
            #expect(try await h.run("/plain.rdf").counts.added == 6)
            let version = try await h.store.catalogueVersion()

            let second = try await h.run("/plain.rdf")
            #expect(second.status == .unchanged)
            #expect(second.counts.unchanged == 6)
            #expect(second.message.contains("byte for byte"), "\(second.message)")
            #expect(try await h.store.catalogueVersion() == version, "an unchanged body writes no dataset row")
            #expect(h.site.requests.last?.header("If-None-Match") == nil)

            // A changed setting changes what the same bytes map to: the document is mapped again.
            let relabelled = try await h.run("/plain.rdf") { $0.language = "sv" }
            #expect(relabelled.status == .succeeded, "\(relabelled.message)")
            #expect(relabelled.counts.fetched == 6)
            #expect(try await h.run("/plain.rdf") { $0.language = "sv" }.status == .unchanged)

            // One dataset changes: the whole document is read again and only that dataset is written.
            var changed = datasets
            changed[2].sv += " (ny)"
            h.site.set("/plain.rdf", DCATTestSite.rdfxml(changed), contentType: "application/rdf+xml")
            let third = try await h.run("/plain.rdf") { $0.language = "sv" }
            #expect(third.status == .succeeded)
            #expect(third.counts.updated == 1)
            #expect(third.counts.unchanged == 5)

            // Accepting deletions always reads the whole source.
            let accepted = try await h.run("/plain.rdf", acceptDeletions: true) { $0.language = "sv" }
            #expect(accepted.status == .succeeded)
            #expect(accepted.counts.fetched == 6)
        }
    }

    @Test func aNewLastModifiedForTheSameBytesIsStoredSoTheNextRunGets304() async throws {
        try await Self.withHarness { h in
            h.site.set("/c.ttl", DCATTestSite.turtle(DCATTestSite.datasets(3)), contentType: "text/turtle", etag: "\"a\"")
            #expect(try await h.run("/c.ttl").status == .succeeded)
            // The server re-publishes the same bytes under a new ETag: the digest ends the run, and the new ETag is kept.
            h.site.set("/c.ttl", DCATTestSite.turtle(DCATTestSite.datasets(3)), contentType: "text/turtle", etag: "\"b\"")
            let same = try await h.run("/c.ttl")
            #expect(same.status == .unchanged)
            #expect(same.message.contains("byte for byte"), "\(same.message)")
            let notModified = try await h.run("/c.ttl")
            #expect(notModified.status == .unchanged)
            #expect(notModified.message.contains("304"), "\(notModified.message)")
            #expect(h.site.requests.last?.header("If-None-Match") == "\"b\"")
            // Under another mapping (here: another default language) the stored ETag is not sent at all.
            #expect(try await h.run("/c.ttl") { $0.language = "nb" }.status == .succeeded)
            #expect(h.site.requests.last?.header("If-None-Match") == nil)
        }
    }

    @Test func anUnchangedRunStillPurgesTombstonesPastTheirGracePeriod() async throws {
        try await Self.withHarness { h in
            let noGrace: (inout SourceConfig) -> Void = { $0.deletion.graceDays = 0 }
            h.site.set("/g.rdf", DCATTestSite.rdfxml(DCATTestSite.datasets(5)), contentType: "application/rdf+xml")
            #expect(try await h.run("/g.rdf", configure: noGrace).counts.added == 5)
            h.site.set("/g.rdf", DCATTestSite.rdfxml(DCATTestSite.datasets(4)), contentType: "application/rdf+xml")
            let shrunk = try await h.run("/g.rdf", configure: noGrace)
            #expect(shrunk.counts.deleted == 1)
            #expect(shrunk.purged == 0, "the tombstone is as old as the run that made it")
            let gone = "https://data.example.se/dataset/ds-4"
            #expect(try await h.store.dataset(source: "dcatsource", sourceIdentifier: gone) != nil)

            let unchanged = try await h.run("/g.rdf", configure: noGrace)
            #expect(unchanged.status == .unchanged)
            #expect(unchanged.purged == 1)
            #expect(try await h.store.dataset(source: "dcatsource", sourceIdentifier: gone) == nil)
            #expect(try await h.count() == 4)
        }
    }

    @Test func hydraPagesInTurtleAreFollowedToTheEnd() async throws {
        try await Self.withHarness { h in
            h.site.set("/no/page-1.ttl", DCATTestSite.turtle(DCATTestSite.datasets(3, from: 0), next: "page-2.ttl"), contentType: "text/turtle")
            h.site.set("/no/page-2.ttl", DCATTestSite.turtle(DCATTestSite.datasets(3, from: 3), next: "page-3.ttl"), contentType: "text/turtle")
            h.site.set("/no/page-3.ttl", DCATTestSite.turtle(DCATTestSite.datasets(2, from: 6)), contentType: "text/turtle")
            let summary = try await h.run("/no/page-1.ttl")
            #expect(summary.status == .succeeded)
            #expect(summary.counts.added == 8)
            let ds = try #require(try await h.dataset("https://data.example.no/dataset/ds-7"))
            #expect(ds.title.values == ["nb": "Datamängd 7", "en": "Dataset 7"])
            #expect(h.site.requests.map(\.path) == ["/no/page-1.ttl", "/no/page-2.ttl", "/no/page-3.ttl"])

            // The same chain again: every page is read (to find the next), nothing is mapped or written.
            let version = try await h.store.catalogueVersion()
            let again = try await h.run("/no/page-1.ttl")
            #expect(again.status == .unchanged, "\(again.message)")
            #expect(again.counts.unchanged == 8)
            #expect(again.message.contains("byte for byte"), "\(again.message)")
            #expect(try await h.store.catalogueVersion() == version)
            #expect(h.site.requests.count == 6)

            // A change on the last page only: the chain's digest differs, and that page's dataset is updated.
            var last = DCATTestSite.datasets(2, from: 6)
            last[1].sv = "Datamängd 7 (ny)"
            h.site.set("/no/page-3.ttl", DCATTestSite.turtle(last), contentType: "text/turtle")
            let changed = try await h.run("/no/page-1.ttl")
            #expect(changed.status == .succeeded)
            #expect(changed.counts.updated == 1)
            #expect(changed.counts.unchanged == 7)

            // A page cap that cuts the chain short never stores (nor matches) a digest of the whole.
            let capped = try await h.run("/no/page-1.ttl", maxPages: 2)
            #expect(capped.status == .partial)
            #expect(try await h.run("/no/page-1.ttl").status == .succeeded, "the cut-short run left no digest to trust")
            #expect(try await h.run("/no/page-1.ttl").status == .unchanged)
        }
    }

    @Test func nodesDescribedOnAnotherPageAreJoinedAndBlankNodesStayPageScoped() async throws {
        let prefixes = """
            @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
            @prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
            @prefix hydra: <http://www.w3.org/ns/hydra/core#> .
            """
        // Page 1: dataset A, whose publisher and distribution are described on page 2; its contact point is
        // blank node _:c. Page 2: dataset B with its own _:c, the publisher, A's distribution, and A again
        // (the same title and keyword repeated, as portals that repeat records on two pages do).
        let page1 = prefixes + """
            <https://data.example.no/page?1> hydra:next <https://ignored.example/> ; hydra:totalItems 2 .
            <https://data.example.no/ds/a> a dcat:Dataset ; dct:title "Datasett A"@nb ; dcat:keyword "vei"@nb ;
                dct:publisher <https://data.example.no/org/vegvesen> ; dcat:distribution <https://data.example.no/dist/a1> ;
                dcat:contactPoint _:c .
            _:c a vcard:Organization ; vcard:fn "Kontakt A" .
            """
        let page2 = prefixes + """
            <https://data.example.no/ds/b> a dcat:Dataset ; dct:title "Datasett B"@nb ; dcat:contactPoint _:c .
            _:c a vcard:Organization ; vcard:fn "Kontakt B" .
            <https://data.example.no/org/vegvesen> a foaf:Agent ; foaf:name "Statens vegvesen"@nb .
            <https://data.example.no/dist/a1> a dcat:Distribution ; dcat:downloadURL <https://data.example.no/files/a1.csv> .
            <https://data.example.no/ds/a> a dcat:Dataset ; dct:title "Datasett A"@nb ; dcat:keyword "vei"@nb .
            """
        try await Self.withHarness { h in
            h.site.set("/join/p1.ttl", page1.replacingOccurrences(of: "<https://ignored.example/>", with: "<p2.ttl>"), contentType: "text/turtle")
            h.site.set("/join/p2.ttl", page2, contentType: "text/turtle")
            let summary = try await h.run("/join/p1.ttl")
            #expect(summary.status == .succeeded)
            #expect(summary.counts.added == 2)
            #expect(summary.counts.skipped == 0, "A on two pages is one dataset, not a repeat")
            let a = try #require(try await h.dataset("https://data.example.no/ds/a"))
            #expect(a.publisher?.name.values == ["nb": "Statens vegvesen"], "described on page 2")
            #expect(a.distributions.first?.downloadURLs == ["https://data.example.no/files/a1.csv"])
            #expect(a.keywords.map(\.value) == ["vei"], "a triple repeated on two pages counts once")
            #expect(a.contactPoints.first?.name.best() == "Kontakt A")
            let b = try #require(try await h.dataset("https://data.example.no/ds/b"))
            #expect(b.contactPoints.first?.name.best() == "Kontakt B", "page 2's _:c is not page 1's")
        }
    }

    @Test func aPagingLoopEndsPagingWithAWarningAndNoDeletions() async throws {
        try await Self.withHarness { h in
            h.site.set("/p1.ttl", DCATTestSite.turtle(DCATTestSite.datasets(3, from: 0), next: "p2.ttl"), contentType: "text/turtle")
            h.site.set("/p2.ttl", DCATTestSite.turtle(DCATTestSite.datasets(3, from: 3), next: "p1.ttl"), contentType: "text/turtle")
            let first = try await h.run("/p1.ttl")
            #expect(first.status == .partial)
            #expect(first.counts.added == 6)
            #expect(h.site.requests.count == 2)
            let run = try #require(try await h.store.run(first.run))
            #expect(run.errors.contains { $0.cause.contains("paging loop") })
            // A later complete listing of fewer records than a looping one deletes nothing it should not.
            h.site.set("/p2.ttl", DCATTestSite.turtle(DCATTestSite.datasets(3, from: 3)), contentType: "text/turtle")
            #expect(try await h.run("/p1.ttl").status == .succeeded)
            #expect(try await h.count() == 6)
        }
    }

    @Test func aNextPageOnAnotherHostOrSchemeIsNotFollowed() async throws {
        try await Self.withHarness { h in
            h.site.set("/a.ttl", DCATTestSite.turtle(DCATTestSite.datasets(2), next: "http://elsewhere.example/b.ttl"), contentType: "text/turtle")
            h.site.set("/c.ttl", DCATTestSite.turtle(DCATTestSite.datasets(2), next: "file:///etc/passwd"), contentType: "text/turtle")
            let foreign = try await h.run("/a.ttl")
            #expect(foreign.status == .partial)
            #expect(foreign.counts.added == 2)
            let run = try #require(try await h.store.run(foreign.run))
            #expect(run.errors.contains { $0.cause.contains("another host") })
            let scheme = try await h.run("/c.ttl", name: "other")
            #expect(scheme.status == .partial)
            #expect(h.site.requests.count == 2)
        }
    }

    @Test func thePageCapEndsPagingAsIncomplete() async throws {
        try await Self.withHarness { h in
            for page in 1...5 {
                h.site.set("/q\(page).ttl", DCATTestSite.turtle(DCATTestSite.datasets(1, from: page), next: "q\(page + 1).ttl"), contentType: "text/turtle")
            }
            let summary = try await h.run("/q1.ttl", maxPages: 3)
            #expect(summary.status == .partial)
            #expect(summary.counts.added == 3)
            #expect(h.site.requests.count == 3)
        }
    }

    @Test(arguments: [
        ("malformed XML", "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n  <rdf:Description rdf:about=\"x\">\n</rdf:RDF>", "application/rdf+xml", "line"),
        ("malformed Turtle", "@prefix dct: <http://purl.org/dc/terms/> .\n<https://a.example/x> dct:title \"open", "text/turtle", "line 2"),
        ("HTML error page", "<!DOCTYPE html><html><body>Service unavailable</body></html>", "text/html", "HTML page"),
        ("unknown JSON-LD context", #"{"@context": "https://unknown.example/ctx.jsonld", "@id": "https://a.example/x"}"#, "application/ld+json", "not bundled"),
    ])
    func aBrokenDocumentFailsTheRunAndKeepsTheCatalogue(name: String, body: String, contentType: String, expected: String) async throws {
        try await Self.withHarness { h in
            h.site.set("/cat.rdf", DCATTestSite.rdfxml(DCATTestSite.datasets(5)), contentType: "application/rdf+xml")
            #expect(try await h.run("/cat.rdf").status == .succeeded)
            h.site.set("/cat.rdf", body, contentType: contentType)
            let broken = try await h.run("/cat.rdf")
            #expect(broken.status == .failed, "\(name)")
            #expect(broken.message.contains(expected), "\(name): \(broken.message)")
            #expect(try await h.count() == 5, "\(name): the catalogue is intact")
        }
    }

    @Test func invalidUTF8InAnRDFDocumentIsNamed() async throws {
        try await Self.withHarness { h in
            var bytes = Data(DCATTestSite.turtle(DCATTestSite.datasets(1)).utf8)
            bytes.append(contentsOf: [0x3C, 0x68, 0x74, 0x74, 0x70, 0x3A, 0x2F, 0x2F, 0xC3, 0x28, 0x3E, 0x20, 0x2E, 0x0A])
            h.site.set("/bad.ttl", bytes, contentType: "text/turtle")
            let summary = try await h.run("/bad.ttl")
            #expect(summary.status == .failed)
            #expect(summary.message.contains("UTF-8"))
        }
    }

    @Test func aDatasetThatCannotBeMappedIsAnErrorAndTheRestIsHarvested() async throws {
        try await Self.withHarness { h in
            var ttl = DCATTestSite.turtle(DCATTestSite.datasets(3))
            ttl += "<https://data.example.no/dataset/empty> a <http://www.w3.org/ns/dcat#Dataset> .\n"
            h.site.set("/mixed.ttl", ttl, contentType: "text/turtle")
            let summary = try await h.run("/mixed.ttl")
            #expect(summary.status == .partial)
            #expect(summary.counts.added == 3)
            #expect(summary.counts.errored == 1)
            let run = try #require(try await h.store.run(summary.run))
            #expect(run.errors.contains { $0.subject == "https://data.example.no/dataset/empty" })
        }
    }

    @Test func formatsAreSniffedWhenTheContentTypeSaysNothing() async throws {
        try await Self.withHarness { h in
            h.site.set("/dump", DCATTestSite.rdfxml(DCATTestSite.datasets(2, prefix: "x")), contentType: "application/octet-stream")
            h.site.set("/dump2", DCATTestSite.turtle(DCATTestSite.datasets(2, prefix: "y")), contentType: "text/plain")
            let jsonld = #"""
                {"@context": {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/"},
                 "@graph": [{"@id": "https://data.example.dk/d/1", "@type": "dcat:Dataset",
                             "dct:title": [{"@value": "Vandløb", "@language": "da"}, {"@value": "Streams", "@language": "en"}]}]}
                """#
            h.site.set("/dump3", jsonld, contentType: "application/octet-stream")
            #expect(try await h.run("/dump", name: "a").counts.added == 2)
            #expect(try await h.run("/dump2", name: "b").counts.added == 2)
            #expect(try await h.run("/dump3", name: "dcatsource").counts.added == 1)
            let dk = try #require(try await h.dataset("https://data.example.dk/d/1"))
            #expect(dk.title.values == ["da": "Vandløb", "en": "Streams"])
        }
    }

    @Test func aDatasetThatLeavesTheSourceIsDeletedByACompleteRun() async throws {
        try await Self.withHarness { h in
            h.site.set("/c.rdf", DCATTestSite.rdfxml(DCATTestSite.datasets(10)), contentType: "application/rdf+xml", etag: "\"1\"")
            #expect(try await h.run("/c.rdf").counts.added == 10)
            h.site.set("/c.rdf", DCATTestSite.rdfxml(DCATTestSite.datasets(9)), contentType: "application/rdf+xml", etag: "\"2\"")
            let summary = try await h.run("/c.rdf")
            #expect(summary.status == .succeeded)
            #expect(summary.counts.deleted == 1)
            #expect(try await h.count() == 9)
        }
    }

    /// Transport faults: the transient ones are retried and the run succeeds; the others fail the run, and
    /// in every case the catalogue harvested before is intact.
    @Test(arguments: [
        ("500 twice, then the document", [TestResponse.text("down", status: 500), .text("down", status: 500)], RunStatus.succeeded, ""),
        ("503 with Retry-After, then the document", [.full(status: 503, headers: ["Retry-After": "0"], body: Data("busy".utf8))], .succeeded, ""),
        ("429 with Retry-After, then the document", [.full(status: 429, headers: ["Retry-After": "0"], body: Data())], .succeeded, ""),
        ("404", [.text("gone", status: 404), .text("gone", status: 404), .text("gone", status: 404)], .failed, "404"),
        ("connection reset every time", [.reset, .reset, .reset], .failed, "http://127.0.0.1"),
        ("truncated body every time", Array(repeating: TestResponse.truncated(status: 200, headers: ["Content-Type": "text/turtle"], declaredLength: 5_000, body: Data("@prefix".utf8)), count: 3), .failed, "http://127.0.0.1"),
        ("slow body past the timeout", Array(repeating: TestResponse.slow(status: 200, headers: ["Content-Type": "text/turtle"], chunks: Array(repeating: Data(" ".utf8), count: 4), interval: .milliseconds(700)), count: 3), .failed, "http://127.0.0.1"),
        ("redirect to a file: URL", [.redirect(status: 302, location: "file:///etc/passwd")], .failed, "file"),
        ("redirect to an ftp: URL", [.redirect(status: 301, location: "ftp://127.0.0.1/dump.rdf")], .failed, "ftp"),
    ])
    func transportFaults(name: String, faults: [TestResponse], expected: RunStatus, mentions: String) async throws {
        try await Self.withHarness { h in
            h.site.set("/f.ttl", DCATTestSite.turtle(DCATTestSite.datasets(4)), contentType: "text/turtle")
            #expect(try await h.run("/f.ttl").counts.added == 4)
            let renamed = DCATTestSite.datasets(4).map { dataset -> DCATTestSite.Dataset in
                var dataset = dataset
                dataset.sv = "Ny " + dataset.sv
                return dataset
            }
            h.site.set("/f.ttl", DCATTestSite.turtle(renamed), contentType: "text/turtle")
            h.site.inject(faults, at: "/f.ttl")
            let summary = try await h.run("/f.ttl", timeout: 1)
            #expect(summary.status == expected, "\(name): \(summary.message)")
            #expect(mentions.isEmpty || summary.message.contains(mentions), "\(name): \(summary.message)")
            if expected == .failed {
                #expect(try await h.count() == 4, "\(name): the catalogue is intact")
                #expect(try await h.dataset("https://data.example.no/dataset/ds-0")?.title.values["nb"] == "Datamängd 0", "\(name)")
                #expect(try await h.store.integrityCheck())
            } else {
                #expect(try await h.dataset("https://data.example.no/dataset/ds-0")?.title.values["nb"] == "Ny Datamängd 0", "\(name)")
            }
        }
    }

    /// A dataset over the source's record limits is refused in its mapping lane with the collector's error and
    /// counts, and the rest of the catalogue is harvested.
    @Test func aDatasetOverTheRecordLimitsIsAnErrorForItAlone() async throws {
        try await Self.withHarness { h in
            let turtle = """
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                <https://data.example.se/d/a> a dcat:Dataset ; dct:title "A"@sv ; dct:description "Om A."@sv ; dcat:keyword "ett" .
                <https://data.example.se/d/b> a dcat:Dataset ; dct:title "B"@sv ; dct:description "Om B."@sv ;
                    dcat:keyword "k1", "k2", "k3", "k4", "k5", "k6" .
                <https://data.example.se/d/c> a dcat:Dataset ; dct:title "C"@sv ; dct:description "Om C."@sv .
                """
            h.site.set("/catalog.ttl", turtle, contentType: "text/turtle")
            let summary = try await h.run("/catalog.ttl") { $0.recordLimits.maxKeywords = 5 }
            #expect(summary.counts.fetched == 3)
            #expect(summary.counts.added == 2)
            #expect(summary.counts.errored == 1)
            let run = try #require(try await h.store.run(summary.run))
            #expect(run.errors.map(\.subject) == ["https://data.example.se/d/b"])
            #expect(run.errors.first?.cause == "record skipped: 6 keywords, over the limit of 5")
            #expect(try await h.dataset("https://data.example.se/d/c")?.title.values["sv"] == "C")
        }
    }

    /// Datasets are mapped in two lanes at once, but reach the collector in document order: of two blank-node
    /// datasets with the same dct:identifier, in batches mapped by different lanes, the first in the document is kept.
    @Test func batchesMappedInTwoLanesArriveInDocumentOrder() async throws {
        try await Self.withHarness { h in
            var turtle = "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n@prefix dct: <http://purl.org/dc/terms/> .\n"
            for index in 0..<700 {
                // The 301st dataset (in the second batch, so the second lane) repeats the identifier of the 4th.
                let (identifier, title) = index == 300 ? ("ds-3", "A later copy") : ("ds-\(index)", "Dataset \(index)")
                turtle += "[] a dcat:Dataset ; dct:identifier \"\(identifier)\" ; dct:title \"\(title)\"@en ; "
                    + "dct:description \"About \(title).\"@en .\n"
            }
            h.site.set("/catalog.ttl", turtle, contentType: "text/turtle")
            let summary = try await h.run("/catalog.ttl")
            #expect(summary.counts.added == 699, "\(summary.message)")
            #expect(summary.counts.skipped == 1)
            let kept = try await h.store.dataset(source: "dcatsource", sourceIdentifier: "ds-3")?.dataset
            #expect(kept?.title.values["en"] == "Dataset 3")
            let run = try #require(try await h.store.run(summary.run))
            #expect(run.errors.map(\.subject) == ["ds-3"])
            // Every dataset is there, the last batch (a short one) included.
            #expect(try await h.store.dataset(source: "dcatsource", sourceIdentifier: "ds-699")?.dataset.title.values["en"] == "Dataset 699")
        }
    }
}
