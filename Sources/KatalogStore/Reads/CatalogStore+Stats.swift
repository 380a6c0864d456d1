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
        try await read("counting datasets by source") { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT source, COUNT(*) FROM datasets WHERE deleted_at IS NULL GROUP BY source") {
                counts[row[0]] = row[1]
            }
            return counts
        }
    }
}
