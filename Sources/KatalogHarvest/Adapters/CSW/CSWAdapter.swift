import Foundation
import KatalogModel
import KatalogRDF
import Logging

/// Harvests a CSW 2.0.2 catalogue service (GeoNetwork, pycsw, …) through `GetRecords` with HTTP GET, asking for ISO
/// 19139 records (`outputSchema=http://www.isotc211.org/2005/gmd`) page by page with `startPosition`/`maxRecords`.
///
/// Query parameters already in the configured URL that are not GetRecords' own (a `constraint` with its
/// `constraintLanguage`, an API key) are sent with every request, so an operator can harvest part of a catalogue.
/// Records whose `hierarchyLevel` is a service (view and download services, discovery services) are skipped: they
/// describe APIs, not datasets. A record that cannot be mapped is an error for that record alone. Paging follows
/// `nextRecord` and is checked against `numberOfRecordsMatched` (see ``CSWPaging``): any doubt makes the run
/// incomplete, so it applies no deletions.
///
/// The next page is requested as soon as the current one has been read, so the service's answer time overlaps the
/// mapping. A record whose source digest (the mapping fingerprint and the record's XML) equals its live record's is
/// not mapped again.
public struct CSWAdapter: HarvestAdapter {
    /// Records mapped per batch handed to a mapping lane.
    static let batchSize = 25
    /// The largest `maxRecords` asked for: services commonly cap pages at 100–500 records, and an ISO record is
    /// 10–100 KB.
    static let maxPageSize = 500

    /// Creates the adapter.
    public init() {}

    /// A page read, and the URL it was read from.
    struct FetchedPage: Sendable {
        var url: String
        var page: CSWPage
    }

    /// Harvests the service.
    public func harvest(_ context: HarvestContext, into collector: RunCollector) async throws -> AdapterOutcome {
        let source = context.source
        let pageSize = min(max(source.pageSize, 1), CSWAdapter.maxPageSize)
        var paging = CSWPaging(pageSize: pageSize, maxPages: source.maxPages)
        var recordsSeen = 0
        func fetch(_ start: Int) -> Task<FetchedPage, any Error> {
            Task {
                let url = CSWAdapter.getRecordsURL(endpoint: source.url, startPosition: start, maxRecords: pageSize)
                let response: HTTPResponse
                do {
                    response = try await context.client.get(HTTPRequest(url: url, headers: context.requestHeaders,
                                                                         accept: "application/xml, text/xml;q=0.9, */*;q=0.1"))
                } catch let error as FetchError where error.code == .httpStatus {
                    // Services answer a bad request with an HTTP error and an OWS exception report: name its cause.
                    guard let report = error.errorBody.flatMap(CSWPage.exceptionReport(in:)) else { throw error }
                    throw HarvestError(.unexpectedResponse, "GetRecords answered HTTP \(error.status ?? 0) with an exception: \(report)",
                                       source: source.name, url: url)
                }
                let page = try await OffPool.run { try CSWPage.read(response.body, source: source.name, url: url) }
                return FetchedPage(url: url, page: page)
            }
        }
        var fetching = paging.nextStart.map(fetch)
        // A run that fails or is cancelled does not leave a request running.
        defer { fetching?.cancel() }
        while let task = fetching {
            fetching = nil
            try Task.checkCancellation()
            let fetched = try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
            let start = paging.nextStart ?? 1
            let ids = fetched.page.records.enumerated().map { offset, record in
                record.fileIdentifier ?? "#position-\(start + offset)"
            }
            let decision = paging.record(page: ids, matched: fetched.page.matched, nextRecord: fetched.page.nextRecord)
            fetching = paging.nextStart.map(fetch)
            if case .stop(let warning) = decision {
                await collector.warn(url: fetched.url, warning)
                continue
            }
            recordsSeen += fetched.page.records.count
            try await CSWAdapter.collect(fetched.page.records, url: fetched.url, source: source, lanes: context.mappingLanes,
                                         into: collector)
            context.progress(HarvestProgress(source: source.name, pages: paging.pages, records: recordsSeen,
                                             expected: paging.lastMatched))
        }
        // The run records the reason with the deletions it did not apply.
        if let reason = paging.incompleteReason { return .incomplete(reason: reason) }
        return .complete
    }

