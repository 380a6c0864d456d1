import Foundation
import KatalogModel
import KatalogRDF
@testable import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// A dataset whose source digest (everything the mapper reads for it, under the mapping fingerprint) equals the
/// live record's is not mapped again; one whose digest differs, or that has none, is.
struct DCATSourceDigestTests {
    static let base = "https://data.example.se/"
    static let luft = base + "dataset/luft"
    static let vatten = base + "dataset/vatten"
    static let buller = base + "dataset/buller"
    static let series = base + "series/miljo"

    /// Four IRI datasets (one of them a series another one is in) and one blank-node dataset.
    static func catalogue(seriesTitle: String = "Miljöserien", luftTitle: String = "Luftkvalitet",
                          bullerLicence: String = "http://creativecommons.org/publicdomain/zero/1.0/") -> String {
        """
        @prefix dcat: <http://www.w3.org/ns/dcat#> .
        @prefix dct: <http://purl.org/dc/terms/> .
        <\(base)catalog> a dcat:Catalog ; dct:title "Katalog"@sv ;
            dcat:dataset <\(luft)>, <\(vatten)>, <\(buller)> .
        <\(series)> a dcat:DatasetSeries ; dct:title "\(seriesTitle)"@sv .
        <\(luft)> a dcat:Dataset ; dct:title "\(luftTitle)"@sv ;
            dct:license <http://creativecommons.org/publicdomain/zero/1.0/> ;
            dcat:distribution [ a dcat:Distribution ; dcat:downloadURL <https://data.example.se/files/luft.csv> ] .
        <\(vatten)> a dcat:Dataset ; dct:title "Vattenkvalitet"@sv ; dcat:inSeries <\(series)> .
        <\(buller)> a dcat:Dataset ; dct:title "Buller"@sv ; dct:license <\(bullerLicence)> .
        [] a dcat:Dataset ; dct:title "Utan IRI"@sv ; dct:identifier "anon-1" .
        """
    }

    static let iris = [luft, vatten, buller, series]

    /// A harvester whose log the test reads.
    static func recordingHarvester(_ h: DCATHarvestTests.Harness) -> (Harvester, RecordingLogHandler.Store) {
        let (logger, log) = RecordingLogHandler.logger()
        return (Harvester(store: h.store, logger: logger, clientConfiguration: CKANHarvestTests.fastRetries), log)
    }

    /// The `harvest.unchanged_unmapped` count of each run `log` saw finish, in order.
    static func unmapped(_ log: RecordingLogHandler.Store) -> [String] {
        log.all.filter { $0.message == "harvest finished" }.compactMap { $0.metadata["harvest.unchanged_unmapped"]?.description }
    }

    @Test("a second harvest maps only the datasets whose source changed, and applies every change")
    func unchangedDatasetsAreNotMapped() async throws {
        try await DCATHarvestTests.withHarness { h in
            let (harvester, log) = Self.recordingHarvester(h)
            func run() async throws -> RunSummary {
                try await harvester.run(SourceConfig(name: "dcatsource", kind: .dcat, url: h.server.url("/catalog.ttl")))
            }
            func unmapped() -> [String] { Self.unmapped(log) }
            h.site.set("/catalog.ttl", Self.catalogue(), contentType: "text/turtle")
            let first = try await run()
            #expect(first.counts.added == 5)
            let digests = try await h.store.sourceDigests(source: "dcatsource", identifiers: Self.iris + ["anon-1"])
            #expect(Set(digests.keys) == Set(Self.iris), "every IRI dataset has a digest; the blank-node one has none")
            #expect(Set(digests.values).count == 4)

            // The series' title changes: the series and the dataset in it (which shows the series' title) are
            // mapped and updated; the others read the same and are not mapped, except the blank-node dataset.
            h.site.set("/catalog.ttl", Self.catalogue(seriesTitle: "Miljöserien 2"), contentType: "text/turtle")
            let second = try await run()
            #expect(second.counts.updated == 2)
            #expect(second.counts.unchanged == 3)
            #expect(unmapped() == ["0", "2"], "luft and buller were not mapped")
            let vatten = try #require(try await h.dataset(Self.vatten))
            #expect(vatten.extras["dcat:inSeries"] == ["Miljöserien 2 (\(Self.series))"])
            let after = try await h.store.sourceDigests(source: "dcatsource", identifiers: Self.iris)
            #expect(after[Self.luft] == digests[Self.luft])
            #expect(after[Self.vatten] != digests[Self.vatten])

            // A change inside a dataset, and in a node it links to that the document does not describe.
            h.site.set("/catalog.ttl", Self.catalogue(seriesTitle: "Miljöserien 2", luftTitle: "Luftkvalitet 2024",
                                                      bullerLicence: "http://creativecommons.org/licenses/by/4.0/"),
                       contentType: "text/turtle")
            let third = try await run()
            #expect(third.counts.updated == 2)
            #expect(unmapped().last == "2", "vatten and the series were not mapped")
            #expect(try await h.dataset(Self.luft)?.title.values["sv"] == "Luftkvalitet 2024")
            #expect(try await h.dataset(Self.buller)?.license?.raw == "http://creativecommons.org/licenses/by/4.0/")
        }
    }

