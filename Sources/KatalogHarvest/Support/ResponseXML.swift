import Foundation
import KatalogRDF

/// Reads an XML response body (a CSW or OAI-PMH page) as a stream of records.
enum ResponseXML {
    /// Reads `body` as a stream, offering each element at `recordDepth` to `record` (see ``XMLRecordReader``), and
    /// returns the rest of the document. XML that is not well-formed is a ``HarvestError`` naming `what` was asked, the
    /// line and column where it broke, the source and the URL.
    static func read(_ body: Data, what: String, source: String, url: String, recordDepth: Int,
                     record: (_ parent: XMLElement, _ element: XMLElement) throws -> Bool) throws -> XMLElement {
        do {
            return try XMLRecordReader.read(body, location: url, recordDepth: recordDepth, record: record)
        } catch let error as RDFParseError {
            throw HarvestError(.malformedResponse, "\(what): the response is not well-formed XML: line \(error.line), column \(error.column): \(error.message)",
                               source: source, url: url)
        }
    }
}
