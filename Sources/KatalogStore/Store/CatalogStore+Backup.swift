import Foundation
import GRDB
import KatalogModel
import Logging

/// What ``CatalogStore/backup(path:to:verify:logger:)`` wrote.
public struct BackupReport: Sendable, Hashable {
    /// The copy's size in bytes.
    public var bytes: Int64
    /// Live datasets in the copy.
    public var datasets: Int
    /// How long the copy took, and the check after it (zero when not checked), in seconds.
    public var seconds: Double
    public var checkSeconds: Double
}

extension CatalogStore {
    /// Writes a consistent copy of the catalogue at `path` to `destination` with SQLite's `VACUUM INTO`, while
    /// `katalog serve` and harvests go on: the copy is the catalogue as the last committed run left it (a run applying
    /// meanwhile is in it entirely or not at all), compacted, in one file without a WAL. Copying the file itself while
    /// the catalogue is in use can give a torn copy, which is what this is for.
    ///
    /// The copy is written beside `destination` under a temporary name and renamed into place only when complete
    /// (and, with `verify`, when SQLite's `integrity_check` of it passes), so a failed backup leaves no file that looks
    /// like one. `destination` must not exist. Its schema is the catalogue's; a newer Katalog opening it migrates it
    /// as it would the original.
    public static func backup(path: String, to destination: String, verify: Bool = true,
                              logger: Logger = Logger(label: "katalog.store")) throws -> BackupReport {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.notFound, "there is no catalogue at \(path)", context: ["path": path])
        }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw StoreError(.invalidArgument, "\(destination) exists; a backup never overwrites a file", context: ["path": destination])
        }
        let destinationURL = URL(fileURLWithPath: destination)
        let partial = destinationURL.deletingLastPathComponent()
            .appendingPathComponent(".\(destinationURL.lastPathComponent).partial-\(getpid())").path
        try? FileManager.default.removeItem(atPath: partial)
        var complete = false
        defer { if !complete { try? FileManager.default.removeItem(atPath: partial) } }

        var configuration = GRDB.Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let started = ContinuousClock.now
        do {
            let source = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? source.close() }
            // VACUUM INTO reads one snapshot of the catalogue and never writes to it; outside a transaction, as it must be.
            try source.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [partial]) }
        } catch {
            throw CatalogStore.storeError(error, doing: "copying the catalogue to \(destination)", context: ["path": path])
        }
        let copied = (ContinuousClock.now - started).seconds
        let checked = ContinuousClock.now
        let datasets: Int
        do {
            let copy = try DatabaseQueue(path: partial, configuration: configuration)
            defer { try? copy.close() }
            datasets = try copy.inDatabase { db -> Int in
                if verify {
                    // integrity_check, not quick_check: SQLite 3.40.0–3.41.0 (Debian 12 ships 3.40.1) has quick_check
                    // report NULLs in NOT NULL columns of WITHOUT ROWID tables whose primary key lists the columns in
                    // another order, as dataset_terms does, where there are none.
                    let result = try String.fetchAll(db, sql: "PRAGMA integrity_check(20)")
                    guard result == ["ok"] else {
                        throw StoreError(.corrupt, "the copy failed SQLite's integrity_check: \(result.prefix(5).joined(separator: "; "))",
                                         context: ["path": destination])
                    }
                }
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM datasets WHERE deleted_at IS NULL AND shown_as IS NULL") ?? 0
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw CatalogStore.storeError(error, doing: "checking the copy \(destination)", context: ["path": destination])
        }
        let checkSeconds = verify ? (ContinuousClock.now - checked).seconds : 0
        do {
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
        } catch {
            throw StoreError(.io, "could not move the copy into place at \(destination): \(error.localizedDescription)",
                             context: ["path": destination])
        }
        complete = true
        let bytes = ((try? FileManager.default.attributesOfItem(atPath: destination)[.size]) as? NSNumber)?.int64Value ?? 0
        logger.info("catalogue backed up", metadata: [
            "store.path": "\(path)", "store.backup": "\(destination)", "store.bytes": "\(bytes)",
            "store.datasets": "\(datasets)", "store.seconds": "\(copied)",
        ])
        return BackupReport(bytes: bytes, datasets: datasets, seconds: copied, checkSeconds: checkSeconds)
    }
}
