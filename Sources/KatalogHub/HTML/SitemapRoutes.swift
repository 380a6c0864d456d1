import Foundation
import HTTPTypes
import Hummingbird
import KatalogModel
import KatalogStore
import NIOCore

/// `/robots.txt`, `/sitemap.xml` and `/sitemaps/{prefix}.xml`: the dataset pages listed for crawlers, so a search
/// engine finds every dataset without following the search page's links.
///
/// A sitemap file may list 50,000 URLs. Dataset ids are uniformly spread hex hashes, so the catalogue is split by the
/// first hex digits of the id, as many as keep each file near ``target`` datasets (16 files up to 640,000 datasets,
/// 256 up to 10 million, 4,096 beyond); `/sitemap.xml` is the index of those files.
struct SitemapRoutes: Sendable {
    let store: CatalogStore

    /// Datasets a sitemap file aims to hold.
    static let target = 40_000
    /// The most a sitemap file may hold.
    static let maximum = 50_000

    func register(on router: Router<BasicRequestContext>) {
        router.get("/robots.txt") { request, _ in Self.robots(origin: ExportRoutes.origin(of: request)) }
        router.get("/sitemap.xml") { request, _ in try await self.index(request) }
        router.get("/sitemaps/:file") { request, context in try await self.file(request, name: context.parameters.get("file") ?? "") }
    }

    /// How many hex digits of the id name a file, for a catalogue of `count` datasets.
    static func digits(for count: Int) -> Int {
        var digits = 1
        while digits < 3, count > target << (4 * digits) { digits += 1 }
        return digits
    }

    static func robots(origin: String) -> Response {
        // The pages and the exports are for crawlers; the JSON API is for programs and would only be crawled in circles.
        let text = "User-agent: *\nDisallow: /api/\nSitemap: \(origin)/sitemap.xml\n"
        return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func index(_ request: Request) async throws -> Response {
        try QueryParameters(request.uri.query).rejectUnknown([])
        let origin = ExportRoutes.origin(of: request)
        let digits = Self.digits(for: try await store.datasetCount())
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for number in 0..<(1 << (4 * digits)) {
            var prefix = String(number, radix: 16)
            prefix = String(repeating: "0", count: digits - prefix.count) + prefix
            xml += "<sitemap><loc>\(origin)/sitemaps/\(prefix).xml</loc></sitemap>\n"
        }
        xml += "</sitemapindex>\n"
        return JSONResponse.conditional(data: Data(xml.utf8), request: request, contentType: "application/xml; charset=utf-8")
    }

    func file(_ request: Request, name: String) async throws -> Response {
        try QueryParameters(request.uri.query).rejectUnknown([])
        let prefix = name.hasSuffix(".xml") ? String(name.dropLast(4)) : ""
        guard (1...3).contains(prefix.utf8.count), DatasetID.isLowerHex(prefix) else {
            throw APIError(.notFound, "no sitemap '\(name.prefix(40))': sitemaps are named by one to three lower-case hex digits, as /sitemap.xml lists them")
        }
        let origin = ExportRoutes.origin(of: request)
        let entries = try await store.datasetIDs(prefix: prefix, limit: Self.maximum)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        xml.reserveCapacity(entries.count * 110 + 200)
        for entry in entries {
            xml += "<url><loc>\(origin)/datasets/\(entry.id)</loc><lastmod>\(Self.day(entry.updatedAt))</lastmod></url>\n"
        }
        xml += "</urlset>\n"
        return JSONResponse.conditional(data: Data(xml.utf8), request: request, contentType: "application/xml; charset=utf-8")
    }

    /// `YYYY-MM-DD` in UTC, the W3C date a sitemap's `lastmod` takes.
    static func day(_ date: Date) -> String {
        let (y, m, d) = DateValue.civilFromDays(Int((date.timeIntervalSince1970 / 86400).rounded(.down)))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
