import Foundation
import KatalogHarvest
import Synchronization

/// A CSW 2.0.2 service for harvest tests, built from ISO 19139 records the test makes, served through
/// ``TestHTTPServer`` with real GetRecords paging (`startPosition`, `maxRecords`, `nextRecord`) and scriptable faults.
final class CSWTestService: Sendable {
    /// A fault the service injects.
    enum Fault: Sendable, Equatable {
        /// Ignores `startPosition` and always answers the first page (a paging loop).
        case ignoresStart
        /// Answers `nextRecord` equal to the page's own start (never advancing).
        case stuckNextRecord
        /// Answers an OWS exception report (HTTP 200, as some servers do) for the page at this start.
        case exceptionAt(start: Int)
        /// Answers HTTP 400 with an OWS exception report, as GeoNetwork does for a parameter it refuses.
        case badRequestAt(start: Int)
        /// Answers XML that is not well-formed for the page at this start.
        case malformedAt(start: Int)
        /// Answers a page with bytes that are not UTF-8 in a record's title at this start.
        case invalidUTF8At(start: Int)
        /// Reports this many more matched records than it has.
        case overcounts(Int)
        /// Answers Dublin Core `csw:Record`s instead of ISO 19139.
        case dublinCore
        /// Reports this many more matched records than it has, to requests for brief records only.
        case briefOvercounts(Int)
        /// Answers requests for brief records with Dublin Core `csw:BriefRecord`s.
        case briefDublinCore
        /// Leaves the file identifier out of brief records.
        case briefWithoutIdentifiers
        /// Answers GetRecordById with HTTP 400 and an OWS exception report (`OperationNotSupported`).
        case refusesGetRecordById
        /// Answers GetRecordById without the records whose identifiers are in this set.
        case getRecordByIdLeavesOut(Set<String>)
    }

    /// How the service takes a `constraint` on the modification date (`FILTER` with `ogc:PropertyIsGreaterThanOrEqualTo`,
    /// or CQL `name >= 'day'`), compared with each record's `gmd:dateStamp`.
    enum ConstraintSupport: Sendable, Equatable {
        /// Filters by these queryable names; answers an exception report (HTTP 400) for any other.
        case honours(Set<String>)
        /// Filters by these names, and matches no record for any other name (as a service may for an unknown field).
        case matchesNothingForOthers(Set<String>)
        /// Ignores every constraint.
        case ignores
        /// Answers an exception report to every constraint.
        case refuses
    }

    static let everyQueryable: Set<String> = ["Modified", "apiso:Modified", "dct:modified"]

    private struct State {
        var records: [String] = []
        var fault: Fault?
        var queries: [[String: String]] = []
        var constraints: ConstraintSupport = .honours(CSWTestService.everyQueryable)
        var clock: String? = "2026-12-07T00:00:00Z"
    }

    private let state = Mutex(State())

    init(records: [String] = []) {
        setRecords(records)
    }

    /// Replaces the service's records (ISO 19139 `gmd:MD_Metadata` documents without an XML declaration).
    func setRecords(_ records: [String]) {
        state.withLock { $0.records = records }
    }

    /// Sets or clears the injected fault.
    func setFault(_ fault: Fault?) {
        state.withLock { $0.fault = fault }
    }

    /// Sets how the service takes date constraints.
    func setConstraintSupport(_ support: ConstraintSupport) {
        state.withLock { $0.constraints = support }
    }

    /// Sets the `csw:SearchStatus` timestamp of every answer; nil sends none.
    func setClock(_ clock: String?) {
        state.withLock { $0.clock = clock }
    }

    /// Changes the records in place.
    func editRecords(_ edit: (inout [String]) -> Void) {
        state.withLock { edit(&$0.records) }
    }

    /// The query parameters of every request answered, in order.
    var queries: [[String: String]] { state.withLock { $0.queries } }

    /// The queries that asked for full records (`resultType=results`, `elementSetName=full`).
    var fullRecordQueries: [[String: String]] {
        queries.filter { $0["resultType"] == "results" && $0["elementSetName"] == "full" }
    }

    /// The handler to give ``TestHTTPServer``.
    var handler: TestHTTPServer.Handler {
        { [self] request in self.respond(request) }
    }

