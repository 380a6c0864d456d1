import KatalogModel

/// The CKAN Action API over one fixture portal, as a pure function from a request to a status and a JSON body.
///
/// Implements `package_search`, `package_show`, `package_list`, `organization_list` and `status_show` with
/// CKAN's envelope (`help`, `success`, `result` or `error`) and status codes (404 Not Found, 409 Validation
/// Error, 400 for an unknown action). `fq` other than a `metadata_modified:[FROM TO *]` range, and facets, are accepted and ignored; `include_private` is ignored
/// because the fixtures deliberately leak private and deleted packages, as misconfigured portals do.
public struct CKANFixtureAPI: Sendable {
    /// A response: HTTP status code and JSON body.
    public struct Reply: Sendable, Equatable {
        /// The HTTP status code.
        public var status: Int
        /// The JSON body.
        public var body: JSONValue
    }

    /// The portal served.
    public let portal: CKANFixturePortal
    /// The portal's public root URL (`http://127.0.0.1:PORT/ckan/<name>`), used in `help` and `status_show`.
    public let siteURL: String

    /// Creates the API for a portal.
    public init(portal: CKANFixturePortal, siteURL: String) {
        self.portal = portal
        self.siteURL = siteURL
    }

    /// The CKAN actions this API answers.
    public static let actions = ["package_search", "package_show", "package_list", "organization_list", "status_show"]

    /// Answers one action call with its query parameters.
    public func handle(action: String, query: [String: String]) -> Reply {
        switch action {
        case "package_search": return packageSearch(query)
        case "package_show": return packageShow(query)
        case "package_list": return packageList(query)
        case "organization_list": return organizationList(query)
        case "status_show": return statusShow()
        default:
            return Reply(status: 400, body: .object([
                "help": .string(help(action)), "success": .bool(false),
                "error": .object(["__type": .string("Bad Request"), "message": .string("Bad request - Action name not known: \(action)")]),
            ]))
        }
    }

    func help(_ action: String) -> String {
        siteURL + "/api/3/action/help_show?name=" + action
    }

    func success(_ action: String, _ result: JSONValue) -> Reply {
        Reply(status: 200, body: .object(["help": .string(help(action)), "success": .bool(true), "result": result]))
    }

    func failure(_ action: String, status: Int, type: String, fields: [String: JSONValue]) -> Reply {
        var error = fields
        error["__type"] = .string(type)
        return Reply(status: status, body: .object(["help": .string(help(action)), "success": .bool(false), "error": .object(error)]))
    }

    func validation(_ action: String, field: String, _ message: String) -> Reply {
        failure(action, status: 409, type: "Validation Error", fields: [field: .array([.string(message)])])
    }

    func packageShow(_ query: [String: String]) -> Reply {
        guard let key = query["id"]?.trimmingWhitespace(), !key.isEmpty else {
            return validation("package_show", field: "id", "Missing value")
        }
        guard let package = portal.package(idOrName: key) else {
            return failure("package_show", status: 404, type: "Not Found Error", fields: ["message": .string("Not found")])
        }
        return success("package_show", package)
    }

    func packageList(_ query: [String: String]) -> Reply {
        // Real package_list leaves out private and deleted packages.
        let names = portal.packages.filter(CKANMapper.isPublishable).compactMap { $0["name"]?.nonEmptyString }.sorted()
        guard let window = paging("package_list", query, limitKey: "limit", offsetKey: "offset", defaultLimit: names.count, maxLimit: Int.max) else {
            return validation("package_list", field: "limit", "Invalid integer")
        }
        return success("package_list", .array(names.dropFirst(window.start).prefix(window.rows).map(JSONValue.string)))
    }

    func organizationList(_ query: [String: String]) -> Reply {
        let sorted = portal.organizations.sorted { ($0["name"]?.string ?? "") < ($1["name"]?.string ?? "") }
        let allFields = ["true", "1", "yes"].contains(query["all_fields"]?.lowercased() ?? "")
        let items = sorted.map { allFields ? $0 : ($0["name"] ?? .null) }
        guard let window = paging("organization_list", query, limitKey: "limit", offsetKey: "offset", defaultLimit: 1000, maxLimit: 1000) else {
            return validation("organization_list", field: "limit", "Invalid integer")
        }
        return success("organization_list", .array(Array(items.dropFirst(window.start).prefix(window.rows))))
    }

    func statusShow() -> Reply {
        success("status_show", .object([
            "site_title": .string(portal.title), "site_url": .string(siteURL), "site_description": .string(""),
            "ckan_version": .string("2.10.4"), "error_emails_to": .null, "locale_default": .string("en"),
            "extensions": .array(["scheming_datasets", "fluent", "dcat", "activity"].map(JSONValue.string)),
        ]))
    }

    /// Reads a limit/offset pair; nil when either is not a non-negative integer. The limit is clamped to `maxLimit`.
    func paging(_ action: String, _ query: [String: String], limitKey: String, offsetKey: String,
                defaultLimit: Int, maxLimit: Int) -> (start: Int, rows: Int)? {
        var rows = defaultLimit
        var start = 0
        if let text = query[limitKey], !text.isEmpty {
            guard let value = Int(text), value >= 0 else { return nil }
            rows = min(value, maxLimit)
        }
        if let text = query[offsetKey], !text.isEmpty {
            guard let value = Int(text), value >= 0 else { return nil }
            start = value
        }
        return (start, rows)
    }
}
