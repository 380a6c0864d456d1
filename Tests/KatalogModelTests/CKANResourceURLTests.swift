import Foundation
import Testing
@testable import KatalogModel

/// Which resource URLs are download URLs.
struct CKANResourceURLTests {
    private func distribution(_ resource: String) throws -> Distribution {
        let package = try JSONValue.parse(Data("""
        {"id": "p1", "name": "p1", "title": "Paket", "resources": [\(resource)]}
        """.utf8))
        return try #require(try CKANMapper.record(from: package, portalURL: "https://portal.example").dataset.distributions.first)
    }

    @Test func aPlainResourceNamingAFileIsADownload() throws {
        let plain = try distribution(#"{"id": "r1", "url": "https://data.example/tabell.csv"}"#)
        #expect(plain.downloadURLs == ["https://data.example/tabell.csv"])
        let page = try distribution(#"{"id": "r2", "url": "https://data.example/om-datat"}"#)
        #expect(page.downloadURLs.isEmpty)
    }

    @Test func aDCATResourceWithoutDownloadURLHasNone() throws {
        // ckanext-dcat writes access_url and download_url from the DCAT distribution; no download_url means none.
        let feed = try distribution(#"{"id": "r1", "url": "https://geo.example/atom/feed.xml", "access_url": "https://geo.example/atom/feed.xml"}"#)
        #expect(feed.accessURLs == ["https://geo.example/atom/feed.xml"])
        #expect(feed.downloadURLs.isEmpty)
        let both = try distribution(#"{"id": "r2", "url": "https://geo.example/a.zip", "access_url": "https://geo.example/", "download_url": "https://geo.example/a.zip"}"#)
        #expect(both.downloadURLs == ["https://geo.example/a.zip"])
    }
}
