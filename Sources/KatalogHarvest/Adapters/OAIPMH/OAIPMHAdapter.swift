import Foundation
import KatalogModel
import KatalogStore
import KatalogRDF
import Logging

/// Harvests an OAI-PMH 2.0 repository with `ListRecords`, following resumption tokens.
///
/// The metadata format is the configured URL's `metadataPrefix` when it has one; otherwise the repository's
/// `ListMetadataFormats` decides: ISO 19139 (`gmd`) when offered, since it says most, else Dublin Core (`oai_dc`),
/// which every repository must offer. A `set` in the URL harvests that set; other query parameters (an API key) are
/// sent with every request. Each record is mapped by what its metadata element is (`gmd:MD_Metadata` or
/// `oai_dc:dc`), and is stored under its header identifier. Records the repository marks deleted are deleted (within
/// the delete policy), by any run. Paging that leaves any doubt (a repeated token or page, fewer records than
/// `completeListSize`, the page cap) makes the run incomplete: records it did not list are not deleted. After a run
/// that read the list to the end, the next asks only for the records changed since (see ``IncrementalPlan``).
public struct OAIPMHAdapter: HarvestAdapter {
    /// Records mapped per batch handed to a mapping lane.
    static let batchSize = 25
    static let gmdNamespace = "http://www.isotc211.org/2005/gmd"
    static let dublinCoreNamespace = "http://www.openarchives.org/OAI/2.0/oai_dc/"

    /// Creates the adapter.
    public init() {}

    /// A page read, and the URL it was read from.
    struct FetchedPage: Sendable {
        var url: String
        var response: OAIPMHResponse
        /// The resumption token the request sent, if any.
        var token: String?
    }

    /// The configured URL taken apart: the base URL, the query parameters sent with every request, and the
    /// `metadataPrefix` and `set` it asks for.
    struct Endpoint: Sendable, Equatable {
        var base: String
        var kept: [String]
        var metadataPrefix: String?
        var set: String?

        /// Parameters OAI-PMH requests set themselves; of these, `metadataPrefix` and `set` are read, the rest dropped.
        static let ownParameters: Set<String> = ["verb", "metadataprefix", "set", "resumptiontoken", "from", "until", "identifier"]

        init(_ url: String) {
            let configured = ConfiguredURL(url)
            for parameter in configured.parameters {
                switch parameter.name.lowercased() {
                case "metadataprefix": metadataPrefix = parameter.value.isEmpty ? nil : parameter.value
                case "set": set = parameter.value.isEmpty ? nil : parameter.value
                default: break
                }
            }
            self.base = configured.base
            self.kept = configured.written(excluding: Endpoint.ownParameters)
        }

        /// The URL of a request with `parameters` (names and unencoded values).
        func url(_ parameters: [(String, String)]) -> String {
            base + "?" + (kept + parameters.map { "\($0.0)=\(OAIPMHAdapter.encode($0.1))" }).joined(separator: "&")
        }

        /// The first `ListRecords` request, for the records changed since `from` when given.
        func listRecords(prefix: String, from: String? = nil) -> String {
            url([("verb", "ListRecords"), ("metadataPrefix", prefix)] + (set.map { [("set", $0)] } ?? [])
                + (from.map { [("from", $0)] } ?? []))
        }

        /// A `ListRecords` request resuming with `token`.
        func resume(_ token: String) -> String {
            url([("verb", "ListRecords"), ("resumptionToken", token)])
        }

        /// The same request without the configured URL's own parameters: the token alone, as OAI-PMH has it.
        func resumeBare(_ token: String) -> String {
            base + "?verb=ListRecords&resumptionToken=" + OAIPMHAdapter.encode(token)
        }
    }

