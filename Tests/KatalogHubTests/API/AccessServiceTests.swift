import Foundation
import Hummingbird
import HummingbirdTesting
import KatalogHub
import KatalogModel
import KatalogStore
import Testing

/// A distribution served through a data service (an API) shows the service in the API and on the dataset page.
struct AccessServiceTests {
    static func store() async throws -> (CatalogStore, String) {
        let store = try CatalogStore.temporary()
        var record = HubTestCatalogue.dataset("api1", title: ["sv": "Realtidsinformation"], publisher: "Trafikbolaget",
                                              formats: ["JSON"])
        record.dataset.distributions[0].accessServices = [
            AccessService(identifier: "https://data.example.se/service/realtid",
                          title: LocalizedText(["sv": "Realtids-API", "en": "Real-time API"]),
                          endpoints: ["https://api.example.se/realtid/v2"],
                          endpointDescriptions: ["https://api.example.se/realtid/v2/openapi.json"],
                          conformsTo: ["https://spec.openapis.org/oas/v3.1.0"]),
        ]
        let run = try await store.beginRun(source: "demo", kind: "dcat", url: "http://127.0.0.1/")
        try await store.stage(run: run, records: [record])
        _ = try await store.completeRun(run: run, seen: ["api1"], isComplete: true)
        let id = try #require(try await store.dataset(source: "demo", sourceIdentifier: "api1")).id
        return (store, id)
    }

    @Test func theDatasetAPIListsTheServiceOfADistribution() async throws {
        let (store, id) = try await Self.store()
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/api/v1/datasets/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                let body = try #require(JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
                let dataset = try #require(body["dataset"] as? [String: Any])
                let distribution = try #require((dataset["distributions"] as? [[String: Any]])?.first)
                let service = try #require((distribution["access_services"] as? [[String: Any]])?.first)
                #expect(service["identifier"] as? String == "https://data.example.se/service/realtid")
                #expect(service["title"] as? [String: String] == ["sv": "Realtids-API", "en": "Real-time API"])
                #expect(service["endpoints"] as? [String] == ["https://api.example.se/realtid/v2"])
                #expect(service["endpoint_descriptions"] as? [String] == ["https://api.example.se/realtid/v2/openapi.json"])
                #expect(service["conforms_to"] as? [String] == ["https://spec.openapis.org/oas/v3.1.0"])
            }
        }
    }

    @Test func theDatasetPageNamesTheServiceAndLinksItsEndpoint() async throws {
        let (store, id) = try await Self.store()
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/datasets/\(id)?lang=sv", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Tjänst: Realtids-API <a href=\"https://api.example.se/realtid/v2\">"))
                #expect(html.contains("(beskrivning: <a href=\"https://api.example.se/realtid/v2/openapi.json\">"))
            }
            try await client.execute(uri: "/datasets/\(id)?lang=en", method: .get) { response in
                #expect(String(buffer: response.body).contains("Service: Real-time API <a href="))
            }
        }
    }
}
