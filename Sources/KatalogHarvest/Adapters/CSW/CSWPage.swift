import Foundation
import KatalogModel
import KatalogRDF

/// One GetRecords response of a CSW 2.0.2 service, read as a stream: the counts of `csw:SearchResults` and its
/// records, each cut out as a standalone document. The records' trees are kept for mapping only when the page is
/// small (``treeLimit``); of a larger page only the records' bytes are kept and a mapping lane reads each again, so a
/// page costs about twice its size in memory, not a tree of all its records.
struct CSWPage: Sendable {
    /// The largest page whose records' trees are kept for mapping: a tree takes several times its text, and a page is
    /// read while the one before it is mapped; a page of 100 typical ISO 19139 records is 1–2 MB.
    static let treeLimit = 4 * 1024 * 1024

    /// One record of the page.
    struct Record: Sendable {
        /// The record's tree, when the page was small enough to keep it (see ``CSWPage/treeLimit``).
        var element: XMLElement?
        /// The record as a standalone XML document, stored as the raw source record.
        var raw: Data
        /// `gmd:fileIdentifier`, when the record is ISO 19139 and has one.
        var fileIdentifier: String?
        /// Whether the record is ISO 19139 (`gmd:MD_Metadata` or `gmi:MI_Metadata`).
        var isISO: Bool
        /// The record element's name as the service wrote it (`gmd:MD_Metadata`, `csw:Record`).
        var name: String
        /// Whether an ISO 19139 record's hierarchy level is one the mapper takes for data (see
        /// ``ISO19139Mapper/describesData(_:)``): false for services and other scopes that are skipped.
        var describesData: Bool
    }

    /// `numberOfRecordsMatched`: how many records the query matches in all.
    var matched: Int?
    /// `nextRecord`: the position of the next record, 0 when there is none.
    var nextRecord: Int?
    /// The records, in the service's order.
    var records: [Record]
    /// `csw:SearchStatus/@timestamp`: the service's clock when it answered, as it wrote it.
    var timestamp: String?

    static let csw = "http://www.opengis.net/cat/csw/2.0.2"
    static let gmd = "http://www.isotc211.org/2005/gmd"
    static let gmi = "http://www.isotc211.org/2005/gmi"
    static let gco = "http://www.isotc211.org/2005/gco"
    static let owsNamespaces: Set<String> = ["http://www.opengis.net/ows", "http://www.opengis.net/ows/1.1", "http://www.opengis.net/ows/2.0"]

    /// Whether an element is an ISO 19139 metadata record (`gmd:MD_Metadata` or `gmi:MI_Metadata`).
    static func isISORecord(_ element: XMLElement) -> Bool {
        element.isNamed(gmd, "MD_Metadata") || element.isNamed(gmi, "MI_Metadata")
    }

    /// Reads a response body; an OWS exception report, another root element or a response without
    /// `csw:SearchResults` is an error naming the source and URL.
    static func read(_ body: Data, source: String, url: String) throws -> CSWPage {
        // Records sit at depth 2: GetRecordsResponse › SearchResults › record.
        let (root, records) = try readRecords(body, request: "GetRecords", root: "GetRecordsResponse", parent: "SearchResults",
                                              depth: 2, source: source, url: url)
        guard let results = root.child(csw, "SearchResults") else {
            throw HarvestError(.unexpectedResponse, "GetRecords: the response has no csw:SearchResults", source: source, url: url)
        }
        return CSWPage(matched: count(results.attribute("numberOfRecordsMatched")),
                       nextRecord: count(results.attribute("nextRecord")), records: records,
                       timestamp: root.child(csw, "SearchStatus")?.attribute("timestamp"))
    }

    /// Reads a GetRecordById response (`csw:GetRecordByIdResponse` holding the records asked for that the service has);
    /// an OWS exception report is thrown as ``ServiceException``, another root element or bad XML as a run error.
    static func readRecordsByID(_ body: Data, source: String, url: String) throws -> [Record] {
        // Records sit at depth 1: GetRecordByIdResponse › record.
        try readRecords(body, request: "GetRecordById", root: "GetRecordByIdResponse", parent: "GetRecordByIdResponse",
                        depth: 1, source: source, url: url).records
    }

