import Foundation
import KatalogRDF

/// One OAI-PMH 2.0 response, read as a stream: its errors, and for `ListRecords` the records (header, and the metadata
/// element cut out as a standalone document; of a page larger than ``CSWPage/treeLimit`` only its bytes are kept and a
/// mapping lane reads them again) and the resumption token; for `ListMetadataFormats` the formats; for `Identify` the
/// granularity and deletion policy; for every response its `responseDate`.
struct OAIPMHResponse: Sendable {
    /// One `record` of a `ListRecords` response.
    struct Record: Sendable {
        /// The header's `identifier`.
        var identifier: String?
        /// The header's `status="deleted"`.
        var isDeleted: Bool
        /// The one element inside `metadata` (an `oai_dc:dc`, a `gmd:MD_Metadata`, …), when the page was small enough to
        /// keep its tree.
        var metadata: XMLElement?
        /// That element as a standalone XML document; nil for a deleted record.
        var raw: Data?
    }

    /// A `metadataFormat` of `ListMetadataFormats`.
    struct MetadataFormat: Sendable, Hashable {
        var prefix: String
        var namespace: String?
    }

    /// The `resumptionToken` element: the token (empty on the last page) and the list's size, when given.
    struct ResumptionToken: Sendable, Hashable {
        var token: String
        var completeListSize: Int?
    }

    /// What `Identify` says about the repository that matters to a harvester.
    struct Identity: Sendable, Hashable {
        /// `granularity`: `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ssZ`.
        var granularity: String?
        /// `deletedRecord`: `no`, `transient` or `persistent`.
        var deletedRecord: String?
    }

    /// The `responseDate`: the repository's clock when it answered.
    var responseDate: String?
    /// The `error` elements: code and message.
    var errors: [(code: String, message: String)] = []
    /// The `Identify` element of an `Identify` response.
    var identity: Identity?
    /// The records of a `ListRecords` response.
    var records: [Record] = []
    /// The resumption token of a `ListRecords` response, when it has one.
    var resumptionToken: ResumptionToken?
    /// The formats of a `ListMetadataFormats` response.
    var formats: [MetadataFormat] = []

    static let oai = "http://www.openarchives.org/OAI/2.0/"

    /// Reads a response body. A body that is not well-formed XML or not an `OAI-PMH` document is an error naming the
    /// source and URL; OAI-PMH's own errors are returned in ``errors`` for the caller to judge.
    static func read(_ body: Data, source: String, url: String) throws -> OAIPMHResponse {
        var records: [Record] = []
        let keepTrees = body.count <= CSWPage.treeLimit
        // Records sit at depth 2: OAI-PMH › ListRecords › record.
        let root = try ResponseXML.read(body, what: "OAI-PMH", source: source, url: url, recordDepth: 2) { parent, record in
            guard parent.isNamed(oai, "ListRecords"), record.isNamed(oai, "record") else { return false }
            let header = record.child(oai, "header")
            let metadata = record.child(oai, "metadata")?.children.first
            let identifier = header?.child(oai, "identifier").map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
            records.append(Record(
                identifier: identifier?.isEmpty == false ? identifier : nil,
                isDeleted: header?.attribute("status") == "deleted",
                metadata: keepTrees ? metadata : nil, raw: metadata?.serialized()))
            return true
        }
        guard root.isNamed(oai, "OAI-PMH") else {
            let name = root.namespace.map { "{\($0)}" } ?? ""
            throw HarvestError(.unexpectedResponse, "OAI-PMH: expected an OAI-PMH 2.0 response, got \(name)\(root.localName)",
                               source: source, url: url)
        }
        var response = OAIPMHResponse()
        response.responseDate = root.child(oai, "responseDate")?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let identify = root.child(oai, "Identify") {
            response.identity = Identity(
                granularity: identify.child(oai, "granularity")?.text.trimmingCharacters(in: .whitespacesAndNewlines),
                deletedRecord: identify.child(oai, "deletedRecord")?.text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        for error in root.children(oai, "error") {
            response.errors.append((error.attribute("code") ?? "unknown", error.text.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        response.records = records
        if let list = root.child(oai, "ListRecords") {
            if let token = list.child(oai, "resumptionToken") {
                response.resumptionToken = ResumptionToken(
                    token: token.text.trimmingCharacters(in: .whitespacesAndNewlines),
                    completeListSize: token.attribute("completeListSize").flatMap { Int($0) })
            }
        }
        if let list = root.child(oai, "ListMetadataFormats") {
            for format in list.children(oai, "metadataFormat") {
                guard let prefix = format.child(oai, "metadataPrefix")?.text.trimmingCharacters(in: .whitespacesAndNewlines),
                      !prefix.isEmpty else { continue }
                response.formats.append(MetadataFormat(
                    prefix: prefix,
                    namespace: format.child(oai, "metadataNamespace")?.text.trimmingCharacters(in: .whitespacesAndNewlines)))
            }
        }
        return response
    }

    /// The errors as one line, shortened.
    var errorText: String {
        let text = errors.map { $0.message.isEmpty ? $0.code : "\($0.code): \($0.message)" }.joined(separator: " | ")
        return text.count > 500 ? String(text.prefix(500)) + "…" : text
    }
}