    /// Maps a page's records in the mapping lanes and hands them to the collector in the page's order. A record that
    /// is not ISO 19139, or has no file identifier, is reported here.
    static func collect(_ records: [CSWPage.Record], url: String, source: SourceConfig, lanes: Int,
                        into collector: RunCollector) async throws {
        var mappable: [Entry] = []
        mappable.reserveCapacity(records.count)
        for record in records {
            guard record.isISO else {
                await collector.fail(identifier: nil, url: url,
                                     cause: "the service sent a \(record.name) record, not ISO 19139 (gmd:MD_Metadata); it may not support outputSchema=\(CSWAdapter.isoOutputSchema)")
                continue
            }
            guard let identifier = record.fileIdentifier else {
                await collector.fail(identifier: nil, url: url, cause: "an ISO 19139 record without gmd:fileIdentifier cannot be harvested")
                continue
            }
            mappable.append(Entry(record: record, identifier: identifier))
        }
        let language = source.language
        let fingerprint = source.mappingFingerprint
        let limits = source.recordLimits
        try await MappingLanes.collect(mappable, batchSize: batchSize, lanes: lanes, into: collector, url: url,
                                       identifier: \.identifier) { entry, known in
            let digest = sourceDigest(raw: entry.record.raw, fingerprint: fingerprint)
            if known[entry.identifier] == digest { return .unchanged(identifier: entry.identifier) }
            do {
                // Of a large page only the record's bytes were kept; its tree is built again here, one record at a time.
                let element = try entry.record.element ?? XMLDocumentReader.parse(entry.record.raw, location: url)
                switch try ISO19139Mapper.map(element, raw: entry.record.raw, sourceURL: url, defaultLanguage: language) {
                case .dataset(let record):
                    return .mapped(record, sourceDigest: digest, limits: limits)
                case .notADataset(_, let scope):
                    return .skipped(identifier: entry.identifier, reason: "the record describes a \(scope), not a dataset")
                }
            } catch let error as MappingError {
                return .failed(identifier: entry.identifier, cause: error.description)
            } catch {
                return .failed(identifier: entry.identifier, cause: String(describing: error))
            }
        }
    }

    /// A record of a page to map, with its file identifier.
    struct Entry: Sendable {
        var record: CSWPage.Record
        var identifier: String
    }

    /// `outputSchema` for ISO 19139.
    static let isoOutputSchema = "http://www.isotc211.org/2005/gmd"

    /// A record's source digest (see ``MappingLanes/sourceDigest(kind:fingerprint:context:raw:)``) over its XML as stored.
    static func sourceDigest(raw: Data, fingerprint: String) -> String {
        MappingLanes.sourceDigest(kind: "csw", fingerprint: fingerprint, raw: raw)
    }

    /// The GetRecords request parameters Katalog sets; parameters of these names in the configured URL are replaced.
    static let ownParameters: Set<String> = [
        "service", "version", "request", "typenames", "namespace", "resulttype", "elementsetname", "outputschema",
        "startposition", "maxrecords", "outputformat",
    ]

    /// The GetRecords URL (KVP, HTTP GET) for one page: the endpoint's own query parameters, except those GetRecords
    /// sets, followed by GetRecords' parameters.
    static func getRecordsURL(endpoint: String, startPosition: Int, maxRecords: Int) -> String {
        let configured = ConfiguredURL(endpoint)
        let kept = configured.written(excluding: ownParameters)
        let parameters: [(String, String)] = [
            ("service", "CSW"), ("version", "2.0.2"), ("request", "GetRecords"),
            ("typeNames", "csw:Record"), ("namespace", "xmlns(csw=http://www.opengis.net/cat/csw/2.0.2)"),
            ("resultType", "results"), ("elementSetName", "full"), ("outputFormat", "application/xml"),
            ("outputSchema", isoOutputSchema), ("startPosition", String(startPosition)), ("maxRecords", String(maxRecords)),
        ]
        let own = parameters.map { "\($0.0)=\(encode($0.1))" }
        return configured.base + "?" + (kept + own).joined(separator: "&")
    }

    /// Percent-encodes a query value: everything but RFC 3986's unreserved characters and `:`/`/` (which servers
    /// expect in schema IRIs as written).
    private static func encode(_ value: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
