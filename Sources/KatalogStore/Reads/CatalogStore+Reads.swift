import Foundation
import GRDB
import KatalogModel

extension CatalogStore {
    /// The dataset with Katalog id `id` (tombstoned ones included, with `deletedAt` set), or nil.
    public func dataset(id: String) async throws -> StoredDataset? {
        guard DatasetID.isWellFormed(id) else { return nil }
        return try await read("reading a dataset", context: ["dataset": id]) { db in
            try StoredDataset.read(Row.fetchAll(db, sql: "SELECT * FROM datasets WHERE id = ?", arguments: [id]), db).first
        }
    }

    /// The live dataset holding a distribution with this identifier (the one its source gave it, such as a CKAN
    /// resource id), and the distribution's position in it; nil when none does. When several records hold one (the
    /// same dataset from several sources), the record searches show comes first, then the oldest.
    public func dataset(holdingDistribution identifier: String) async throws -> (dataset: StoredDataset, position: Int)? {
        guard !identifier.isEmpty, identifier.utf8.count <= 2_000 else { return nil }
        return try await read("finding a distribution", context: ["distribution": String(identifier.prefix(200))]) { db in
            guard let found = try Row.fetchOne(db, sql: """
                SELECT x.dataset_pk, x.position FROM distributions x JOIN datasets d ON d.pk = x.dataset_pk
                WHERE x.identifier = ? AND d.deleted_at IS NULL
                ORDER BY d.shown_as IS NOT NULL, d.pk LIMIT 1
                """, arguments: [identifier]) else { return nil }
            let position: Int = found["position"]
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM datasets WHERE pk = ?", arguments: [found["dataset_pk"] as Int64])
            return try StoredDataset.read(rows, db).first.map { ($0, position) }
        }
    }

    /// The dataset a source knows as `sourceIdentifier`, or nil.
    public func dataset(source: String, sourceIdentifier: String) async throws -> StoredDataset? {
        try await read("reading a dataset", context: ["source": source, "sourceIdentifier": sourceIdentifier]) { db in
            try StoredDataset.read(Row.fetchAll(db, sql: "SELECT * FROM datasets WHERE source = ? AND source_identifier = ?",
                                                arguments: [source, sourceIdentifier]), db).first
        }
    }

    /// Live datasets in id order, `limit` (clamped to 1…1000) at a time after id `after`: for exports and listings.
    ///
    /// Without `source`, each dataset once: the records searches show, not those folded into another source's record
    /// of the same dataset (``SameDatasetKey``). With `source`, every live record of that source.
    public func datasets(after: String? = nil, source: String? = nil, limit: Int = 100) async throws -> [StoredDataset] {
        let limit = min(max(limit, 1), 1_000)
        return try await read("listing datasets") { db in
            // `+source`: walk the id index and check each row's source, as before there were two queries. Offered
            // the (source, deleted_at) index, SQLite takes it and sorts the whole source for every page (1.2 s a page
            // for a source of 100,000).
            let rows = if let source {
                try Row.fetchAll(db, sql: CatalogStore.sourceListingSQL, arguments: [source, after ?? "", limit])
            } else {
                try Row.fetchAll(db, sql: """
                    SELECT * FROM datasets WHERE deleted_at IS NULL AND shown_as IS NULL AND id > ? ORDER BY id LIMIT ?
                    """, arguments: [after ?? "", limit])
            }
            return try StoredDataset.read(rows, db)
        }
    }

    /// The SQL of ``datasets(after:source:limit:)`` for one source (for a test of its plan).
    static let sourceListingSQL = "SELECT * FROM datasets WHERE deleted_at IS NULL AND +source = ? AND id > ? ORDER BY id LIMIT ?"

    /// Shown live ids in order, read from the live-only id index (the skipped rows are not read).
    static let liveIDsSQL = "SELECT id FROM datasets WHERE deleted_at IS NULL AND shown_as IS NULL ORDER BY id LIMIT ? OFFSET ?"

    /// The ids of live datasets in id order, each dataset once (as ``datasets(after:source:limit:)`` lists them), `limit` (clamped to 0…1,000,000) after skipping `offset`.
    public func datasetIDs(offset: Int = 0, limit: Int) async throws -> [String] {
        let limit = min(max(limit, 0), 1_000_000)
        guard limit > 0 else { return [] }
        return try await read("listing dataset ids") { db in
            try String.fetchAll(db, sql: CatalogStore.liveIDsSQL, arguments: [limit, max(offset, 0)])
        }
    }

    /// The live datasets (each once, as ``datasetIDs(offset:limit:)`` lists them) whose id starts with `prefix` (lower-case
    /// hex digits; ids are uniformly spread hashes, so each prefix holds its share), with when each last changed, in id
    /// order, at most `limit` (clamped to 0…1,000,000). For sitemaps, which split a catalogue into files by prefix.
    public func datasetIDs(prefix: String, limit: Int) async throws -> [(id: String, updatedAt: Date)] {
        let limit = min(max(limit, 0), 1_000_000)
        guard limit > 0, DatasetID.isLowerHex(prefix) else { return [] }
        return try await read("listing dataset ids by prefix") { db in
            // Every id with the prefix sorts at or after it and before it followed by `g`, past every hex digit.
            try Row.fetchAll(db, sql: """
                SELECT id, updated_at FROM datasets INDEXED BY datasets_live_by_id
                WHERE deleted_at IS NULL AND shown_as IS NULL AND id >= ? AND id < ? ORDER BY id LIMIT ?
                """, arguments: [prefix, prefix + "g", limit]).map { (id: $0["id"], updatedAt: $0["updated_at"]) }
        }
    }

