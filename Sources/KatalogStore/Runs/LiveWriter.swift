import Foundation
import GRDB
import KatalogModel
import KatalogRDF

/// Writes live rows (dataset, distributions, facet terms, publisher, full-text row) inside an open write transaction.
struct LiveWriter {
    let db: Database
    let runID: RunID
    /// The run's time as every written row stores it (GRDB's text form of a date), formatted once rather than per row.
    private let nowText: String

    /// `date` as the rows store it.
    static func text(_ date: Date) -> String {
        String.fromDatabaseValue(date.databaseValue) ?? ""
    }

    init(db: Database, now: Date, runID: RunID) {
        self.db = db
        self.runID = runID
        nowText = LiveWriter.text(now)
    }

    /// Private-use characters the store uses internally to mark highlights; stripped from indexed text.
    static let markOpen: Character = "\u{E000}"
    static let markClose: Character = "\u{E001}"

    /// Inserts a new live row (or revives a tombstoned one) for a staged record.
    ///
    /// A record whose dataset another live record already has (``SameDatasetKey``) is written folded, without search
    /// rows; the key it returns must then be elected (``SameDatasetElection``) before the transaction ends.
    func insert(source: String, staged: StagedRow, row: LiveRow, seq: Int64, revive pk: Int64?) throws -> String? {
        let key = row.sameAsKey
        let foldInto = try key.flatMap { try SameDatasetElection.otherMember(db, key: $0, excluding: pk) }
        let written: Int64
        if let pk {
            try rewrite(pk: pk, staged: staged, row: row, seq: seq, reviving: true, shownAs: foldInto)
            written = pk
        } else {
            let insert = RawStatement(try db.cachedStatement(sql: LiveWriter.insertSQL))
            insert.reset()
            try insert.bind(1, DatasetID.make(source: source, sourceIdentifier: staged.sourceIdentifier))
            try insert.bind(2, source)
            try insert.bind(3, staged.sourceIdentifier)
            var next = try bindContent(insert, from: 4, staged: staged, row: row)
            try insert.bind(next.advance(), nowText)
            try insert.bind(next.advance(), nowText)
            try insert.bind(next.advance(), runID.rawValue)
            try insert.bind(next.advance(), seq)
            try insert.bind(next.advance(), staged.sourceDigest)
            try insert.bind(next.advance(), foldInto)
            try insert.run()
            written = db.lastInsertedRowID
        }
        if foldInto == nil {
            try LiveWriter.writeSearchRows(db, pk: written, sources: [source], row: row, nowText: nowText)
        }
        if let key { try SameDatasetElection.setKey(db, pk: written, key: key) }
        try writeDistributions(pk: written, row: row, replacing: false)
        return foldInto == nil ? nil : key
    }

    /// Replaces a live row's content with a changed staged record. `liveKey` and `liveShownAs` are the row's
    /// ``SameDatasetKey`` and `shown_as` before; returns the keys whose groups must be elected.
    func update(pk: Int64, source: String, staged: StagedRow, row: LiveRow, seq: Int64, liveKey: String?,
                liveShownAs: Int64?) throws -> [String] {
        try rewrite(pk: pk, staged: staged, row: row, seq: seq, reviving: false)
        let key = row.sameAsKey
        if key != liveKey { try SameDatasetElection.setKey(db, pk: pk, key: key) }
        var elect: [String] = []
        if liveShownAs == nil {
            try LiveWriter.removeSearchRows(db, pk: pk)
            try LiveWriter.writeSearchRows(db, pk: pk, sources: [source], row: row, nowText: nowText)
            if let key, try SameDatasetElection.otherMember(db, key: key, excluding: pk) != nil { elect.append(key) }
        } else if let key {
            elect.append(key)
        } else {
            // Folded, and now without a key: it stands alone.
            try LiveWriter.writeSearchRows(db, pk: pk, sources: [source], row: row, nowText: nowText)
            try db.cachedStatement(sql: "UPDATE datasets SET shown_as = NULL WHERE pk = ?").execute(arguments: [pk])
        }
        if let liveKey, liveKey != key { elect.append(liveKey) }
        try writeDistributions(pk: pk, row: row, replacing: true)
        return elect
    }

    /// Writes a staged record's content over row `pk`: as an update, or reviving a tombstone (a change of kind `added`).
    /// `shownAs` is the revived row's `shown_as` (an update keeps the row's own).
    private func rewrite(pk: Int64, staged: StagedRow, row: LiveRow, seq: Int64, reviving: Bool, shownAs: Int64? = nil) throws {
        let statement = RawStatement(try db.cachedStatement(sql: reviving ? LiveWriter.reviveSQL : LiveWriter.updateSQL))
        statement.reset()
        var next = try bindContent(statement, from: 1, staged: staged, row: row)
        try statement.bind(next.advance(), nowText)
        if reviving { try statement.bind(next.advance(), shownAs) }
        try statement.bind(next.advance(), runID.rawValue)
        try statement.bind(next.advance(), seq)
        try statement.bind(next.advance(), staged.sourceDigest)
        try statement.bind(next.advance(), pk)
        try statement.run()
    }

    /// The `datasets` columns a record's content sets, in the order ``bindContent(_:from:staged:row:)`` binds them.
    private static let contentColumns = ["content_hash", "record_json", "raw", "raw_format", "raw_encoding", "title_sort",
                                         "modified_sort", "publisher_key", "has_download"]
    private static let insertSQL = """
        INSERT INTO datasets (id, source, source_identifier, \(contentColumns.joined(separator: ", ")),
            first_seen, updated_at, deleted_at, last_run, change_seq, change_kind, source_digest, shown_as)
        VALUES (?, ?, ?, \(contentColumns.map { _ in "?" }.joined(separator: ", ")), ?, ?, NULL, ?, ?, 'added', ?, ?)
        """
    private static let updateSQL = rewriteSQL(clearing: "", kind: "updated")
    private static let reviveSQL = rewriteSQL(clearing: " deleted_at = NULL, shown_as = ?,", kind: "added")
    private static func rewriteSQL(clearing: String, kind: String) -> String {
        """
        UPDATE datasets SET \(contentColumns.map { "\($0) = ?" }.joined(separator: ", ")), updated_at = ?,\(clearing)
            last_run = ?, change_seq = ?, change_kind = '\(kind)', source_digest = ?
        WHERE pk = ?
        """
    }

