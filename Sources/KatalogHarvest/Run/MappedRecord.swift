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

    /// A mapped record, prepared for the store here, in the lane.
    static func mapped(_ record: SourceRecord) -> MappedRecord {
        .record(record, prepared: try? CatalogStore.prepare(record))
    }
}
