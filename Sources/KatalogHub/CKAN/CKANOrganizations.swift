import KatalogStore
import Synchronization

/// The publishers as CKAN organizations (name → publisher key, dataset counts), read again only when the
/// catalogue has changed since they were last read.
final class CKANOrganizations: Sendable {
    struct Snapshot: Sendable {
        var version: Int64
        /// Every publisher with its organization name, named once per catalogue version.
        var named: [(name: String, publisher: PublisherInfo)]
        var keyByName: [String: String]
        /// Where each name, and each publisher key, is in ``named``.
        var positions: [String: Int]

        /// The organization with this name, or whose publisher key this is.
        func organization(named name: String) -> (name: String, publisher: PublisherInfo)? {
            positions[name].map { named[$0] }
        }
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
        let named = try await store.publishers().map { (name: CKANNames.organizationName(forKey: $0.key), publisher: $0) }
        var keyByName = Dictionary(named.map { ($0.name, $0.publisher.key) }, uniquingKeysWith: { _, last in last })
        var positions: [String: Int] = [:]
        for (position, organization) in named.enumerated() {
            if positions[organization.publisher.key] == nil { positions[organization.publisher.key] = position }
        }
        // A name wins over a key that happens to read the same.
        for (position, organization) in named.enumerated() { positions[organization.name] = position }
        // A publisher known by name alone that stands for one with an IRI has no organization of its own; its name
        // and key (as package dicts gave them before the alias) lead to that one's.
        for (alias, target) in try await store.publisherAliases() {
            guard let position = positions[target] else { continue }
            let name = CKANNames.organizationName(forKey: alias)
            if positions[name] == nil { positions[name] = position }
            if positions[alias] == nil { positions[alias] = position }
            if keyByName[name] == nil { keyByName[name] = target }
        }
        let fresh = Snapshot(version: version, named: named, keyByName: keyByName, positions: positions)
        current.withLock { $0 = fresh }
        return fresh
    }

    /// The publisher key an organization name (or id) stands for; the name itself when no publisher has it, so an
    /// unknown name matches nothing and a key that is already a name matches its records.
    func key(forName name: String) async throws -> String {
        try await snapshot().keyByName[name] ?? name
    }
}
