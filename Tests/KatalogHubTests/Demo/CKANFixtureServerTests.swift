import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KatalogFixtures
import KatalogHub
import KatalogModel
import Logging
import ServiceLifecycle
import Testing

/// Starts the fixture server on an ephemeral port and talks to it over real HTTP.
struct CKANFixtureServerTests {
    static func get(_ url: String) async throws -> (status: Int, body: JSONValue) {
        let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: url)))
        let status = try #require(response as? HTTPURLResponse).statusCode
        return (status, try JSONValue.decode(data))
    }

    @Test func pagesThroughEveryPackageExactlyOnce() async throws {
        try await withFixtureServer { server in
            #expect(server.port > 0)
            #expect(server.portals == ["avoindata-pohjola", "dataportal-nord", "oppnadata-vastra"])
            for portal in server.portals {
                let expected = try JSONValue.decode(Data(contentsOf: KatalogFixtures.file("ckan/\(portal)/packages.json")))["packages"]?.array?.count
                var seen: [String] = []
                var start = 0
                var count = -1
                while count < 0 || start < count {
                    let url = server.portalURL(portal) + "/api/3/action/package_search?rows=7&start=\(start)&sort=id%20asc"
                    let (status, body) = try await Self.get(url)
                    #expect(status == 200)
                    #expect(body["success"] == .bool(true))
                    count = Int(try #require(body["result"]?["count"]?.int64))
                    let results = try #require(body["result"]?["results"]?.array)
                    #expect(results.count <= 7)
                    if results.isEmpty { break }
                    seen += results.compactMap { $0["id"]?.string }
                    start += 7
                    #expect(start < 10_000, "paging must end")
                }
                #expect(seen.count == expected)
                #expect(Set(seen).count == seen.count, "no id twice")
                #expect(seen == seen.sorted(), "sorted by id ascending")
            }
        }
    }

    @Test func packageShowFindsByIdAndNameAndAnswers404() async throws {
        try await withFixtureServer { server in
            let base = server.portalURL("oppnadata-vastra") + "/api/3/action/"
            let byID = try await Self.get(base + "package_show?id=5f3c2a10-7d4e-4b1a-9c2e-000000000001")
            #expect(byID.status == 200)
            #expect(byID.body["result"]?["name"]?.string == "luftkvalitet-stromsala-timvarden")
            let byName = try await Self.get(base + "package_show?id=luftkvalitet-stromsala-timvarden")
            #expect(byName.body["result"]?["id"]?.string == "5f3c2a10-7d4e-4b1a-9c2e-000000000001")
            let missing = try await Self.get(base + "package_show?id=finns-inte")
            #expect(missing.status == 404)
            #expect(missing.body["success"] == .bool(false))
            #expect(missing.body["error"]?["__type"]?.string == "Not Found Error")
            #expect(missing.body["error"]?["message"]?.string == "Not found")
            let noPortal = try await Self.get(server.baseURL + "/ckan/nowhere/api/3/action/package_show?id=x")
            #expect(noPortal.status == 404)
        }
    }

    @Test func otherActions() async throws {
        try await withFixtureServer { server in
            let base = server.portalURL("avoindata-pohjola") + "/api/3/action/"
            let list = try await Self.get(base + "package_list")
            #expect(list.body["result"]?.array?.count == 66, "package_list leaves out private and deleted packages")
            let orgs = try await Self.get(base + "organization_list")
            #expect((orgs.body["result"]?.array?.count ?? 0) >= 8)
            let status = try await Self.get(base + "status_show")
            #expect(status.body["result"]?["site_url"]?.string == server.portalURL("avoindata-pohjola"))
            let unknown = try await Self.get(base + "resource_search")
            #expect(unknown.status == 400)
            let search = try await Self.get(base + "package_search?q=porolaitumet")
            #expect(search.body["result"]?["count"]?.int64 == 1)
            let firstPage = try await Self.get(base + "package_search")
            #expect(firstPage.body["result"]?["results"]?.array?.count == 10, "rows defaults to 10")
        }
    }
}

/// The server run as a service inside the caller's own ServiceGroup.
struct CKANFixtureServiceTests {
    @Test func runsInsideAServiceGroupAndReportsItsURL() async throws {
        let logger = Logger(label: "test.ckan-fixtures")
        let server = try CKANFixtureServer(fixturesRoot: KatalogFixtures.file("ckan"))
        let (urls, continuation) = AsyncStream<String>.makeStream()
        let service = server.service(logger: logger) { url in continuation.yield(url) }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [service], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = urls.makeAsyncIterator()
            let baseURL = try #require(await iterator.next())
            #expect(baseURL.hasPrefix("http://127.0.0.1:"))
            let (status, body) = try await CKANFixtureServerTests.get(baseURL + "/ckan/oppnadata-vastra/api/3/action/status_show")
            #expect(status == 200)
            #expect(body["result"]?["site_title"]?.string == "Öppna data Västra Sjöbygden")
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