    /// `count` datasets whose distributions name one data service, which lists every one of them.
    static func servedCatalogue(count: Int, serviceTitle: String = "API") -> String {
        var text = """
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            <\(base)api> a dcat:DataService ; dct:title "\(serviceTitle)"@en ;
                dcat:endpointURL <\(base)api/v1> ;
                dcat:servesDataset \((0..<count).map { "<\(base)dataset/d\($0)>" }.joined(separator: ", ")) .

            """
        for index in 0..<count {
            text += """
                <\(base)dataset/d\(index)> a dcat:Dataset ; dct:title "Dataset \(index)"@sv ;
                    dcat:distribution <\(base)distribution/d\(index)> .
                <\(base)distribution/d\(index)> a dcat:Distribution ; dcat:accessURL <\(base)api/v1> ;
                    dcat:accessService <\(base)api> .

                """
        }
        return text
    }

    @Test("a data service serving every dataset is linked, not entered: records stay their own size, and only a change to what they show of it maps them again")
    func aDataServiceIsNotPartOfEachDataset() async throws {
        try await DCATHarvestTests.withHarness { h in
            let (harvester, log) = Self.recordingHarvester(h)
            let source = SourceConfig(name: "dcatsource", kind: .dcat, url: h.server.url("/catalog.ttl"))
            h.site.set("/catalog.ttl", Self.servedCatalogue(count: 300), contentType: "text/turtle")
            let first = try await harvester.run(source)
            #expect(first.counts.added == 300)
            #expect(first.counts.errored == 0)
            let stored = try #require(try await h.store.dataset(source: "dcatsource", sourceIdentifier: Self.base + "dataset/d7"))
            let raw = String(decoding: stored.raw, as: UTF8.self)
            #expect(raw.contains("<\(Self.base)distribution/d7> <http://www.w3.org/ns/dcat#accessService> <\(Self.base)api> ."))
            #expect(!raw.contains("servesDataset"), "the service's list of every dataset is not in each record")
            #expect(!raw.contains("\"API\"@en"))
            #expect(raw.split(separator: "\n").count == 6)
            #expect(stored.dataset.distributions.first?.accessServices == [
                AccessService(identifier: Self.base + "api", title: LocalizedText("API", language: "en"), endpoints: [Self.base + "api/v1"]),
            ])

            // The service serves one more dataset: the 300 read as before and are not mapped.
            h.site.set("/catalog.ttl", Self.servedCatalogue(count: 301), contentType: "text/turtle")
            let second = try await harvester.run(source)
            #expect(second.counts.added == 1)
            #expect(second.counts.updated == 0)
            #expect(second.counts.unchanged == 300)
            #expect(Self.unmapped(log).last == "300")

