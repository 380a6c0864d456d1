import Foundation
import KatalogModel
import Logging

/// Harvests a CKAN portal through the Action API's `package_search`, paging with `rows`/`start`
/// under a stable sort (`id asc`).
///
/// Paging stops on a short page or when `start` passes the reported count. A page seen before
/// (a portal that ignores `start`), a page of records already seen, or the page cap ends paging
/// with a warning and an incomplete run, so deletions are never applied from a partial walk.
///
/// The next page is requested as soon as the current one has been read, so the portal's answer time overlaps the
/// mapping. A page's packages are mapped and prepared for the store in the mapping lanes, batch by batch, and reach
/// the collector in the portal's order. A package whose source digest (the mapping fingerprint and the package's
/// JSON, see ``CKANAdapter/sourceDigest(raw:fingerprint:)``) equals its live record's is not mapped.
public struct CKANAdapter: HarvestAdapter {
    /// Packages mapped per batch: a page of the default 100 rows keeps two lanes busy.
    static let batchSize = 50

    /// Creates the adapter.
    public init() {}

    /// A page read, and the URL it was read from.
    struct FetchedPage: Sendable {
        var url: String
        var page: CKANSearchPage
    }

    /// Harvests the portal.
    public func harvest(_ context: HarvestContext, into collector: RunCollector) async throws -> AdapterOutcome {
        let source = context.source
        let rows = min(max(source.pageSize, 1), 1000)
        let portal = CKANAdapter.portalRoot(source.url)
        var paging = CKANPaging(rows: rows, maxPages: source.maxPages)
        var recordsSeen = 0
        func fetch(_ start: Int) -> Task<FetchedPage, any Error> {
            Task {
                let url = CKANAdapter.searchURL(portal: portal, rows: rows, start: start)
                let response = try await context.client.get(HTTPRequest(url: url, headers: context.requestHeaders, accept: "application/json"))
                return FetchedPage(url: url, page: try CKANAdapter.decodePage(response.body, source: source.name, url: url))
            }
        }
        var fetching = paging.nextStart.map(fetch)
        // A run that fails or is cancelled does not leave a request running.
        defer { fetching?.cancel() }
        while let task = fetching {
            fetching = nil
            try Task.checkCancellation()
            // The request runs in a task of its own (so it can run while the page before is mapped); cancelling the
            // run cancels it too.
            let fetched = try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
            let ids = fetched.page.results.map { CKANAdapter.identifier(of: $0) ?? "" }
            let decision = paging.record(page: ids, reportedCount: fetched.page.count)
            fetching = paging.nextStart.map(fetch)
            switch decision {
            case .process:
                break
            case .stop(let warning):
                await collector.warn(url: fetched.url, warning)
                continue
            }
            recordsSeen += fetched.page.results.count
            try await CKANAdapter.collect(fetched.page.results, url: fetched.url, portal: portal, source: source,
                                          lanes: context.mappingLanes, into: collector)
            context.progress(HarvestProgress(source: source.name, pages: paging.pages, records: recordsSeen, expected: fetched.page.count))
        }
        if let reason = paging.incompleteReason {
            return .incomplete(reason: reason)
        }
        return .complete
    }

    /// Maps a page's packages in the mapping lanes and hands them to the collector in the page's order. Packages that
    /// are private or deleted at the source are skipped here, and a package without any identifier is reported here
    /// (nothing can mark it seen).
    static func collect(_ packages: [JSONValue], url: String, portal: String, source: SourceConfig, lanes: Int,
                        into collector: RunCollector) async throws {
        var mappable: [(package: JSONValue, identifier: String)] = []
        mappable.reserveCapacity(packages.count)
        for package in packages {
            let identifier = CKANAdapter.identifier(of: package)
            if let reason = CKANMapper.unpublishableReason(package) {
                await collector.skip(identifier: identifier, reason: "the package is \(reason.rawValue) at the source")
            } else if let identifier {
                mappable.append((package, identifier))
            } else {
                await CKANAdapter.collect(package, portal: portal, url: url, language: source.language, into: collector)
            }
        }
        let language = source.language
        let fingerprint = source.mappingFingerprint
        let limits = source.recordLimits
        try await MappingLanes.collect(mappable, batchSize: batchSize, lanes: lanes, into: collector, url: url,
                                       identifier: { $0.identifier }) { entry, known in
            let raw: Data
            do {
                raw = try entry.package.encoded()
            } catch {
                return .failed(identifier: entry.identifier, cause: "the package could not be encoded as JSON: \(error)")
            }
            let digest = sourceDigest(raw: raw, fingerprint: fingerprint)
            if known[entry.identifier] == digest { return .unchanged(identifier: entry.identifier) }
            do {
                let record = try CKANMapper.record(from: entry.package, rawData: raw, portalURL: portal, defaultLanguage: language)
                return .mapped(record, sourceDigest: digest, limits: limits)
            } catch {
                return .failed(identifier: entry.identifier, cause: (error as? MappingError)?.description ?? String(describing: error))
            }
        }
    }

    /// Maps and hands over one package on the caller's task.
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

    /// A package's source digest: SHA-256 over the source's mapping fingerprint (Katalog's mapping revision, the
    /// source's name, URL, language and record limits) and the package's JSON as stored (`raw`). The mapper reads
    /// nothing else, so a package with the digest its live record was stored with maps to that record again.
    static func sourceDigest(raw: Data, fingerprint: String) -> String {
        MappingLanes.sourceDigest(kind: "ckan", fingerprint: fingerprint, raw: raw)
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