    /// Harvests the repository: the records changed since the last run that read its list to the end when
    /// ``IncrementalPlan`` allows, else every record.
    public func harvest(_ context: HarvestContext, into collector: RunCollector) async throws -> AdapterOutcome {
        let source = context.source
        let endpoint = Endpoint(source.url)
        let prefix: String
        if let configured = endpoint.metadataPrefix {
            prefix = configured
        } else {
            prefix = try await chooseFormat(endpoint, context: context, collector: collector)
        }
        let fingerprint = OAIPMHIncremental.fingerprint(source: source, prefix: prefix)
        switch IncrementalPlan.decide(source: source, mark: context.listingMark, fingerprint: fingerprint, now: Date()) {
        case .changes(let mark):
            let granularity = try await granularity(endpoint, context: context, collector: collector)
            let from = OAIPMHIncremental.from(mark: mark, granularity: granularity)
            context.logger.info("harvesting OAI-PMH records changed since the last complete run",
                                metadata: ["oai.metadataPrefix": "\(prefix)", "oai.from": "\(from)"])
            switch try await list(endpoint, prefix: prefix, from: from, context: context, collector: collector) {
            case .listed(let outcome, let responseMark):
                await collector.noteListing(RunListing(changesSince: from, mark: responseMark, fingerprint: fingerprint))
                return outcome
            case .refused(let url, let cause):
                await collector.warn(url: url, "the repository refused the list of records changed since \(from) (\(cause)); listing every record")
            }
        case .full(let reason):
            context.logger.info("harvesting every OAI-PMH record", metadata: ["oai.metadataPrefix": "\(prefix)", "oai.why": "\(reason)"])
        }
        switch try await list(endpoint, prefix: prefix, from: nil, context: context, collector: collector) {
        case .listed(let outcome, let responseMark):
            await collector.noteListing(RunListing(mark: responseMark, fingerprint: fingerprint))
            return outcome
        case .refused(let url, let cause):
            throw HarvestError(.unexpectedResponse, "ListRecords answered an error: \(cause)", source: source.name, url: url)
        }
    }

    /// How a walk through `ListRecords` ended.
    enum Listing {
        /// The walk ran (completely or not); `mark` is the first response's `responseDate` as a mark, when it is one.
        case listed(AdapterOutcome, mark: String?)
        /// The first request was answered with an OAI-PMH error other than `noRecordsMatch`; nothing was collected.
        case refused(url: String, cause: String)
    }

    /// Walks `ListRecords` under `prefix` (from `from`, when given) through its resumption tokens, handing every page's
    /// records to the collector.
    func list(_ endpoint: Endpoint, prefix: String, from: String?, context: HarvestContext,
              collector: RunCollector) async throws -> Listing {
        let source = context.source
        var paging = OAIPMHPaging(maxPages: source.maxPages)
        var recordsSeen = 0
        var mark: String?
        // The configured URL's own parameters (an API key) go with resumption requests until the repository refuses them.
        var bareResumption = false
        func fetch(_ url: String, token: String? = nil) -> Task<FetchedPage, any Error> {
            Task {
                let response = try await context.client.get(HTTPRequest(url: url, headers: context.requestHeaders,
                                                                         accept: "text/xml, application/xml;q=0.9, */*;q=0.1"))
                let page = try await OffPool.run { try OAIPMHResponse.read(response.body, source: source.name, url: url) }
                return FetchedPage(url: url, response: page, token: token)
            }
        }
        func resume(_ token: String) -> Task<FetchedPage, any Error> {
            fetch(bareResumption ? endpoint.resumeBare(token) : endpoint.resume(token), token: token)
        }
        var fetching: Task<FetchedPage, any Error>? = fetch(endpoint.listRecords(prefix: prefix, from: from))
        defer { fetching?.cancel() }
        while let task = fetching {
            fetching = nil
            try Task.checkCancellation()
            let fetched = try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
            let response = fetched.response
            if paging.pages == 0 {
                // The repository's clock when the listing began: the next incremental run asks for changes from then.
                mark = OAIPMHIncremental.mark(responseDate: response.responseDate)
                if mark == nil, source.incremental {
                    // Logged, not a run issue: the run itself is sound, only the next one cannot start from it.
                    context.logger.warning("the repository's responseDate is not a UTC datestamp, so the next run lists every record again",
                                           metadata: ["oai.responseDate": "\((response.responseDate ?? "").prefix(40))", "http.url": "\(fetched.url)"])
                }
            }
            if !response.errors.isEmpty {
                if paging.pages == 0 {
                    // An empty repository (or set, or list of changes) answers noRecordsMatch to the first request.
                    if response.errors.allSatisfy({ $0.code == "noRecordsMatch" }) { return .listed(.complete, mark: mark) }
                    return .refused(url: fetched.url, cause: response.errorText)
                }
                // A strict repository refuses a token sent with other arguments: send it alone from now on.
                if let token = fetched.token, !bareResumption, !endpoint.kept.isEmpty,
                   response.errors.contains(where: { $0.code == "badArgument" }) {
                    bareResumption = true
                    await collector.warn(url: fetched.url, "the repository refused the URL's own parameters beside a resumption token (\(response.errorText)); sending tokens alone")
                    fetching = resume(token)
                    continue
                }
                throw HarvestError(.unexpectedResponse, "ListRecords answered an error: \(response.errorText)", source: source.name, url: fetched.url)
            }
            let ids = response.records.enumerated().map { offset, record in
                record.identifier ?? "#record-\(recordsSeen + offset)"
            }
            let decision = paging.record(page: ids, token: response.resumptionToken?.token,
                                         completeListSize: response.resumptionToken?.completeListSize)
            if let token = paging.token { fetching = resume(token) }
            if case .stop(let warning) = decision {
                await collector.warn(url: fetched.url, warning)
                continue
            }
            recordsSeen += response.records.count
            try await OAIPMHAdapter.collect(response.records, url: fetched.url, prefix: prefix, source: source,
                                            lanes: context.mappingLanes, into: collector)
            context.progress(HarvestProgress(source: source.name, pages: paging.pages, records: recordsSeen,
                                             expected: paging.completeListSize))
        }
        // The run records the reason with the deletions it did not apply.
        if let reason = paging.incompleteReason { return .listed(.incomplete(reason: reason), mark: mark) }
        return .listed(.complete, mark: mark)
    }

