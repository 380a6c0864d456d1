import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KatalogFixtures
import KatalogHub
import KatalogModel
import Logging
import Testing

/// The DCAT side of the fixture server: static Hydra pages with validators, over real HTTP and without sockets.
struct DCATFixtureServerTests {
    static func fetch(_ url: String, headers: [String: String] = [:], method: String = "GET") async throws
        -> (status: Int, body: Data, response: HTTPURLResponse) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        request.cachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return (http.statusCode, data, http)
    }

    @Test func servesPagesWithContentTypeAndAnswers304() async throws {
        try await withFixtureServer { server in
            #expect(server.dcatCatalogues == ["dk", "no", "se"])
            #expect(server.dcatURL("se") == server.baseURL + "/dcat/se/page-1.rdf")
            let expected = ["se": "application/rdf+xml", "no": "text/turtle", "dk": "application/ld+json"]
            for name in server.dcatCatalogues {
                let url = server.dcatURL(name)
                let first = try await Self.fetch(url)
                #expect(first.status == 200)
                let type = first.response.value(forHTTPHeaderField: "Content-Type") ?? ""
                #expect(type.hasPrefix(try #require(expected[name])), "\(name): \(type)")
                let file = try #require(URL(string: url)?.lastPathComponent)
                #expect(first.body == (try Data(contentsOf: KatalogFixtures.dcatRoot.appendingPathComponent("\(name)/\(file)"))))
                let etag = try #require(first.response.value(forHTTPHeaderField: "ETag"))
                let lastModified = try #require(first.response.value(forHTTPHeaderField: "Last-Modified"))

                let byTag = try await Self.fetch(url, headers: ["If-None-Match": etag])
                #expect(byTag.status == 304)
                #expect(byTag.body.isEmpty)
                let byDate = try await Self.fetch(url, headers: ["If-Modified-Since": lastModified])
                #expect(byDate.status == 304)
                let otherTag = try await Self.fetch(url, headers: ["If-None-Match": "\"not-this-one\""])
                #expect(otherTag.status == 200)
                let stale = try await Self.fetch(url, headers: ["If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"])
                #expect(stale.status == 200)
                let head = try await Self.fetch(url, method: "HEAD")
                #expect(head.status == 200)
                #expect(head.body.isEmpty)
                #expect(head.response.value(forHTTPHeaderField: "ETag") == etag)
                #expect(head.response.value(forHTTPHeaderField: "Content-Length") == String(first.body.count))
            }
        }
    }

    @Test func unknownCatalogueOrFileIs404AndCKANStillWorks() async throws {
        try await withFixtureServer { server in
            #expect(try await Self.fetch(server.baseURL + "/dcat/xx/page-1.rdf").status == 404)
            #expect(try await Self.fetch(server.baseURL + "/dcat/se/page-99.rdf").status == 404)
            #expect(try await Self.fetch(server.baseURL + "/dcat/se/..%2Fno%2Fpage-1.ttl").status == 404)
            let listing = try JSONValue.decode(try await Self.fetch(server.baseURL + "/dcat").body)
            #expect(listing["catalogues"]?.array?.compactMap { $0["name"]?.string } == ["dk", "no", "se"])
            let status = try await Self.fetch(server.portalURL("oppnadata-vastra") + "/api/3/action/status_show")
            #expect(status.status == 200)
        }
    }

    @Test func conditionalRulesWithoutSockets() throws {
        let modified = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
        let page = DCATFixtureCatalogue.Page(fileName: "page-1.ttl", body: Data("x".utf8), contentType: "text/turtle",
                                             etag: "\"abc\"", lastModified: modified)
        #expect(page.lastModifiedHeader == "Tue, 14 Nov 2023 22:13:20 GMT")
        #expect(page.isNotModified(ifNoneMatch: "\"abc\"", ifModifiedSince: nil))
        #expect(page.isNotModified(ifNoneMatch: "\"zzz\", W/\"abc\"", ifModifiedSince: nil))
        #expect(page.isNotModified(ifNoneMatch: "*", ifModifiedSince: nil))
        #expect(!page.isNotModified(ifNoneMatch: "\"zzz\"", ifModifiedSince: "Tue, 14 Nov 2023 22:13:20 GMT"),
                "If-None-Match wins over If-Modified-Since")
        #expect(page.isNotModified(ifNoneMatch: nil, ifModifiedSince: "Tue, 14 Nov 2023 22:13:20 GMT"))
        #expect(page.isNotModified(ifNoneMatch: nil, ifModifiedSince: "Tuesday, 14-Nov-23 22:13:21 GMT"))
        #expect(!page.isNotModified(ifNoneMatch: nil, ifModifiedSince: "Tue, 14 Nov 2023 22:13:19 GMT"))
        #expect(!page.isNotModified(ifNoneMatch: nil, ifModifiedSince: "yesterday"), "an unreadable date is ignored")
        #expect(!page.isNotModified(ifNoneMatch: nil, ifModifiedSince: nil))
    }

    @Test func loadsCataloguesInPageOrder() throws {
        let catalogues = try DCATFixtureCatalogue.loadAll(from: KatalogFixtures.dcatRoot)
        #expect(catalogues.map(\.name) == ["dk", "no", "se"])
        for catalogue in catalogues {
            #expect(catalogue.firstPage.fileName.hasPrefix("page-1."))
            #expect(catalogue.pages.map(\.fileName).first == catalogue.firstPage.fileName)
            #expect(Set(catalogue.pages.map(\.etag)).count == catalogue.pages.count, "each page has its own ETag")
        }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-dcat-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: CKANFixtureError.self) { try DCATFixtureCatalogue.loadAll(from: empty) }
    }
}
