import Foundation
import GRDB
import Synchronization

/// A read-only connection of its own for the catalogue's change sequence, opened on first use.
///
/// A search the result cache answers, and an `If-None-Match` that the current version satisfies, need only that one
/// number. Read through the pool, they waited for a reader like any search: four searches ranking most of a million
/// datasets held all four readers for seconds, and the hub's answers to repeated queries fell from thousands a second
/// to a handful. Here they wait only for each other, each read taking microseconds.
final class VersionReader: Sendable {
    private let path: String
    private let lockWait: TimeInterval
    private let queue = Mutex<DatabaseQueue?>(nil)

    init(path: String, lockWait: TimeInterval) {
        self.path = path
        self.lockWait = lockWait
    }

    /// The change sequence of the latest committed state.
    func version() async throws -> Int64 {
        try await connection().read { try FacetIndex.currentVersion($0) }
    }

    private func connection() throws -> DatabaseQueue {
        try queue.withLock { queue in
            if let queue { return queue }
            var configuration = GRDB.Configuration()
            configuration.label = "katalog.version"
            configuration.readonly = true
            configuration.busyMode = .timeout(lockWait)
            let opened = try DatabaseQueue(path: path, configuration: configuration)
            queue = opened
            return opened
        }
    }
}
