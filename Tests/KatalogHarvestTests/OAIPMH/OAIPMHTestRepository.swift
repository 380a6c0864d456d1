import Foundation
import KatalogHarvest
import Synchronization

/// An OAI-PMH 2.0 repository for harvest tests, built from records the test makes, served through ``TestHTTPServer``
/// with `ListMetadataFormats` and `ListRecords` paged by resumption tokens, and scriptable faults.
final class OAIPMHTestRepository: Sendable {
    /// A fault the repository injects.
    enum Fault: Sendable, Equatable {
        /// Sends the first page's token again on every page (a paging loop).
        case repeatsToken
        /// Answers `badResumptionToken` to every resumed request.
        case badResumptionToken
        /// Answers a page that is not well-formed XML for resumed requests.
        case malformedResume
        /// Reports a larger `completeListSize` than it has.
        case overcounts
        /// Answers `ListMetadataFormats` with an error.
        case noFormats
        /// Answers `ListMetadataFormats` with HTTP 404 and an HTML page.
        case formatsNotFound
        /// Answers a `ListRecords` request with `from` with `badArgument`.
        case refusesFrom
        /// Answers `Identify` with HTTP 500.
        case noIdentify
        /// Answers `badArgument` to a resumption token sent with any argument but `verb`, as the protocol allows.
        case strictResumption
    }

    /// A record: header identifier, deleted or not, its metadata XML (nil for deleted), and its datestamp.
    struct Record: Sendable {
        var identifier: String
        var metadata: String?
        var datestamp = "2026-01-01T00:00:00Z"
    }

    private struct State {
        var records: [Record] = []
        var fault: Fault?
        var formats = ["oai_dc"]
        var queries: [[String: String]] = []
        var responseDate = "2026-12-07T00:00:00Z"
        var granularity = "YYYY-MM-DDThh:mm:ssZ"
    }

    private let state = Mutex(State())
    let pageSize: Int

    init(records: [Record] = [], pageSize: Int = 4) {
        self.pageSize = pageSize
        setRecords(records)
    }

    func setRecords(_ records: [Record]) { state.withLock { $0.records = records } }
    func setFault(_ fault: Fault?) { state.withLock { $0.fault = fault } }
    /// The metadata prefixes `ListMetadataFormats` offers (`oai_dc`, `iso19139`).
    func setFormats(_ formats: [String]) { state.withLock { $0.formats = formats } }
    /// The repository's clock, sent as every response's `responseDate`.
    func setResponseDate(_ date: String) { state.withLock { $0.responseDate = date } }
    /// The granularity `Identify` reports.
    func setGranularity(_ granularity: String) { state.withLock { $0.granularity = granularity } }
    /// Changes records in place, as the repository's editors do.
    func editRecords(_ body: (inout [Record]) -> Void) { state.withLock { body(&$0.records) } }
    /// The query parameters of every request answered, in order.
    var queries: [[String: String]] { state.withLock { $0.queries } }

    var handler: TestHTTPServer.Handler {
        { [self] request in self.respond(request) }
    }

