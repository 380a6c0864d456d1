import Foundation
import Hummingbird
import HummingbirdTesting
import KatalogHub
import KatalogModel
import KatalogStore
import Logging

/// A small known catalogue in a temporary store, harvested through the store's real run API.
enum HubTestCatalogue {
    static func dataset(_ id: String, title: [String: String], description: [String: String] = [:], publisher: String,
                        keywords: [String] = [], formats: [String] = [], modified: String = "2024-01-01") -> SourceRecord {
        let dataset = Dataset(
            sourceIdentifier: id,
            title: LocalizedText(title),
            description: LocalizedText(description),
            keywords: keywords.map { LangString($0, language: "sv") },
            themes: id == "d2" ? [DataTheme.normalize("EDUC")] : [],
            publisher: Agent(identifier: publisher.lowercased(), name: LocalizedText(publisher, language: "sv")),
            modified: DateValue(raw: modified),
            distributions: formats.enumerated().map { index, format in
                // d3's distributions carry their source's identifiers (as CKAN resources do); the others have none.
                Distribution(identifier: id == "d3" ? "gtfs-\(id)-\(index)" : nil, accessURLs: ["https://data.example.se/\(id)/\(index)"],
                             downloadURLs: ["https://data.example.se/\(id)/\(index).\(format.lowercased())"],
                             format: Concept(raw: format, uri: "http://publications.europa.eu/resource/authority/file-type/\(format)"))
            }
        )
        let raw = Data(#"{"id": "\#(id)"}"#.utf8)
        return SourceRecord(dataset: dataset, raw: raw, rawFormat: "application/json")
    }

    static let records: [SourceRecord] = [
        dataset("d1", title: ["sv": "Luftkvalitet i Malmö", "en": "Air quality in Malmö"],
                description: ["sv": "Mätningar av kvävedioxid vid Amiralsgatan.", "en": "Nitrogen dioxide measurements."],
                publisher: "Malmö stad", keywords: ["luft", "miljö"], formats: ["CSV", "JSON"], modified: "2024-05-01"),
        dataset("d2", title: ["sv": "Skolor i Göteborg"], description: ["sv": "Alla grundskolor med adresser."],
                publisher: "Göteborgs stad", keywords: ["skola", "utbildning"], formats: ["CSV"], modified: "2023-11-20"),
        dataset("d3", title: ["en": "Bus stops on Åland"], description: ["en": "Stops and timetables."],
                publisher: "Ålands landskapsregering", keywords: ["transport"], formats: ["GTFS"], modified: "2022-02-02"),
        dataset("d4", title: ["fi": "Ilmanlaatu Helsingissä", "sv": "Luftkvalitet i Helsingfors"],
                publisher: "Helsingin kaupunki", keywords: ["ilma"], formats: ["JSON"], modified: "2024-06-15"),
    ]

    /// A store holding ``records`` from one applied run of source `demo`.
    static func makeStore() async throws -> CatalogStore {
        let store = try CatalogStore.temporary()
        let run = try await store.beginRun(source: "demo", kind: "ckan", url: "http://127.0.0.1/")
        try await store.stage(run: run, records: records)
        _ = try await store.completeRun(run: run, seen: Set(records.map(\.sourceIdentifier)), isComplete: true)
        return store
    }

    static func application(_ store: CatalogStore) -> some ApplicationProtocol {
        Hub.application(store: store, configuration: .init(host: "127.0.0.1", port: 0), logger: Logger(label: "test"))
    }
}
