import Foundation
import KatalogModel
import KatalogRDF
import KatalogStore
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
///
/// After a run that read the service to the end, a run asks only for the records modified since (a `Modified`
/// constraint, see ``CSWIncremental``) and lists every record's identifier in brief records, so it can still delete
/// those the service dropped; see ``IncrementalPlan`` for when it lists everything instead.
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

    /// Harvests the service: the records modified since the last run that read it to the end, when ``IncrementalPlan``
    /// allows and the service filters by a modification date, with the identifiers of all the others; else every record.
    public func harvest(_ context: HarvestContext, into collector: RunCollector) async throws -> AdapterOutcome {
        let source = context.source
        let fingerprint = source.mappingFingerprint
        let startedAt = Date()
        switch IncrementalPlan.decide(source: source, mark: context.listingMark, fingerprint: fingerprint, now: startedAt) {
        case .changes(let mark):
            let since = CSWIncremental.since(mark: mark)
            if let outcome = try await listChanges(since: since, startedAt: startedAt, context: context, collector: collector) {
                return outcome
            }
        case .full(let reason):
            context.logger.info("harvesting every CSW record", metadata: ["csw.why": "\(reason)"])
        }
        let walk = try await walk(elementSet: "full", pageSize: Self.pageSize(source), constraint: nil, context: context,
                                  collector: collector) { try await CSWAdapter.collect($0, context: context, into: collector) }
        await collector.noteListing(RunListing(mark: CSWIncremental.mark(timestamp: walk.timestamp, now: startedAt), fingerprint: fingerprint))
        // The run records the reason with the deletions it did not apply.
        if let reason = walk.incompleteReason { return .incomplete(reason: reason) }
        return .complete
    }

    /// `maxRecords` for full records: the source's page size, within 1…``maxPageSize``.
    static func pageSize(_ source: SourceConfig) -> Int {
        min(max(source.pageSize, 1), CSWAdapter.maxPageSize)
    }

    /// The records modified on or after `since` (a day), mapped, then every record's identifier from a listing of brief
    /// records, counted as seen so records the service dropped are still deleted. Nil, after a log line, when the
    /// service has no queryable that filters by a modification date (or the configured constraint cannot be combined
    /// with one): the run then lists everything.
    func listChanges(since: String, startedAt: Date, context: HarvestContext, collector: RunCollector) async throws -> AdapterOutcome? {
        let source = context.source
        guard let probe = try await chooseQueryable(context: context) else { return nil }
        context.logger.info("harvesting CSW records modified since the last complete run",
                            metadata: ["csw.since": "\(since)", "csw.queryable": "\(probe.queryable)"])
        let constraint: CSWIncremental.Constraint
        do {
            constraint = try CSWIncremental.constraint(queryable: probe.queryable, onOrAfter: since,
                                                       within: CSWIncremental.configuredConstraint(source.url))
        } catch {
            // The probe built the same constraint for other days, so this does not happen; said, should it.
            context.logger.info("harvesting every CSW record: \(error.reason), so it cannot be combined with a date")
            return nil
        }
        var changedIdentifiers = Set<String>()
        let changes = try await walk(elementSet: "full", pageSize: Self.pageSize(source), constraint: constraint,
                                     context: context, collector: collector) { page in
            changedIdentifiers.formUnion(page.page.records.compactMap(\.fileIdentifier))
            try await CSWAdapter.collect(page, context: context, into: collector)
        }
        // Records the catalogue does not hold that the date filter did not list: added to the service with an old date
        // (a catalogue that harvests others keeps the harvested records' stamps), or not stored when last read.
        var missing: [String] = []
        var missingSet = Set<String>()
        // Brief records are small (an identifier, a hierarchy level, a title): the largest page the service gives.
        var notISO: String?
        var unnamed = 0
        var named = 0
        let identifiers = try await walk(elementSet: "brief", pageSize: CSWAdapter.maxPageSize, constraint: nil,
                                         context: context, collector: collector) { fetched in
            // A service that answers brief records in another schema names no file identifiers: counting nothing as
            // seen would delete everything, so such a listing deletes nothing.
            if notISO == nil, let other = fetched.page.records.first(where: { !$0.isISO }) { notISO = other.name }
            unnamed += fetched.page.records.count { $0.isISO && $0.fileIdentifier == nil }
            named += fetched.page.records.count { $0.isISO && $0.fileIdentifier != nil }
            // Services and other scopes a full listing skips are not counted, so a record that became one is deleted.
            let listed = fetched.page.records.filter(\.describesData).compactMap(\.fileIdentifier)
            let live = try await collector.liveIdentifiers(of: listed)
            for identifier in listed {
                if live.contains(identifier) || changedIdentifiers.contains(identifier) {
                    try await collector.listed(identifier: identifier)
                } else if missingSet.insert(identifier).inserted {
                    // Not marked seen here: the record read by identifier below is (a record listed after its
                    // identifier would be taken for a repeat). Not being in the catalogue, it has nothing to keep.
                    missing.append(identifier)
                }
            }
        }
        if !missing.isEmpty {
            context.logger.info("reading CSW records the catalogue lacks by identifier", metadata: ["csw.records": "\(missing.count)"])
            try await fetchByIdentifier(missing, context: context, collector: collector)
        }
        let mark = CSWIncremental.mark(timestamp: probe.timestamp, now: startedAt)
        await collector.noteListing(RunListing(changesSince: since, mark: mark, fingerprint: source.mappingFingerprint,
                                               listsEveryIdentifier: true))
        if let reason = changes.incompleteReason { return .incomplete(reason: reason) }
        if let reason = identifiers.incompleteReason { return .incomplete(reason: "listing the service's identifiers: " + reason) }
        if let notISO {
            return .incomplete(reason: "listing the service's identifiers: it sent brief \(notISO) records, not ISO 19139, so nothing is deleted")
        }
        if unnamed > 0, named == 0 {
            // A record without one is an error of its own in a full listing; a listing where none has one is a service
            // that leaves them out of brief records, and every record would be counted as gone.
            return .incomplete(reason: "listing the service's identifiers: its brief records carry no gmd:fileIdentifier, so nothing is deleted")
        }
        return .complete
    }

    /// The most identifiers one GetRecordById asks for (its `Id` is a comma-separated list; 50 UUIDs make a URL of
    /// about 2 KB).
    static let byIdentifierBatch = 50

    /// Reads `identifiers` with GetRecordById, full ISO 19139, ``byIdentifierBatch`` at a time, and maps them as any
    /// page's records. A service that refuses GetRecordById (an exception report, an HTTP error), or leaves records out,
    /// does not make the run partial: those records were never in the catalogue, so nothing is lost or wrongly deleted,
    /// and they are read by the next full listing (`full_every`), as they were before this step existed. An info line
    /// says so. A response that is not well-formed, or a service that cannot be reached, fails the run as a page would.
    func fetchByIdentifier(_ identifiers: [String], context: HarvestContext, collector: RunCollector) async throws {
        let source = context.source
        // `Id` cannot carry an identifier with a comma in it.
        let askable = identifiers.filter { !$0.contains(",") }
        var received = 0
        var refusal: String?
        for start in stride(from: 0, to: askable.count, by: Self.byIdentifierBatch) {
            try Task.checkCancellation()
            let batch = Array(askable[start..<min(start + Self.byIdentifierBatch, askable.count)])
            let url = Self.getRecordByIdURL(endpoint: source.url, identifiers: batch)
            let records: [CSWPage.Record]
            do {
                let response = try await Self.request(url, context: context)
                records = try await OffPool.run { try CSWPage.readRecordsByID(response.body, source: source.name, url: url) }
            } catch let exception as CSWPage.ServiceException {
                refusal = exception.httpStatus.map { "it answered HTTP \($0): \(exception.text)" } ?? "it answered an exception: \(exception.text)"
                break
            } catch let error as FetchError where error.code == .httpStatus {
                refusal = "it answered HTTP \(error.status ?? 0)"
                break
            }
            // Only the records asked for, each once.
            var wanted = Set(batch)
            let asked = records.filter { record in record.fileIdentifier.map { wanted.remove($0) != nil } ?? false }
            received += asked.count
            try await Self.collect(asked, url: url, source: source, lanes: context.mappingLanes, into: collector)
        }
        if received < identifiers.count {
            let why = refusal.map { "the service does not give records by identifier (GetRecordById: \($0))" }
                ?? "the service did not give them by identifier (GetRecordById)"
            context.logger.info("CSW records the catalogue lacks wait for the next full listing: \(why)", metadata: [
                "csw.records": "\(identifiers.count - received)", "csw.read": "\(received)",
            ])
        }
    }

    /// The first of ``CSWIncremental/queryables`` the service filters by like a modification date (counting its matches
    /// from any time and from the far future, with `resultType=hits`), and the service's timestamp; nil, after a log
    /// line, when none does.
    func chooseQueryable(context: HarvestContext) async throws -> (queryable: String, timestamp: String?)? {
        let source = context.source
        let configured = CSWIncremental.configuredConstraint(source.url)
        let all: FetchedPage
        do {
            all = try await CSWAdapter.fetchPage(CSWAdapter.getRecordsURL(endpoint: source.url, startPosition: 1, maxRecords: 1,
                                                                          elementSet: "brief", resultType: "hits"),
                                                 context: context, asHarvestError: false)
        } catch let refusal as CSWPage.ServiceException {
            context.logger.info("harvesting every CSW record: the service refused to count its records (resultType=hits)",
                                metadata: ["csw.exception": "\(refusal.text.prefix(300))"])
            return nil
        }
        guard let total = all.page.matched else {
            context.logger.info("harvesting every CSW record: the service does not count its records (numberOfRecordsMatched)")
            return nil
        }
        var refusals: [String] = []
        for queryable in source.modifiedQueryable.map({ [$0] }) ?? CSWIncremental.queryables {
            func count(from day: String) async throws -> Int? {
                let constraint = try CSWIncremental.constraint(queryable: queryable, onOrAfter: day, within: configured)
                let url = CSWAdapter.getRecordsURL(endpoint: source.url, startPosition: 1, maxRecords: 1, elementSet: "brief",
                                                   resultType: "hits", constraint: constraint)
                return try await CSWAdapter.fetchPage(url, context: context, asHarvestError: false).page.matched
            }
            do {
                guard let fromAnyTime = try await count(from: CSWIncremental.ProbeVerdict.anyTime) else {
                    refusals.append("\(queryable): no numberOfRecordsMatched")
                    continue
                }
                // A name that misses records from any time needs no second question.
                let fromFarFuture = fromAnyTime == total ? try await count(from: CSWIncremental.ProbeVerdict.farFuture) : 0
                switch CSWIncremental.ProbeVerdict(total: total, fromAnyTime: fromAnyTime, fromFarFuture: fromFarFuture ?? total) {
                case .filters:
                    return (queryable, all.page.timestamp)
                case .doesNotFilter(let reason):
                    refusals.append("\(queryable): \(reason)")
                }
            } catch let refusal as CSWPage.ServiceException {
                refusals.append("\(queryable): refused (\(refusal.text.prefix(200)))")
            } catch let error as CSWIncremental.Uncombinable {
                context.logger.info("harvesting every CSW record: \(error.reason), so it cannot be combined with a date")
                return nil
            }
        }
        context.logger.info("harvesting every CSW record: the service filters by no modification date",
                            metadata: ["csw.queryables": "\(refusals.joined(separator: " | "))"])
        return nil
    }

    /// How a walk through GetRecords pages ended.
    struct Walk {
        /// Why the walk is incomplete, when it is.
        var incompleteReason: String?
        /// The first page's `csw:SearchStatus/@timestamp`.
        var timestamp: String?
    }

    /// Walks GetRecords pages of `elementSet` records (under `constraint`, when given), handing each page to `handle`.
    /// The next page is requested as soon as the current one has been read, so the service's answer time overlaps the
    /// mapping.
    func walk(elementSet: String, pageSize: Int, constraint: CSWIncremental.Constraint?, context: HarvestContext,
              collector: RunCollector, handle: (FetchedPage) async throws -> Void) async throws -> Walk {
        let source = context.source
        var paging = CSWPaging(pageSize: pageSize, maxPages: source.maxPages)
        var recordsSeen = 0
        var timestamp: String?
        func fetch(_ start: Int) -> Task<FetchedPage, any Error> {
            Task {
                let url = CSWAdapter.getRecordsURL(endpoint: source.url, startPosition: start, maxRecords: pageSize,
                                                   elementSet: elementSet, constraint: constraint)
                return try await CSWAdapter.fetchPage(url, context: context, asHarvestError: true)
            }
        }
        var fetching = paging.nextStart.map(fetch)
        // A run that fails or is cancelled does not leave a request running.
        defer { fetching?.cancel() }
        while let task = fetching {
            fetching = nil
            try Task.checkCancellation()
            let fetched = try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
            if paging.pages == 0 { timestamp = fetched.page.timestamp }
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
            try await handle(fetched)
            context.progress(HarvestProgress(source: source.name, pages: paging.pages, records: recordsSeen,
                                             expected: paging.lastMatched))
        }
        return Walk(incompleteReason: paging.incompleteReason, timestamp: timestamp)
    }

    /// Fetches and reads one GetRecords page. An OWS exception report (with HTTP 200, or with an HTTP error whose body
    /// holds one) is thrown as a run error naming it, or, without `asHarvestError`, as ``CSWPage/ServiceException``.
    static func fetchPage(_ url: String, context: HarvestContext, asHarvestError: Bool) async throws -> FetchedPage {
        let source = context.source
        do {
            let response = try await request(url, context: context)
            let page = try await OffPool.run { try CSWPage.read(response.body, source: source.name, url: url) }
            return FetchedPage(url: url, page: page)
        } catch let exception as CSWPage.ServiceException where asHarvestError {
            throw exception.harvestError(source: source.name, url: url)
        }
    }

    /// GETs a CSW request's XML. An HTTP error whose body is an OWS exception report is thrown as
    /// ``CSWPage/ServiceException`` (services answer a bad request that way: it names the cause); other failures as
    /// the client's ``FetchError``.
    static func request(_ url: String, context: HarvestContext) async throws -> HTTPResponse {
        do {
            return try await context.client.get(HTTPRequest(url: url, headers: context.requestHeaders,
                                                            accept: "application/xml, text/xml;q=0.9, */*;q=0.1"))
        } catch let error as FetchError where error.code == .httpStatus {
            guard let report = error.errorBody.flatMap(CSWPage.exceptionReport(in:)) else { throw error }
            throw CSWPage.ServiceException(text: report, httpStatus: error.status ?? 0)
        }
    }

    /// Maps a fetched page's records (``collect(_:url:source:lanes:into:)``).
    static func collect(_ fetched: FetchedPage, context: HarvestContext, into collector: RunCollector) async throws {
        try await collect(fetched.page.records, url: fetched.url, source: context.source, lanes: context.mappingLanes, into: collector)
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

    /// The parameters of a constraint; a constrained request sets them, combining the configured constraint with its own.
    static let constraintParameters: Set<String> = ["constraint", "constraintlanguage", "constraint_language_version"]

    /// The GetRecords URL (KVP, HTTP GET) for one page: the endpoint's own query parameters, except those GetRecords
    /// sets, followed by GetRecords' parameters; with `constraint`, the configured constraint is replaced by it (which
    /// includes it, see ``CSWIncremental/constraint(queryable:onOrAfter:within:)``).
    static func getRecordsURL(endpoint: String, startPosition: Int, maxRecords: Int, elementSet: String = "full",
                              resultType: String = "results", constraint: CSWIncremental.Constraint? = nil) -> String {
        let configured = ConfiguredURL(endpoint)
        let kept = configured.written(excluding: constraint == nil ? ownParameters : ownParameters.union(constraintParameters))
        var parameters: [(String, String)] = [
            ("service", "CSW"), ("version", "2.0.2"), ("request", "GetRecords"), ("typeNames", "csw:Record"),
            ("namespace", constraint == nil ? "xmlns(csw=http://www.opengis.net/cat/csw/2.0.2)" : CSWIncremental.namespaceParameter),
            ("resultType", resultType), ("elementSetName", elementSet), ("outputFormat", "application/xml"),
            ("outputSchema", isoOutputSchema), ("startPosition", String(startPosition)), ("maxRecords", String(maxRecords)),
        ]
        if let constraint {
            parameters += [("constraintLanguage", constraint.language), ("constraint_language_version", "1.1.0"),
                           ("constraint", constraint.text)]
        }
        let own = parameters.map { "\($0.0)=\(encode($0.1))" }
        return configured.base + "?" + (kept + own).joined(separator: "&")
    }

    /// The GetRecordById URL (KVP, HTTP GET) for full ISO 19139 records of `identifiers`: the endpoint's own query
    /// parameters, except those Katalog sets and the configured constraint, followed by GetRecordById's.
    static func getRecordByIdURL(endpoint: String, identifiers: [String]) -> String {
        let configured = ConfiguredURL(endpoint)
        let kept = configured.written(excluding: ownParameters.union(constraintParameters).union(["id"]))
        let parameters: [(String, String)] = [
            ("service", "CSW"), ("version", "2.0.2"), ("request", "GetRecordById"), ("id", identifiers.joined(separator: ",")),
            ("elementSetName", "full"), ("outputFormat", "application/xml"), ("outputSchema", isoOutputSchema),
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
