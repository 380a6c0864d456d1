import Foundation
import KatalogHub
import KatalogModel
import Testing

/// The Action API semantics, without sockets.
struct CKANFixtureAPITests {
    static func api(count: Int = 25) throws -> CKANFixtureAPI {
        let packages = (0..<count).map { index in
            JSONValue.object([
                "id": .string(String(format: "id-%03d", index)), "name": .string("pkg-\(count - index)"),
                "title": .string(index == 3 ? "Luftkvalitet" : "Dataset \(index)"),
                "metadata_modified": .string("2024-01-\(10 + index % 10)T00:00:00"),
            ])
        }
        let portal = try CKANFixturePortal(name: "test", title: "Test", packages: packages)
        return CKANFixtureAPI(portal: portal, siteURL: "http://127.0.0.1:1/ckan/test")
    }

    @Test func rowsAreClampedAndValidated() throws {
        let api = try Self.api(count: 1_200)
        let all = api.handle(action: "package_search", query: ["rows": "5000"])
        #expect(all.body["result"]?["results"]?.array?.count == 1000)
        #expect(all.body["result"]?["count"]?.int64 == 1200)
        let bad = api.handle(action: "package_search", query: ["rows": "-1"])
        #expect(bad.status == 409)
        #expect(bad.body["error"]?["__type"]?.string == "Validation Error")
        #expect(bad.body["error"]?["rows"] != nil)
        let badStart = api.handle(action: "package_search", query: ["start": "x"])
        #expect(badStart.body["error"]?["start"] != nil)
    }

    @Test func sortOrders() throws {
        let api = try Self.api()
        let byName = api.handle(action: "package_search", query: ["sort": "name asc", "rows": "3"])
        #expect(byName.body["result"]?["results"]?.array?.compactMap { $0["name"]?.string } == ["pkg-1", "pkg-10", "pkg-11"])
        let byModified = api.handle(action: "package_search", query: ["sort": "metadata_modified+desc", "rows": "3"])
        let modified = byModified.body["result"]?["results"]?.array?.compactMap { $0["metadata_modified"]?.string } ?? []
        #expect(modified == ["2024-01-19T00:00:00", "2024-01-19T00:00:00", "2024-01-18T00:00:00"])
        let ids = byModified.body["result"]?["results"]?.array?.compactMap { $0["id"]?.string } ?? []
        #expect(ids[0] < ids[1], "ties broken by id")
        let invalid = api.handle(action: "package_search", query: ["sort": "bogus asc"])
        #expect(invalid.status == 409)
    }

    @Test func modifiedSinceAndFieldListsAnswerAnIncrementalHarvest() throws {
        let api = try Self.api()
        // Modified on the 18th or 19th: indices 8, 9, 18, 19.
        let since = api.handle(action: "package_search", query: ["fq": "metadata_modified:[2024-01-18T00:00:00Z TO *]", "rows": "100"])
        #expect(since.body["result"]?["count"]?.int64 == 4)
        let ids = api.handle(action: "package_search", query: ["fl": "id,state", "rows": "2", "sort": "id asc"])
        let first = try #require(ids.body["result"]?["results"]?.array?.first?.object)
        #expect(first.keys.sorted() == ["id"], "only the fields asked for that the package has")
        #expect(first["id"]?.string == "id-000")
        // Another fq is accepted and ignored, as before.
        #expect(api.handle(action: "package_search", query: ["fq": "organization:x"]).body["result"]?["count"]?.int64 == 25)
    }

    @Test func queryMatchesSubstringsAndMatchAll() throws {
        let api = try Self.api()
        #expect(api.handle(action: "package_search", query: ["q": "luftkval"]).body["result"]?["count"]?.int64 == 1)
        #expect(api.handle(action: "package_search", query: ["q": "*:*"]).body["result"]?["count"]?.int64 == 25)
        #expect(api.handle(action: "package_search", query: ["q": "nothing-like-this"]).body["result"]?["count"]?.int64 == 0)
    }

    @Test func packageShowNeedsAnID() throws {
        let api = try Self.api()
        let reply = api.handle(action: "package_show", query: [:])
        #expect(reply.status == 409)
        #expect(reply.body["error"]?["id"] == .array([.string("Missing value")]))
    }

    @Test func duplicateIDsAreRejected() {
        let twice = [JSONValue.object(["id": .string("a")]), .object(["id": .string("a")])]
        #expect(throws: CKANFixtureError.self) { try CKANFixturePortal(name: "dup", title: "Dup", packages: twice) }
    }
}
