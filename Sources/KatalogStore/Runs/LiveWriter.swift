import Foundation
import GRDB
import KatalogModel
import KatalogRDF

/// Writes live rows (dataset, distributions, facet terms, publisher, full-text row) inside an open write transaction.
struct LiveWriter {
    let db: Database
    let runID: RunID
    /// The run's time as the database value every written row gets, formatted once rather than per row.
    private let now: DatabaseValue
    /// The same as text, for the statements bound through ``RawStatement``.
    private let nowText: String

    init(db: Database, now: Date, runID: RunID) {
        self.db = db
        self.runID = runID
        self.now = now.databaseValue
        nowText = String.fromDatabaseValue(self.now) ?? ""
    }

    /// Private-use characters the store uses internally to mark highlights; stripped from indexed text.
    static let markOpen: Character = "\u{E000}"
    static let markClose: Character = "\u{E001}"

    /// Inserts a new live row (or revives a tombstoned one) for a staged record.
    func insert(source: String, staged: StagedRow, row: LiveRow, seq: Int64, revive pk: Int64?) throws {
        let id = DatasetID.make(source: source, sourceIdentifier: staged.sourceIdentifier)
        let columns = row.columns
        if let pk {
            try db.execute(sql: """
                UPDATE datasets SET content_hash = ?, record_json = ?, raw = ?, raw_format = ?, raw_encoding = ?,
                    title_sort = ?, modified_sort = ?, publisher_key = ?, has_download = ?, updated_at = ?,
                    deleted_at = NULL, last_run = ?, change_seq = ?, change_kind = 'added', source_digest = ?
                WHERE pk = ?
                """, arguments: [staged.contentHash, staged.recordJSON, staged.raw, staged.rawFormat, staged.rawEncoding, columns.title,
                                 columns.modified, columns.publisherKey, row.hasDownload, now,
                                 runID.rawValue, seq, staged.sourceDigest, pk])
            try writeDerived(pk: pk, source: source, row: row, replacing: false)
        } else {
            let insert = RawStatement(try db.cachedStatement(sql: """
                INSERT INTO datasets (id, source, source_identifier, content_hash, record_json, raw, raw_format,
                    raw_encoding, title_sort, modified_sort, publisher_key, has_download, first_seen, updated_at,
                    deleted_at, last_run, change_seq, change_kind, source_digest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 'added', ?)
                """))
            insert.reset()
            try insert.bind(1, id)
            try insert.bind(2, source)
            try insert.bind(3, staged.sourceIdentifier)
            try insert.bind(4, staged.contentHash)
            try insert.bind(5, staged.recordJSON)
            try insert.bind(6, blob: staged.raw)
            try insert.bind(7, staged.rawFormat)
            try insert.bind(8, staged.rawEncoding)
            try insert.bind(9, columns.title)
            try insert.bind(10, columns.modified)
            try insert.bind(11, columns.publisherKey)
            try insert.bind(12, row.hasDownload)
            try insert.bind(13, nowText)
            try insert.bind(14, nowText)
            try insert.bind(15, runID.rawValue)
            try insert.bind(16, seq)
            try insert.bind(17, staged.sourceDigest)
            try insert.run()
            try writeDerived(pk: db.lastInsertedRowID, source: source, row: row, replacing: false)
        }
    }

    /// Replaces a live row's content with a changed staged record.
    func update(pk: Int64, source: String, staged: StagedRow, row: LiveRow, seq: Int64) throws {
        let columns = row.columns
        let update = RawStatement(try db.cachedStatement(sql: """
            UPDATE datasets SET content_hash = ?, record_json = ?, raw = ?, raw_format = ?, raw_encoding = ?,
                title_sort = ?, modified_sort = ?, publisher_key = ?, has_download = ?, updated_at = ?, last_run = ?,
                change_seq = ?, change_kind = 'updated', source_digest = ?
            WHERE pk = ?
            """))
        update.reset()
        try update.bind(1, staged.contentHash)
        try update.bind(2, staged.recordJSON)
        try update.bind(3, blob: staged.raw)
        try update.bind(4, staged.rawFormat)
        try update.bind(5, staged.rawEncoding)
        try update.bind(6, columns.title)
        try update.bind(7, columns.modified)
        try update.bind(8, columns.publisherKey)
        try update.bind(9, row.hasDownload)
        try update.bind(10, nowText)
        try update.bind(11, runID.rawValue)
        try update.bind(12, seq)
        try update.bind(13, staged.sourceDigest)
        try update.bind(14, pk)
        try update.run()
        try writeDerived(pk: pk, source: source, row: row, replacing: true)
    }

    /// Gives a live row whose content a run found unchanged the source digest it was read with, when it has one and
    /// the row holds another (or none: a row stored before digests were kept). No change is recorded, since nothing
    /// a reader sees changes.
    static func keepSourceDigest(_ db: Database, pk: Int64, digest: String?, live: String?) throws {
        guard let digest, digest != live else { return }
        try db.cachedStatement(sql: "UPDATE datasets SET source_digest = ? WHERE pk = ?").execute(arguments: [digest, pk])
    }

    /// Tombstones a live row: sets `deleted_at` and removes it from the index, the facets and the distributions.
    func tombstone(pk: Int64, seq: Int64) throws {
        try db.execute(sql: """
            UPDATE datasets SET deleted_at = ?, last_run = ?, change_seq = ?, change_kind = 'deleted', source_digest = NULL
            WHERE pk = ?
            """, arguments: [now, runID.rawValue, seq, pk])
        try removeDerived(pk: pk)
    }

