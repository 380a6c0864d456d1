import Foundation
import HummingbirdTesting
import KatalogHub
import KatalogModel
import KatalogStore
import Logging
import Testing
@testable import KatalogHarvest

/// A hub's DCAT-AP export is a source another Katalog can harvest: every dataset comes back with its texts,
/// distributions and services, across the export's Hydra pages, in each syntax.
struct ExportRoundTripTests {
    @Test(arguments: ["ttl", "rdf", "jsonld"])
    func aHubsExportHarvestsBackTheSameCatalogue(_ syntax: String) async throws {
        try await HarvestedHub.withHub { original, count, port in
            let source = SourceConfig(name: "hub", kind: .dcat, url: "http://127.0.0.1:\(port)/catalog.\(syntax)?limit=40")
            let copy = try await HarvestedHub.harvestBack(source, count: count)
            try await HarvestedHub.compareEach(original, with: copy, count: count, identifier: { stored in
                stored.dataset.iri ?? "http://127.0.0.1:\(port)/datasets/\(stored.id)"
            }) { before, back, identifier in
                #expect(back.title == before.title, "\(identifier)")
                #expect(back.description == before.description, "\(identifier)")
                #expect(Set(back.keywords) == Set(before.keywords), "\(identifier)")
                #expect(back.publisher?.name == before.publisher?.name, "\(identifier)")
                #expect(back.distributions.map(\.downloadURLs) == before.distributions.map(\.downloadURLs), "\(identifier)")
                #expect(back.distributions.map { $0.format?.key } == before.distributions.map { $0.format?.key }, "\(identifier)")
                #expect(back.modified?.normalized == before.modified?.normalized, "\(identifier)")
                // RDF holds each value once: a theme the source repeated comes back once.
                #expect(Set(back.themes.map(\.key)) == Set(before.themes.map(\.key)), "\(identifier)")
            }
            // The map service of the Swedish h2, described on another page of the source, survives the trip.
            let plans = try #require(try await copy.dataset(
                source: "hub", sourceIdentifier: "https://dataportal.norrvik.example/dataset/detaljplaner-alstad-h2")?.dataset)
            #expect(plans.distributions.last?.accessServices.first?.endpoints == ["https://geodata.lansstyrelsen-norrviken.example/wms"])
        }
    }
}
