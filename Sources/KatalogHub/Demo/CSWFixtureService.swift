import Foundation
import KatalogRDF

/// A fictional CSW 2.0.2 catalogue service from a fixture file (`csw/<name>/records.xml`: a `csw:GetRecordsResponse`
/// holding every record), answering what a harvester asks: `GetRecords` with `startPosition`/`maxRecords` (KVP over
/// HTTP GET) in ISO 19139, `GetCapabilities`, and OWS exception reports for anything else.
public struct CSWFixtureService: Sendable {
    /// The service name, its path segment (`/csw/<name>`).
    public let name: String
    /// The records, each as XML without its XML declaration, in the file's order.
    let records: [String]

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
        self.records = results.children.map { element in
            let text = String(decoding: element.serialized(), as: UTF8.self)
            guard let end = text.range(of: "?>\n") else { return text }
            return String(text[end.upperBound...])
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
        case let other:
            return exception(other == nil ? "MissingParameterValue" : "OperationNotSupported", locator: "request",
                             "request '\(other ?? "")' is not supported; use GetCapabilities or GetRecords")
        }
    }

    private func getRecords(_ parameters: [String: String]) -> Reply {
        guard parameters["version"] == nil || parameters["version"] == "2.0.2" else {
            return exception("VersionNegotiationFailed", locator: "version", "only version 2.0.2 is supported")
        }
        guard parameters["outputschema"] == CSWFixtureService.gmdSchema else {
            return exception("InvalidParameterValue", locator: "outputSchema",
                             "this fixture serves ISO 19139 only: outputSchema=\(CSWFixtureService.gmdSchema)")
        }
        guard let start = Int(parameters["startposition"] ?? "1"), start >= 1 else {
            return exception("InvalidParameterValue", locator: "startPosition", "startPosition must be a positive integer")
        }
        guard let asked = Int(parameters["maxrecords"] ?? "10"), asked >= 0 else {
            return exception("InvalidParameterValue", locator: "maxRecords", "maxRecords must be a non-negative integer")
        }
        let count = min(asked, CSWFixtureService.maxRecordsCap)
        let first = min(start - 1, records.count)
        let page = records[first..<min(first + count, records.count)]
        let next = first + page.count < records.count ? first + page.count + 1 : 0
        var body = """
        <?xml version="1.0" encoding="UTF-8"?>
        <csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">
          <csw:SearchStatus timestamp="2026-12-01T08:00:00Z"/>
          <csw:SearchResults numberOfRecordsMatched="\(records.count)" numberOfRecordsReturned="\(page.count)" elementSet="full" nextRecord="\(next)">

        """
        for record in page { body += record }
        body += "  </csw:SearchResults>\n</csw:GetRecordsResponse>\n"
        return Reply(status: 200, body: body)
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