    /// How many datasets the catalogue holds: live ones, each once (a record folded into another source's record of
    /// the same dataset is not counted); with `includeDeleted`, every stored record, tombstones included.
    public func datasetCount(includeDeleted: Bool = false) async throws -> Int {
        try await read("counting datasets") { db in
            let sql = includeDeleted ? "SELECT COUNT(*) FROM datasets"
                : "SELECT COUNT(*) FROM datasets WHERE deleted_at IS NULL AND shown_as IS NULL"
            return try Int.fetchOne(db, sql: sql) ?? 0
        }
    }

    /// Changes after `sinceSeq`, oldest first, and the sequence to ask from next (`limit` clamped to 1…10000).
    ///
    /// Each dataset appears once, with its latest change; purged tombstones leave the feed.
    public func changes(sinceSeq: Int64, limit: Int = 1_000) async throws -> (changes: [Change], nextSeq: Int64) {
        let limit = min(max(limit, 1), 10_000)
        return try await read("reading changes") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.id, d.change_seq, d.change_kind, d.updated_at, d.deleted_at, shown.id AS shown_as FROM datasets d
                LEFT JOIN datasets shown ON shown.pk = d.shown_as
                WHERE d.change_seq > ? ORDER BY d.change_seq LIMIT ?
                """, arguments: [sinceSeq, limit])
            let changes = rows.map { row -> Change in
                let kind = Change.Kind(rawValue: row["change_kind"]) ?? .updated
                let deletedAt: Date? = row["deleted_at"]
                let updatedAt: Date = row["updated_at"]
                return Change(id: row["id"], kind: kind, changeSeq: row["change_seq"], time: deletedAt ?? updatedAt,
                              shownAs: row["shown_as"])
            }
            return (changes, changes.last?.changeSeq ?? sinceSeq)
        }
    }

    /// The distributions table's rows for one dataset, in position order.
    public func distributions(datasetID: String) async throws -> [StoredDistribution] {
        try await read("reading distributions", context: ["dataset": datasetID]) { db in
            try Row.fetchAll(db, sql: """
                SELECT x.* FROM distributions x JOIN datasets d ON d.pk = x.dataset_pk WHERE d.id = ? ORDER BY x.position
                """, arguments: [datasetID]).map { row in
                StoredDistribution(position: row["position"], identifier: row["identifier"], title: row["title"],
                                   formatKey: row["format_key"], mediaType: row["media_type"],
                                   accessURL: row["access_url"], downloadURL: row["download_url"])
            }
        }
    }

    /// Every source that has been harvested, by name, with its live dataset count.
    public func sources() async throws -> [SourceInfo] {
        try await read("listing sources") { db in
            try Row.fetchAll(db, sql: """
                SELECT s.name, s.kind, s.url,
                    (SELECT COUNT(*) FROM datasets d WHERE d.source = s.name AND d.deleted_at IS NULL) AS n
                FROM sources s ORDER BY s.name
                """).map { SourceInfo(name: $0["name"], kind: $0["kind"], url: $0["url"], datasetCount: $0["n"]) }
        }
    }

    /// Publishers of live datasets, by key, with their dataset counts.
    public func publishers() async throws -> [PublisherInfo] {
        try await read("listing publishers") { db in
            try Row.fetchAll(db, sql: """
                SELECT p.key, p.iri, p.name_json, COUNT(t.dataset_pk) AS n
                FROM publishers p JOIN dataset_terms t ON t.facet = 'publisher' AND t.value = p.key
                GROUP BY p.key ORDER BY p.key
                """).map { row in
                let json: String = row["name_json"]
                let name = (try? StoredRecordReader.localizedText(Data(json.utf8))) ?? LocalizedText()
                return PublisherInfo(key: row["key"], iri: row["iri"], name: name, datasetCount: row["n"])
            }
        }
    }

    /// The publishers known only by name that stand for a publisher with an IRI: each one's key and that publisher's
    /// (docs/store.md, "Publishers named twice").
    public func publisherAliases() async throws -> [String: String] {
        try await read("listing publisher aliases") { db in
            var aliases: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, target FROM publisher_aliases") { aliases[row[0]] = row[1] }
            return aliases
        }
    }

    /// What the last fully applied run stored for the document at `url`, or nil when nothing is stored.
    public func validators(url: String) async throws -> DocumentValidators? {
        try await read("reading HTTP validators", context: ["url": url]) { db in
            try Row.fetchOne(db, sql: "SELECT etag, last_modified, content_sha256, mapping FROM http_validators WHERE url = ?",
                             arguments: [url])
                .map { DocumentValidators(etag: $0["etag"], lastModified: $0["last_modified"],
                                          contentSHA256: $0["content_sha256"], mapping: $0["mapping"]) }
        }
    }

    /// Stores what is known of the document at `url`; nil, or validators that name nothing, forget it.
    public func storeValidators(url: String, _ validators: DocumentValidators?) async throws {
        let now = configuration.now()
        try await write("storing HTTP validators", context: ["url": url]) { db in
            guard let validators, !validators.isEmpty else {
                try db.execute(sql: "DELETE FROM http_validators WHERE url = ?", arguments: [url])
                return
            }
            try db.execute(sql: """
                INSERT INTO http_validators (url, etag, last_modified, content_sha256, mapping, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                    content_sha256 = excluded.content_sha256, mapping = excluded.mapping, updated_at = excluded.updated_at
                """, arguments: [url, validators.etag, validators.lastModified, validators.contentSHA256, validators.mapping, now])
        }
    }
}