    /// Reads a response whose root should be `csw:<root>`, cutting out the records at `depth` under `csw:<parent>`. An OWS
    /// exception report is thrown as ``ServiceException``; another root element, or bad XML, as a run error naming
    /// `request`.
    private static func readRecords(_ body: Data, request: String, root expected: String, parent: String, depth: Int,
                                    source: String, url: String) throws -> (root: XMLElement, records: [Record]) {
        var records: [Record] = []
        let keepTrees = body.count <= treeLimit
        let root = try ResponseXML.read(body, what: request, source: source, url: url, recordDepth: depth) { container, element in
            guard container.isNamed(csw, parent) else { return false }
            records.append(record(element, keepTree: keepTrees))
            return true
        }
        if let namespace = root.namespace, owsNamespaces.contains(namespace), root.localName == "ExceptionReport" {
            throw ServiceException(text: exceptionText(root), httpStatus: nil)
        }
        guard root.isNamed(csw, expected) else {
            let name = root.namespace.map { "{\($0)}" } ?? ""
            throw HarvestError(.unexpectedResponse, "\(request): expected a csw:\(expected) (CSW 2.0.2), got \(name)\(root.localName)",
                               source: source, url: url)
        }
        return (root, records)
    }

    /// A record of a response, cut out of its tree.
    private static func record(_ element: XMLElement, keepTree: Bool) -> Record {
        let iso = isISORecord(element)
        return Record(element: keepTree ? element : nil, raw: element.serialized(), fileIdentifier: iso ? fileIdentifier(of: element) : nil,
                      isISO: iso, name: (element.prefix.map { $0 + ":" } ?? "") + element.localName,
                      describesData: iso && ISO19139Mapper.describesData(element))
    }

    /// An OWS exception report a service answered instead of records, with HTTP 200 or, with `httpStatus`, an HTTP
    /// error: the service refused the request (an unknown queryable, a parameter it does not take).
    struct ServiceException: Error, Sendable {
        /// The report's exception codes and texts, shortened.
        var text: String
        /// The HTTP status it came with, when not 200.
        var httpStatus: Int?

        /// The run error for a request the run cannot do without.
        func harvestError(source: String, url: String) -> HarvestError {
            let how = httpStatus.map { "answered HTTP \($0) with an exception" } ?? "answered an exception"
            return HarvestError(.unexpectedResponse, "GetRecords \(how): \(text)", source: source, url: url)
        }
    }

    /// `gmd:fileIdentifier/gco:CharacterString`, trimmed, when present and not empty.
    static func fileIdentifier(of element: XMLElement) -> String? {
        guard let text = element.child(gmd, "fileIdentifier")?.child(gco, "CharacterString")?.text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A non-negative count attribute; nil when absent or not a number.
    private static func count(_ text: String?) -> Int? {
        guard let text, let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0 else { return nil }
        return value
    }

    /// The codes and texts of the OWS exception report `body` holds, if it is one (an HTTP error's body).
    static func exceptionReport(in body: Data) -> String? {
        guard let root = try? XMLDocumentReader.parse(body, location: "error body"),
              let namespace = root.namespace, owsNamespaces.contains(namespace), root.localName == "ExceptionReport" else { return nil }
        return exceptionText(root)
    }

    /// The codes and texts of an OWS exception report, shortened.
    private static func exceptionText(_ report: XMLElement) -> String {
        let parts = report.children.filter { $0.localName == "Exception" }.map { exception -> String in
            let code = exception.attribute("exceptionCode") ?? "?"
            let locator = exception.attribute("locator").map { " at \($0)" } ?? ""
            let texts = exception.children.filter { $0.localName == "ExceptionText" }
                .map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            return "\(code)\(locator)" + (texts.isEmpty ? "" : ": " + texts.joined(separator: "; "))
        }
        let text = parts.isEmpty ? "an empty exception report" : parts.joined(separator: " | ")
        return text.count > 500 ? String(text.prefix(500)) + "…" : text
    }
}
