import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KatalogModel
import KatalogStore
import Testing
@testable import KatalogHub

/// `tag_list` and `license_list` over a small catalogue whose keywords and licences are known.
struct CKANVocabularyActionTests {
    /// d1–d4 of `HubTestCatalogue`, with "luft" on d4 as well, and a licence on each.
    static func makeStore() async throws -> CatalogStore {
        var records = HubTestCatalogue.records
        records[3].dataset.keywords.append(LangString("Luft", language: "sv"))
        records[0].dataset.license = License.normalize("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")
        records[1].dataset.license = License.normalize("odc-odbl")
        records[3].dataset.license = License.normalize("Kommunens egna villkor")
        records[2].dataset.license = License.normalize("notspecified")
        let store = try CatalogStore.temporary()
        let run = try await store.beginRun(source: "demo", kind: "ckan", url: "http://127.0.0.1/")
        try await store.stage(run: run, records: records)
        _ = try await store.completeRun(run: run, seen: Set(records.map(\.sourceIdentifier)), isComplete: true)
        return store
    }

    @Test func tagsAreTheKeywordsWithTheirCounts() async throws {
        let store = try await Self.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/api/3/action/tag_list", method: .get) { response in
                let names = try CKANActionTests.result(response) as? [String]
                #expect(names == ["ilma", "luft", "miljö", "skola", "transport", "utbildning"])
            }
            try await client.execute(uri: "/api/3/action/tag_list?query=LU&all_fields=true", method: .get) { response in
                let tags = try #require(try CKANActionTests.result(response) as? [[String: Any]])
                #expect(tags.compactMap { $0["name"] as? String } == ["luft"])
                #expect(tags.first?["package_count"] as? Int == 2)
                #expect(tags.first?["id"] as? String == "luft")
                #expect(tags.first?["vocabulary_id"] is NSNull)
            }
            // The name a tag is listed by finds its datasets.
            try await client.execute(uri: "/api/3/action/package_search?fq=tags:luft", method: .get) { response in
                let found = try CKANActionTests.foundSet(response)
                #expect(found == ["d1", "d4"])
            }
            try await client.execute(uri: "/api/3/action/tag_list?q=skol", method: .get) { response in
                let names = try CKANActionTests.result(response) as? [String]
                #expect(names == ["skola"])
            }
            try await client.execute(uri: "/api/3/action/tag_list?limit=2&offset=1", method: .get) { response in
                let names = try CKANActionTests.result(response) as? [String]
                #expect(names == ["luft", "miljö"])
            }
            try await client.execute(uri: "/api/3/action/tag_list?query=nothing-like-it", method: .get) { response in
                let names = try CKANActionTests.result(response) as? [String]
                #expect(names == [])
            }
            try await client.execute(uri: "/api/3/action/tag_list?vocabulary_id=country_codes", method: .get) { response in
                _ = try CKANActionTests.error(response, status: .notFound, type: "Not Found Error")
            }
            try await client.execute(uri: "/api/3/action/tag_list?limit=0", method: .get) { response in
                let error = try CKANActionTests.error(response, status: .conflict, type: "Validation Error")
                #expect(error["limit"] != nil)
            }
            try await client.execute(uri: "/api/3/action/tag_list?sort=name", method: .get) { response in
                _ = try CKANActionTests.error(response, status: .conflict, type: "Validation Error")
            }
            // `q` is checked even beside `query`, which is the one used.
            try await client.execute(uri: "/api/3/action/tag_list", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"query": "lu", "q": false}"#)) { response in
                let error = try CKANActionTests.error(response, status: .conflict, type: "Validation Error")
                #expect(error["q"] != nil)
            }
            // Deleted datasets' keywords are gone with them, from the store and from the hub's kept list.
            let run = try await store.beginRun(source: "demo", kind: "ckan", url: "http://127.0.0.1/")
            _ = try await store.completeRun(run: run, seen: ["d1", "d2", "d4"], isComplete: true, deletionPolicy: DeletionPolicy(acceptDeletions: true))
            let left = try await store.keywordCounts().map(\.value)
            #expect(left == ["ilma", "luft", "miljö", "skola", "utbildning"])
            try await client.execute(uri: "/api/3/action/tag_list", method: .get) { response in
                let names = try CKANActionTests.result(response) as? [String]
                #expect(names == left)
            }
        }
        await #expect(throws: StoreError.self) { _ = try await store.keywordCounts(limit: 0) }
        let skol = try await store.keywordCounts(containing: "SKOL").map(\.value)
        #expect(skol == ["skola"])
    }

    @Test func licencesAreTheOnesDatasetsUse() async throws {
        let store = try await Self.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            var listed: [String: [String: Any]] = [:]
            try await client.execute(uri: "/api/3/action/license_list", method: .get) { response in
                let licences = try #require(try CKANActionTests.result(response) as? [[String: Any]])
                for licence in licences { listed[try #require(licence["id"] as? String)] = licence }
                #expect(licences.compactMap { $0["id"] as? String } == licences.compactMap { $0["id"] as? String }.sorted())
            }
            #expect(Set(listed.keys) == ["CC_BY_4_0", "ODC_BL", "kommunens egna villkor", "notspecified"])
            #expect(listed["notspecified"]?["title"] as? String == "Licence not specified")
            #expect(listed["notspecified"]?["od_conformance"] as? String == "not reviewed")
            let ccBy = try #require(listed["CC_BY_4_0"])
            #expect(ccBy["url"] as? String == "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")
            #expect(ccBy["od_conformance"] as? String == "approved")
            #expect(ccBy["is_okd_compliant"] as? Bool == true)
            #expect(ccBy["package_count"] as? Int == 1)
            #expect((ccBy["title"] as? String)?.contains("4.0") == true)
            let unknown = try #require(listed["kommunens egna villkor"])
            #expect(unknown["title"] as? String == "kommunens egna villkor")
            #expect(unknown["url"] as? String == "")
            #expect(unknown["od_conformance"] as? String == "not reviewed")
            #expect(unknown["is_okd_compliant"] as? Bool == false)
            // Every listed id is what package dicts carry as license_id, and filters by it.
            for (id, licence) in listed {
                let escaped = try #require(id.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
                try await client.execute(uri: "/api/3/action/package_search?fq=license_id:%22\(escaped)%22", method: .get) { response in
                    let result = try #require(try CKANActionTests.result(response) as? [String: Any])
                    #expect(result["count"] as? Int == licence["package_count"] as? Int, "\(id)")
                    let packages = try #require(result["results"] as? [[String: Any]])
                    #expect(packages.allSatisfy { $0["license_id"] as? String == id }, "\(id)")
                }
            }
            try await client.execute(uri: "/api/3/action/license_list?all_fields=true", method: .get) { response in
                _ = try CKANActionTests.error(response, status: .conflict, type: "Validation Error")
            }
        }
    }
}
