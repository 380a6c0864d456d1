import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KatalogStore
import NIOCore
import Testing
@testable import KatalogHub

/// The CKAN-compatible Action API over the hub's small known catalogue (d1–d4, see `HubTestCatalogue`).
struct CKANActionTests {
    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
    }

    /// The `result` of a successful call, checking CKAN's envelope.
    static func result(_ response: TestResponse) throws -> Any {
        #expect(response.status == .ok)
        let body = try json(response)
        #expect(body["success"] as? Bool == true)
        #expect((body["help"] as? String)?.hasSuffix("/openapi.json") == true)
        return try #require(body["result"])
    }

    /// The `error` of a failed call, checking it is both a CKAN error and a problem document.
    static func error(_ response: TestResponse, status: HTTPResponse.Status, type: String) throws -> [String: Any] {
        #expect(response.status == status)
        #expect(response.headers[.contentType] == "application/problem+json")
        let body = try json(response)
        #expect(body["success"] as? Bool == false)
        #expect(body["status"] as? Int == status.code)
        #expect((body["detail"] as? String)?.isEmpty == false)
        let error = try #require(body["error"] as? [String: Any])
        #expect(error["__type"] as? String == type)
        return error
    }

    /// A show action answers an unknown `id` with CKAN's Not Found error and a missing one with a validation error on `id`.
    static func expectUnknownAndMissingIDs(_ client: some TestClientProtocol, action: String, unknown: String) async throws {
        try await client.execute(uri: "/api/3/action/\(action)?id=\(unknown)", method: .get) { response in
            _ = try Self.error(response, status: .notFound, type: "Not Found Error")
        }
        try await client.execute(uri: "/api/3/action/\(action)", method: .get) { response in
            let error = try Self.error(response, status: .conflict, type: "Validation Error")
            #expect(error["id"] as? [String] == ["Missing value"])
        }
    }

    static func names(_ result: Any) throws -> [String] {
        let dict = try #require(result as? [String: Any])
        let results = try #require(dict["results"] as? [[String: Any]])
        return results.compactMap { $0["katalog_source_identifier"] as? String }
    }

    static func found(_ response: TestResponse) throws -> [String] {
        try names(try result(response))
    }

    static func foundSet(_ response: TestResponse) throws -> Set<String> {
        Set(try found(response))
    }

    @Test func packageSearchFindsFiltersAndCountsFacets() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/api/3/action/package_search", method: .get) { response in
                let result = try #require(try Self.result(response) as? [String: Any])
                #expect(result["count"] as? Int == 4)
                #expect(try Self.names(result).count == 4)
                #expect((result["facets"] as? [String: Any])?.isEmpty == true, "CKAN counts only the fields facet.field names")
            }
            try await client.execute(uri: "/api/3/action/package_search?q=luftkvalitet", method: .get) { response in
                let found = try Self.foundSet(response)
                #expect(found == ["d1", "d4"])
            }
            try await client.execute(uri: "/api/action/package_search?q=*:*&fq=res_format:CSV", method: .get) { response in
                let found = try Self.foundSet(response)
                #expect(found == ["d1", "d2"])
            }
            try await client.execute(uri: "/api/3/action/package_search?q=tags:luft", method: .get) { response in
                let found = try Self.found(response)
                #expect(found == ["d1"])
            }
            try await client.execute(uri: "/api/3/action/package_search?fq=%2Bdataset_type:dataset%20res_format:(GTFS%20OR%20JSON)", method: .get) { response in
                let found = try Self.foundSet(response)
                #expect(found == ["d1", "d3", "d4"])
            }
            try await client.execute(uri: "/api/3/action/package_search?fq=dataset_type:harvest", method: .get) { response in
                let result = try #require(try Self.result(response) as? [String: Any])
                #expect(result["count"] as? Int == 0)
            }
            try await client.execute(uri: "/api/3/action/package_search?fq=groups:educ", method: .get) { response in
                let found = try Self.found(response)
                #expect(found == ["d2"])
            }
            let facets = "facet.field=%5B%22res_format%22,%22organization%22%5D&facet.limit=1&rows=0"
            try await client.execute(uri: "/api/3/action/package_search?" + facets, method: .get) { response in
                let result = try #require(try Self.result(response) as? [String: Any])
                #expect(result["count"] as? Int == 4)
                #expect((result["results"] as? [Any])?.isEmpty == true, "rows=0 gives the count and facets only")
                let counts = try #require(result["facets"] as? [String: [String: Int]])
                #expect(counts["res_format"] == ["CSV": 2] || counts["res_format"] == ["JSON": 2])
                #expect(counts["organization"]?.values.first == 1)
                let items = try #require((result["search_facets"] as? [String: [String: Any]])?["organization"]?["items"] as? [[String: Any]])
                #expect(items.count == 1)
                #expect((items.first?["display_name"] as? String)?.isEmpty == false)
            }
            // Languages are named in the first language asked for.
            let languages = "facet.field=%5B%22language%22%5D&rows=0&lang=sv"
            try await client.execute(uri: "/api/3/action/package_search?" + languages, method: .get) { response in
                let result = try #require(try Self.result(response) as? [String: Any])
                let items = try #require((result["search_facets"] as? [String: [String: Any]])?["language"]?["items"] as? [[String: Any]])
                let names = Dictionary(uniqueKeysWithValues: items.compactMap { item in
                    (item["name"] as? String).map { ($0, item["display_name"] as? String ?? "") }
                })
                #expect(names["sv"] == "Svenska" && names["fi"] == "Finska", "\(names)")
            }
        }
    }

    @Test func aListingOfIndexFieldsAnswersWhatTheWholeDictsSay() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            let fields = ["id", "name", "type", "state", "private", "metadata_created", "metadata_modified", "katalog_source",
                          "katalog_source_identifier", "katalog_url"]
            var whole: [[String: Any]] = []
            try await client.execute(uri: "/api/3/action/package_search?rows=10&sort=id%20asc", method: .get) { response in
                whole = try #require((try Self.result(response) as? [String: Any])?["results"] as? [[String: Any]])
            }
            // Every index field, and Solr's capacity, which these dicts never carry: read without the records.
            try await client.execute(uri: "/api/3/action/package_search?rows=10&sort=id%20asc&fl=" + fields.joined(separator: ",") + ",capacity",
                                     method: .get) { response in
                let listed = try #require((try Self.result(response) as? [String: Any])?["results"] as? [[String: Any]])
                #expect(listed.count == whole.count)
                #expect(!listed.isEmpty)
                for (short, full) in zip(listed, whole) {
                    #expect(Set(short.keys) == Set(fields))
                    for field in fields {
                        #expect(String(describing: short[field] ?? "-") == String(describing: full[field] ?? "+"), "\(field)")
                    }
                }
            }
            // The records' fields come with the records.
            try await client.execute(uri: "/api/3/action/package_search?rows=2&sort=id%20asc&fl=id,title", method: .get) { response in
                let listed = try #require((try Self.result(response) as? [String: Any])?["results"] as? [[String: Any]])
                #expect(listed.allSatisfy { ($0["title"] as? String)?.isEmpty == false })
            }
        }
    }

    @Test func pagesByStartAndRowsInIdOrderAndProjectsFields() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            var ids: [String] = []
            for start in [0, 3] {
                try await client.execute(uri: "/api/3/action/package_search?rows=3&start=\(start)&sort=id%20asc&fl=id,name", method: .get) { response in
                    let result = try #require(try Self.result(response) as? [String: Any])
                    let page = try #require(result["results"] as? [[String: Any]])
                    #expect(page.allSatisfy { Set($0.keys) == ["id", "name"] })
                    ids += page.compactMap { $0["id"] as? String }
                }
            }
            #expect(ids.count == 4)
            #expect(ids == ids.sorted())
            try await client.execute(uri: "/api/3/action/package_list?limit=2&offset=1", method: .get) { response in
                let listed = try Self.result(response) as? [String]
                #expect(listed == Array(ids[1...2]))
            }
            try await client.execute(uri: "/api/3/action/package_list", method: .get) { response in
                let listed = try Self.result(response) as? [String]
                #expect(listed == ids)
            }
        }
    }

    @Test func packageShowGivesEveryLanguageAndResources() async throws {
        let store = try await HubTestCatalogue.makeStore()
        let d1 = try #require(try await store.dataset(source: "demo", sourceIdentifier: "d1"))
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/api/3/action/package_show?id=\(d1.id)", method: .get) { response in
                #expect(response.headers[.eTag] != nil)
                let package = try #require(try Self.result(response) as? [String: Any])
                #expect(package["id"] as? String == d1.id)
                #expect(package["name"] as? String == d1.id)
                #expect(package["title"] as? String == "Air quality in Malmö")
                #expect(package["title_translated"] as? [String: String] == ["sv": "Luftkvalitet i Malmö", "en": "Air quality in Malmö"])
                #expect((package["notes_translated"] as? [String: String])?["sv"] == "Mätningar av kvävedioxid vid Amiralsgatan.")
                let organization = try #require(package["organization"] as? [String: Any])
                #expect(organization["title"] as? String == "Malmö stad")
                #expect(package["owner_org"] as? String == organization["id"] as? String)
                let resources = try #require(package["resources"] as? [[String: Any]])
                #expect(resources.map { $0["url"] as? String } == ["https://data.example.se/d1/0.csv", "https://data.example.se/d1/1.json"])
                #expect(resources.map { $0["format"] as? String } == ["CSV", "JSON"])
                #expect(package["num_resources"] as? Int == 2)
                #expect(Set((package["tags"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []) == ["luft", "miljö"])
            }
            try await client.execute(uri: "/api/3/action/package_show?id=\(d1.id)&lang=sv", method: .get) { response in
                let package = try #require(try Self.result(response) as? [String: Any])
                #expect(package["title"] as? String == "Luftkvalitet i Malmö")
            }
            try await Self.expectUnknownAndMissingIDs(client, action: "package_show", unknown: "0123456789abcdef0123")
        }
    }

    @Test func organizationsAreListedAndFilterSearches() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            var malmo: String?
            try await client.execute(uri: "/api/3/action/organization_list?all_fields=true", method: .get) { response in
                let organizations = try #require(try Self.result(response) as? [[String: Any]])
                #expect(organizations.count == 4)
                let names = organizations.compactMap { $0["name"] as? String }
                #expect(names == names.sorted())
                #expect(names.allSatisfy { CKANNames.isName($0) })
                let entry = try #require(organizations.first { $0["title"] as? String == "Malmö stad" })
                #expect(entry["package_count"] as? Int == 1)
                malmo = entry["name"] as? String
            }
            let name = try #require(malmo)
            try await client.execute(uri: "/api/3/action/organization_list", method: .get) { response in
                let listed = try Self.result(response) as? [String]
                #expect(listed?.contains(name) == true)
            }
            try await client.execute(uri: "/api/3/action/package_search?fq=organization:\(name)", method: .get) { response in
                let found = try Self.found(response)
                #expect(found == ["d1"])
            }
            try await client.execute(uri: "/api/3/action/package_search?fq=organization:no-such-org", method: .get) { response in
                let found = try Self.found(response)
                #expect(found.isEmpty)
            }
            try await client.execute(uri: "/api/3/action/status_show", method: .get) { response in
                let status = try #require(try Self.result(response) as? [String: Any])
                #expect(status["ckan_version"] as? String == CKANActions.apiLevel)
                #expect(status["site_url"] as? String != nil)
            }
        }
    }

    @Test func anOrganizationIsShownWithItsDatasets() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            var malmo: [String: Any] = [:]
            try await client.execute(uri: "/api/3/action/organization_list?all_fields=true", method: .get) { response in
                let organizations = try #require(try Self.result(response) as? [[String: Any]])
                malmo = try #require(organizations.first { $0["title"] as? String == "Malmö stad" })
            }
            let name = try #require(malmo["name"] as? String)
            let key = try #require(malmo["katalog_publisher_key"] as? String)
            try await client.execute(uri: "/api/3/action/organization_show?id=\(name)", method: .get) { response in
                let shown = try #require(try Self.result(response) as? [String: Any])
                #expect(shown["name"] as? String == name)
                #expect(shown["id"] as? String == name)
                #expect(shown["is_organization"] as? Bool == true)
                #expect(shown["package_count"] as? Int == 1)
                #expect(shown["packages"] == nil)
            }
            // By its publisher key too, with the datasets as package dicts, as ckanapi asks (a JSON body).
            let body = "{\"id\": \"\(key)\", \"include_datasets\": true, \"include_users\": false}"
            try await client.execute(uri: "/api/3/action/organization_show", method: .post,
                                     headers: [.contentType: "application/json"], body: ByteBuffer(string: body)) { response in
                let shown = try #require(try Self.result(response) as? [String: Any])
                #expect(shown["name"] as? String == name)
                let packages = try #require(shown["packages"] as? [[String: Any]])
                #expect(packages.compactMap { $0["katalog_source_identifier"] as? String } == ["d1"])
                #expect((packages.first?["organization"] as? [String: Any])?["name"] as? String == name)
            }
            try await Self.expectUnknownAndMissingIDs(client, action: "organization_show", unknown: "no-such-org")
        }
    }

    @Test func resourcesAreShownByTheirIDs() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            var resources: [String: [[String: Any]]] = [:]
            try await client.execute(uri: "/api/3/action/package_search?q=*:*&rows=10", method: .get) { response in
                let result = try #require(try Self.result(response) as? [String: Any])
                let packages = try #require(result["results"] as? [[String: Any]])
                for name in ["d1", "d3"] {
                    let package = try #require(packages.first { $0["katalog_source_identifier"] as? String == name })
                    resources[name] = try #require(package["resources"] as? [[String: Any]])
                }
            }
            // Every resource a package dict lists is shown by its id, whether positional or the source's own.
            for resource in (resources["d1"] ?? []) + (resources["d3"] ?? []) {
                let id = try #require(resource["id"] as? String)
                try await client.execute(uri: "/api/3/action/resource_show?id=\(id)", method: .get) { response in
                    let shown = try #require(try Self.result(response) as? [String: Any])
                    #expect(shown["id"] as? String == id)
                    #expect(shown["url"] as? String == resource["url"] as? String)
                    #expect(shown["package_id"] as? String == resource["package_id"] as? String)
                    #expect(shown["format"] as? String == resource["format"] as? String)
                }
            }
            #expect(resources["d3"]?.first?["id"] as? String == "gtfs-d3-0")
            let d1 = try #require(resources["d1"]?.first?["package_id"] as? String)
            #expect(resources["d1"]?.map { $0["id"] as? String } == ["\(d1)-0", "\(d1)-1"])
            let d3 = try #require(resources["d3"]?.first?["package_id"] as? String)
            // A position past the end, a distribution that has its own identifier, and unknown ids are not found.
            for id in ["\(d1)-2", "\(d3)-0", "gtfs-d3-9", "no-such-resource", "\(d1)-99999999"] {
                try await client.execute(uri: "/api/3/action/resource_show?id=\(id)", method: .get) { response in
                    _ = try Self.error(response, status: .notFound, type: "Not Found Error")
                }
            }
            try await client.execute(uri: "/api/3/action/resource_show?id=gtfs-d3-0&bogus=1", method: .get) { response in
                _ = try Self.error(response, status: .conflict, type: "Validation Error")
            }
        }
    }

    @Test func themesAreGroups() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/api/3/action/group_list", method: .get) { response in
                let names = try Self.result(response) as? [String]
                #expect(names == ["EDUC"])
            }
            try await client.execute(uri: "/api/3/action/group_list?all_fields=true&lang=sv", method: .get) { response in
                let groups = try #require(try Self.result(response) as? [[String: Any]])
                #expect(groups.count == 1)
                #expect(groups.first?["name"] as? String == "EDUC")
                #expect(groups.first?["package_count"] as? Int == 1)
                #expect(groups.first?["is_organization"] as? Bool == false)
                #expect(groups.first?["title"] as? String == "Utbildning, kultur och sport")
            }
            try await client.execute(uri: "/api/3/action/group_list?groups=ECON", method: .get) { response in
                let names = try Self.result(response) as? [String]
                #expect(names == [])
            }
            try await client.execute(uri: "/api/3/action/group_show?id=EDUC&include_datasets=true", method: .get) { response in
                let group = try #require(try Self.result(response) as? [String: Any])
                #expect(group["package_count"] as? Int == 1)
                let packages = try #require(group["packages"] as? [[String: Any]])
                #expect(packages.compactMap { $0["katalog_source_identifier"] as? String } == ["d2"])
                // The name a package dict lists its group by is the name group_show answers to.
                let listed = (packages.first?["groups"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
                #expect(listed == ["EDUC"])
            }
            try await Self.expectUnknownAndMissingIDs(client, action: "group_show", unknown: "ECON")
            try await client.execute(uri: "/api/3/action/group_list?sort=size", method: .get) { response in
                let error = try Self.error(response, status: .conflict, type: "Validation Error")
                #expect(error["sort"] != nil)
            }
            try await client.execute(uri: "/api/3/action/group_list?type=organization", method: .get) { response in
                _ = try Self.error(response, status: .conflict, type: "Validation Error")
            }
        }
    }

    @Test func facetLimitMinusOneCountsEveryValue() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/api/3/action/package_search?facet.field=%5B%22organization%22%5D&facet.limit=-1", method: .get) { response in
                let result = try #require(try Self.result(response) as? [String: Any])
                #expect((result["facets"] as? [String: [String: Int]])?["organization"]?.count == 4)
            }
            try await client.execute(uri: "/api/3/action/package_search?facet.field=%5B%22organization%22%5D&facet.limit=2", method: .get) { response in
                let result = try #require(try Self.result(response) as? [String: Any])
                #expect((result["facets"] as? [String: [String: Int]])?["organization"]?.count == 2)
            }
        }
    }

    @Test func postSendsParametersAsJSONOrAForm() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            let json = #"{"q": "luftkvalitet", "rows": 1, "facet.field": ["res_format"]}"#
            try await client.execute(uri: "/api/3/action/package_search", method: .post,
                                     headers: [.contentType: "application/json"], body: ByteBuffer(string: json)) { response in
                let result = try #require(try Self.result(response) as? [String: Any])
                #expect(result["count"] as? Int == 2)
                #expect((result["results"] as? [Any])?.count == 1)
                #expect((result["facets"] as? [String: [String: Int]])?["res_format"]?["JSON"] == 2)
            }
            try await client.execute(uri: "/api/action/package_search", method: .post,
                                     headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "fq=tags:skola")) { response in
                let found = try Self.found(response)
                #expect(found == ["d2"])
            }
            try await client.execute(uri: "/api/3/action/package_search", method: .post,
                                     headers: [.contentType: "application/json"], body: ByteBuffer(string: "{\"q\": ")) { response in
                _ = try Self.error(response, status: .badRequest, type: "Bad Request")
            }
            // No body is no parameters; white space alone is not JSON.
            try await client.execute(uri: "/api/3/action/tag_list", method: .post, headers: [.contentType: "application/json"]) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/3/action/tag_list", method: .post,
                                     headers: [.contentType: "application/json"], body: ByteBuffer(string: " \n")) { response in
                _ = try Self.error(response, status: .badRequest, type: "Bad Request")
            }
            try await client.execute(uri: "/api/3/action/package_search", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: "{\"q\": \"" + String(repeating: "a", count: 70_000) + "\"}")) { response in
                _ = try Self.error(response, status: .contentTooLarge, type: "Bad Request")
            }
            // POST stays refused everywhere else.
            try await client.execute(uri: "/api/v1/search", method: .post, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
        }
    }

    @Test func badCallsGetCKANErrors() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/api/3/action/package_create", method: .get) { response in
                _ = try Self.error(response, status: .badRequest, type: "Bad Request")
            }
            let conflicts: [(String, String)] = [
                ("package_search?rows=ten", "rows"),
                ("package_search?start=-1", "start"),
                ("package_search?qq=water", "qq"),
                ("package_search?fq=maintainer:x", "fq"),
                ("package_search?fq=tags:a%20tags:b", "fq"),
                ("package_search?fq=-tags:a", "fq"),
                ("package_search?fq=res_format:%22CSV", "fq"),
                ("package_search?fq=metadata_modified:[2024-01-01%20TO%202024-02-01]", "fq"),
                ("package_search?sort=views_recent%20desc", "sort"),
                ("package_search?facet.field=%5B%22tags%22%5D", "facet.field"),
                ("package_search?facet.field=%5B1%5D", "facet.field"),
                // Checked with facets off too (found by schemathesis: a list of objects with facet=false was a 200).
                ("package_search?facet=false&facet.field=%5B%7B%7D%5D", "facet.field"),
                ("package_search?facet=false&facet.field=%5B%22tags%22%5D", "facet.field"),
                ("package_search?rows=1&rows=2", "rows"),
                ("package_list?limit=x", "limit"),
                ("organization_list?sort=size", "sort"),
            ]
            for (call, field) in conflicts {
                try await client.execute(uri: "/api/3/action/" + call, method: .get) { response in
                    let error = try Self.error(response, status: .conflict, type: "Validation Error")
                    #expect(error[field] != nil, "\(call)")
                }
            }
            // CKAN clamps rows to its maximum rather than refusing.
            try await client.execute(uri: "/api/3/action/package_search?rows=5000", method: .get) { response in
                let result = try Self.result(response) as? [String: Any]
                #expect(result?["count"] as? Int == 4)
            }
            // Words with an unbalanced quote are a search, as on /api/v1/search; in fq they are an error.
            try await client.execute(uri: "/api/3/action/package_search?q=%22luftkvalitet", method: .get) { response in
                let found = try Self.foundSet(response)
                #expect(found == ["d1", "d4"])
            }
        }
    }

    @Test func changedSinceFiltersByTheCatalogueChangeTime() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/api/3/action/package_search?fq=metadata_modified:[2000-01-01T00:00:00Z%20TO%20*]", method: .get) { response in
                let result = try Self.result(response) as? [String: Any]
                #expect(result?["count"] as? Int == 4)
            }
            try await client.execute(uri: "/api/3/action/package_search?fq=metadata_modified:[2999-01-01%20TO%20NOW]", method: .get) { response in
                let result = try Self.result(response) as? [String: Any]
                #expect(result?["count"] as? Int == 0)
            }
        }
    }
}
