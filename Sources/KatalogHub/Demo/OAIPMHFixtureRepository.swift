import Foundation
import KatalogRDF

/// A fictional OAI-PMH 2.0 repository from a fixture file (`oai/<name>/records.xml`: a `ListRecords` response holding
/// every record), answering the verbs a harvester uses: `Identify`, `ListMetadataFormats`, `ListSets`, `ListRecords`
/// with sets, `from`/`until` and resumption tokens (15 records a page), and `GetRecord`; anything else is an OAI-PMH
/// error. Its clock (`responseDate`) stands still at 2026-12-01T08:00:00Z.
public struct OAIPMHFixtureRepository: Sendable {
    /// One record of the file.
    struct Record: Sendable {
        var identifier: String
        /// The header's `datestamp` (`YYYY-MM-DDThh:mm:ssZ`).
        var datestamp: String
        var sets: [String]
        /// The `record` element as XML, without an XML declaration.
        var xml: String
    }

    /// The repository name, its path segment (`/oai/<name>`).
    public let name: String
    let records: [Record]

    /// Records per `ListRecords` page.
    static let pageSize = 15
    static let oai = "http://www.openarchives.org/OAI/2.0/"

    /// Loads `<folder>/records.xml`.
    public init(name: String, folder: URL) throws {
        let file = folder.appendingPathComponent("records.xml")
        let root = try XMLDocumentReader.parse(try Data(contentsOf: file), location: file.path)
        guard let list = root.child(OAIPMHFixtureRepository.oai, "ListRecords") else {
            throw CKANFixtureError(code: .malformed, message: "\(file.path) has no ListRecords")
        }
        self.name = name
        self.records = list.children(OAIPMHFixtureRepository.oai, "record").map { element in
            let header = element.child(OAIPMHFixtureRepository.oai, "header")
            let text = String(decoding: element.serialized(), as: UTF8.self)
            let body = text.range(of: "?>\n").map { String(text[$0.upperBound...]) } ?? text
            return Record(identifier: header?.child(OAIPMHFixtureRepository.oai, "identifier")?.text ?? "",
                          datestamp: header?.child(OAIPMHFixtureRepository.oai, "datestamp")?.text ?? "",
                          sets: header?.children(OAIPMHFixtureRepository.oai, "setSpec").map(\.text) ?? [], xml: body)
        }
    }

    /// Every `<name>/records.xml` under `root`, sorted by name; an unreadable `root` is an error.
    public static func loadAll(from root: URL) throws -> [OAIPMHFixtureRepository] {
        try FixtureFolders.holding("records.xml", in: root).map { try OAIPMHFixtureRepository(name: $0.name, folder: $0.folder) }
    }

    /// Answers a request with query parameters `query` and the request's own URL `baseURL` (for the `request` element).
    func handle(query: [String: String], baseURL: String) -> String {
        let verb = query["verb"] ?? ""
        let arguments = query.filter { $0.key != "verb" }
        switch verb {
        case "Identify":
            return respond(verb, baseURL, """
            <Identify><repositoryName>\(name) (Katalog fixture)</repositoryName><baseURL>\(escape(baseURL))</baseURL>\
            <protocolVersion>2.0</protocolVersion><adminEmail>arkiv@forskningsdata-nord.example</adminEmail>\
            <earliestDatestamp>2014-01-01T00:00:00Z</earliestDatestamp><deletedRecord>persistent</deletedRecord>\
            <granularity>YYYY-MM-DDThh:mm:ssZ</granularity></Identify>
            """)
        case "ListMetadataFormats":
            return respond(verb, baseURL, """
            <ListMetadataFormats><metadataFormat><metadataPrefix>oai_dc</metadataPrefix>\
            <schema>http://www.openarchives.org/OAI/2.0/oai_dc.xsd</schema>\
            <metadataNamespace>http://www.openarchives.org/OAI/2.0/oai_dc/</metadataNamespace></metadataFormat></ListMetadataFormats>
            """)
        case "ListSets":
            let sets = Array(Set(records.flatMap(\.sets))).sorted()
            return respond(verb, baseURL, "<ListSets>" + sets.map { "<set><setSpec>\($0)</setSpec><setName>\($0)</setName></set>" }.joined() + "</ListSets>")
        case "ListRecords":
            return listRecords(arguments, baseURL: baseURL)
        case "GetRecord":
            guard arguments["metadataPrefix"] == "oai_dc" else {
                return error(verb, baseURL, "cannotDisseminateFormat", "this repository serves oai_dc only")
            }
            guard let record = records.first(where: { $0.identifier == arguments["identifier"] }) else {
                return error(verb, baseURL, "idDoesNotExist", "no record \(arguments["identifier"] ?? "")")
            }
            return respond(verb, baseURL, "<GetRecord>\(record.xml)</GetRecord>")
        default:
            return error(nil, baseURL, "badVerb", verb.isEmpty ? "the verb argument is missing" : "'\(verb)' is not an OAI-PMH verb")
        }
    }