    /// The repository's datestamp granularity from `Identify`; nil (days, which every repository takes) when it
    /// does not answer.
    func granularity(_ endpoint: Endpoint, context: HarvestContext, collector: RunCollector) async throws -> String? {
        let url = endpoint.url([("verb", "Identify")])
        do {
            let response = try await context.client.get(HTTPRequest(url: url, headers: context.requestHeaders,
                                                                     accept: "text/xml, application/xml;q=0.9, */*;q=0.1"))
            let identify = try await OffPool.run { try OAIPMHResponse.read(response.body, source: context.source.name, url: url) }
            guard identify.errors.isEmpty, let identity = identify.identity else {
                let cause = identify.errors.isEmpty ? "no Identify element" : identify.errorText
                await collector.warn(url: url, "Identify failed (\(cause)); asking for changes by day")
                return nil
            }
            context.logger.info("repository identified", metadata: [
                "oai.granularity": "\(identity.granularity ?? "-")", "oai.deletedRecord": "\(identity.deletedRecord ?? "-")",
            ])
            return identity.granularity
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            let cause = (error as? HarvestError)?.message ?? String(describing: error)
            await collector.warn(url: url, "Identify failed (\(cause.prefix(300))); asking for changes by day")
            return nil
        }
    }

    /// The metadata prefix to harvest when the configured URL names none: ISO 19139 when the repository offers it,
    /// else `oai_dc`. A repository whose `ListMetadataFormats` fails is asked for `oai_dc`, which OAI-PMH requires.
    func chooseFormat(_ endpoint: Endpoint, context: HarvestContext, collector: RunCollector) async throws -> String {
        let url = endpoint.url([("verb", "ListMetadataFormats")])
        do {
            let response = try await context.client.get(HTTPRequest(url: url, headers: context.requestHeaders,
                                                                     accept: "text/xml, application/xml;q=0.9, */*;q=0.1"))
            let listing = try await OffPool.run { try OAIPMHResponse.read(response.body, source: context.source.name, url: url) }
            if !listing.errors.isEmpty {
                await collector.warn(url: url, "ListMetadataFormats failed (\(listing.errorText)); asking for oai_dc")
                return "oai_dc"
            }
            let formats = listing.formats
            if let iso = formats.first(where: { $0.namespace == OAIPMHAdapter.gmdNamespace }) { return iso.prefix }
            if let dc = formats.first(where: { $0.namespace == OAIPMHAdapter.dublinCoreNamespace || $0.prefix == "oai_dc" }) {
                return dc.prefix
            }
            await collector.warn(url: url, "the repository lists no ISO 19139 or Dublin Core format; asking for oai_dc")
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // Some repositories answer this verb badly (an HTTP error, an HTML page) and ListRecords well.
            let cause = (error as? HarvestError)?.message ?? String(describing: error)
            await collector.warn(url: url, "ListMetadataFormats failed (\(cause.prefix(300))); asking for oai_dc")
        }
        return "oai_dc"
    }

