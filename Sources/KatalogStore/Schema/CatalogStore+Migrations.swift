import Foundation
import GRDB

extension CatalogStore {
    /// The schema's migrations. A migration is never edited once shipped: add a new one instead.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: schemaV1)
        }
        migrator.registerMigration("v2-document-digest") { db in
            // A document's SHA-256 and the mapping it was applied with: an unchanged body from a server that sends
            // no validators ends the run without parsing, and a new mapping never trusts an old validator.
            try db.execute(sql: """
                ALTER TABLE http_validators ADD COLUMN content_sha256 TEXT;
                ALTER TABLE http_validators ADD COLUMN mapping TEXT;
                """)
        }
        migrator.registerMigration("v3-run-listing") { db in
            // The identifiers a running run has seen, kept on disk rather than in the harvester's memory, so a run
            // of a million datasets needs no more memory than one of a thousand. Dropped when the run ends.
            try db.execute(sql: """
                CREATE TABLE run_seen (
                    run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                    source_identifier TEXT NOT NULL,
                    PRIMARY KEY (run_id, source_identifier)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v4-staged-live-row") { db in
            // The rows a staged record becomes in the live tables, computed when it is staged, so the apply step
            // (which holds the write transaction) decodes no JSON. NULL for rows staged before.
            try db.execute(sql: "ALTER TABLE staged_records ADD COLUMN live_row BLOB")
        }
        migrator.registerMigration("v5-run-scratch") { db in
            // Staged records and seen identifiers live in the run scratch, a file of the writer's own (see
            // RunScratch), so they no longer pass through the catalogue's WAL. A run still running while this
            // migration ran (in another, older process) loses its staging and fails at its next write.
            try db.execute(sql: "DROP TABLE staged_records; DROP TABLE run_seen")
        }
        migrator.registerMigration("v6-raw-encoding") { db in
            // Raw records are stored zlib-compressed when that makes them smaller (see RawCompression); NULL for
            // a record stored as it came, as every record stored before was.
            try db.execute(sql: "ALTER TABLE datasets ADD COLUMN raw_encoding TEXT")
        }
        migrator.registerMigration("v7-source-digest") { db in
            // What the mapper read from the source for a record, hashed under the mapping fingerprint (see
            // PreparedRecord.sourceDigest); NULL when unknown, as for every record stored before: such a record is
            // mapped on its next harvest and gets one.
            try db.execute(sql: "ALTER TABLE datasets ADD COLUMN source_digest TEXT")
            // A harvest reads the digests of every dataset it lists; this index answers that without reading the
            // dataset rows (several pages each: the digest is their last column). A tombstone has no digest.
            try db.execute(sql: """
                CREATE INDEX datasets_source_digests ON datasets (source, source_identifier, source_digest)
                WHERE source_digest IS NOT NULL
                """)
            // A digest stands for the content it was stored with. A writer that changes the content or tombstones
            // the row without setting a digest (an older Katalog still running against this catalogue) leaves a
            // digest that no longer does: it is cleared, so the record is mapped again on its next harvest.
            try db.execute(sql: """
                CREATE TRIGGER datasets_source_digest_follows_content
                AFTER UPDATE OF content_hash, deleted_at ON datasets
                WHEN NEW.source_digest IS NOT NULL AND NEW.source_digest IS OLD.source_digest
                    AND (NEW.content_hash IS NOT OLD.content_hash OR NEW.deleted_at IS NOT NULL)
                BEGIN
                    UPDATE datasets SET source_digest = NULL WHERE pk = NEW.pk;
                END
                """)
        }
        migrator.registerMigration("v8-read-indexes") { db in
            // `changeSequence(before:)` finds the first change at or after a time (`/api/v1/changes?since=<time>`,
            // the CKAN API's `metadata_modified:[time TO *]`). Without this index it read every row before that
            // change, blobs and all: seconds on a large catalogue. A run's rows share its time and take rising
            // change numbers, so new entries go to the end of the index.
            try db.execute(sql: """
                CREATE INDEX datasets_by_change_time ON datasets (COALESCE(deleted_at, updated_at), change_seq)
                """)
            // Live datasets in id order (the id sort, the CKAN API's `package_list` and `start` offsets, exports):
            // without it, skipping n datasets read n rows to learn whether each is deleted (`deleted_at` lies after
            // the record's blobs).
            try db.execute(sql: "CREATE INDEX datasets_live_by_id ON datasets (id) WHERE deleted_at IS NULL")
            // The same for the changed sort (the CKAN API's default without words, `metadata_modified desc`);
            // `datasets_by_change` keeps tombstones for the change feed.
            try db.execute(sql: "CREATE INDEX datasets_live_by_change ON datasets (change_seq) WHERE deleted_at IS NULL")
        }
        migrator.registerMigration("v9-same-dataset") { db in
            // One dataset carried by several sources (an aggregator republishing a publisher's catalogue) is shown
            // once: see SameDatasetElection. Sources get a priority for choosing the record shown; a live record
            // folded into another's has `shown_as` set and no full-text or facet rows.
            try db.execute(sql: """
                ALTER TABLE sources ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE datasets ADD COLUMN shown_as INTEGER;
                CREATE TABLE dataset_iri_keys (
                    pk INTEGER PRIMARY KEY REFERENCES datasets (pk) ON DELETE CASCADE,
                    key TEXT NOT NULL
                );
                CREATE INDEX dataset_iri_keys_by_key ON dataset_iri_keys (key);
                """)
            // The live-only indexes leave folded records out too, so listings and deep pages of shown datasets still
            // skip rows without reading them. Same names, so the queries that name them keep working.
            try db.execute(sql: """
                DROP INDEX datasets_by_modified;
                CREATE INDEX datasets_by_modified ON datasets (modified_sort, id) WHERE deleted_at IS NULL AND shown_as IS NULL;
                DROP INDEX datasets_by_title;
                CREATE INDEX datasets_by_title ON datasets (title_sort, id) WHERE deleted_at IS NULL AND shown_as IS NULL;
                DROP INDEX datasets_live_by_id;
                CREATE INDEX datasets_live_by_id ON datasets (id) WHERE deleted_at IS NULL AND shown_as IS NULL;
                DROP INDEX datasets_live_by_change;
                CREATE INDEX datasets_live_by_change ON datasets (change_seq) WHERE deleted_at IS NULL AND shown_as IS NULL;
                """)
            // The keys of the records already stored, from their JSON, then one election per shared key.
            let iris = try Row.fetchCursor(db, sql: """
                SELECT pk, iif(json_valid(record_json), json_extract(record_json, '$.iri'), NULL)
                FROM datasets WHERE deleted_at IS NULL
                """)
            while let row = try iris.next() {
                if let key = SameDatasetKey.make(row[1]) { try SameDatasetElection.setKey(db, pk: row[0], key: key) }
            }
            try SameDatasetElection.elect(db, keys: SameDatasetElection.allSharedKeys(db), now: Date())
        }
        migrator.registerMigration("v10-incremental-listings") { db in
            // Sources that can list only what changed since a time (OAI-PMH `from`): a run records the lower bound it
            // asked for (NULL for a run that listed the whole source), and each source keeps the point its next
            // incremental run starts from, set by the last run that read its listing to the end and applied it in full.
            try db.execute(sql: """
                ALTER TABLE runs ADD COLUMN changes_since TEXT;
                CREATE TABLE listing_marks (
                    source TEXT PRIMARY KEY,
                    mark TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    full_listing_at TEXT NOT NULL,
                    run_id INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("v11-distribution-identifiers") { db in
            // CKAN's resource_show finds a distribution by the identifier its source gave it (a CKAN resource id).
            try db.execute(sql: "CREATE INDEX distributions_by_identifier ON distributions (identifier) WHERE identifier IS NOT NULL")
        }
        migrator.registerMigration("v12-publisher-aliases") { db in
            // Publishers known only by name under the one publisher with an IRI and the same name (PublisherAliases);
            // terms_epoch moves when terms of unchanged datasets are rewritten, so in-memory copies are read again.
            try db.execute(sql: """
                CREATE TABLE publisher_aliases (
                    key TEXT PRIMARY KEY,
                    target TEXT NOT NULL
                ) WITHOUT ROWID;
                ALTER TABLE store_state ADD COLUMN terms_epoch INTEGER NOT NULL DEFAULT 0;
                """)
            try PublisherAliases.reconcile(db)
        }
        migrator.registerMigration("v13-download-index") { db in
            // `has_download` listings and counts: the shown datasets with (or without) a download URL, read from this
            // index alone (the pk is in it) instead of from every dataset row, a page each of JSON and raw bytes.
            try db.execute(sql: """
                CREATE INDEX IF NOT EXISTS datasets_live_by_download ON datasets (has_download) WHERE deleted_at IS NULL AND shown_as IS NULL
                """)
        }
        return migrator
    }

    /// The first schema. Times are GRDB date strings (`YYYY-MM-DD HH:MM:SS.SSS`, UTC), which sort as text.
    private static let schemaV1 = """
        CREATE TABLE store_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            change_seq INTEGER NOT NULL
        );
        INSERT INTO store_state (id, change_seq) VALUES (1, 0);

        CREATE TABLE sources (
            name TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            url TEXT NOT NULL,
            first_seen TEXT NOT NULL
        );

        CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL,
            kind TEXT NOT NULL,
            url TEXT NOT NULL,
            status TEXT NOT NULL,
            started_at TEXT NOT NULL,
            heartbeat_at TEXT NOT NULL,
            ended_at TEXT,
            is_complete INTEGER,
            fetched INTEGER NOT NULL DEFAULT 0,
            added INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            deleted INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0,
            errored INTEGER NOT NULL DEFAULT 0,
            held_deletions INTEGER,
            message TEXT,
            owner_host TEXT,
            owner_pid INTEGER
        );
        CREATE INDEX runs_by_source ON runs (source, id);
        CREATE INDEX runs_by_status ON runs (status);

        CREATE TABLE run_errors (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            subject TEXT NOT NULL,
            cause TEXT NOT NULL,
            PRIMARY KEY (run_id, position)
        ) WITHOUT ROWID;

        CREATE TABLE staged_records (
            run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            source_identifier TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            record_json TEXT NOT NULL,
            raw BLOB NOT NULL,
            raw_format TEXT NOT NULL,
            PRIMARY KEY (run_id, source_identifier)
        );

        CREATE TABLE datasets (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            source_identifier TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            record_json TEXT NOT NULL,
            raw BLOB NOT NULL,
            raw_format TEXT NOT NULL,
            title_sort TEXT NOT NULL,
            modified_sort TEXT NOT NULL,
            publisher_key TEXT,
            has_download INTEGER NOT NULL,
            first_seen TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT,
            last_run INTEGER,
            change_seq INTEGER NOT NULL,
            change_kind TEXT NOT NULL,
            UNIQUE (source, source_identifier)
        );
        CREATE INDEX datasets_by_modified ON datasets (modified_sort, id) WHERE deleted_at IS NULL;
        CREATE INDEX datasets_by_title ON datasets (title_sort, id) WHERE deleted_at IS NULL;
        CREATE INDEX datasets_by_change ON datasets (change_seq);
        CREATE INDEX datasets_by_deletion ON datasets (source, deleted_at);

        CREATE TABLE distributions (
            dataset_pk INTEGER NOT NULL REFERENCES datasets (pk) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            identifier TEXT,
            title TEXT,
            format_key TEXT,
            media_type TEXT,
            access_url TEXT,
            download_url TEXT,
            PRIMARY KEY (dataset_pk, position)
        ) WITHOUT ROWID;
        CREATE INDEX distributions_by_format ON distributions (format_key);

        CREATE TABLE dataset_terms (
            dataset_pk INTEGER NOT NULL REFERENCES datasets (pk) ON DELETE CASCADE,
            facet TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (facet, value, dataset_pk)
        ) WITHOUT ROWID;
        CREATE INDEX dataset_terms_by_dataset ON dataset_terms (dataset_pk);

        CREATE TABLE publishers (
            key TEXT PRIMARY KEY,
            iri TEXT,
            name_json TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );

        CREATE VIRTUAL TABLE datasets_fts USING fts5 (
            title, keywords, description, publisher,
            tokenize = 'unicode61 remove_diacritics 2'
        );

        CREATE TABLE http_validators (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            updated_at TEXT NOT NULL
        );
        """
}
