import KatalogStore
import Synchronization

/// The publishers as CKAN organizations (name → publisher key, dataset counts), read again only when the
/// catalogue has changed since they were last read.
final class CKANOrganizations: Sendable {
    struct Snapshot: Sendable {
        var version: Int64
        var publishers: [PublisherInfo]
        var keyByName: [String: String]
    }

    private let store: CatalogStore
    private let current = Mutex<Snapshot?>(nil)

    init(store: CatalogStore) {
        self.store = store
    }

    /// The organizations at the catalogue's current version.
    func snapshot() async throws -> Snapshot {
        let version = try await store.catalogueVersion()
        if let kept = current.withLock({ $0 }), kept.version == version { return kept }
        let publishers = try await store.publishers()
        var keyByName: [String: String] = [:]
        for publisher in publishers { keyByName[CKANNames.organizationName(forKey: publisher.key)] = publisher.key }
        let fresh = Snapshot(version: version, publishers: publishers, keyByName: keyByName)
        current.withLock { $0 = fresh }
        return fresh
    }

    /// The publisher key an organization name (or id) stands for; the name itself when no publisher has it, so an
    /// unknown name matches nothing and a key that is already a name matches its records.
    func key(forName name: String) async throws -> String {
        try await snapshot().keyByName[name] ?? name
    }
}
