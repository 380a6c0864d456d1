import Foundation
import KatalogStore
import Logging

/// A protocol adapter: walks one source (CKAN, DCAT, data.json, …) and hands each record to a collector.
///
/// Adapters throw only for failures that make the whole run unusable (the source is down, a page is
/// malformed). A record that cannot be mapped is reported to the collector and the walk goes on.
public protocol HarvestAdapter: Sendable {
    /// Harvests the source, reporting every record, skipped record and record error to `collector`.
    func harvest(_ context: HarvestContext, into collector: RunCollector) async throws -> AdapterOutcome
}

/// What an adapter saw of the source as a whole.
public enum AdapterOutcome: Sendable, Hashable {
    /// Every record the source lists was seen: deletions may be applied.
    case complete
    /// The walk stopped early (paging loop, page cap, inconsistent counts): upserts apply, deletions do not.
    case incomplete(reason: String)
    /// The source answered 304 Not Modified: nothing changed since the last run.
    case notModified
    /// The source's document (or chain of pages) was downloaded again and is byte for byte what the last run
    /// applied (same SHA-256, same mapping): nothing changed, and nothing was mapped.
    case sameDigest(String)
}

/// What an adapter gets to do its work.
public struct HarvestContext: Sendable {
    /// The source being harvested.
    public var source: SourceConfig
    /// The HTTP client, configured from the source's settings.
    public var client: HTTPClient
    /// A logger carrying `harvest.source` and `harvest.run` metadata.
    public var logger: Logger
    /// Called after each page or document, for progress display.
    public var progress: @Sendable (HarvestProgress) -> Void
    /// Whether the adapter may send stored validators (`If-None-Match`, `If-Modified-Since`); false when the
    /// run must see the whole source again (e.g. to apply held deletions).
    public var conditional: Bool
    /// What the last successful run stored for a URL (validators, digest, mapping), if anything.
    public var storedValidators: @Sendable (String) async throws -> DocumentValidators?
    /// How many batches of records the adapter maps at once (see ``Harvester/defaultMappingLanes``).
    public var mappingLanes: Int
    /// Where an incremental run of the source may start (see ``CatalogStore/listingMark(source:)``): read when the
    /// run may be conditional and the source may be harvested incrementally; nil otherwise, or when no run stored one.
    public var listingMark: ListingMark?

    /// The source's configured extra headers, for every request of the run.
    public var requestHeaders: HTTPHeaders {
        HTTPHeaders(source.headers.sorted { $0.key < $1.key }.map { HTTPHeaders.Field(name: $0.key, value: $0.value) })
    }

    /// A GET of `url` with the source's headers; when the run may be conditional, it carries the validators the
    /// last successful run stored for that URL under the source's current mapping, so an unchanged document can be
    /// answered 304.
    public func request(_ url: String, accept: String, conditional: Bool) async throws -> HTTPRequest {
        var request = HTTPRequest(url: url, headers: requestHeaders, accept: accept)
        if conditional, let validators = try await trustedValidators(url) {
            request.ifNoneMatch = validators.etag
            request.ifModifiedSince = validators.lastModified
        }
        return request
    }

    /// The SHA-256 of a document downloaded from `url` to `file`, read off the cooperative pool.
    public func sha256(of file: URL, url: String) async throws -> String {
        do {
            return try await OffPool.run { try FileDigest.sha256(of: file) }
        } catch {
            throw HarvestError(.unexpectedResponse, "cannot read the downloaded document: \(error)", source: source.name, url: url)
        }
    }

    /// Whether `sha256` is the digest the last successful run stored for `url` under the source's current mapping
    /// (then the run can end unchanged without parsing or mapping the document).
    public func isUnchanged(url: String, sha256: String) async throws -> Bool {
        try await trustedValidators(url)?.contentSHA256 == sha256
    }

    /// The stored validators for `url`, when the run may use them and they were stored under the current mapping.
    private func trustedValidators(_ url: String) async throws -> DocumentValidators? {
        guard conditional, let validators = try await storedValidators(url),
              validators.mapping == source.mappingFingerprint else { return nil }
        return validators
    }

    /// Creates a context.
    public init(source: SourceConfig, client: HTTPClient, logger: Logger,
                progress: @escaping @Sendable (HarvestProgress) -> Void = { _ in },
                conditional: Bool = false,
                storedValidators: @escaping @Sendable (String) async throws -> DocumentValidators? = { _ in nil },
                mappingLanes: Int = Harvester.defaultMappingLanes, listingMark: ListingMark? = nil) {
        self.mappingLanes = max(1, mappingLanes)
        self.listingMark = listingMark
        self.source = source
        self.client = client
        self.logger = logger
        self.progress = progress
        self.conditional = conditional
        self.storedValidators = storedValidators
    }
}

/// A progress report: pages fetched and records seen so far.
public struct HarvestProgress: Sendable, Hashable {
    /// The source's name.
    public var source: String
    /// Pages (or documents) fetched so far.
    public var pages: Int
    /// Records seen so far.
    public var records: Int
    /// Records the source says it has, when it says.
    public var expected: Int?

    /// Creates a progress report.
    public init(source: String, pages: Int, records: Int, expected: Int? = nil) {
        self.source = source
        self.pages = pages
        self.records = records
        self.expected = expected
    }
}
