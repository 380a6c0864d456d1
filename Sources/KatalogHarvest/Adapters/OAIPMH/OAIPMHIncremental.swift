import Foundation
import KatalogStore

/// The datestamps of incremental OAI-PMH runs (``IncrementalPlan`` decides whether a run is one): pure values, tested
/// without I/O. Only a full listing deletes records that a repository stops listing without reporting them deleted
/// (`deletedRecord` `no` or `transient`).
enum OAIPMHIncremental {
    /// What a listing under `prefix` is stored against: the source's mapping fingerprint and the format.
    static func fingerprint(source: SourceConfig, prefix: String) -> String {
        source.mappingFingerprint + " " + prefix
    }

    /// A `responseDate` as a mark: `YYYY-MM-DDThh:mm:ssZ` with any fraction of a second dropped (an earlier bound is a
    /// safe one); nil when it is not a UTC datestamp, as OAI-PMH requires.
    static func mark(responseDate: String?) -> String? {
        Datestamp.seconds(responseDate)
    }

    /// The `from` argument for `mark` at the repository's `granularity`: the day alone unless the repository says it
    /// takes seconds (every repository takes days).
    static func from(mark: String, granularity: String?) -> String {
        granularity == "YYYY-MM-DDThh:mm:ssZ" ? mark : String(mark.prefix(10))
    }
}