    /// Binds ``contentColumns`` from parameter `first` on; returns the parameter after them.
    private func bindContent(_ statement: RawStatement, from first: Int32, staged: StagedRow, row: LiveRow) throws -> Parameter {
        var next = Parameter(first)
        try statement.bind(next.advance(), staged.contentHash)
        try statement.bind(next.advance(), staged.recordJSON)
        try statement.bind(next.advance(), blob: staged.raw)
        try statement.bind(next.advance(), staged.rawFormat)
        try statement.bind(next.advance(), staged.rawEncoding)
        try statement.bind(next.advance(), row.columns.title)
        try statement.bind(next.advance(), row.columns.modified)
        try statement.bind(next.advance(), row.columns.publisherKey)
        try statement.bind(next.advance(), row.hasDownload)
        return next
    }

    /// Numbers a statement's parameters in order.
    private struct Parameter {
        private var index: Int32
        init(_ first: Int32) { index = first }
        /// The current parameter; the next call gives the one after.
        mutating func advance() -> Int32 {
            defer { index += 1 }
            return index
        }
    }

    /// Gives a live row whose content a run found unchanged the source digest it was read with, when it has one and
    /// the row holds another (or none: a row stored before digests were kept). No change is recorded, since nothing
    /// a reader sees changes.
    static func keepSourceDigest(_ db: Database, pk: Int64, digest: String?, live: String?) throws {
        guard let digest, digest != live else { return }
        try db.cachedStatement(sql: "UPDATE datasets SET source_digest = ? WHERE pk = ?").execute(arguments: [digest, pk])
    }

    /// Tombstones a live row: sets `deleted_at` and removes it from the index, the facets, the distributions and its
    /// dataset's group. Returns the key whose group must be elected, if the row had one.
    func tombstone(pk: Int64, seq: Int64) throws -> String? {
        let key = try String.fetchOne(db, sql: "SELECT key FROM dataset_iri_keys WHERE pk = ?", arguments: [pk])
        try db.execute(sql: """
            UPDATE datasets SET deleted_at = ?, last_run = ?, change_seq = ?, change_kind = 'deleted', source_digest = NULL,
                shown_as = NULL
            WHERE pk = ?
            """, arguments: [nowText, runID.rawValue, seq, pk])
        try LiveWriter.removeSearchRows(db, pk: pk)
        try db.execute(sql: "DELETE FROM distributions WHERE dataset_pk = ?", arguments: [pk])
        try SameDatasetElection.setKey(db, pk: pk, key: nil)
        return key
    }

    /// Removes a record's full-text row and facet terms: what searches find it by.
    static func removeSearchRows(_ db: Database, pk: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM datasets_fts WHERE rowid = ?").execute(arguments: [pk])
        try db.cachedStatement(sql: "DELETE FROM dataset_terms WHERE dataset_pk = ?").execute(arguments: [pk])
    }

    /// Writes a shown record's full-text row and facet terms, and its publisher's names (the facet's labels); `sources`
    /// are its `source` terms (its own source, or every source that carries its dataset).
    static func writeSearchRows(_ db: Database, pk: Int64, sources: [String], row: LiveRow, nowText: String) throws {
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
        let terms = try termStatement(db)
        for source in sources where !source.isEmpty {
            try insertTerm(terms, pk: pk, facet: "source", value: source)
        }
        for term in row.terms {
            // A publisher known by name alone may stand for a publisher with an IRI (PublisherAliases).
            let value = term.facet == "publisher" ? try PublisherAliases.canonical(db, term.value) : term.value
            try insertTerm(terms, pk: pk, facet: term.facet, value: value)
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

    /// Makes a shown record's `source` terms `sources`; returns false when they were already.
    static func replaceSourceTerms(_ db: Database, pk: Int64, sources: [String]) throws -> Bool {
        let current = try String.fetchAll(
            db.cachedStatement(sql: "SELECT value FROM dataset_terms WHERE dataset_pk = ? AND facet = 'source'"), arguments: [pk])
        guard current.sorted() != sources.sorted() else { return false }
        try db.cachedStatement(sql: "DELETE FROM dataset_terms WHERE dataset_pk = ? AND facet = 'source'").execute(arguments: [pk])
        let terms = try termStatement(db)
        for source in sources where !source.isEmpty {
            try insertTerm(terms, pk: pk, facet: "source", value: source)
        }
        return true
    }

    private static func termStatement(_ db: Database) throws -> RawStatement {
        RawStatement(try db.cachedStatement(sql: "INSERT OR IGNORE INTO dataset_terms (dataset_pk, facet, value) VALUES (?, ?, ?)"))
    }

    private static func insertTerm(_ statement: RawStatement, pk: Int64, facet: String, value: String) throws {
        statement.reset()
        try statement.bind(1, pk)
        try statement.bind(2, facet)
        try statement.bind(3, value)
        try statement.run()
    }

    /// Writes a live record's distribution rows, which folded records keep too.
    private func writeDistributions(pk: Int64, row: LiveRow, replacing: Bool) throws {
        if replacing { try db.execute(sql: "DELETE FROM distributions WHERE dataset_pk = ?", arguments: [pk]) }
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