    private func listRecords(_ arguments: [String: String], baseURL: String) -> String {
        let verb = "ListRecords"
        var offset = 0
        var selection = Selection()
        if let token = arguments["resumptionToken"] {
            guard arguments.count == 1 else {
                return error(verb, baseURL, "badArgument", "resumptionToken is an exclusive argument")
            }
            // offset|set|from|until
            let parts = token.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 4, let value = Int(parts[0]), value > 0, value < records.count else {
                return error(verb, baseURL, "badResumptionToken", "the resumption token '\(token)' is not one this repository issued")
            }
            offset = value
            selection = Selection(set: parts[1].isEmpty ? nil : parts[1], from: parts[2].isEmpty ? nil : parts[2],
                                  until: parts[3].isEmpty ? nil : parts[3])
        } else {
            guard arguments["metadataPrefix"] == "oai_dc" else {
                return error(verb, baseURL, arguments["metadataPrefix"] == nil ? "badArgument" : "cannotDisseminateFormat",
                             "this repository serves metadataPrefix=oai_dc only")
            }
            selection = Selection(set: arguments["set"], from: arguments["from"], until: arguments["until"])
            for (name, value) in [("from", selection.from), ("until", selection.until)] {
                if let value, !OAIPMHFixtureRepository.isDatestamp(value) {
                    return error(verb, baseURL, "badArgument", "\(name) '\(value)' is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ")
                }
            }
        }
        let matching = records.filter(selection.includes)
        guard !matching.isEmpty else { return error(verb, baseURL, "noRecordsMatch", "no records match") }
        let page = matching.dropFirst(offset).prefix(OAIPMHFixtureRepository.pageSize)
        let next = offset + page.count
        var body = "<ListRecords>\n" + page.map(\.xml).joined()
        if next < matching.count {
            let token = [String(next), selection.set ?? "", selection.from ?? "", selection.until ?? ""].joined(separator: "|")
            body += "<resumptionToken completeListSize=\"\(matching.count)\" cursor=\"\(offset)\">\(escape(token))</resumptionToken>\n"
        } else if offset > 0 {
            body += "<resumptionToken completeListSize=\"\(matching.count)\" cursor=\"\(offset)\"/>\n"
        }
        return respond(verb, baseURL, body + "</ListRecords>")
    }

    /// The records a `ListRecords` request selects: a set, and datestamps from and until (inclusive), compared at the
    /// granularity of the argument (a day, or a second).
    struct Selection {
        var set: String?
        var from: String?
        var until: String?

        func includes(_ record: Record) -> Bool {
            if let set, !record.sets.contains(set) { return false }
            if let from, record.datestamp.prefix(from.count) < from { return false }
            if let until, record.datestamp.prefix(until.count) > until { return false }
            return true
        }
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ssZ`, digits where digits go.
    static func isDatestamp(_ text: String) -> Bool {
        let day = "dddd-dd-dd", second = "dddd-dd-ddTdd:dd:ddZ"
        for pattern in [day, second] where pattern.count == text.count {
            if zip(pattern, text).allSatisfy({ $0 == "d" ? $1.isASCII && $1.isNumber : $0 == $1 }) { return true }
        }
        return false
    }

    private func respond(_ verb: String?, _ baseURL: String, _ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
        <responseDate>2026-12-01T08:00:00Z</responseDate>
        <request\(verb.map { " verb=\"\($0)\"" } ?? "")>\(escape(baseURL))</request>
        \(body)
        </OAI-PMH>

        """
    }

    private func error(_ verb: String?, _ baseURL: String, _ code: String, _ message: String) -> String {
        respond(verb, baseURL, "<error code=\"\(code)\">\(escape(message))</error>")
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
