import Foundation
import GRDB
import KatalogModel

extension CatalogStore {
    /// The content hash of a record: SHA-256 hex over the dataset's sorted-keys JSON, a zero byte, and the raw bytes.
    public static func contentHash(of record: SourceRecord) throws -> String {
        contentHash(datasetJSON: encode(record.dataset), raw: record.raw)
    }

    /// Source identifier → content hash of the source's live (not deleted) records, so unchanged records can be skipped.
    public func knownHashes(source: String) async throws -> [String: String] {
        try await read("reading content hashes", context: ["source": source]) { db in
            var hashes: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT source_identifier, content_hash FROM datasets WHERE source = ? AND deleted_at IS NULL
                """, arguments: [source])
            while let row = try rows.next() {
                hashes[row[0]] = row[1]
            }
            return hashes
        }
    }

    /// Stages a batch of new or changed records of a running run, in one transaction.
    ///
    /// Nothing becomes visible until ``completeRun(run:seen:isComplete:deletionPolicy:counts:errors:)``.
    /// A record staged twice in one run keeps its last version. Returns the staged records' content hashes.
    @discardableResult
    public func stage(run: RunID, records: [SourceRecord]) async throws -> [String] {
        try await stage(run: run, prepared: records.map(CatalogStore.prepare))
    }

    /// Encodes a record once into the form the store keeps, with its content hash, so a caller that needs
    /// the hash (to skip unchanged records) and then stages the record pays for one encoding.
    public static func prepare(_ record: SourceRecord) throws -> PreparedRecord {
        let json = encode(record.dataset)
        let stored = RawCompression.pack(record.raw)
        return PreparedRecord(sourceIdentifier: record.sourceIdentifier, contentHash: contentHash(datasetJSON: json, raw: record.raw),
                              recordJSON: json, raw: record.raw, rawFormat: record.rawFormat, storedRaw: stored.bytes,
                              rawEncoding: stored.encoding, dataset: record.dataset, sourceDigest: nil)
    }

    /// Stages records prepared with ``prepare(_:)``; see ``stage(run:records:)``.
    @discardableResult
    public func stage(run: RunID, prepared: [PreparedRecord]) async throws -> [String] {
        let staged = prepared.map(StagedRow.init)
        try await write("staging records", context: ["run": run.description]) { db in
            try CatalogStore.requireRunning(db, run)
            let statement = RawStatement(try StagedRow.insertStatement(db))
            for row in staged {
                try row.insert(statement, run: run)
            }
        }
        return staged.map(\.contentHash)
    }

    /// The dataset as sorted-keys JSON, the form stored in `record_json`: ``SortedJSONEncoder`` writes the bytes
    /// Foundation's `JSONEncoder` would with `.sortedKeys` and `.withoutEscapingSlashes`, in a fraction of the time
    /// (this runs for every harvested record).
    static func encode(_ dataset: Dataset) -> Data {
        SortedJSONEncoder().encode(dataset)
    }

    /// Decodes a stored `record_json`.
    static func decodeDataset(_ json: String, id: String) throws -> Dataset {
        let bytes = Data(json.utf8)
        // The fast reader gives what JSONDecoder gives; JSONDecoder stays for what it refuses (and its message).
        if let dataset = try? StoredRecordReader.dataset(bytes) { return dataset }
        do {
            return try JSONDecoder().decode(Dataset.self, from: bytes)
        } catch {
            throw StoreError(.corrupt, "stored record of dataset \(id) cannot be decoded: \(error)", context: ["dataset": id])
        }
    }

    static func contentHash(datasetJSON: Data, raw: Data) -> String {
        var hasher = SHA256()
        hasher.update(datasetJSON)
        hasher.update([0])
        hasher.update(raw)
        return SHA256.hexString(hasher.finalize())
    }
}

/// A record ready for `staged_records`.
struct StagedRow: Sendable {
    var sourceIdentifier: String
    var contentHash: String
    var recordJSON: String
    /// The raw record as stored (see ``RawCompression``).
    var raw: Data
    var rawFormat: String
    /// The encoding of `raw` (nil: as it came from the source).
    var rawEncoding: String?
    /// The ``LiveRow`` in binary form; nil for a row staged by a version that did not store it.
    var liveRow: Data?
    /// See ``PreparedRecord/sourceDigest``.
    var sourceDigest: String?
}

extension StagedRow {
    /// The row of a record about to be staged, with its live-table rows computed now.
    init(_ record: PreparedRecord) {
        self.init(sourceIdentifier: record.sourceIdentifier, contentHash: record.contentHash,
                  recordJSON: String(decoding: record.recordJSON, as: UTF8.self), raw: record.storedRaw,
                  rawFormat: record.rawFormat, rawEncoding: record.rawEncoding, liveRow: LiveRow(record.dataset).encoded(),
                  sourceDigest: record.sourceDigest)
    }

    /// The statement that stages a row (a record staged twice in one run keeps its last version).
    static func insertStatement(_ db: Database) throws -> Statement {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO staged_records (run_id, source_identifier, content_hash, record_json, raw, raw_format,
                raw_encoding, live_row, source_digest)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    func insert(_ statement: RawStatement, run: RunID) throws {
        statement.reset()
        try statement.bind(1, run.rawValue)
        try statement.bind(2, sourceIdentifier)
        try statement.bind(3, contentHash)
        try statement.bind(4, recordJSON)
        try statement.bind(5, blob: raw)
        try statement.bind(6, rawFormat)
        try statement.bind(7, rawEncoding)
        try statement.bind(8, blob: liveRow)
        try statement.bind(9, sourceDigest)
        try statement.run()
    }

    /// The live-table rows: read from the staged binary form, or derived from the record's JSON when it has none.
    func live() throws -> LiveRow {
        if let liveRow { return try LiveRow(decoding: liveRow, id: sourceIdentifier) }
        return try LiveRow(CatalogStore.decodeDataset(recordJSON, id: sourceIdentifier))
    }
}
