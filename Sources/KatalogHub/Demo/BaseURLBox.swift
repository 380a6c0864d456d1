import Synchronization

/// The server's own base URL, known only once the port is bound; read by request handlers.
final class BaseURLBox: Sendable {
    private let storage = Mutex("")

    /// The current base URL (empty until set).
    var value: String { storage.withLock { $0 } }

    /// Sets the base URL.
    func set(_ value: String) { storage.withLock { $0 = value } }
}
