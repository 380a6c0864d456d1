// katalog_rank: FTS5's bm25 with the two costly inputs supplied by the caller. See CKatalogSearch.h.
//
// The arithmetic follows SQLite's fts5_aux.c (fts5Bm25Function and fts5Bm25GetData) step for step so that
// the result is bit-for-bit the same double: pages ranked by this function and pages ranked by SQL's bm25
// continue each other through one search cursor.
#include "CKatalogSearch.h"
#include <math.h>
#include <string.h>

const char *const katalog_rank_context_type = "katalog_rank_context";

static int count_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *user) {
    (void)api;
    (void)fts;
    (*(int64_t *)user)++;
    return SQLITE_OK;
}

static int prepare(const Fts5ExtensionApi *api, Fts5Context *fts, KatalogRankContext *context) {
    int phrases = api->xPhraseCount(fts);
    if (phrases > KATALOG_RANK_MAX_PHRASES) return SQLITE_RANGE;
    sqlite3_int64 rows = 0;
    sqlite3_int64 tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc != SQLITE_OK) return rc;
    context->average_length = (double)tokens / (double)rows;
    int known = phrases == context->phrase_count;
    for (int phrase = 0; phrase < phrases; phrase++) {
        sqlite3_int64 hits = known ? context->document_frequency[phrase] : -1;
        if (hits < 0) {
            int64_t counted = 0;
            rc = api->xQueryPhrase(fts, phrase, &counted, count_row);
            if (rc != SQLITE_OK) return rc;
            hits = counted;
            context->phrase_recounts++;
        }
        // As bm25: IDF = log((N - n + 0.5) / (n + 0.5)), clamped to a small positive value.
        double idf = log((rows - hits + 0.5) / (hits + 0.5));
        if (idf <= 0.0) idf = 1e-6;
        context->idf[phrase] = idf;
    }
    context->phrase_count = phrases;
    context->prepared = 1;
    return SQLITE_OK;
}

static void katalog_rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *result,
                         int argumentCount, sqlite3_value **arguments) {
    KatalogRankContext *context = argumentCount == 1
        ? (KatalogRankContext *)sqlite3_value_pointer(arguments[0], katalog_rank_context_type) : NULL;
    if (context == NULL) {
        sqlite3_result_error(result, "katalog_rank needs one argument: a bound katalog_rank_context", -1);
        return;
    }
    int rc = SQLITE_OK;
    if (!context->prepared) rc = prepare(api, fts, context);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(result, rc);
        return;
    }
    const double k1 = 1.2;
    const double b = 0.75;
    double frequency[KATALOG_RANK_MAX_PHRASES];
    memset(frequency, 0, sizeof(double) * (size_t)context->phrase_count);
    int instances = 0;
    rc = api->xInstCount(fts, &instances);
    for (int i = 0; rc == SQLITE_OK && i < instances; i++) {
        int phrase, column, offset;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc == SQLITE_OK && phrase < context->phrase_count) {
            double weight = column < context->column_count ? context->weights[column] : 1.0;
            frequency[phrase] += weight;
        }
    }
    double length = 0;
    if (rc == SQLITE_OK) {
        sqlite3_int64 rowid = api->xRowid(fts);
        uint32_t known = KATALOG_RANK_UNKNOWN_LENGTH;
        if (context->row_lengths != NULL && rowid >= 0 && rowid < context->row_length_count) {
            known = context->row_lengths[rowid];
        }
        if (known != KATALOG_RANK_UNKNOWN_LENGTH) {
            length = (double)(int)known;
        } else {
            int tokens = 0;
            rc = api->xColumnSize(fts, -1, &tokens);
            length = (double)tokens;
            context->length_lookups++;
        }
    }
    double score = 0.0;
    for (int phrase = 0; rc == SQLITE_OK && phrase < context->phrase_count; phrase++) {
        score += context->idf[phrase] * (
            (frequency[phrase] * (k1 + 1.0)) /
            (frequency[phrase] + k1 * (1 - b + b * length / context->average_length))
        );
    }
    if (rc == SQLITE_OK) {
        sqlite3_result_double(result, -1.0 * score);
    } else {
        sqlite3_result_error_code(result, rc);
    }
}

int katalog_rank_register(sqlite3 *db) {
    fts5_api *api = NULL;
    sqlite3_stmt *statement = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(statement);
    rc = sqlite3_finalize(statement);
    if (rc != SQLITE_OK) return rc;
    if (api == NULL || api->iVersion < 2) return SQLITE_ERROR;
    return api->xCreateFunction(api, "katalog_rank", NULL, katalog_rank, NULL);
}

int katalog_rank_bind_context(sqlite3_stmt *statement, int index, KatalogRankContext *context) {
    return sqlite3_bind_pointer(statement, index, context, katalog_rank_context_type, NULL);
}
