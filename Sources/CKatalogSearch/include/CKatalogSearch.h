#ifndef CKATALOG_SEARCH_H
#define CKATALOG_SEARCH_H
#include <stdint.h>
#include <sqlite3.h>

/// The most phrases a ranked expression may have (the query parser allows 32 terms).
#define KATALOG_RANK_MAX_PHRASES 64
/// The most weighted columns.
#define KATALOG_RANK_MAX_COLUMNS 8
/// A row length the caller does not know; the function then asks FTS5 for it.
#define KATALOG_RANK_UNKNOWN_LENGTH UINT32_MAX

/// What `katalog_rank(fts_table, context)` reads, bound as an SQLite pointer of type "katalog_rank_context"
/// (`sqlite3_bind_pointer`). The caller owns it and keeps it alive and unchanged while the statement runs.
///
/// The function returns exactly what FTS5's built-in `bm25(fts_table, weights…)` returns (same formula,
/// same order of floating-point operations), but takes two inputs from the caller instead of the index:
/// - each phrase's document frequency (the rows matching that phrase alone), which `bm25` recounts by
///   running every phrase over the whole table for each query;
/// - each row's length in tokens, which `bm25` looks up in the `_docsize` table for every match.
typedef struct KatalogRankContext {
    /// Column weights, as bm25's extra arguments; columns past `column_count` weigh 1.0.
    double weights[KATALOG_RANK_MAX_COLUMNS];
    int column_count;
    /// The phrases the caller counted; when FTS5 reports another number, every frequency is recounted.
    int phrase_count;
    /// Per phrase: rows matching it alone, or a negative number when unknown (recounted with FTS5).
    int64_t document_frequency[KATALOG_RANK_MAX_PHRASES];
    /// Per rowid: the row's tokens in all columns, or KATALOG_RANK_UNKNOWN_LENGTH. May be NULL.
    const uint32_t *row_lengths;
    int64_t row_length_count;

    /// Filled by the function on its first call for the statement.
    int prepared;
    double average_length;
    double idf[KATALOG_RANK_MAX_PHRASES];
    /// Rows whose length had to be read from FTS5 (not in `row_lengths`); phrases recounted with FTS5.
    int64_t length_lookups;
    int64_t phrase_recounts;
} KatalogRankContext;

/// Registers the FTS5 auxiliary function `katalog_rank` on `db`. Returns an SQLite result code.
int katalog_rank_register(sqlite3 *db);

/// The pointer type name `katalog_rank` expects for its context argument.
extern const char *const katalog_rank_context_type;

/// Binds `context` to parameter `index` of `statement` as the function expects it.
int katalog_rank_bind_context(sqlite3_stmt *statement, int index, KatalogRankContext *context);
#endif