    private func respond(_ request: TestRequest) -> TestResponse {
        let query = testQueryParameters(request.query ?? "")
        let (allRecords, fault, support, clock) = state.withLock { state -> ([String], Fault?, ConstraintSupport, String?) in
            state.queries.append(query)
            return (state.records, state.fault, state.constraints, state.clock)
        }
        if query["request"] == "GetRecordById" {
            return getRecordById(allRecords, query: query, fault: fault)
        }
        let records: [String]
        switch CSWTestService.filter(allRecords, query: query, support: support) {
        case .success(let kept): records = kept
        case .failure(let refusal):
            return .full(status: 400, headers: ["Content-Type": "application/xml"], body: Data("""
            <?xml version="1.0"?>
            <ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0">
              <ows:Exception exceptionCode="InvalidParameterValue" locator="constraint"><ows:ExceptionText>\(refusal.text)</ows:ExceptionText></ows:Exception>
            </ows:ExceptionReport>
            """.utf8))
        }
        let maxRecords = Int(query["maxRecords"] ?? "10") ?? 10
        var start = Int(query["startPosition"] ?? "1") ?? 1
        switch fault {
        case .ignoresStart:
            start = 1
        case .exceptionAt(let at) where at == start:
            return xml("""
            <?xml version="1.0"?>
            <ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0">
              <ows:Exception exceptionCode="NoApplicableCode"><ows:ExceptionText>Search index is rebuilding</ows:ExceptionText></ows:Exception>
            </ows:ExceptionReport>
            """)
        case .badRequestAt(let at) where at == start:
            return .full(status: 400, headers: ["Content-Type": "application/xml"], body: Data("""
            <?xml version="1.0"?>
            <ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0">
              <ows:Exception exceptionCode="InvalidParameterValue" locator="outputSchema"><ows:ExceptionText>Unknown output schema</ows:ExceptionText></ows:Exception>
            </ows:ExceptionReport>
            """.utf8))
        case .invalidUTF8At(let at) where at == start:
            var body = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<csw:GetRecordsResponse xmlns:csw=\"http://www.opengis.net/cat/csw/2.0.2\"><csw:SearchResults numberOfRecordsMatched=\"1\" nextRecord=\"0\">".utf8)
            body += Data(CSWTestService.record(id: "latin1", title: "Sj\u{F6}ar").utf8).map { $0 == 0xC3 ? 0xF6 : $0 }.filter { $0 != 0xB6 }
            body += Data("</csw:SearchResults></csw:GetRecordsResponse>".utf8)
            return .full(status: 200, headers: ["Content-Type": "application/xml"], body: body)
        case .malformedAt(let at) where at == start:
            return xml("<?xml version=\"1.0\"?>\n<csw:GetRecordsResponse xmlns:csw=\"http://www.opengis.net/cat/csw/2.0.2\">\n<csw:SearchResults>\n<oops>")
        default:
            break
        }
        let hits = query["resultType"] == "hits"
        let first = min(start - 1, records.count)
        var page = hits ? [] : Array(records[first..<min(first + maxRecords, records.count)])
        if query["elementSetName"] == "brief" { page = page.map(CSWTestService.brief) }
        if query["elementSetName"] == "brief", fault == .briefWithoutIdentifiers {
            page = page.map { $0.replacingOccurrences(of: #"<gmd:fileIdentifier>.*</gmd:fileIdentifier>"#, with: "", options: .regularExpression) }
        }
        var matched = records.count
        if case .overcounts(let extra) = fault { matched += extra }
        if case .briefOvercounts(let extra) = fault, query["elementSetName"] == "brief", !hits { matched += extra }
        var next = first + page.count < matched && !hits ? first + page.count + 1 : 0
        if fault == .stuckNextRecord { next = start }
        let body: String
        if fault == .dublinCore || (fault == .briefDublinCore && query["elementSetName"] == "brief") {
            body = page.indices.map { index in
                "<csw:Record xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:identifier>dc-\(first + index)</dc:identifier><dc:title>T</dc:title></csw:Record>"
            }.joined(separator: "\n")
        } else {
            body = page.joined(separator: "\n")
        }
        return xml("""
        <?xml version="1.0" encoding="UTF-8"?>
        <csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">
        \(clock.map { "<csw:SearchStatus timestamp=\"\($0)\"/>" } ?? "<csw:SearchStatus/>")
        <csw:SearchResults numberOfRecordsMatched="\(matched)" numberOfRecordsReturned="\(page.count)" nextRecord="\(next)" elementSet="full">
        \(body)
        </csw:SearchResults>
        </csw:GetRecordsResponse>
        """)
    }

    /// GetRecordById: the records whose file identifiers `Id` lists (comma-separated), full, in the service's order.
    private func getRecordById(_ records: [String], query: [String: String], fault: Fault?) -> TestResponse {
        if fault == .refusesGetRecordById {
            return .full(status: 400, headers: ["Content-Type": "application/xml"], body: Data("""
            <?xml version="1.0"?>
            <ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0">
              <ows:Exception exceptionCode="OperationNotSupported" locator="request"><ows:ExceptionText>GetRecordById is not supported</ows:ExceptionText></ows:Exception>
            </ows:ExceptionReport>
            """.utf8))
        }
        var wanted = Set((query["id"] ?? "").split(separator: ",").map(String.init))
        if case .getRecordByIdLeavesOut(let left) = fault { wanted.subtract(left) }
        let found = records.filter { CSWTestService.fileIdentifier(of: $0).map(wanted.contains) ?? false }
        return xml("""
        <?xml version="1.0" encoding="UTF-8"?>
        <csw:GetRecordByIdResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">
        \(found.joined(separator: "\n"))
        </csw:GetRecordByIdResponse>
        """)
    }

    /// A record's `gmd:fileIdentifier` text.
    static func fileIdentifier(of record: String) -> String? {
        guard let start = record.range(of: "<gmd:fileIdentifier><gco:CharacterString>"),
              let end = record.range(of: "</gco:CharacterString></gmd:fileIdentifier>", range: start.upperBound..<record.endIndex) else { return nil }
        return String(record[start.upperBound..<end.lowerBound])
    }

    struct Refusal: Error {
        var text: String
    }

    /// The records a request's date constraint keeps (every `>=` comparison in it is applied to `gmd:dateStamp`;
    /// other predicates are not evaluated), or the refusal.
    static func filter(_ records: [String], query: [String: String], support: ConstraintSupport) -> Result<[String], Refusal> {
        guard let constraint = query["constraint"] else { return .success(records) }
        let language = query["constraintLanguage"] ?? "FILTER"
        let pattern = language == "CQL_TEXT" ? #"([A-Za-z:]+) >= '([0-9-]+)'"# : #"<ogc:PropertyName>([^<]+)</ogc:PropertyName><ogc:Literal>([^<]+)</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>"#
        let regex = try! NSRegularExpression(pattern: pattern)
        let text = constraint as NSString
        let comparisons = regex.matches(in: constraint, range: NSRange(location: 0, length: text.length)).map {
            (name: text.substring(with: $0.range(at: 1)), day: text.substring(with: $0.range(at: 2)))
        }
        var kept = records
        for comparison in comparisons {
            switch support {
            case .ignores:
                continue
            case .refuses:
                return .failure(Refusal(text: "constraints are not supported"))
            case .honours(let names) where !names.contains(comparison.name):
                return .failure(Refusal(text: "unknown queryable \(comparison.name)"))
            case .matchesNothingForOthers(let names) where !names.contains(comparison.name):
                kept = []
            default:
                kept = kept.filter { record in dateStamp(of: record).map { $0 >= comparison.day } ?? false }
            }
        }
        return .success(kept)
    }

    /// A record's `gmd:dateStamp` text.
    static func dateStamp(of record: String) -> String? {
        guard let range = record.range(of: #"<gmd:dateStamp><gco:(Date|DateTime)>[^<]+<"#, options: .regularExpression) else { return nil }
        let element = record[range]
        guard let start = element.firstIndex(of: ">").flatMap({ element[element.index(after: $0)...].firstIndex(of: ">") }) else { return nil }
        return String(element[element.index(after: start)..<element.index(before: element.endIndex)])
    }

    /// The brief form of a record: its root with the file identifier and hierarchy level.
    static func brief(_ record: String) -> String {
        func element(_ name: String) -> String {
            guard let start = record.range(of: "<gmd:\(name)>"), let end = record.range(of: "</gmd:\(name)>") else { return "" }
            return String(record[start.lowerBound..<end.upperBound])
        }
        return """
        <gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco">\(element("fileIdentifier"))\(element("hierarchyLevel"))</gmd:MD_Metadata>
        """
    }

    private func xml(_ text: String) -> TestResponse {
        .full(status: 200, headers: ["Content-Type": "application/xml"], body: Data(text.utf8))
    }

    /// A small ISO 19139 record: a dataset (or, with `service`, a service) with a Swedish title and an English one.
    static func record(id: String?, title: String, englishTitle: String? = nil, service: Bool = false,
                       downloadURL: String = "https://geodata.example/download.zip", dateStamp: String? = nil) -> String {
        let stamp = dateStamp.map { "<gmd:dateStamp><gco:\($0.count > 10 ? "DateTime" : "Date")>\($0)</gco:\($0.count > 10 ? "DateTime" : "Date")></gmd:dateStamp>" } ?? ""
        let identifier = id.map { "<gmd:fileIdentifier><gco:CharacterString>\($0)</gco:CharacterString></gmd:fileIdentifier>" } ?? ""
        let english = englishTitle.map {
            "<gmd:PT_FreeText><gmd:textGroup><gmd:LocalisedCharacterString locale=\"#EN\">\($0)</gmd:LocalisedCharacterString></gmd:textGroup></gmd:PT_FreeText>"
        } ?? ""
        let scope = service ? "service" : "dataset"
        let identification = service ? "srv:SV_ServiceIdentification" : "gmd:MD_DataIdentification"
        return """
        <gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco" xmlns:srv="http://www.isotc211.org/2005/srv">
          \(identifier)
          <gmd:language><gmd:LanguageCode codeList="http://www.loc.gov/standards/iso639-2/" codeListValue="swe">swe</gmd:LanguageCode></gmd:language>
          <gmd:hierarchyLevel><gmd:MD_ScopeCode codeList="http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#MD_ScopeCode" codeListValue="\(scope)">\(scope)</gmd:MD_ScopeCode></gmd:hierarchyLevel>
          \(stamp)
          <gmd:locale><gmd:PT_Locale id="EN"><gmd:languageCode><gmd:LanguageCode codeList="http://www.loc.gov/standards/iso639-2/" codeListValue="eng">eng</gmd:LanguageCode></gmd:languageCode></gmd:PT_Locale></gmd:locale>
          <gmd:identificationInfo><\(identification)>
            <gmd:citation><gmd:CI_Citation><gmd:title><gco:CharacterString>\(title)</gco:CharacterString>\(english)</gmd:title></gmd:CI_Citation></gmd:citation>
            <gmd:abstract><gco:CharacterString>Beskrivning av \(title).</gco:CharacterString></gmd:abstract>
          </\(identification)></gmd:identificationInfo>
          <gmd:distributionInfo><gmd:MD_Distribution><gmd:transferOptions><gmd:MD_DigitalTransferOptions><gmd:onLine><gmd:CI_OnlineResource>
            <gmd:linkage><gmd:URL>\(downloadURL)</gmd:URL></gmd:linkage>
            <gmd:protocol><gco:CharacterString>WWW:DOWNLOAD-1.0-http--download</gco:CharacterString></gmd:protocol>
          </gmd:CI_OnlineResource></gmd:onLine></gmd:MD_DigitalTransferOptions></gmd:transferOptions></gmd:MD_Distribution></gmd:distributionInfo>
        </gmd:MD_Metadata>
        """
    }

    /// `count` dataset records `rec-000` … with titles "Geodata N".
    static func records(_ count: Int, prefix: String = "rec", dateStamp: String? = nil) -> [String] {
        (0..<count).map {
            record(id: String(format: "\(prefix)-%03d", $0), title: "Geodata \($0)", englishTitle: "Geodata \($0) (en)", dateStamp: dateStamp)
        }
    }
}
