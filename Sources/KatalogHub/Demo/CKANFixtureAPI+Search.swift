import Foundation

import KatalogModel

extension CKANFixtureAPI {
    /// One `sort` clause: a field and a direction.
    struct SortClause: Equatable {
        let field: String
        let descending: Bool
    }

    static let sortableFields: Set<String> = ["id", "name", "title", "metadata_modified", "metadata_created", "score"]

    /// Parses CKAN's `sort` (`"metadata_modified desc, name asc"`; `+` is read as a space); nil when invalid.
    static func parseSort(_ text: String?) -> [SortClause]? {
        guard let text = text?.replacingOccurrences(of: "+", with: " ").trimmingWhitespace(), !text.isEmpty else {
            return [SortClause(field: "score", descending: true), SortClause(field: "metadata_modified", descending: true)]
        }
        var clauses: [SortClause] = []
        for part in text.split(separator: ",") {
            let words = part.split(separator: " ").map { $0.lowercased() }
            guard let field = words.first, sortableFields.contains(field), words.count <= 2 else { return nil }
            let direction = words.count == 2 ? words[1] : "asc"
            guard direction == "asc" || direction == "desc" else { return nil }
            clauses.append(SortClause(field: field, descending: direction == "desc"))
        }
        return clauses
    }

    /// `package_search`: `q` (substring over title, name, notes, tags and organization; `*:*` or empty for all),
    /// `fq` of the form `metadata_modified:[FROM TO *]` (others are ignored), `fl` (a comma-separated field list),
    /// `rows` (default 10, at most 1000), `start`, `sort`. Ties are broken by `id` so paging is stable.
    func packageSearch(_ query: [String: String]) -> Reply {
        guard let window = paging("package_search", query, limitKey: "rows", offsetKey: "start", defaultLimit: 10, maxLimit: 1000) else {
            let rowsValid = query["rows"].map { $0.isEmpty || (Int($0) ?? -1) >= 0 } ?? true
            return validation("package_search", field: rowsValid ? "start" : "rows", "Invalid integer")
        }
        guard let clauses = Self.parseSort(query["sort"]) else {
            return failure("package_search", status: 409, type: "Search Query Error",
                           fields: ["message": .string("Search Query is invalid: \"Invalid sort \(query["sort"] ?? "")\"")])
        }
        let term = (query["q"] ?? "").replacingOccurrences(of: "+", with: " ").trimmingWhitespace().lowercased()
        var matches = portal.packages.filter { term.isEmpty || term == "*:*" || term == "*" || Self.matches($0, term) }
        if let fq = query["fq"], let since = Self.modifiedSince(fq) {
            matches = matches.filter { ($0["metadata_modified"]?.stringValue ?? "").prefix(19) >= since.prefix(19) }
        }
        let sorted = matches.sorted { Self.ordered($0, $1, by: clauses) }
        let fields = query["fl"].map { Set($0.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }) }
        let page = sorted.dropFirst(window.start).prefix(window.rows).map { package -> JSONValue in
            guard let fields, !fields.isEmpty, let object = package.object else { return package }
            return .object(object.filter { fields.contains($0.key) })
        }
        let sortText = query["sort"]?.replacingOccurrences(of: "+", with: " ") ?? "score desc, metadata_modified desc"
        return success("package_search", .object([
            "count": .int(Int64(matches.count)), "results": .array(Array(page)), "sort": .string(sortText),
            "facets": .object([:]), "search_facets": .object([:]),
        ]))
    }

    /// The lower bound of an `fq` that is `metadata_modified:[FROM TO *]` (what an incremental harvest asks), when it
    /// is one; other `fq` clauses are accepted and ignored.
    static func modifiedSince(_ fq: String) -> String? {
        let text = fq.replacingOccurrences(of: "+", with: " ").trimmingWhitespace()
        let prefix = "metadata_modified:[", suffix = " TO *]"
        guard text.hasPrefix(prefix), text.hasSuffix(suffix), text.count > prefix.count + suffix.count else { return nil }
        return String(text.dropFirst(prefix.count).dropLast(suffix.count))
    }

    static func matches(_ package: JSONValue, _ term: String) -> Bool {
        var fields: [String?] = [package["title"]?.stringValue, package["name"]?.stringValue, package["notes"]?.stringValue,
                                 package["organization"]?["title"]?.stringValue]
        for tag in package["tags"]?.array ?? [] { fields.append(tag["name"]?.stringValue) }
        return fields.contains { $0?.lowercased().contains(term) == true }
    }

    static func ordered(_ a: JSONValue, _ b: JSONValue, by clauses: [SortClause]) -> Bool {
        for clause in clauses where clause.field != "score" {
            let left = a[clause.field]?.stringValue ?? ""
            let right = b[clause.field]?.stringValue ?? ""
            if left != right { return clause.descending ? left > right : left < right }
        }
        return (a["id"]?.stringValue ?? "") < (b["id"]?.stringValue ?? "")
    }
}
