import Foundation
import HummingbirdTesting
import KatalogHub
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// A hub's CKAN-compatible API is a source Katalog's own CKAN harvester can harvest: every dataset comes back,
/// across `package_search` pages, with its texts in every language, keywords, publisher, distributions and themes.
struct CKANAPIRoundTripTests {
    @Test func aHubsCKANAPIHarvestsBackTheSameCatalogue() async throws {
        try await HarvestedHub.withHub { original, count, port in
            let source = SourceConfig(name: "hub", kind: .ckan, url: "http://127.0.0.1:\(port)", pageSize: 40)
            let copy = try await HarvestedHub.harvestBack(source, count: count)
            try await HarvestedHub.compareEach(original, with: copy, count: count, identifier: { $0.id }) { before, back, id in
                // Every tagged language comes back as it was (ckanext-fluent's maps); an untagged value comes back
                // as CKAN's plain field, so it is compared by its text.
                for language in before.title.languages where !language.isEmpty {
                    #expect(back.title.values[language] == before.title.values[language], "\(id) title \(language)")
                }
                #expect(Set(back.title.values.values).isSuperset(of: [before.title.best() ?? before.sourceIdentifier]), "\(id)")
                for language in before.description.languages where !language.isEmpty {
                    #expect(back.description.values[language] == before.description.values[language], "\(id)")
                }
                #expect(Set(back.keywords.map(\.value)) == Set(before.keywords.map(\.value)), "\(id)")
                #expect(back.publisher?.name == before.publisher?.name, "\(id)")
                #expect(back.iri == before.iri, "\(id)")
                #expect(back.distributions.map { $0.downloadURLs.first } == before.distributions.map { $0.downloadURLs.first }, "\(id)")
                #expect(back.distributions.map { $0.format?.key.uppercased() } == before.distributions.map { $0.format?.key.uppercased() },
                        "\(id)")
                // Without a modified date of its own, a package's is CKAN's metadata_modified (the hub's change time).
                if let modified = before.modified {
                    #expect(back.modified?.normalized == modified.normalized, "\(id)")
                }
                #expect(Set(back.themes.map(\.key)) == Set(before.themes.map(\.key)), "\(id)")
                #expect(back.license?.key == before.license?.key, "\(id)")
            }
        }
    }

    /// The hub answers what an incremental CKAN run asks (the newest `metadata_modified`, `fq` on it, `fl=id`): a
    /// second run of the hub as a source fetches only what changed since and lists the rest by id.
    @Test func aHubsCKANAPIIsHarvestedIncrementally() async throws {
        try await HarvestedHub.withHub { _, count, port in
            let source = SourceConfig(name: "hub", kind: .ckan, url: "http://127.0.0.1:\(port)", pageSize: 100)
            let copy = try CatalogStore.temporary()
            let harvester = Harvester(store: copy, logger: Logger(label: "test"))
            let first = try await harvester.run(source)
            #expect(first.status == .succeeded, "\(first.message)")
            #expect(first.counts.added == count)
            let mark = try #require(try await copy.listingMark(source: "hub"), "the hub's newest metadata_modified is a mark")
            let second = try await harvester.run(source)
            #expect(second.status == .succeeded, "\(second.message)")
            let run = try #require(try await copy.runs(source: "hub", limit: 1).first)
            #expect(run.changesSince != nil, "the hub honours fl, so the second run lists changes")
            // The hub's catalogue was written in the last hour: every package is within the overlap, fetched again and
            // recognised; none is written or deleted.
            #expect(second.counts.added + second.counts.updated + second.counts.deleted == 0)
            #expect(second.counts.unchanged == count)
            #expect(try await copy.listingMark(source: "hub")?.mark == mark.mark)
        }
    }
}
