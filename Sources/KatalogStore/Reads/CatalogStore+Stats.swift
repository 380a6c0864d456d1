import GRDB

/// A (source, status) pair for run totals.
public struct RunStatusKey: Hashable, Sendable {
    /// The source's name.
    public var source: String
    /// The run status, as stored.
    public var status: String
}

extension CatalogStore {
    /// How many runs each source has had, by status (for `/metrics`).
    public func runStatusCounts() async throws -> [RunStatusKey: Int] {
        try await read("counting runs") { db in
            var counts: [RunStatusKey: Int] = [:]
            let rows = try Row.fetchAll(db, sql: "SELECT source, status, COUNT(*) FROM runs GROUP BY source, status")
            for row in rows {
                counts[RunStatusKey(source: row[0], status: row[1])] = row[2]
            }
            return counts
        }
    }

    /// Live (not deleted) datasets per source.
    public func datasetCountsBySource() async throws -> [String: Int] {
        try await recordCountsBySource().mapValues(\.live)
    }

    /// Per source: its live records, and how many of them are folded into another source's record of the same
    /// dataset (see ``SameDatasetKey``), in one pass.
    public func recordCountsBySource() async throws -> [String: SourceRecordCounts] {
        try await read("counting datasets by source") { db in
            var counts: [String: SourceRecordCounts] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT source, COUNT(*), COUNT(shown_as) FROM datasets WHERE deleted_at IS NULL GROUP BY source
                """) {
                counts[row[0]] = SourceRecordCounts(live: row[1], folded: row[2])
            }
            return counts
        }
    }
}

extension CatalogStore {
    /// One source's live records, and how many of them are folded into another source's record of the same dataset.
    public func recordCounts(source: String) async throws -> SourceRecordCounts {
        try await read("counting a source's datasets", context: ["source": source]) { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*), COUNT(shown_as) FROM datasets WHERE source = ? AND deleted_at IS NULL
                """, arguments: [source])
            return SourceRecordCounts(live: row?[0] ?? 0, folded: row?[1] ?? 0)
        }
    }
}

/// A source's live records, and those of them another source's record of the same dataset stands for in searches.
public struct SourceRecordCounts: Hashable, Sendable {
    /// Live (not deleted) records.
    public var live: Int
    /// Live records folded into another source's record of the same dataset.
    public var folded: Int
}
