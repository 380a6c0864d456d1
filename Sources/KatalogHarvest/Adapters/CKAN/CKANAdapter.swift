import Foundation
import KatalogModel
import KatalogStore
import Logging

/// Harvests a CKAN portal through the Action API's `package_search`, paging with `rows`/`start`
/// under a stable sort (`id asc`).
///
/// After a run that read the portal to the end, a run asks only for the packages modified since the newest
/// `metadata_modified` that run saw at its start (`fq=metadata_modified:[… TO *]`, an hour earlier for safety), and
/// lists every package's identifier (`fl=id`, a thousand a page) so it can still delete those the portal dropped;
/// see ``IncrementalPlan`` for when it lists everything instead.
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

    /// How far before the stored mark a list of changes starts: CKAN stamps `metadata_modified` when an edit begins and
    /// indexes the dataset when it commits, so a dataset can appear in search with a stamp older than the newest one a
    /// run saw at its start. Datasets listed twice cost a fetch, not a mapping (their source digest is unchanged).
    static let changesOverlap: TimeInterval = 3600

    /// Harvests the portal: every package, or, when ``IncrementalPlan`` allows, the packages modified since the last
    /// run that read the portal to the end and the identifiers of all the others.
    public func harvest(_ context: HarvestContext, into collector: RunCollector) async throws -> AdapterOutcome {
        let source = context.source
        let portal = CKANAdapter.portalRoot(source.url)
        let fingerprint = source.mappingFingerprint
        guard source.incremental else { return try await listEverything(portal: portal, context: context, collector: collector) }
        let newest = await newestModification(portal: portal, context: context)
        switch IncrementalPlan.decide(source: source, mark: context.listingMark, fingerprint: fingerprint, now: Date()) {
        case .changes(let mark) where newest.honoursFields:
            let since = Datestamp.subtracting(CKANAdapter.changesOverlap, from: mark)
            context.logger.info("harvesting CKAN packages modified since the last complete run", metadata: ["ckan.since": "\(since)"])
            switch try await listChanges(since: since, portal: portal, context: context, collector: collector) {
            case .walked(let changesIncomplete):
                let identifiers = try await listIdentifiers(portal: portal, context: context, collector: collector)
                await collector.noteListing(RunListing(changesSince: since, mark: newest.mark, fingerprint: fingerprint,
                                                       listsEveryIdentifier: true))
                if let reason = changesIncomplete ?? identifiers { return .incomplete(reason: reason) }
                return .complete
            case .refused(let url, let cause):
                await collector.warn(url: url, "the portal refused the list of packages modified since \(since) (\(cause)); listing every package")
            }
        case .changes:
            context.logger.info("harvesting every CKAN package: the portal ignores fl, so listing its identifiers would cost as much")
        case .full(let reason):
            context.logger.info("harvesting every CKAN package", metadata: ["ckan.why": "\(reason)"])
        }
        let outcome = try await listEverything(portal: portal, context: context, collector: collector)
        await collector.noteListing(RunListing(mark: newest.mark, fingerprint: fingerprint))
        return outcome
    }

    /// Every package, mapped.
    func listEverything(portal: String, context: HarvestContext, collector: RunCollector) async throws -> AdapterOutcome {
        let source = context.source
        let rows = min(max(source.pageSize, 1), 1000)
        let walk = try await walk(rows: rows, context: context, collector: collector, refusable: false) { start in
            CKANAdapter.searchURL(portal: portal, rows: rows, start: start)
        } handle: { fetched in
            try await CKANAdapter.collect(fetched.page.results, url: fetched.url, portal: portal, source: source,
                                          lanes: context.mappingLanes, into: collector)
        }
        if case .walked(let reason?) = walk { return .incomplete(reason: reason) }
        return .complete
    }

    /// The packages modified since `since`, mapped; `.refused` when the portal answers the first request with an error.
    func listChanges(since: String, portal: String, context: HarvestContext, collector: RunCollector) async throws -> Walk {
        let source = context.source
        let rows = min(max(source.pageSize, 1), 1000)
        return try await walk(rows: rows, context: context, collector: collector, refusable: true) { start in
            CKANAdapter.searchURL(portal: portal, rows: rows, start: start) + "&fq=" + CKANAdapter.encode("metadata_modified:[\(since) TO *]")
        } handle: { fetched in
            try await CKANAdapter.collect(fetched.page.results, url: fetched.url, portal: portal, source: source,
                                          lanes: context.mappingLanes, into: collector)
        }
    }

    /// The identifier of every package (`fl=id`), each counted as seen, so a run that fetched only the changed packages
    /// can still delete the ones the portal no longer lists. Returns why the listing is incomplete (or was refused),
    /// when it is.
    ///
    /// The listing also asks for `state`, `capacity` (Solr's name for public or private) and `private` (the dict's): a
    /// portal that lists private or deleted packages although asked not to (as a full listing skips them) must not keep
    /// their earlier copies alive.
    func listIdentifiers(portal: String, context: HarvestContext, collector: RunCollector) async throws -> String? {
        let walk = try await walk(rows: 1000, context: context, collector: collector, refusable: true) { start in
            CKANAdapter.searchURL(portal: portal, rows: 1000, start: start) + "&fl=id,state,capacity,private"
        } handle: { fetched in
            for result in fetched.page.results where !CKANAdapter.isUnpublished(result) {
                if let identifier = CKANAdapter.listedIdentifier(result) { try await collector.listed(identifier: identifier) }
            }
        }
        switch walk {
        case .walked(let reason): return reason.map { "listing the portal's identifiers: " + $0 }
        // The changes are stored; without the identifiers nothing is deleted, and the next run asks again from the same
        // mark (a full listing comes with full_every), rather than every run failing.
        case .refused(let url, let cause): return "the portal refused the identifier listing (\(cause); \(url))"
        }
    }

    /// How a walk through `package_search` pages ended.
    enum Walk {
        /// Walked to its end, or stopped early for the reason given (a paging loop, the page cap, a short count).
        case walked(incompleteReason: String?)
        /// The first request was answered with an error (an HTTP 4xx, `success: false`); nothing was collected.
        case refused(url: String, cause: String)
    }

    /// Walks `package_search` pages of `rows` from `start` 0, each URL made by `url`, handing each page to `handle`.
    /// The next page is requested as soon as the current one has been read, so the portal's answer time overlaps the
    /// mapping. With `refusable`, an error answer to the first request ends the walk `.refused` instead of throwing.
    func walk(rows: Int, context: HarvestContext, collector: RunCollector, refusable: Bool,
              url: @escaping @Sendable (Int) -> String, handle: (FetchedPage) async throws -> Void) async throws -> Walk {
        let source = context.source
        var paging = CKANPaging(rows: rows, maxPages: source.maxPages)
        var recordsSeen = 0
        func fetch(_ start: Int) -> Task<FetchedPage, any Error> {
            Task {
                let url = url(start)
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
            let fetched: FetchedPage
            do {
                fetched = try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
            } catch let error where refusable && paging.pages == 0 {
                if let refusal = CKANAdapter.refusal(error) { return .refused(url: url(0), cause: refusal) }
                throw error
            }
            let ids = fetched.page.results.map { CKANAdapter.listedIdentifier($0) ?? "" }
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
            try await handle(fetched)
            context.progress(HarvestProgress(source: source.name, pages: paging.pages, records: recordsSeen, expected: fetched.page.count))
        }
        return .walked(incompleteReason: paging.incompleteReason)
    }

    /// Why the portal refused a request, when the error is a refusal (an HTTP 4xx, or `success: false`) rather than an
    /// outage.
    static func refusal(_ error: any Error) -> String? {
        if let fetch = error as? FetchError, fetch.code == .httpStatus, let status = fetch.status, (400..<500).contains(status) {
            return "HTTP \(status)" + (fetch.bodyExcerpt.map { ": " + $0.prefix(300) } ?? "")
        }
        if let harvest = error as? HarvestError, harvest.message.contains("success=false") { return harvest.message }
        return nil
    }

    /// What the newest `metadata_modified` in the portal was when the run began, as a mark (nil for an empty portal, a
    /// stamp that is no datestamp, or a failed request), and whether the portal honours `fl` (returns only the fields
    /// asked for): if it does not, listing its identifiers costs as much as listing everything.
    func newestModification(portal: String, context: HarvestContext) async -> (mark: String?, honoursFields: Bool) {
        let url = "\(portal)/api/3/action/package_search?rows=1&sort=metadata_modified%20desc&include_private=false&fl=id,metadata_modified"
        do {
            let response = try await context.client.get(HTTPRequest(url: url, headers: context.requestHeaders, accept: "application/json"))
            let page = try CKANAdapter.decodePage(response.body, source: context.source.name, url: url)
            guard let newest = page.results.first else { return (nil, true) }
            let honours = newest.object.map { $0["resources"] == nil && $0["title"] == nil } ?? true
            let mark = Datestamp.seconds(newest["metadata_modified"]?.stringValue, zoneOptional: true)
            if mark == nil {
                context.logger.warning("the portal's newest metadata_modified is not a UTC time, so the next run lists every package again",
                                       metadata: ["ckan.metadata_modified": "\((newest["metadata_modified"]?.stringValue ?? "").prefix(40))"])
            }
            return (mark, honours)
        } catch {
            // Logged, not a run issue: the listing that follows says whether the portal is really down.
            context.logger.warning("cannot read the portal's newest metadata_modified, so the next run lists every package again",
                                   metadata: ["http.url": "\(url)", "harvest.error": "\(Harvester.describe(error).prefix(300))"])
            return (nil, true)
        }
    }

    /// Whether an identifier listing's result is a package a full listing would skip: private (`private`, or Solr's
    /// `capacity`), deleted or draft.
    static func isUnpublished(_ result: JSONValue) -> Bool {
        CKANMapper.unpublishableReason(result) != nil || result["capacity"]?.stringValue?.lowercased() == "private"
    }

    /// The identifier of a result of `package_search`: a package dict's (see ``identifier(of:)``), or the result
    /// itself when a portal answers `fl=id` with bare strings.
    static func listedIdentifier(_ result: JSONValue) -> String? {
        if let text = result.stringValue { return text.isEmpty ? nil : text }
        return identifier(of: result)
    }

    /// Percent-encodes a query value: everything but RFC 3986's unreserved characters.
    static func encode(_ value: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
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