    private func respond(_ request: TestRequest) -> TestResponse {
        let query = testQueryParameters(request.query ?? "")
        let (allRecords, fault, formats, date, granularity) = state.withLock { state in
            state.queries.append(query)
            return (state.records, state.fault, state.formats, state.responseDate, state.granularity)
        }
        func envelope(_ body: String) -> String { self.envelope(body, date: date) }
        switch query["verb"] {
        case "Identify":
            if fault == .noIdentify { return .text("down", status: 500, contentType: "text/plain") }
            return xml(envelope("<Identify><repositoryName>test</repositoryName><baseURL>x</baseURL><protocolVersion>2.0</protocolVersion>"
                + "<earliestDatestamp>2000-01-01T00:00:00Z</earliestDatestamp><deletedRecord>persistent</deletedRecord>"
                + "<granularity>\(granularity)</granularity></Identify>"))
        case "ListMetadataFormats":
            if fault == .noFormats { return xml(envelope("<error code=\"badVerb\">not today</error>")) }
            if fault == .formatsNotFound { return .text("<html>Not Found</html>", status: 404, contentType: "text/html") }
            let namespaces = ["oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/", "iso19139": "http://www.isotc211.org/2005/gmd"]
            return xml(envelope("<ListMetadataFormats>" + formats.map {
                "<metadataFormat><metadataPrefix>\($0)</metadataPrefix><metadataNamespace>\(namespaces[$0] ?? "urn:x")</metadataNamespace></metadataFormat>"
            }.joined() + "</ListMetadataFormats>"))
        case "ListRecords":
            break
        default:
            return xml(envelope("<error code=\"badVerb\">unknown verb</error>"))
        }
        var offset = 0
        var from = query["from"]
        if let token = query["resumptionToken"] {
            if fault == .badResumptionToken { return xml(envelope("<error code=\"badResumptionToken\">expired</error>")) }
            if fault == .malformedResume { return xml("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords><record>") }
            if fault == .strictResumption, query.keys.contains(where: { $0 != "verb" && $0 != "resumptionToken" }) {
                return xml(envelope("<error code=\"badArgument\">resumptionToken is an exclusive argument</error>"))
            }
            let parts = token.split(separator: "|", maxSplits: 1)
            offset = Int(parts.first ?? "") ?? 0
            from = parts.count > 1 ? String(parts[1]) : nil
        } else if from != nil, fault == .refusesFrom {
            return xml(envelope("<error code=\"badArgument\">from is not supported</error>"))
        }
        // A datestamp at or after `from`, compared at `from`'s granularity (a day, or a second).
        let records = from.map { from in allRecords.filter { $0.datestamp.prefix(from.count) >= from } } ?? allRecords
        if query["resumptionToken"] == nil, records.isEmpty {
            return xml(envelope("<error code=\"noRecordsMatch\">no records</error>"))
        }
        let page = records.dropFirst(offset).prefix(pageSize)
        let next = offset + page.count
        var body = "<ListRecords>" + page.map { record in
            if let metadata = record.metadata {
                return "<record><header><identifier>\(record.identifier)</identifier><datestamp>\(record.datestamp)</datestamp></header><metadata>\(metadata)</metadata></record>"
            }
            return "<record><header status=\"deleted\"><identifier>\(record.identifier)</identifier><datestamp>\(record.datestamp)</datestamp></header></record>"
        }.joined()
        let size = records.count + (fault == .overcounts ? 3 : 0)
        if next < records.count {
            let token = (fault == .repeatsToken ? String(pageSize) : String(next)) + (from.map { "|" + $0 } ?? "")
            body += "<resumptionToken completeListSize=\"\(size)\" cursor=\"\(offset)\">\(token)</resumptionToken>"
        } else if offset > 0 || fault == .overcounts {
            body += "<resumptionToken completeListSize=\"\(size)\" cursor=\"\(offset)\"/>"
        }
        return xml(envelope(body + "</ListRecords>"))
    }

    private func envelope(_ body: String, date: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>\(date)</responseDate><request>x</request>\(body)</OAI-PMH>"
    }

    private func xml(_ text: String) -> TestResponse {
        .full(status: 200, headers: ["Content-Type": "text/xml"], body: Data(text.utf8))
    }

    /// A Dublin Core record with a Swedish title.
    static func dublinCore(title: String, doi: String? = nil) -> String {
        """
        <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">\
        <dc:title xml:lang="sv">\(title)</dc:title><dc:description xml:lang="sv">Om \(title).</dc:description>\
        \(doi.map { "<dc:identifier>https://doi.org/\($0)</dc:identifier>" } ?? "")<dc:type>Dataset</dc:type></oai_dc:dc>
        """
    }

    /// `count` Dublin Core records `oai:test:0` … titled "Forskningsdata N".
    static func records(_ count: Int, prefix: String = "oai:test:") -> [Record] {
        (0..<count).map { Record(identifier: "\(prefix)\($0)", metadata: dublinCore(title: "Forskningsdata \($0)")) }
    }
}
