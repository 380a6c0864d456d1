import Foundation
import GRDB

/// A source as a catalogue file records it, read without opening the catalogue as a store.
public struct CatalogSourceSummary: Sendable, Hashable {
    /// The source's name, as its runs record it.
    public var name: String
    /// Its live datasets.
    public var liveDatasets: Int
    /// When its newest run started; nil when it has none.
    public var lastRunStart: Date?
}

extension CatalogStore {
    /// Every source with runs or datasets in the catalogue at `path`, by name, read without opening it as a store: no
    /// migration runs and nothing is written, so a newer `katalog` may look at a catalogue an older one still serves
    /// (`katalog check-config`). Throws ``StoreError`` `.notFound` when there is no file.
    public static func sourceSummaries(readingOnly path: String) throws -> [String: CatalogSourceSummary] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.notFound, "there is no catalogue at \(path)", context: ["path": path])
        }
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.inDatabase { db in
                // `datasets` (`source`, `deleted_at`) and `runs` (`source`, `started_at`) are in every version of the schema.
                let rows = try Row.fetchAll(db, sql: """
                    SELECT s.source AS name,
                           (SELECT COUNT(*) FROM datasets d WHERE d.source = s.source AND d.deleted_at IS NULL) AS live,
                           (SELECT started_at FROM runs r WHERE r.source = s.source ORDER BY r.id DESC LIMIT 1) AS started
                    FROM (SELECT DISTINCT source FROM runs UNION SELECT DISTINCT source FROM datasets) s
                    """)
                return Dictionary(uniqueKeysWithValues: rows.map { row in
                    let name: String = row["name"]
                    return (name, CatalogSourceSummary(name: name, liveDatasets: row["live"], lastRunStart: row["started"]))
                })
            }
        } catch {
            throw CatalogStore.storeError(error, doing: "listing the sources of the catalogue", context: ["path": path])
        }
    }
}
