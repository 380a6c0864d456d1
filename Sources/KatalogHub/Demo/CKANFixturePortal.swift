import Foundation
import KatalogModel

/// One fictional CKAN portal loaded from `<fixtures>/<name>/packages.json`: its package dicts and organizations.
public struct CKANFixturePortal: Sendable {
    /// The portal's name, which is also its path segment (`/ckan/<name>/api/3/action/…`).
    public let name: String
    /// The portal's display title.
    public let title: String
    /// Every package dict, in file order (private and deleted ones included, as leaky portals return them).
    public let packages: [JSONValue]
    /// The organization dicts.
    public let organizations: [JSONValue]
    let indexByKey: [String: Int]

    /// Loads a portal from its `packages.json`.
    public init(name: String, file: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw CKANFixtureError(code: .unreadable, message: "\(error)", path: file.path)
        }
        let document: JSONValue
        do {
            document = try JSONValue.decode(data)
        } catch {
            throw CKANFixtureError(code: .malformed, message: "not JSON: \(error)", path: file.path)
        }
        guard let packages = document["packages"]?.array else {
            throw CKANFixtureError(code: .malformed, message: "expected an object with a \"packages\" list", path: file.path)
        }
        try self.init(name: name, title: document["portal"]?["title"]?.nonEmptyString ?? name, packages: packages,
                      organizations: document["organizations"]?.array ?? [])
    }

    /// Creates a portal from package dicts; every package needs an `id`, ids and names must be unique.
    public init(name: String, title: String, packages: [JSONValue], organizations: [JSONValue] = []) throws {
        var index: [String: Int] = [:]
        for (position, package) in packages.enumerated() {
            guard let id = package["id"]?.nonEmptyString else {
                throw CKANFixtureError(code: .malformed, message: "package \(position) of portal \(name) has no id")
            }
            guard index[id] == nil else {
                throw CKANFixtureError(code: .malformed, message: "portal \(name) has the id \(id) twice")
            }
            index[id] = position
            if let packageName = package["name"]?.nonEmptyString, index[packageName] == nil { index[packageName] = position }
        }
        self.name = name
        self.title = title
        self.packages = packages
        self.organizations = organizations
        self.indexByKey = index
    }

    /// The package with this id or name.
    public func package(idOrName key: String) -> JSONValue? {
        indexByKey[key].map { packages[$0] }
    }

    /// Loads every portal folder under `root` that holds a `packages.json`, sorted by name.
    public static func loadAll(from root: URL) throws -> [CKANFixturePortal] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        } catch {
            throw CKANFixtureError(code: .unreadable, message: "\(error)", path: root.path)
        }
        var portals: [CKANFixturePortal] = []
        for name in names where !name.hasPrefix(".") {
            let file = root.appendingPathComponent(name).appendingPathComponent("packages.json")
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            portals.append(try CKANFixturePortal(name: name, file: file))
        }
        guard !portals.isEmpty else {
            throw CKANFixtureError(code: .noPortals, message: "no <portal>/packages.json found", path: root.path)
        }
        return portals
    }
}
