import Foundation
import KatalogRDF

/// A fictional CSW 2.0.2 catalogue service from a fixture file (`csw/<name>/records.xml`: a `csw:GetRecordsResponse`
/// holding every record), answering what a harvester asks: `GetRecords` with `startPosition`/`maxRecords` (KVP over
/// HTTP GET) in ISO 19139, full or brief, `resultType=hits`, a constraint on the modification date (see
/// ``DateConstraint``), `GetRecordById`, `GetCapabilities`, and OWS exception reports for anything else.
public struct CSWFixtureService: Sendable {
    /// The service name, its path segment (`/csw/<name>`).
    public let name: String
    /// The records, in the file's order.
    let records: [Record]

    /// One record of the service.
    struct Record: Sendable {
        /// The record as XML without its XML declaration.
        var full: String
        /// Its brief form: the root with the file identifier and hierarchy level.
        var brief: String
        /// `gmd:dateStamp`, as written.
        var dateStamp: String?
        /// `gmd:fileIdentifier`, trimmed.
        var identifier: String?
    }

    /// The most records one GetRecords answers, as GeoNetwork caps `maxRecords`.
    static let maxRecordsCap = 100
    static let gmdSchema = "http://www.isotc211.org/2005/gmd"

    /// Loads `<folder>/records.xml`.
    public init(name: String, folder: URL) throws {
        let file = folder.appendingPathComponent("records.xml")
        let root = try XMLDocumentReader.parse(try Data(contentsOf: file), location: file.path)
        guard let results = root.child("http://www.opengis.net/cat/csw/2.0.2", "SearchResults") else {
            throw CKANFixtureError(code: .malformed, message: "\(file.path) has no csw:SearchResults")
        }
        self.name = name
        func withoutDeclaration(_ element: XMLElement) -> String {
            let text = String(decoding: element.serialized(), as: UTF8.self)
            guard let end = text.range(of: "?>\n") else { return text }
            return String(text[end.upperBound...])
        }
        let gmd = "http://www.isotc211.org/2005/gmd"
        self.records = results.children.map { element in
            let kept = ["fileIdentifier", "hierarchyLevel"].compactMap { element.child(gmd, $0) }
            let name = (element.prefix.map { $0 + ":" } ?? "") + element.localName
            let brief = "<\(name) xmlns:gmd=\"\(gmd)\" xmlns:gco=\"http://www.isotc211.org/2005/gco\">"
                + kept.map { withoutDeclaration($0).trimmingCharacters(in: .whitespacesAndNewlines) }.joined() + "</\(name)>\n"
            let stamp = element.child(gmd, "dateStamp")?.children.first?.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let identifier = element.child(gmd, "fileIdentifier")?.children.first?.text.trimmingCharacters(in: .whitespacesAndNewlines)
            return Record(full: withoutDeclaration(element), brief: brief, dateStamp: stamp, identifier: identifier)
        }
    }

    /// Every `<name>/records.xml` under `root`, sorted by name; an unreadable `root` is an error.
    public static func loadAll(from root: URL) throws -> [CSWFixtureService] {
        try FixtureFolders.holding("records.xml", in: root).map { try CSWFixtureService(name: $0.name, folder: $0.folder) }
    }

    /// A reply: HTTP status and XML body.
    struct Reply: Sendable {
        var status: Int
        var body: String
    }

    /// Answers a request with query parameters `query` (names compared case-insensitively, as OGC KVP asks).
    func handle(query: [String: String]) -> Reply {
        var parameters: [String: String] = [:]
        for (key, value) in query { parameters[key.lowercased()] = value }
        guard parameters["service"]?.uppercased() == "CSW" else {
            return exception("MissingParameterValue", locator: "service", "service=CSW is required")
        }
        switch parameters["request"]?.lowercased() {
        case "getcapabilities":
            return Reply(status: 200, body: capabilities)
        case "getrecords":
            return getRecords(parameters)
        case "getrecordbyid":
            return getRecordById(parameters)
        case let other:
            return exception(other == nil ? "MissingParameterValue" : "OperationNotSupported", locator: "request",
                             "request '\(other ?? "")' is not supported; use GetCapabilities, GetRecords or GetRecordById")
        }
    }

