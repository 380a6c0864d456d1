import Foundation
import KatalogHarvest
import Synchronization

/// A CKAN-shaped portal for harvest tests, built from packages the test makes (not the bundled fixtures),
/// served through ``TestHTTPServer`` with real `package_search` paging and scriptable faults.
final class CKANTestPortal: Sendable {
    /// A fault the portal injects.
    enum Fault: Sendable, Equatable {
        /// Answers 500 for the page at this `start`.
        case serverErrorAt(start: Int)
        /// Ignores `start` and always answers the first page (a paging loop).
        case ignoresStart
        /// Answers malformed JSON for the page at this `start`.
        case malformedJSONAt(start: Int)
        /// Answers bytes that are not UTF-8 for the page at this `start`.
        case invalidUTF8At(start: Int)
        /// Answers `success: false` for every page.
        case unsuccessful
        /// Answers a request with `fq` with HTTP 409 and CKAN's "Search Query is invalid".
        case refusesFilter
        /// Ignores `fl` and answers whole package dicts (as portals before CKAN 2.9 may).
        case ignoresFields
        /// Answers HTTP 409 to the identifier listing (`fl` naming `capacity`).
        case refusesIdentifierListing
    }

    private struct State {
        var packages: [(id: String, json: String)] = []
        var fault: Fault?
        var searches = 0
        var queries: [[String: String]] = []
    }

    private let state = Mutex(State())

    init(packages: [String] = []) {
        setPackages(packages)
    }

    /// Replaces the portal's packages (JSON texts of package dicts, each with an `id`).
    func setPackages(_ packages: [String]) {
        let parsed = packages.map { json -> (String, String) in
            let object = try! JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
            return (object["id"] as! String, json)
        }
        state.withLock { $0.packages = parsed.sorted { $0.0 < $1.0 } }
    }

    /// Sets or clears the injected fault.
    func setFault(_ fault: Fault?) {
        state.withLock { $0.fault = fault }
    }

    /// How many `package_search` requests the portal answered.
    var searches: Int { state.withLock { $0.searches } }
    /// The query parameters of every `package_search` request, in order.
    var queries: [[String: String]] { state.withLock { $0.queries } }

    /// The handler to give ``TestHTTPServer``.
    var handler: TestHTTPServer.Handler {
        { [self] request in self.respond(request) }
    }

    private func respond(_ request: TestRequest) -> TestResponse {
        guard request.path.hasSuffix("/api/3/action/package_search") else {
            return .full(status: 404, headers: ["Content-Type": "application/json"],
                         body: Data(#"{"success": false, "error": {"message": "Not found", "__type": "Not Found Error"}}"#.utf8))
        }
        let query = testQueryParameters(request.query ?? "")
        let rows = min(Int(query["rows"] ?? "10") ?? 10, 1000)
        var start = Int(query["start"] ?? "0") ?? 0
        let (all, fault) = state.withLock { state -> ([(id: String, json: String)], Fault?) in
            state.searches += 1
            state.queries.append(query)
            return (state.packages, state.fault)
        }
        switch fault {
        case .serverErrorAt(let at) where at == start:
            return .text("internal error", status: 500)
        case .malformedJSONAt(let at) where at == start:
            return .full(status: 200, headers: ["Content-Type": "application/json"], body: Data(#"{"success": true, "result": {"count": 3, "results": [{"id": "#.utf8))
        case .invalidUTF8At(let at) where at == start:
            return .full(status: 200, headers: ["Content-Type": "application/json"], body: Data([0x7B, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D]))
        case .unsuccessful:
            return .full(status: 200, headers: ["Content-Type": "application/json"],
                         body: Data(#"{"success": false, "error": {"message": "Search index unavailable"}}"#.utf8))
        case .refusesFilter where query["fq"] != nil:
            return .full(status: 409, headers: ["Content-Type": "application/json"],
                         body: Data(#"{"success": false, "error": {"message": "Search Query is invalid", "__type": "Search Query Error"}}"#.utf8))
        case .refusesIdentifierListing where query["fl"]?.contains("capacity") == true:
            return .full(status: 409, headers: ["Content-Type": "application/json"],
                         body: Data(#"{"success": false, "error": {"message": "Search Query is invalid", "__type": "Search Query Error"}}"#.utf8))
        case .ignoresStart:
            start = 0
        default:
            break
        }
        // fq: metadata_modified:[FROM TO *], compared to the second; sort: id asc (default) or metadata_modified desc.
        var packages = all.map { (id: $0.id, json: $0.json, modified: Self.modified(of: $0.json)) }
        if let fq = query["fq"] {
            guard fq.hasPrefix("metadata_modified:["), fq.hasSuffix(" TO *]") else {
                return .text(#"{"success": false, "error": {"message": "unsupported fq"}}"#, status: 409, contentType: "application/json")
            }
            let from = String(fq.dropFirst("metadata_modified:[".count).dropLast(" TO *]".count).prefix(19))
            packages = packages.filter { $0.modified >= from }
        }
        if query["sort"] == "metadata_modified desc" {
            packages.sort { ($0.modified, $0.id) > ($1.modified, $1.id) }
        }
        let fields = fault == .ignoresFields ? nil : query["fl"]?.split(separator: ",").map(String.init)
        let page = packages.dropFirst(start).prefix(rows).map { package -> String in
            guard let fields else { return package.json }
            let object = try! JSONSerialization.jsonObject(with: Data(package.json.utf8)) as! [String: Any]
            let kept = object.filter { fields.contains($0.key) }
            return String(decoding: try! JSONSerialization.data(withJSONObject: kept, options: [.sortedKeys]), as: UTF8.self)
        }.joined(separator: ",")
        let body = #"{"help": "package_search", "success": true, "result": {"count": \#(packages.count), "sort": "id asc", "facets": {}, "results": [\#(page)]}}"#
        return .full(status: 200, headers: ["Content-Type": "application/json;charset=utf-8"], body: Data(body.utf8))
    }

    /// A package's `metadata_modified` to the second (`YYYY-MM-DDThh:mm:ss`).
    static func modified(of json: String) -> String {
        let object = try! JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        return String(((object["metadata_modified"] as? String) ?? "").prefix(19))
    }

    /// A package dict as CKAN's API returns it.
    static func package(
        id: String, title: String, notes: String = "", organization: (name: String, title: String)? = ("miljoforvaltningen", "Miljöförvaltningen"),
        tags: [String] = [], resources: [(format: String, url: String)] = [], license: String = "cc-by-4.0",
        modified: String = "2024-03-01T10:00:00.000000", extra: [String: Any] = [:]
    ) -> String {
        var object: [String: Any] = [
            "id": id, "name": id.lowercased(), "title": title, "notes": notes, "state": "active", "private": false,
            "license_id": license, "metadata_created": "2023-01-01T08:00:00.000000", "metadata_modified": modified,
            "tags": tags.map { ["name": $0, "display_name": $0] },
            "resources": resources.enumerated().map { index, resource in
                ["id": "\(id)-r\(index)", "name": "Resurs \(index + 1)", "format": resource.format, "url": resource.url]
            },
            "groups": [], "extras": [],
        ]
        if let organization {
            object["organization"] = ["id": "org-\(organization.name)", "name": organization.name, "title": organization.title]
        }
        for (key, value) in extra { object[key] = value }
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
