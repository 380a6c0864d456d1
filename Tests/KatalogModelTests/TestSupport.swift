import Foundation
import KatalogModel

/// Paths and loaders shared by the model tests.
enum TestSupport {
    /// The package root: the folder above `Tests/` that holds this file.
    static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    }

    /// `../shared/samples/ckan` beside the package root, or nil when absent.
    static var sharedCKANSamples: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/samples/ckan")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Decodes a JSON literal written in a test.
    static func json(_ text: String) throws -> JSONValue {
        try JSONValue.decode(Data(text.utf8))
    }

    /// The package dicts a sample file holds: an action envelope's `result` (object, list, or `results`),
    /// a list, a catalogue's `dataset` list, or the object itself.
    static func packages(in document: JSONValue) -> [JSONValue] {
        if let result = document["result"] {
            if let list = result.array { return list }
            if let list = result["results"]?.array { return list }
            return [result]
        }
        if let list = document.array { return list }
        if let list = document["dataset"]?.array { return list }
        return [document]
    }
}