    private func getRecords(_ parameters: [String: String]) -> Reply {
        guard parameters["version"] == nil || parameters["version"] == "2.0.2" else {
            return exception("VersionNegotiationFailed", locator: "version", "only version 2.0.2 is supported")
        }
        if let refusal = refusedSchema(parameters) { return refusal }
        guard let start = Int(parameters["startposition"] ?? "1"), start >= 1 else {
            return exception("InvalidParameterValue", locator: "startPosition", "startPosition must be a positive integer")
        }
        guard let asked = Int(parameters["maxrecords"] ?? "10"), asked >= 0 else {
            return exception("InvalidParameterValue", locator: "maxRecords", "maxRecords must be a non-negative integer")
        }
        let elementSet = (parameters["elementsetname"] ?? "summary").lowercased()
        if let refusal = refusedElementSet(elementSet) { return refusal }
        let hits: Bool
        switch (parameters["resulttype"] ?? "hits").lowercased() {
        case "hits": hits = true
        case "results": hits = false
        default: return exception("InvalidParameterValue", locator: "resultType", "resultType must be hits or results")
        }
        var matching = records
        if let text = parameters["constraint"] {
            switch DateConstraint.parse(text, language: parameters["constraintlanguage"]) {
            case .success(let constraint):
                matching = records.filter(constraint.matches)
            case .failure(let refusal):
                return exception("InvalidParameterValue", locator: "constraint", refusal.text)
            }
        }
        let count = hits ? 0 : min(asked, CSWFixtureService.maxRecordsCap)
        let first = min(start - 1, matching.count)
        let page = matching[first..<min(first + count, matching.count)]
        let next = first + page.count < matching.count && !hits ? first + page.count + 1 : 0
        var body = """
        <?xml version="1.0" encoding="UTF-8"?>
        <csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">
          <csw:SearchStatus timestamp="\(CSWFixtureService.timestamp())"/>
          <csw:SearchResults numberOfRecordsMatched="\(matching.count)" numberOfRecordsReturned="\(page.count)" elementSet="\(elementSet)" nextRecord="\(next)">

        """
        for record in page { body += elementSet == "brief" ? record.brief : record.full }
        body += "  </csw:SearchResults>\n</csw:GetRecordsResponse>\n"
        return Reply(status: 200, body: body)
    }

    /// The exception for an `outputSchema` other than ISO 19139, which is all this fixture serves; nil for ISO 19139.
    private func refusedSchema(_ parameters: [String: String]) -> Reply? {
        guard parameters["outputschema"] != CSWFixtureService.gmdSchema else { return nil }
        return exception("InvalidParameterValue", locator: "outputSchema",
                         "this fixture serves ISO 19139 only: outputSchema=\(CSWFixtureService.gmdSchema)")
    }

    /// The exception for an element set other than brief or full (summary records are not made); nil for those two.
    private func refusedElementSet(_ elementSet: String) -> Reply? {
        guard !["brief", "full"].contains(elementSet) else { return nil }
        return exception("InvalidParameterValue", locator: "elementSetName", "this fixture serves elementSetName brief or full, not \(elementSet)")
    }

    /// GetRecordById: the records whose file identifiers `Id` lists (comma-separated), in the file's order.
    private func getRecordById(_ parameters: [String: String]) -> Reply {
        if let refusal = refusedSchema(parameters) { return refusal }
        guard let list = parameters["id"], !list.isEmpty else {
            return exception("MissingParameterValue", locator: "Id", "Id is required: the file identifiers, comma-separated")
        }
        let elementSet = (parameters["elementsetname"] ?? "summary").lowercased()
        if let refusal = refusedElementSet(elementSet) { return refusal }
        let wanted = Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        var body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<csw:GetRecordByIdResponse xmlns:csw=\"http://www.opengis.net/cat/csw/2.0.2\">\n"
        for record in records where record.identifier.map(wanted.contains) ?? false {
            body += elementSet == "brief" ? record.brief : record.full
        }
        body += "</csw:GetRecordByIdResponse>\n"
        return Reply(status: 200, body: body)
    }

