import Foundation
import KatalogRDF

/// Reads an XML response body (a CSW or OAI-PMH page) into an element tree.
enum ResponseXML {
    /// The root element of `body`; XML that is not well-formed is a ``HarvestError`` naming `what` was asked, the line
    /// and column where it broke, the source and the URL.
    static func parse(_ body: Data, what: String, source: String, url: String) throws -> XMLElement {
        do {
            return try XMLDocumentReader.parse(body, location: url)
        } catch let error as RDFParseError {
            throw HarvestError(.malformedResponse, "\(what): the response is not well-formed XML: line \(error.line), column \(error.column): \(error.message)",
                               source: source, url: url)
        }
    }
}
