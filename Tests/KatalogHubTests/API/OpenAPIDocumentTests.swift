import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import KatalogHub

/// `/openapi.json` is well-formed and describes what the hub serves (schemathesis, run by scripts/test.sh, checks
/// the answers against it).
struct OpenAPIDocumentTests {
    @Test func theDocumentParsesAndNamesEveryRoute() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let document = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
                #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
                let paths = try #require(document["paths"] as? [String: Any])
                for path in ["/health", "/api/v1/search", "/api/v1/datasets/{id}", "/api/v1/runs", "/api/v1/quality", "/api/v1/changes", "/api/v1/suggest",
                             "/catalog.ttl", "/catalog.rdf", "/catalog.jsonld",
                             "/datasets/{id}.ttl", "/datasets/{id}.rdf", "/datasets/{id}.jsonld", "/datasets/{id}.nt"] {
                    #expect(paths[path] != nil, "\(path)")
                }
                let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
                let health = try #require(schemas["Health"] as? [String: Any])
                #expect(health["required"] as? [String] == ["status", "sources", "overdue_sources"])
            }
        }
    }
}