            // Its title changes: every dataset shows it, so every one is mapped and updated.
            h.site.set("/catalog.ttl", Self.servedCatalogue(count: 301, serviceTitle: "API 2"), contentType: "text/turtle")
            let third = try await harvester.run(source)
            #expect(third.counts.updated == 301)
            #expect(Self.unmapped(log).last == "0")
            let renamed = try #require(try await h.store.dataset(source: "dcatsource", sourceIdentifier: Self.base + "dataset/d7"))
            #expect(renamed.dataset.distributions.first?.accessServices.first?.title.values == ["en": "API 2"])
            let digests = try await h.store.sourceDigests(source: "dcatsource", identifiers: [Self.base + "dataset/d7"])
            #expect(digests.count == 1, "a dataset that shows a service keeps a source digest")
        }
    }

    @Test("every member of a big series shows its title, and a new title reaches every member")
    func aBigSeriesTitleReachesEveryMember() async throws {
        func catalogue(members: Int, title: String) -> String {
            var text = """
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                <\(Self.series)> a dcat:DatasetSeries ; dct:title "\(title)"@sv ;
                    dcat:seriesMember \((0..<members).map { "<\(Self.base)dataset/day\($0)>" }.joined(separator: ", ")) .

                """
            for index in 0..<members {
                text += "<\(Self.base)dataset/day\(index)> a dcat:Dataset ; dct:title \"Dag \(index)\"@sv ; dcat:inSeries <\(Self.series)> .\n"
            }
            return text
        }
        try await DCATHarvestTests.withHarness { h in
            let source = SourceConfig(name: "dcatsource", kind: .dcat, url: h.server.url("/catalog.ttl"))
            h.site.set("/catalog.ttl", catalogue(members: 400, title: "Dagliga mätningar"), contentType: "text/turtle")
            let first = try await h.harvester.run(source)
            #expect(first.counts.added == 401, "the series is a dataset too")
            for index in [0, 199, 399] {
                let member = try #require(try await h.dataset(Self.base + "dataset/day\(index)"))
                #expect(member.extras["dcat:inSeries"] == ["Dagliga mätningar (\(Self.series))"])
            }
            h.site.set("/catalog.ttl", catalogue(members: 400, title: "Dygnsmätningar"), contentType: "text/turtle")
            let second = try await h.harvester.run(source)
            #expect(second.counts.updated == 401)
            for index in [0, 399] {
                let member = try #require(try await h.dataset(Self.base + "dataset/day\(index)"))
                #expect(member.extras["dcat:inSeries"] == ["Dygnsmätningar (\(Self.series))"])
            }
        }
    }

    @Test("a dataset deleted at the source loses its digest; when it comes back it is mapped and stored again")
    func aDeletedDatasetHasNoDigest() async throws {
        try await DCATHarvestTests.withHarness { h in
            let source = SourceConfig(name: "dcatsource", kind: .dcat, url: h.server.url("/catalog.ttl"))
            h.site.set("/catalog.ttl", Self.catalogue(), contentType: "text/turtle")
            _ = try await h.harvester.run(source)
            let withoutBuller = Self.catalogue().split(separator: "\n").filter { !$0.hasPrefix("<\(Self.buller)>") }
                .joined(separator: "\n")
            h.site.set("/catalog.ttl", withoutBuller, contentType: "text/turtle")
            let second = try await h.harvester.run(source, options: .init(acceptDeletions: true))
            #expect(second.counts.deleted == 1)
            #expect(try await h.store.sourceDigests(source: "dcatsource", identifiers: [Self.buller]).isEmpty)
            h.site.set("/catalog.ttl", Self.catalogue(), contentType: "text/turtle")
            let third = try await h.harvester.run(source)
            #expect(third.counts.added == 1)
            #expect(try await h.dataset(Self.buller)?.title.values["sv"] == "Buller")
            #expect(try await h.store.sourceDigests(source: "dcatsource", identifiers: [Self.buller]).count == 1)
        }
    }

    @Test("another mapping fingerprint (here a changed record limit) maps every dataset again")
    func aNewFingerprintMapsEverything() async throws {
        try await DCATHarvestTests.withHarness { h in
            let (harvester, log) = Self.recordingHarvester(h)
            h.site.set("/catalog.ttl", Self.catalogue(), contentType: "text/turtle")
            var source = SourceConfig(name: "dcatsource", kind: .dcat, url: h.server.url("/catalog.ttl"))
            _ = try await harvester.run(source)
            source.recordLimits.maxKeywords += 1
            h.site.set("/catalog.ttl", Self.catalogue(luftTitle: "Luftkvalitet 2024"), contentType: "text/turtle")
            let second = try await harvester.run(source)
            #expect(second.counts.updated == 1)
            #expect(second.counts.unchanged == 4)
            let unmapped = Self.unmapped(log)
            #expect(unmapped == ["0", "0"])
            let digests = try await h.store.sourceDigests(source: "dcatsource", identifiers: Self.iris)
            #expect(digests.count == 4, "the unchanged records took the new fingerprint's digests")
        }
    }

    @Test("records stored without a digest get one when a run finds them unchanged, and are skipped after")
    func recordsWithoutADigestGetOne() async throws {
        try await DCATHarvestTests.withHarness { h in
            let (harvester, log) = Self.recordingHarvester(h)
            let source = SourceConfig(name: "dcatsource", kind: .dcat, url: h.server.url("/catalog.ttl"))
            h.site.set("/catalog.ttl", Self.catalogue(), contentType: "text/turtle")
            _ = try await harvester.run(source)
            // As a catalogue stored by a version that kept no digests.
            try await h.store.clearSourceDigests()
            #expect(try await h.store.sourceDigests(source: "dcatsource", identifiers: Self.iris).isEmpty)
            h.site.set("/catalog.ttl", Self.catalogue(luftTitle: "Luftkvalitet 2024"), contentType: "text/turtle")
            let second = try await harvester.run(source)
            #expect(second.counts.updated == 1)
            #expect(try await h.store.sourceDigests(source: "dcatsource", identifiers: Self.iris).count == 4)
            h.site.set("/catalog.ttl", Self.catalogue(luftTitle: "Luftkvalitet 2025"), contentType: "text/turtle")
            let third = try await harvester.run(source)
            #expect(third.counts.updated == 1)
            let unmapped = Self.unmapped(log)
            #expect(unmapped == ["0", "0", "3"])
        }
    }
}
