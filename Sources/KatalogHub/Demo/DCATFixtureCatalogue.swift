import Foundation
import KatalogModel

/// One fictional DCAT-AP catalogue loaded from `<dcat root>/<name>/`: its static page files, served as they are
/// under `/dcat/<name>/<file>` (the pages link each other with relative `hydra:next` IRIs).
public struct DCATFixtureCatalogue: Sendable {
    /// One file of the catalogue with what the server needs to answer for it.
    public struct Page: Sendable, Equatable {
        /// The file name, which is the last path segment (`page-1.rdf`).
        public let fileName: String
        /// The file's bytes.
        public let body: Data
        /// The media type sent as `Content-Type`.
        public let contentType: String
        /// A strong entity tag (quoted) derived from the SHA-256 of the body.
        public let etag: String
        /// The file's modification time, truncated to whole seconds (HTTP dates have no fractions).
        public let lastModified: Date

        /// Creates a page from its parts.
        public init(fileName: String, body: Data, contentType: String, etag: String, lastModified: Date) {
            self.fileName = fileName
            self.body = body
            self.contentType = contentType
            self.etag = etag
            self.lastModified = lastModified
        }
    }

    /// The media types of the file extensions the server serves; other files in the folder are ignored.
    public static let contentTypes: [String: String] = [
        "rdf": "application/rdf+xml",
        "ttl": "text/turtle",
        "jsonld": "application/ld+json",
        "nt": "application/n-triples",
    ]

    /// The catalogue's name, which is its path segment (`/dcat/<name>/…`).
    public let name: String
    /// Every servable file, pages in page-number order (`page-2` before `page-10`), then others by name.
    public let pages: [Page]
    let indexByFile: [String: Int]

    /// Creates a catalogue from pages already in memory; file names must be unique.
    public init(name: String, pages: [Page]) throws {
        var index: [String: Int] = [:]
        for (position, page) in pages.enumerated() {
            guard index[page.fileName] == nil else {
                throw CKANFixtureError(code: .malformed, message: "catalogue \(name) has the file \(page.fileName) twice")
            }
            index[page.fileName] = position
        }
        self.name = name
        self.pages = pages
        self.indexByFile = index
    }

    /// Loads every file with a known extension (see ``contentTypes``) from `folder`.
    public init(name: String, folder: URL) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw CKANFixtureError(code: .unreadable, message: "\(error)", path: folder.path)
        }
        var pages: [Page] = []
        for fileName in names.sorted(by: Self.pageOrder) where !fileName.hasPrefix(".") {
            let url = folder.appendingPathComponent(fileName)
            guard let type = Self.contentTypes[url.pathExtension.lowercased()] else { continue }
            let body: Data
            let modified: Date
            do {
                body = try Data(contentsOf: url)
                let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
                modified = (attributes[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
            } catch {
                throw CKANFixtureError(code: .unreadable, message: "\(error)", path: url.path)
            }
            pages.append(Page(fileName: fileName, body: body, contentType: type,
                              etag: "\"" + SHA256.hex(body).prefix(32) + "\"",
                              lastModified: Date(timeIntervalSince1970: modified.timeIntervalSince1970.rounded(.down))))
        }
        guard !pages.isEmpty else {
            throw CKANFixtureError(code: .noCatalogues, message: "catalogue \(name) holds no .rdf, .ttl, .jsonld or .nt file",
                                   path: folder.path)
        }
        try self.init(name: name, pages: pages)
    }

    /// The page a harvest starts from: `page-1.*` when present, else the first file.
    public var firstPage: Page {
        pages.first { $0.fileName.hasPrefix("page-1.") } ?? pages[0]
    }

    /// The file with this name.
    public func page(_ fileName: String) -> Page? {
        indexByFile[fileName].map { pages[$0] }
    }

    /// Loads every sub-folder of `root` that holds at least one servable file, sorted by name.
    public static func loadAll(from root: URL) throws -> [DCATFixtureCatalogue] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        } catch {
            throw CKANFixtureError(code: .unreadable, message: "\(error)", path: root.path)
        }
        var catalogues: [DCATFixtureCatalogue] = []
        for name in names where !name.hasPrefix(".") {
            let folder = root.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                continue
            }
            catalogues.append(try DCATFixtureCatalogue(name: name, folder: folder))
        }
        guard !catalogues.isEmpty else {
            throw CKANFixtureError(code: .noCatalogues, message: "no <catalogue>/page-N.* folder found", path: root.path)
        }
        return catalogues
    }

    /// Orders `page-2.ttl` before `page-10.ttl`; files not named `page-<n>.*` come after the pages, by name.
    static func pageOrder(_ a: String, _ b: String) -> Bool {
        switch (pageNumber(a), pageNumber(b)) {
        case let (left?, right?): return left != right ? left < right : a < b
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a < b
        }
    }

    static func pageNumber(_ fileName: String) -> Int? {
        guard fileName.hasPrefix("page-") else { return nil }
        let digits = fileName.dropFirst(5).prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int(digits)
    }
}