    private func removeDerived(pk: Int64) throws {
        try db.execute(sql: "DELETE FROM datasets_fts WHERE rowid = ?", arguments: [pk])
        try db.execute(sql: "DELETE FROM dataset_terms WHERE dataset_pk = ?", arguments: [pk])
        try db.execute(sql: "DELETE FROM distributions WHERE dataset_pk = ?", arguments: [pk])
    }

    private func writeDerived(pk: Int64, source: String, row: LiveRow, replacing: Bool) throws {
        if replacing { try removeDerived(pk: pk) }
        let text = row.text
        let fullText = RawStatement(try db.cachedStatement(
            sql: "INSERT INTO datasets_fts (rowid, title, keywords, description, publisher) VALUES (?, ?, ?, ?, ?)"))
        fullText.reset()
        try fullText.bind(1, pk)
        try fullText.bind(2, text.title)
        try fullText.bind(3, text.keywords)
        try fullText.bind(4, text.description)
        try fullText.bind(5, text.publisher)
        try fullText.run()
        let terms = RawStatement(try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO dataset_terms (dataset_pk, facet, value) VALUES (?, ?, ?)"))
        func insertTerm(_ facet: String, _ value: String) throws {
            terms.reset()
            try terms.bind(1, pk)
            try terms.bind(2, facet)
            try terms.bind(3, value)
            try terms.run()
        }
        if !source.isEmpty { try insertTerm("source", source) }
        for term in row.terms {
            try insertTerm(term.facet, term.value)
        }
        let distributions = RawStatement(try db.cachedStatement(sql: """
            INSERT INTO distributions (dataset_pk, position, identifier, title, format_key, media_type, access_url, download_url)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """))
        for (position, distribution) in row.distributions.enumerated() {
            distributions.reset()
            try distributions.bind(1, pk)
            try distributions.bind(2, position)
            try distributions.bind(3, distribution.identifier)
            try distributions.bind(4, distribution.title)
            try distributions.bind(5, distribution.formatKey)
            try distributions.bind(6, distribution.mediaType)
            try distributions.bind(7, distribution.accessURL)
            try distributions.bind(8, distribution.downloadURL)
            try distributions.run()
        }
        if let publisher = row.publisher {
            let upsert = RawStatement(try db.cachedStatement(sql: """
                INSERT INTO publishers (key, iri, name_json, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET iri = excluded.iri, name_json = excluded.name_json, updated_at = excluded.updated_at
                WHERE excluded.name_json <> publishers.name_json OR excluded.iri IS NOT publishers.iri
                """))
            upsert.reset()
            try upsert.bind(1, publisher.key)
            try upsert.bind(2, publisher.iri)
            try upsert.bind(3, publisher.nameJSON)
            try upsert.bind(4, nowText)
            try upsert.run()
        }
    }
}

/// The denormalised sort and filter columns of a dataset.
struct SortColumns: Equatable, Sendable {
    var title: String
    var modified: String
    var publisherKey: String?
}

extension SortColumns {
    init(_ dataset: Dataset) {
        title = (dataset.title.best() ?? "").lowercased()
        modified = dataset.modified?.sortKey ?? dataset.issued?.sortKey ?? ""
        let key = dataset.publisher?.key ?? ""
        publisherKey = key.isEmpty ? nil : key
    }
}

/// The text of a dataset's full-text row: every language's values joined with newlines.
struct FullText: Equatable, Sendable {
    var title: String
    var keywords: String
    var description: String
    var publisher: String
}

extension FullText {
    init(_ dataset: Dataset) {
        title = FullText.join(dataset.title.allValues)
        keywords = FullText.join(dataset.keywords.map(\.value))
        description = FullText.join(dataset.description.allValues)
        publisher = FullText.join(dataset.publisher?.name.allValues ?? [])
    }
    /// Joins values with newlines; newlines inside a value and the store's marker characters become spaces,
    /// so the n-th line of a column is the n-th value.
    static func join(_ values: [String]) -> String {
        values.map { value in
            guard mayNeedCleaning(value) else { return value }
            return String(value.map { $0.isNewline || $0 == LiveWriter.markOpen || $0 == LiveWriter.markClose ? " " : $0 })
        }.joined(separator: "\n")
    }

    /// False when no byte of the text can begin a newline (U+000A–U+000D, U+0085, U+2028, U+2029) or a marker
    /// (U+E000, U+E001): most values, which are then used as they are instead of being rebuilt character by character.
    static func mayNeedCleaning(_ value: String) -> Bool {
        value.containsUTF8Byte { byte in
            switch byte {
            case 0x0A...0x0D, 0xC2, 0xE2, 0xEE: return true
            default: return false
            }
        }
    }
}

/// The facet values of a dataset, as stored in `dataset_terms`.
enum FacetTerms {
    /// Every facet term of the dataset except its source's name (`source`), which the writer adds.
    static func terms(of dataset: Dataset) -> [FacetTerm] {
        var terms: [FacetTerm] = []
        func add(_ facet: String, _ values: [String]) {
            for value in values where !value.isEmpty { terms.append(FacetTerm(facet: facet, value: value)) }
        }
        add("publisher", [dataset.publisher?.key ?? ""])
        add("theme", dataset.themeKeys)
        add("format", dataset.formatKeys)
        add("licence", dataset.licenseKeys)
        add("language", dataset.languageKeys)
        add("keyword", dataset.keywords.map { $0.value.lowercased() })
        return terms
    }
}
