import Foundation
import KatalogModel
import Logging

/// Harvests a CKAN portal through the Action API's `package_search`, paging with `rows`/`start`
/// under a stable sort (`id asc`).
///
/// Paging stops on a short page or when `start` passes the reported count. A page seen before
/// (a portal that ignores `start`), a page of records already seen, or the page cap ends paging
/// with a warning and an incomplete run, so deletions are never applied from a partial walk.
public struct CKANAdapter: HarvestAdapter {
    /// Creates the adapter.
    public init() {}

    /// Harvests the portal.
    public func harvest(_ context: HarvestContext, into collector: RunCollector) async throws -> AdapterOutcome {
        let source = context.source
        let rows = min(max(source.pageSize, 1), 1000)
        let portal = CKANAdapter.portalRoot(source.url)
        var paging = CKANPaging(rows: rows, maxPages: source.maxPages)
        var recordsSeen = 0
        while let start = paging.nextStart {
            try Task.checkCancellation()
            let url = CKANAdapter.searchURL(portal: portal, rows: rows, start: start)
            let response = try await context.client.get(HTTPRequest(url: url, headers: context.requestHeaders, accept: "application/json"))
            let page = try CKANAdapter.decodePage(response.body, source: source.name, url: url)
            let ids = page.results.map { CKANAdapter.identifier(of: $0) ?? "" }
            switch paging.record(page: ids, reportedCount: page.count) {
            case .process:
                break
            case .stop(let warning):
                await collector.warn(url: url, warning)
                continue
            }
            for package in page.results {
                recordsSeen += 1
                await CKANAdapter.collect(package, portal: portal, url: url, language: source.language, into: collector)
            }
            context.progress(HarvestProgress(source: source.name, pages: paging.pages, records: recordsSeen, expected: page.count))
        }
        if let reason = paging.incompleteReason {
            return .incomplete(reason: reason)
        }
        return .complete
    }

    static func collect(_ package: JSONValue, portal: String, url: String, language: String?, into collector: RunCollector) async {
        let identifier = CKANAdapter.identifier(of: package)
        if let reason = CKANMapper.unpublishableReason(package) {
            await collector.skip(identifier: identifier, reason: "the package is \(reason.rawValue) at the source")
            return
        }
        do {
            let record = try CKANMapper.record(from: package, portalURL: portal, defaultLanguage: language)
            try await collector.accept(record)
        } catch let error as MappingError {
            await collector.fail(identifier: identifier, url: url, cause: error.description)
        } catch {
            await collector.fail(identifier: identifier, url: url, cause: String(describing: error))
        }
    }

    /// The portal root: the configured URL without a trailing slash or an `/api/3…` suffix.
    static func portalRoot(_ url: String) -> String {
        var root = url
        while root.hasSuffix("/") { root.removeLast() }
        if let range = root.range(of: "/api/3", options: .backwards) { root = String(root[..<range.lowerBound]) }
        return root
    }

    static func searchURL(portal: String, rows: Int, start: Int) -> String {
        "\(portal)/api/3/action/package_search?rows=\(rows)&start=\(start)&sort=id%20asc&include_private=false"
    }

    static func identifier(of package: JSONValue) -> String? {
        CKANMapper.sourceIdentifier(of: package)
    }
}
