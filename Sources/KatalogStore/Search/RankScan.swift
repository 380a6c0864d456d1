import CKatalogSearch
import GRDB
import GRDBSQLite

/// Every full-text match of an expression with its BM25 rank, read in one pass for the in-memory search path.
///
/// The rank is FTS5's own `bm25(datasets_fts, 10, 5, 2, 1)`, bit for bit, computed by the `katalog_rank`
/// auxiliary function (C, `CKatalogSearch`) from two inputs `bm25` would fetch for itself at a cost that
/// grows with the match set:
/// - each row's length in tokens, which `bm25` reads from `datasets_fts_docsize` with one B-tree lookup per
///   match (about two thirds of its time on a common word); here it comes from ``FacetIndex/rowLengths``;
/// - each phrase's document frequency, which `bm25` recounts for every query by running each phrase over
///   the whole table (tens of milliseconds for a common word, even when the query's other word is rare);
///   here it comes from ``TermStatistics``, counted once per catalogue version.
/// Either input may be missing; the function then asks FTS5, so the rank never depends on them being there.
enum RankScan {
    /// Column weights of `datasets_fts` (title, keywords, description, publisher), as in the SQL plans.
    static let weights: [Double] = [10.0, 5.0, 2.0, 1.0]

    static let sql = "SELECT rowid, katalog_rank(datasets_fts, ?2) FROM datasets_fts WHERE datasets_fts MATCH ?1"

    /// Registers `katalog_rank` on a new connection.
    static func register(_ db: Database) throws {
        guard let connection = db.sqliteConnection else { return }
        let code = katalog_rank_register(connection)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: "registering the katalog_rank full-text function failed")
        }
    }

    /// What the last scan needed from FTS5 itself (zero when memory supplied everything).
    struct Fallbacks: Equatable {
        /// Rows whose length was read from `datasets_fts_docsize`.
        var lengthLookups: Int64
        /// Phrases whose document frequency was recounted.
        var phraseRecounts: Int64
    }

    /// Calls `body` with each match's rowid and rank, in rowid order.
    /// - Parameters:
    ///   - frequencies: per phrase of `expression` in FTS5's order (``QueryParser/phrases(_:)``), the rows
    ///     matching it alone, or nil to let FTS5 count them.
    ///   - rowLengths: per rowid, the row's tokens in all columns (`KATALOG_RANK_UNKNOWN_LENGTH` when unknown).
    ///   - weights: the column weights, as `bm25`'s extra arguments (at most `KATALOG_RANK_MAX_COLUMNS`).
    @discardableResult
    static func scan(_ db: Database, expression: String, frequencies: [Int64]?, rowLengths: [UInt32],
                     weights: [Double] = RankScan.weights, _ body: (Int64, Double) throws -> Void) throws -> Fallbacks {
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database connection is closed", sql: sql)
        }
        var context = KatalogRankContext()
        withUnsafeMutableBytes(of: &context.weights) { raw in
            let slots = raw.bindMemory(to: Double.self)
            for (column, weight) in weights.enumerated() where column < slots.count { slots[column] = weight }
        }
        context.column_count = Int32(min(weights.count, Int(KATALOG_RANK_MAX_COLUMNS)))
        if let frequencies, frequencies.count <= Int(KATALOG_RANK_MAX_PHRASES) {
            context.phrase_count = Int32(frequencies.count)
            withUnsafeMutableBytes(of: &context.document_frequency) { raw in
                let slots = raw.bindMemory(to: Int64.self)
                for (phrase, frequency) in frequencies.enumerated() { slots[phrase] = frequency }
            }
        } else {
            context.phrase_count = -1
        }
        var statement: OpaquePointer?
        var code = sqlite3_prepare_v3(connection, sql, -1, 0, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw error(connection, code)
        }
        defer { sqlite3_finalize(statement) }
        try expression.withCString { text in
            try rowLengths.withUnsafeBufferPointer { lengths in
                context.row_lengths = lengths.baseAddress
                context.row_length_count = Int64(lengths.count)
                defer { context.row_lengths = nil }
                try withUnsafeMutablePointer(to: &context) { pointer in
                    // SQLITE_STATIC: the text and the context outlive the statement's execution.
                    code = sqlite3_bind_text(statement, 1, text, -1, nil)
                    guard code == SQLITE_OK else { throw error(connection, code) }
                    code = katalog_rank_bind_context(statement, 2, pointer)
                    guard code == SQLITE_OK else { throw error(connection, code) }
                    while true {
                        code = sqlite3_step(statement)
                        guard code == SQLITE_ROW else { break }
                        try body(sqlite3_column_int64(statement, 0), sqlite3_column_double(statement, 1))
                    }
                    guard code == SQLITE_DONE else { throw error(connection, code) }
                    // Unbind before the context goes out of scope.
                    sqlite3_reset(statement)
                    sqlite3_clear_bindings(statement)
                }
            }
        }
        return Fallbacks(lengthLookups: context.length_lookups, phraseRecounts: context.phrase_recounts)
    }

    private static func error(_ connection: OpaquePointer, _ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }
}

/// Per catalogue version, how many rows match each phrase alone (the document frequencies BM25 weighs
/// phrases by). Counting one costs a pass over the phrase's postings; words recur across queries far more
/// than whole queries do, so each is counted once per version. Bounded; a new version drops every entry.
final class TermStatistics: Sendable {
    private let counts: VersionedCache<String, Int64>

    init(capacity: Int) {
        counts = VersionedCache(capacity: capacity)
    }

    /// The document frequency of each phrase (quoted FTS5 strings), counted in `db` when not kept.
    func frequencies(of phrases: [String], version: Int64, in db: Database) throws -> [Int64] {
        try phrases.map { phrase in
            if let kept = counts.value(for: phrase, version: version) { return kept }
            let counted = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM datasets_fts WHERE datasets_fts MATCH ?",
                                             arguments: [phrase]) ?? 0
            counts.keep(counted, for: phrase, version: version)
            return counted
        }
    }

    /// Phrases kept now.
    var count: Int { counts.count }
}
