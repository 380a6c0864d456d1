import Foundation

/// The fixture folders under a root that hold a given file (`csw/<name>/records.xml`, `oai/<name>/records.xml`).
enum FixtureFolders {
    /// The names and folders under `root` that hold `file`, sorted by name; an unreadable `root` is an error.
    static func holding(_ file: String, in root: URL) throws -> [(name: String, folder: URL)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        } catch {
            throw CKANFixtureError(code: .unreadable, message: "\(error)", path: root.path)
        }
        return names.filter { !$0.hasPrefix(".") }.compactMap { name in
            let folder = root.appendingPathComponent(name)
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path) ? (name, folder) : nil
        }
    }
}
