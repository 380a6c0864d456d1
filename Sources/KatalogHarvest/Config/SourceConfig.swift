import KatalogModel

/// The kinds of source Katalog harvests.
public enum SourceKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A CKAN portal's Action API.
    case ckan
    /// A DCAT-AP catalogue as RDF/XML, Turtle or JSON-LD.
    case dcat
    /// A DCAT-US `data.json` file.
    case datajson
    /// An OAI-PMH endpoint.
    case oaiPMH = "oai-pmh"
    /// A CSW catalogue service.
    case csw
}

/// One source of `sources.yaml`, with every optional key filled with its documented default.
public struct SourceConfig: Sendable, Hashable {
    /// Unique name, `[a-z0-9-]`.
    public var name: String
    /// What protocol the source speaks.
    public var kind: SourceKind
    /// The catalogue's URL (for CKAN, the portal root; `/api/3/action/…` is appended).
    public var url: String
    /// When to harvest inside `katalog serve`; nil means only on demand.
    public var schedule: Schedule?
    /// Extra request headers (e.g. an API key).
    public var headers: [String: String]
    /// Per-request total timeout in seconds (default 120).
    public var requestTimeout: Double
    /// Whole-run deadline in seconds (default 6 hours).
    public var runDeadline: Double
    /// Largest response body in bytes (default 512 MiB).
    public var maxBytes: Int64
    /// Records asked for per page where the protocol pages (default 100; CKAN caps at 1000).
    public var pageSize: Int
    /// Most pages fetched in one run, a guard against paging loops (default 100,000).
    public var maxPages: Int
    /// What deletions a run may apply.
    public var deletion: DeletionSettings
    /// Bounds on one record.
    public var recordLimits: RecordLimits
    /// False to keep a source in the file without harvesting it.
    public var enabled: Bool
    /// The language (BCP 47 tag, e.g. `sv`) of the source's untagged text, when the records do not say;
    /// nil leaves such text untagged.
    public var language: String?
    /// When several sources carry one dataset (the same dataset IRI), searches show the record of the source with
    /// the highest priority; among equal ones, the record seen first (default 0; -1000…1000).
    public var priority: Int = 0
    /// For a CKAN, OAI-PMH or CSW source (``incrementalKinds``): whether a run may ask only for the records changed since
    /// the last run that read the source's listing to the end (CKAN's `metadata_modified`, OAI-PMH's `from`, a CSW
    /// service's `Modified` queryable), when a full listing is recent enough (default true).
    public var incremental = true
    /// With ``incremental``: the longest time, in seconds, between runs that read every record of the source, which
    /// catch changes made without a new change stamp and, for OAI-PMH, records a repository drops without reporting
    /// them deleted (default 7 days).
    public var fullListingInterval: Double = 7 * 86_400

    /// For a CSW source with ``incremental``: the one queryable name to filter the modification date by, for a service
    /// that takes none of ``CSWIncremental/queryables``'s names (nil tries those). It is checked like them.
    public var modifiedQueryable: String?

    /// Whether `name` can be a CSW queryable (`Modified`, `apiso:RevisionDate`): it goes into an OGC filter as written.
    static func isQueryableName(_ name: String) -> Bool {
        let parts = name.split(separator: ":", omittingEmptySubsequences: false)
        guard name.utf8.count <= 100, (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { part in
            guard let first = part.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
            return part.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)) }
        }
    }

    /// The kinds of source that can list only what changed.
    public static let incrementalKinds: Set<SourceKind> = [.ckan, .oaiPMH, .csw]

    /// Creates a source with defaults for every optional setting.
    public init(name: String, kind: SourceKind, url: String, schedule: Schedule? = nil, headers: [String: String] = [:],
                requestTimeout: Double = 120, runDeadline: Double = 6 * 3600, maxBytes: Int64 = 512 << 20,
                pageSize: Int = 100, maxPages: Int = 100_000, deletion: DeletionSettings = DeletionSettings(),
                recordLimits: RecordLimits = RecordLimits(), enabled: Bool = true) {
        self.name = name
        self.kind = kind
        self.url = url
        self.schedule = schedule
        self.headers = headers
        self.requestTimeout = requestTimeout
        self.runDeadline = runDeadline
        self.maxBytes = maxBytes
        self.pageSize = pageSize
        self.maxPages = maxPages
        self.deletion = deletion
        self.recordLimits = recordLimits
        self.enabled = enabled
    }

    /// True when `name` is a valid source name: 1–64 of `[a-z0-9-]`, not starting with `-`.
    public static func isValidName(_ name: String) -> Bool {
        guard (1...64).contains(name.utf8.count), name.first != "-" else { return false }
        return name.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }
}

/// How a source's deletions are applied: the circuit breaker and the grace period before purging.
public struct DeletionSettings: Sendable, Hashable {
    /// Largest share of a source's records one run may delete before the run is held (default 0.2).
    public var maxDeleteFraction: Double
    /// Days a deleted record is kept (hidden) before it is purged (default 30).
    public var graceDays: Double

    /// Creates deletion settings.
    public init(maxDeleteFraction: Double = 0.2, graceDays: Double = 30) {
        self.maxDeleteFraction = maxDeleteFraction
        self.graceDays = graceDays
    }
}

extension SourceConfig {
    /// Names how this source's records are mapped: Katalog's ``MappingRevision`` and every setting that changes
    /// what a run makes of the same bytes (name, type, URL, default language, record limits). Stored with the
    /// document's validators; a run under another fingerprint neither sends them nor trusts a matching digest.
    public var mappingFingerprint: String {
        let parts = [
            MappingRevision.current, name, kind.rawValue, url, language ?? "",
            "\(recordLimits.maxKeywords)", "\(recordLimits.maxDistributions)",
            "\(recordLimits.maxTextBytes)", "\(recordLimits.maxRawBytes)",
        ]
        return String(SHA256.hex(parts.joined(separator: "\n").utf8).prefix(32))
    }
}
