import Foundation
import KatalogRDF
import Testing
@testable import KatalogModel

/// Builds small `oai_dc` records for the Dublin Core mapper tests and maps them.
enum DublinCoreFixture {
    static let namespaces = """
        xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:dcterms="http://purl.org/dc/terms/"
        """

    /// The OAI-PMH header identifier the fixtures use.
    static let identifier = "oai:repo.example:123"

    /// An `oai_dc:dc` record holding `title` then `body`; `attributes` go on the root element.
    static func record(_ body: String = "", title: String = "<dc:title>Titel</dc:title>", attributes: String = "") -> String {
        "<oai_dc:dc \(namespaces) \(attributes)>\(title)\(body)</oai_dc:dc>"
    }

    /// Parses a document and maps its root element.
    static func map(_ xml: String, identifier: String = identifier, defaultLanguage: String? = nil) throws -> SourceRecord {
        let root = try XMLDocumentReader.parse(Data(xml.utf8), location: "test.xml")
        return try DublinCoreMapper.map(root, identifier: identifier, raw: Data(xml.utf8),
                                        sourceURL: "https://repo.example/oai", defaultLanguage: defaultLanguage)
    }

    /// Maps a record built from `body` and returns its dataset.
    static func dataset(_ body: String, title: String = "<dc:title>Titel</dc:title>",
                        defaultLanguage: String? = nil) throws -> Dataset {
        try map(record(body, title: title), defaultLanguage: defaultLanguage).dataset
    }

    /// The mapping error a document raises, or nil when it maps.
    static func mappingError(_ xml: String, identifier: String = identifier) throws -> MappingError? {
        let root = try XMLDocumentReader.parse(Data(xml.utf8), location: "test.xml")
        do {
            _ = try DublinCoreMapper.map(root, identifier: identifier, raw: Data(), sourceURL: "test.xml", defaultLanguage: nil)
            return nil
        } catch {
            return error
        }
    }

    /// `<dc:name>value</dc:name>`, with `xml:lang` when `language` is given.
    static func dc(_ name: String, _ value: String, language: String? = nil) -> String {
        let lang = language.map { " xml:lang=\"\($0)\"" } ?? ""
        return "<dc:\(name)\(lang)>\(value)</dc:\(name)>"
    }
}
