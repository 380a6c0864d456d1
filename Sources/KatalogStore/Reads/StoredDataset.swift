import Foundation
import GRDB
import KatalogModel

/// A dataset as stored: the mapped record, the raw source record, and its provenance.
public struct StoredDataset: Hashable, Sendable {
    /// Katalog's id (``DatasetID``).
    public var id: String
    /// The source's name.
    public var source: String
    /// The source's own identifier.
    public var sourceIdentifier: String
    /// The mapped dataset.
    public var dataset: Dataset
    /// The raw source record.
    public var raw: Data
    /// The media type of `raw`.
    public var rawFormat: String
    /// The content hash (``CatalogStore/contentHash(of:)``).
    public var contentHash: String
    /// When the catalogue first saw the record.
    public var firstSeen: Date
    /// When its content last changed.
    public var updatedAt: Date
    /// When it was tombstoned, if it is.
    public var deletedAt: Date?
    /// The run that last changed it.
    public var lastRun: RunID?
    /// Its position in the change feed.
    public var changeSeq: Int64
    /// When another source's record of the same dataset is the one searches show, that record's id
    /// (see ``SameDatasetKey``); nil when this record is shown (or deleted).
    public var shownAs: String?
    /// The other live records of the same dataset, in any source; empty when there are none.
    public var otherRecords: [RecordReference] = []
    /// The key the publisher facet and filter know the dataset's publisher by (see ``SearchHit/publisherKey``).
    public var publisherKey: String?

    /// Reads full `datasets` rows, and from `db` the other records of their datasets.
    static func read(_ rows: [Row], _ db: Database) throws -> [StoredDataset] {
        let others = try SameDatasetElection.otherRecords(db, of: rows.map { $0["pk"] })
        let keys: [String] = rows.compactMap { $0["publisher_key"] }
        let aliases = try PublisherAliases.targets(db, keys: keys)
        return try rows.map { row in
            var stored = try StoredDataset(row: row)
            stored.otherRecords = others[row["pk"]] ?? []
            stored.publisherKey = (row["publisher_key"] as String?).map { aliases[$0] ?? $0 }
            if (row["shown_as"] as Int64?) != nil { stored.shownAs = stored.otherRecords.first(where: \.isShown)?.id }
            return stored
        }
    }

    /// Reads a full `datasets` row.
    init(row: Row) throws {
        let id: String = row["id"]
        self.id = id
        source = row["source"]
        sourceIdentifier = row["source_identifier"]
        dataset = try CatalogStore.decodeDataset(row["record_json"], id: id)
        raw = try RawCompression.unpack(row["raw"], encoding: row["raw_encoding"], id: id)
        rawFormat = row["raw_format"]
        contentHash = row["content_hash"]
        firstSeen = row["first_seen"]
        updatedAt = row["updated_at"]
        deletedAt = row["deleted_at"]
        let run: Int64? = row["last_run"]
        lastRun = run.map(RunID.init)
        changeSeq = row["change_seq"]
    }
}

/// One row of the distributions table: the fields the CKAN API and exports list.
public struct StoredDistribution: Hashable, Sendable, Codable {
    /// Position within the dataset's distributions.
    public var position: Int
    /// The distribution's IRI or source identifier.
    public var identifier: String?
    /// The best title.
    public var title: String?
    /// The format key (upper-case, e.g. `CSV`).
    public var formatKey: String?
    /// The media type.
    public var mediaType: String?
    /// The first access URL.
    public var accessURL: String?
    /// The first download URL.
    public var downloadURL: String?
}

/// One entry of the change feed: the latest change of one dataset.
public struct Change: Hashable, Sendable, Codable {
    /// What happened to a dataset.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// It appeared (or came back after a deletion).
        case added
        /// Its content changed.
        case updated
        /// Its source no longer lists it.
        case deleted
    }

    /// The dataset's id.
    public var id: String
    /// What happened.
    public var kind: Kind
    /// Its position in the feed (strictly increasing across the whole catalogue).
    public var changeSeq: Int64
    /// When it happened.
    public var time: Date
    /// When another source's record of the same dataset is the one searches show, that record's id: a copy of the
    /// catalogue that keeps each dataset once skips this record (see ``SameDatasetKey``). Nil for a shown record.
    public var shownAs: String? = nil
}

/// A harvested source and how many live datasets it has.
public struct SourceInfo: Hashable, Sendable, Codable {
    /// The source's name.
    public var name: String
    /// Its kind (`dcat`, `ckan`, …).
    public var kind: String
    /// The URL last harvested.
    public var url: String
    /// Live (not deleted) datasets.
    public var datasetCount: Int
}

/// A publisher and how many live datasets name it.
public struct PublisherInfo: Hashable, Sendable, Codable {
    /// ``Agent/key`` (IRI, identifier, or lower-cased name).
    public var key: String
    /// The IRI, when known.
    public var iri: String?
    /// Names per language.
    public var name: LocalizedText
    /// Live datasets naming it.
    public var datasetCount: Int
}
