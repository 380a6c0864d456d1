import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KatalogModel
import KatalogStore
import Testing
@testable import KatalogHub

/// Through the hub, a publisher known only by name is the publisher with an IRI and the same name: one organization,
/// one facet value, and the key hits and package dicts give is the one the filters take.
struct PublisherAliasHubTests {
    static let iri = "https://data.example.se/org/lst"

    static func makeStore() async throws -> CatalogStore {
        let names = LocalizedText(["sv": "Länsstyrelsen i Norrvikens län", "en": "County Administrative Board of Norrviken"])
        var geo = HubTestCatalogue.dataset("geo-1", title: ["sv": "Sjöar i Norrviken"], publisher: "x", formats: ["ZIP"])
        geo.dataset.publisher = Agent(name: names)
        var dcat = HubTestCatalogue.dataset("dcat-1", title: ["sv": "Vattendrag i Norrviken"], publisher: "x", formats: ["CSV"])
        dcat.dataset.publisher = Agent(iri: iri, name: names)
        let store = try CatalogStore.temporary()
        for (source, record) in [("geodata", geo), ("dcat", dcat)] {
            let run = try await store.beginRun(source: source, kind: "ckan", url: "http://127.0.0.1/\(source)")
            try await store.stage(run: run, records: [record])
            _ = try await store.completeRun(run: run, seen: [record.sourceIdentifier], isComplete: true)
        }
        return store
    }

    @Test func oneOrganizationOneFacetValueOneKey() async throws {
        let store = try await Self.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            var organizationName = ""
            try await client.execute(uri: "/api/3/action/organization_list?all_fields=true", method: .get) { response in
                let organizations = try #require(try CKANActionTests.result(response) as? [[String: Any]])
                #expect(organizations.count == 1)
                #expect(organizations.first?["katalog_publisher_key"] as? String == Self.iri)
                #expect(organizations.first?["package_count"] as? Int == 2)
                organizationName = try #require(organizations.first?["name"] as? String)
            }
            let geoID = DatasetID.make(source: "geodata", sourceIdentifier: "geo-1")
            try await client.execute(uri: "/api/3/action/package_show?id=\(geoID)", method: .get) { response in
                let package = try #require(try CKANActionTests.result(response) as? [String: Any])
                let organization = try #require(package["organization"] as? [String: Any])
                #expect(organization["name"] as? String == organizationName)
                #expect(organization["katalog_publisher_key"] as? String == Self.iri)
            }
            try await client.execute(uri: "/api/3/action/package_search?fq=organization:\(organizationName)", method: .get) { response in
                let found = try CKANActionTests.foundSet(response)
                #expect(found == ["geo-1", "dcat-1"])
            }
            // The organization name package dicts gave the name-only publisher before the alias still leads to it.
            let oldName = CKANNames.organizationName(forKey: "county administrative board of norrviken")
            #expect(oldName != organizationName)
            try await client.execute(uri: "/api/3/action/organization_show?id=\(oldName)", method: .get) { response in
                let organization = try #require(try CKANActionTests.result(response) as? [String: Any])
                #expect(organization["name"] as? String == organizationName)
            }
            try await client.execute(uri: "/api/3/action/package_search?fq=organization:\(oldName)", method: .get) { response in
                let found = try CKANActionTests.foundSet(response)
                #expect(found == ["geo-1", "dcat-1"])
            }
            let escaped = try #require(Self.iri.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            try await client.execute(uri: "/api/v1/search?publisher=\(escaped)&facets=true", method: .get) { response in
                let body = try CKANActionTests.json(response)
                #expect(body["total"] as? Int == 2)
                let hits = try #require(body["results"] as? [[String: Any]])
                #expect(hits.allSatisfy { ($0["publisher"] as? [String: Any])?["key"] as? String == Self.iri })
                let publishers = try #require((body["facets"] as? [String: Any])?["publisher"] as? [[String: Any]])
                #expect(publishers.count == 1 && publishers.first?["count"] as? Int == 2)
            }
        }
    }
}
