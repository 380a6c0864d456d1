import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KatalogModel
import KatalogStore
import NIOCore
import Testing
@testable import KatalogHub

/// `/robots.txt`, `/sitemap.xml` and the sitemap files: every live dataset page, once.
struct SitemapTests {
    @Test func theIndexAndItsFilesListEveryLiveDatasetOnce() async throws {
        let store = try await HubTestCatalogue.makeStore()
        let ids = Set(try await store.datasetIDs(limit: 100))
        #expect(ids.count == 4)
        try await HubTestCatalogue.application(store).test(.router) { client in
            let robots = try await client.execute(uri: "/robots.txt", method: .get) { String(buffer: $0.body) }
            #expect(robots.contains("Sitemap: http://localhost/sitemap.xml\n"))
            #expect(robots.contains("Disallow: /api/\n"))

            let index = try await client.execute(uri: "/sitemap.xml", method: .get) { response in
                #expect(response.headers[.contentType] == "application/xml; charset=utf-8")
                return String(buffer: response.body)
            }
            #expect(index.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
            let files = index.components(separatedBy: "<loc>").dropFirst().compactMap { $0.components(separatedBy: "</loc>").first }
            #expect(files.count == 16)
            #expect(files.first == "http://localhost/sitemaps/0.xml")
            var listed: [String] = []
            for file in files {
                let path = try #require(URL(string: file)).path
                let body = try await client.execute(uri: path, method: .get) { String(buffer: $0.body) }
                #expect(body.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
                let prefix = String(path.dropFirst("/sitemaps/".count).dropLast(4))
                for loc in body.components(separatedBy: "<loc>").dropFirst().compactMap({ $0.components(separatedBy: "</loc>").first }) {
                    let id = String(loc.dropFirst("http://localhost/datasets/".count))
                    #expect(id.hasPrefix(prefix), "\(id) in \(path)")
                    listed.append(id)
                }
                #expect(body.contains("<lastmod>") == body.contains("<url>"))
            }
            #expect(listed.count == 4)
            #expect(Set(listed) == ids)
            // A two-digit name lists a part of a one-digit file; a name that is none is Not Found.
            let first = try #require(ids.sorted().first)
            let part = try await client.execute(uri: "/sitemaps/\(first.prefix(2)).xml", method: .get) { String(buffer: $0.body) }
            #expect(part.contains("/datasets/\(first)</loc>"))
            for bad in ["/sitemaps/g.xml", "/sitemaps/0000.xml", "/sitemaps/0.txt", "/sitemaps/A.xml"] {
                try await client.execute(uri: bad, method: .get) { response in
                    #expect(response.status == .notFound, "\(bad)")
                }
            }
        }
    }

    @Test func filesAreSplitByAsManyDigitsAsKeepThemUnder50000() {
        #expect(SitemapRoutes.digits(for: 0) == 1)
        #expect(SitemapRoutes.digits(for: 640_000) == 1)
        #expect(SitemapRoutes.digits(for: 640_001) == 2)
        #expect(SitemapRoutes.digits(for: 10_240_001) == 3)
        #expect(SitemapRoutes.digits(for: Int.max / 2) == 3)
    }

    @Test func lastmodDaysAgreeWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for seconds in stride(from: -2_000_000_000.0, through: 4_000_000_000.0, by: 86_400 * 37.3) {
            let date = Date(timeIntervalSince1970: seconds)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let expected = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            #expect(SitemapRoutes.day(date) == expected, "\(seconds)")
        }
    }
}
