import Foundation
import KatalogModel

/// A record encoded for the store, with its content hash (see ``CatalogStore/prepare(_:)``).
public struct PreparedRecord: Sendable {
    /// The record's identifier at its source.
    public var sourceIdentifier: String
    /// SHA-256 of the encoded dataset and the raw record: equal hashes mean nothing to write.
    public var contentHash: String
    /// The dataset as sorted-keys JSON.
    public var recordJSON: Data
    /// The raw source record.
    public var raw: Data
    /// The raw record's media type.
    public var rawFormat: String
    /// The raw record as stored: compressed when that makes it smaller (see ``RawCompression``).
    let storedRaw: Data
    /// The encoding of ``storedRaw`` (nil: the raw bytes as they are).
    let rawEncoding: String?
    /// The dataset, for its live-table rows (``LiveRow``), which are computed only if the record is staged.
    let dataset: Dataset
    /// A digest of everything the mapper read from the source to make this record, under the source's mapping
    /// fingerprint, when the adapter can name it (nil otherwise). Stored with the live record: a later run that
    /// reads the same digest for the identifier knows the record is unchanged without mapping it again (see
    /// ``ListingEntry/unchanged(_:)``).
    public var sourceDigest: String?
}
