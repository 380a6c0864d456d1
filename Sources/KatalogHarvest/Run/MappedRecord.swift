import KatalogModel
import KatalogStore

/// One record as an adapter's mapping lane hands it to the ``RunCollector``: mapped and already prepared for the
/// store, or the reason it could not be mapped. Lanes produce batches of these off the cooperative pool, so
/// encoding, hashing and compressing run there and the collector only checks limits and stages.
enum MappedRecord: Sendable {
    /// A mapped record and its prepared form (nil when preparing failed: the collector prepares it again and
    /// reports the error).
    case record(SourceRecord, prepared: PreparedRecord?)
    /// A record that could not be mapped: the identifier to report it under, and why.
    case failed(identifier: String, cause: String)
    /// A record that was mapped but breaks the source's record limits, dropped in the lane (see ``mapped(_:sourceDigest:limits:)``)
    /// so a pathological record is not prepared, nor kept with its batch until the collector sees it; counted as
    /// fetched and errored, as the collector counts one it rejects.
    case rejected(identifier: String, cause: String)
    /// A record that was not mapped because what the mapper would read from the source is what the live record
    /// was mapped from (its source digest matched; see ``PreparedRecord/sourceDigest``).
    case unchanged(identifier: String)
    /// A record the source lists that is not harvested on purpose (e.g. an ISO 19139 record describing a service, not a
    /// dataset); see ``RunCollector/skip(identifier:reason:)``.
    case skipped(identifier: String, reason: String)

    /// A mapped record, prepared for the store here, in the lane, with the source digest it was read with; or, when it
    /// breaks the source's record `limits`, the error the collector would record for it (six CKAN packages of
    /// 200,000 resources each held 1.59 GB when they were kept with their batch).
    static func mapped(_ record: SourceRecord, sourceDigest: String? = nil, limits: RecordLimits) -> MappedRecord {
        if let violation = limits.violation(of: record) {
            return .rejected(identifier: record.sourceIdentifier, cause: RunCollector.limitCause(violation))
        }
        var prepared = try? CatalogStore.prepare(record)
        prepared?.sourceDigest = sourceDigest
        return .record(record, prepared: prepared)
    }
}