    /// A record of a page to map: its header identifier, its metadata element's tree when kept, and its bytes.
    struct Entry: Sendable {
        var identifier: String
        var metadata: XMLElement?
        var raw: Data
    }

    /// Maps a page's records in the mapping lanes and hands them to the collector in the page's order. Deleted records,
    /// records without an identifier and records without metadata are reported here.
    static func collect(_ records: [OAIPMHResponse.Record], url: String, prefix: String, source: SourceConfig, lanes: Int,
                        into collector: RunCollector) async throws {
        var mappable: [Entry] = []
        mappable.reserveCapacity(records.count)
        for record in records {
            guard let identifier = record.identifier else {
                await collector.fail(identifier: nil, url: url, cause: "a record without a header identifier cannot be harvested")
                continue
            }
            if record.isDeleted {
                try await collector.withdraw(identifier: identifier)
                continue
            }
            guard let raw = record.raw else {
                await collector.fail(identifier: identifier, url: url, cause: "the record has no metadata element")
                continue
            }
            mappable.append(Entry(identifier: identifier, metadata: record.metadata, raw: raw))
        }
        let language = source.language
        let fingerprint = source.mappingFingerprint
        let limits = source.recordLimits
        try await MappingLanes.collect(mappable, batchSize: batchSize, lanes: lanes, into: collector, url: url,
                                       identifier: \.identifier) { entry, known in
            let digest = sourceDigest(raw: entry.raw, identifier: entry.identifier, fingerprint: fingerprint)
            if known[entry.identifier] == digest { return .unchanged(identifier: entry.identifier) }
            return map(entry, url: url, prefix: prefix, language: language, digest: digest, limits: limits)
        }
    }

    /// Maps one record by what its metadata element is.
    static func map(_ entry: Entry, url: String, prefix: String, language: String?, digest: String, limits: RecordLimits) -> MappedRecord {
        do {
            // Of a large page only the metadata's bytes were kept; its tree is built again here, one record at a time.
            let metadata = try entry.metadata ?? XMLDocumentReader.parse(entry.raw, location: url)
            var record: SourceRecord
            if metadata.isNamed(gmdNamespace, "MD_Metadata") || metadata.isNamed("http://www.isotc211.org/2005/gmi", "MI_Metadata") {
                switch try ISO19139Mapper.map(metadata, raw: entry.raw, sourceURL: url, defaultLanguage: language) {
                case .dataset(let mapped):
                    record = mapped
                case .notADataset(_, let scope):
                    return .skipped(identifier: entry.identifier, reason: "the record describes a \(scope), not a dataset")
                }
            } else if metadata.isNamed(dublinCoreNamespace, "dc") {
                record = try DublinCoreMapper.map(metadata, identifier: entry.identifier, raw: entry.raw, sourceURL: url,
                                                  defaultLanguage: language)
            } else {
                let name = (metadata.namespace.map { "{\($0)}" } ?? "") + metadata.localName
                return .failed(identifier: entry.identifier,
                               cause: "metadataPrefix \(prefix) gave \(name), which Katalog does not map (it maps ISO 19139 and oai_dc)")
            }
            // The repository's header identifier names the record in every request, deleted or not.
            record.dataset.sourceIdentifier = entry.identifier
            return .mapped(record, sourceDigest: digest, limits: limits)
        } catch let error as MappingError {
            return .failed(identifier: entry.identifier, cause: error.description)
        } catch {
            return .failed(identifier: entry.identifier, cause: String(describing: error))
        }
    }

    /// A record's source digest (see ``MappingLanes/sourceDigest(kind:fingerprint:context:raw:)``) over its header
    /// identifier and its metadata's XML as stored: the mappers read nothing else.
    static func sourceDigest(raw: Data, identifier: String, fingerprint: String) -> String {
        MappingLanes.sourceDigest(kind: "oai-pmh", fingerprint: fingerprint, context: identifier, raw: raw)
    }

    /// Percent-encodes a query value: everything but RFC 3986's unreserved characters.
    static func encode(_ value: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
