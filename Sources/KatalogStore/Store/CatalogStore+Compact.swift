import Foundation
import GRDB
import KatalogModel
import Logging

/// What ``CatalogStore/compact(path:pageSize:logger:)`` did to a catalogue file.
public struct CompactionReport: Sendable, Hashable {
    /// The page size before and after, in bytes.
    public var pageSizeBefore: Int
    public var pageSizeAfter: Int
    /// The file's size before and after, in bytes.
    public var bytesBefore: Int64
    public var bytesAfter: Int64
}

extension CatalogStore {
    /// The page sizes SQLite accepts.
    public static let pageSizes = [1_024, 2_048, 4_096, 8_192, 16_384, 32_768, 65_536]

    /// Rewrites the catalogue file with SQLite's `VACUUM`: free pages (left by purged tombstones and replaced
    /// records) are given back, and the file gets `pageSize` bytes a page, by default the size new catalogues get
    /// (16 KiB; catalogues created before the tenth session have 4 KiB, which makes applying a run slower).
    ///
    /// The catalogue must not be open elsewhere: leaving WAL mode, which changing the page size needs, takes it
    /// for itself, and this throws ``StoreError/Code/busy`` naming the file when another process (`katalog serve`,
    /// a harvest) has it open. The rewrite needs free disk space of about twice the catalogue's size. The schema is
    /// first brought up to date, as by any opening. When the rewrite fails, the catalogue is as it was.
    public static func compact(path: String, pageSize: Int = newCataloguePageSize,
                               logger: Logger = Logger(label: "katalog.store")) throws -> CompactionReport {
        guard pageSizes.contains(pageSize) else {
            throw StoreError(.invalidArgument, "the page size must be one of \(pageSizes.map(String.init).joined(separator: ", ")), not \(pageSize)")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.notFound, "there is no catalogue at \(path)", context: ["path": path])
        }
        // Migrate (or refuse a newer schema) as any opening does; the store's connections close when it is released.
        do { _ = try CatalogStore(path: path, logger: logger) }
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(2)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw CatalogStore.storeError(error, doing: "opening the catalogue to compact it", context: ["path": path])
        }
        defer { try? queue.close() }
        func size(_ db: Database) throws -> (pageSize: Int, bytes: Int64) {
            let size = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            return (size, Int64(size) * pages)
        }
        let inUse = StoreError(.busy, "\(path) is open in another process (katalog serve or a harvest); stop it and compact again",
                               context: ["path": path])
        do {
            return try queue.writeWithoutTransaction { db in
                let before = try size(db)
                // Out of WAL mode first: SQLite keeps a WAL file's page size. This needs the only connection.
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")?.lowercased() == "delete" else { throw inUse }
                defer { _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
                try db.execute(sql: "PRAGMA page_size = \(pageSize)")
                let started = ContinuousClock.now
                try db.execute(sql: "VACUUM")
                let after = try size(db)
                logger.info("catalogue compacted", metadata: [
                    "store.path": "\(path)", "store.page_size": "\(after.pageSize)", "store.bytes_before": "\(before.bytes)",
                    "store.bytes_after": "\(after.bytes)", "store.seconds": "\((ContinuousClock.now - started).seconds)",
                ])
                return CompactionReport(pageSizeBefore: before.pageSize, pageSizeAfter: after.pageSize,
                                        bytesBefore: before.bytes, bytesAfter: after.bytes)
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where CatalogStore.isLockRefusal(error) {
            throw inUse
        } catch {
            throw CatalogStore.storeError(error, doing: "compacting the catalogue", context: ["path": path])
        }
    }
}