    /// The service's clock, as `csw:SearchStatus` gives it.
    static func timestamp(_ now: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: now)
    }

    /// The constraints the fixture evaluates: records whose `gmd:dateStamp` is on or after a date, by the queryable
    /// `Modified`, `apiso:Modified` or `dct:modified`, as an OGC filter (`ogc:PropertyIsGreaterThanOrEqualTo`, alone or
    /// under `ogc:And`) or in CQL (`Modified >= '2026-12-01'`). Anything else is refused, as a service refuses what it
    /// cannot evaluate.
    struct DateConstraint: Sendable, Equatable {
        /// The lower bounds; a record matches when its stamp is on or after each.
        var bounds: [String]

        static let queryables: Set<String> = ["Modified", "apiso:Modified", "dct:modified"]

        struct Refusal: Error {
            var text: String
        }

        func matches(_ record: Record) -> Bool {
            guard let stamp = record.dateStamp else { return false }
            return bounds.allSatisfy { stamp >= $0 }
        }

        static func parse(_ text: String, language: String?) -> Result<DateConstraint, Refusal> {
            switch (language ?? "").uppercased() {
            case "CQL_TEXT":
                let parts = text.components(separatedBy: ">=").map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, queryables.contains(parts[0]), parts[1].count >= 3,
                      parts[1].hasPrefix("'"), parts[1].hasSuffix("'") else {
                    return .failure(Refusal(text: "this fixture evaluates only Modified >= 'date' in CQL"))
                }
                return .success(DateConstraint(bounds: [String(parts[1].dropFirst().dropLast())]))
            case "FILTER":
                guard let root = try? XMLDocumentReader.parse(Data(text.utf8), location: "constraint"),
                      root.namespace == ogc, root.localName == "Filter", root.children.count == 1 else {
                    return .failure(Refusal(text: "the constraint is not an ogc:Filter with one predicate"))
                }
                let predicates = root.children[0].localName == "And" ? root.children[0].children : root.children
                var bounds: [String] = []
                for predicate in predicates {
                    guard predicate.namespace == ogc, predicate.localName == "PropertyIsGreaterThanOrEqualTo",
                          let name = predicate.child(ogc, "PropertyName")?.text.trimmingCharacters(in: .whitespaces),
                          let literal = predicate.child(ogc, "Literal")?.text.trimmingCharacters(in: .whitespaces) else {
                        return .failure(Refusal(text: "this fixture evaluates only ogc:PropertyIsGreaterThanOrEqualTo"))
                    }
                    guard queryables.contains(name) else { return .failure(Refusal(text: "unknown queryable '\(name)'")) }
                    bounds.append(literal)
                }
                return .success(DateConstraint(bounds: bounds))
            default:
                return .failure(Refusal(text: "constraintLanguage must be FILTER or CQL_TEXT"))
            }
        }

        static let ogc = "http://www.opengis.net/ogc"
    }

    private var capabilities: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <csw:Capabilities xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:ows="http://www.opengis.net/ows" version="2.0.2">
          <ows:ServiceIdentification>
            <ows:Title>\(name) (Katalog fixture)</ows:Title>
            <ows:ServiceType>CSW</ows:ServiceType>
            <ows:ServiceTypeVersion>2.0.2</ows:ServiceTypeVersion>
          </ows:ServiceIdentification>
          <ows:OperationsMetadata>
            <ows:Operation name="GetRecords">
              <ows:Parameter name="outputSchema"><ows:Value>\(CSWFixtureService.gmdSchema)</ows:Value></ows:Parameter>
            </ows:Operation>
          </ows:OperationsMetadata>
        </csw:Capabilities>

        """
    }

    private func exception(_ code: String, locator: String, _ text: String) -> Reply {
        Reply(status: 400, body: """
        <?xml version="1.0" encoding="UTF-8"?>
        <ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0">
          <ows:Exception exceptionCode="\(code)" locator="\(locator)">
            <ows:ExceptionText>\(text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;"))</ows:ExceptionText>
          </ows:Exception>
        </ows:ExceptionReport>

        """)
    }
}
