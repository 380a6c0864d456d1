import Foundation
import KatalogRDF
import Testing
@testable import KatalogModel

/// Builds small ISO 19139 records for the mapper tests and maps them.
enum ISO19139Fixture {
    static let namespaces = """
        xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco" \
        xmlns:gmx="http://www.isotc211.org/2005/gmx" xmlns:xlink="http://www.w3.org/1999/xlink" \
        xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:gml31="http://www.opengis.net/gml" \
        xmlns:srv="http://www.isotc211.org/2005/srv" xmlns:gmi="http://www.isotc211.org/2005/gmi"
        """

    /// `../shared/samples/csw` beside the package root, or nil when absent.
    static var sampleFolder: URL? {
        let url = TestSupport.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/samples/csw")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// `<gco:CharacterString>` around `text`.
    static func cs(_ text: String) -> String { "<gco:CharacterString>\(text)</gco:CharacterString>" }

    /// A `gmx:Anchor`.
    static func anchor(_ href: String, _ text: String) -> String { "<gmx:Anchor xlink:href=\"\(href)\">\(text)</gmx:Anchor>" }

    /// A code list value element.
    static func codeList(_ name: String, _ value: String) -> String {
        "<gmd:\(name) codeList=\"http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#\(name)\" codeListValue=\"\(value)\">\(value)</gmd:\(name)>"
    }

    /// A responsible party with a role, an organisation name (any property content) and optional contact details.
    static func party(_ role: String, name: String, email: String? = nil, phone: String? = nil, url: String? = nil,
                      individual: String? = nil) -> String {
        var contact = ""
        if let phone { contact += "<gmd:phone><gmd:CI_Telephone><gmd:voice>\(cs(phone))</gmd:voice></gmd:CI_Telephone></gmd:phone>" }
        if let email {
            contact += "<gmd:address><gmd:CI_Address><gmd:electronicMailAddress>\(cs(email))</gmd:electronicMailAddress></gmd:CI_Address></gmd:address>"
        }
        if let url {
            contact += "<gmd:onlineResource><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>\(url)</gmd:URL></gmd:linkage></gmd:CI_OnlineResource></gmd:onlineResource>"
        }
        return """
            <gmd:CI_ResponsibleParty>\(individual.map { "<gmd:individualName>\(cs($0))</gmd:individualName>" } ?? "")\
            <gmd:organisationName>\(name)</gmd:organisationName>\
            <gmd:contactInfo><gmd:CI_Contact>\(contact)</gmd:CI_Contact></gmd:contactInfo>\
            <gmd:role>\(codeList("CI_RoleCode", role))</gmd:role></gmd:CI_ResponsibleParty>
            """
    }

    /// A whole record: the header elements, then one `gmd:MD_DataIdentification` with a citation holding `title` and
    /// `citation`, then `tail` (distribution and quality information).
    static func record(fileIdentifier: String? = "rec-1", language: String? = "swe", scope: String? = "dataset",
                       head: String = "", title: String = cs("Titel"), citation: String = "", identification: String = "",
                       tail: String = "", root: String = "gmd:MD_Metadata") -> String {
        var xml = "<\(root) \(namespaces)>"
        if let fileIdentifier { xml += "<gmd:fileIdentifier>\(cs(fileIdentifier))</gmd:fileIdentifier>" }
        if let language { xml += "<gmd:language>\(codeList("LanguageCode", language))</gmd:language>" }
        if let scope { xml += "<gmd:hierarchyLevel>\(codeList("MD_ScopeCode", scope))</gmd:hierarchyLevel>" }
        xml += head
        xml += "<gmd:identificationInfo><gmd:MD_DataIdentification><gmd:citation><gmd:CI_Citation>"
        xml += "<gmd:title>\(title)</gmd:title>\(citation)</gmd:CI_Citation></gmd:citation>"
        xml += identification
        xml += "</gmd:MD_DataIdentification></gmd:identificationInfo>"
        xml += tail
        return xml + "</\(root)>"
    }

    /// Parses a document and maps its root element.
    static func map(_ xml: String, defaultLanguage: String? = nil) throws -> ISO19139Mapping {
        let root = try XMLDocumentReader.parse(Data(xml.utf8), location: "test.xml")
        return try ISO19139Mapper.map(root, raw: Data(xml.utf8), sourceURL: "https://csw.example.org/csw",
                                      defaultLanguage: defaultLanguage)
    }

    /// Maps a document that must describe a dataset.
    static func dataset(_ xml: String, defaultLanguage: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> Dataset {
        guard case .dataset(let record) = try map(xml, defaultLanguage: defaultLanguage) else {
            Issue.record("expected a dataset", sourceLocation: sourceLocation)
            throw ISO19139FixtureError.notADataset
        }
        return record.dataset
    }

    /// The mapping error a document raises, or nil when it maps.
    static func mappingError(_ xml: String) throws -> MappingError? {
        let root = try XMLDocumentReader.parse(Data(xml.utf8), location: "test.xml")
        do {
            _ = try ISO19139Mapper.map(root, raw: Data(), sourceURL: "test.xml", defaultLanguage: nil)
            return nil
        } catch {
            return error
        }
    }
}

/// Raised by ``ISO19139Fixture/dataset(_:defaultLanguage:sourceLocation:)`` when the record is not a dataset.
enum ISO19139FixtureError: Error {
    case notADataset
}
