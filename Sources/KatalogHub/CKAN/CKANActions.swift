import Foundation
import HTTPTypes
import KatalogModel
import KatalogStore

/// The read actions of CKAN's Action API over the catalogue: `package_search`, `package_show`, `package_list`,
/// `resource_show`, `organization_list`, `organization_show`, `group_list`, `group_show`, `tag_list`, `license_list` and
/// `status_show`, each a function from parameters to the envelope's `result`.
struct CKANActions: Sendable {
    let store: CatalogStore
    let organizations: CKANOrganizations
    let tags: CKANTags

    init(store: CatalogStore) {
        self.store = store
        organizations = CKANOrganizations(store: store)
        tags = CKANTags(store: store)
    }

    /// The actions answered.
    static let names = ["package_search", "package_show", "package_list", "resource_show", "organization_list", "organization_show",
                        "group_list", "group_show", "tag_list", "license_list", "status_show"]

    /// Answers `action`; `site` is the hub's origin (`http://host:port`).
    func answer(_ action: String, _ parameters: CKANParameters, site: String) async throws -> JSONValue {
        switch action {
        case "package_search": return try await packageSearch(parameters, site: site)
        case "package_show": return try await packageShow(parameters, site: site)
        case "package_list": return try await packageList(parameters)
        case "resource_show": return try await resourceShow(parameters)
        case "organization_list": return try await organizationList(parameters)
        case "organization_show": return try await organizationShow(parameters, site: site)
        case "group_list": return try await groupList(parameters)
        case "group_show": return try await groupShow(parameters, site: site)
        case "tag_list": return try await tagList(parameters)
        case "license_list": return try await licenseList(parameters)
        case "status_show": return try statusShow(parameters, site: site)
        default:
            throw CKANError.badRequest("Bad request - Action name not known: \(action.prefix(60)); this hub answers \(CKANActions.names.joined(separator: ", "))")
        }
    }

    // MARK: package_search

    /// CKAN's fields that filter (`fq`, or clauses in `q`), and what each filters in the catalogue.
    static let filterFields: Set<String> = [
        "organization", "owner_org", "tags", "res_format", "license_id", "groups", "source", "katalog_source",
        "language", "metadata_modified", "dataset_type", "type",
    ]
    /// CKAN's facet fields and the catalogue facets counted for them.
    static let facetFields: [String: String] = [
        "organization": "publisher", "groups": "theme", "res_format": "format", "license_id": "licence",
        "language": "language", "source": "source",
    ]
    /// The most rows one page may hold, as CKAN's default `ckan.search.rows_max`.
    static let maxRows = 1_000

    static let searchParameters: Set<String> = [
        "q", "fq", "rows", "start", "sort", "facet", "facet.field", "facet.limit", "facet.mincount", "fl",
        "include_private", "include_drafts", "include_deleted", "use_default_schema", "lang",
    ]

    func packageSearch(_ parameters: CKANParameters, site: String) async throws -> JSONValue {
        try parameters.rejectUnknown(CKANActions.searchParameters)
        let q = try CKANFilterQuery.parse(try parameters.string("q") ?? "", parameter: "q", fields: CKANActions.filterFields)
        let fq = try CKANFilterQuery.parse(try parameters.string("fq") ?? "", parameter: "fq")
        var query = SearchQuery(q.text)
        query.languages = try parameters.languages()
        let rows = try parameters.int("rows", default: 10, in: 0...CKANActions.maxRows, clamp: true)
        query.limit = max(rows, 1)
        query.offset = try parameters.int("start", default: 0, in: 0...SearchQuery.maxOffset)
        let (sort, sortText) = try CKANActions.sort(try parameters.string("sort"), hasText: !q.text.trimmingWhitespace().isEmpty)
        query.sort = sort
        for flag in ["include_private", "include_drafts", "include_deleted", "use_default_schema"] { _ = try parameters.bool(flag) }

        let facetFields = try facetFieldsAsked(parameters)
        query.facets = !facetFields.isEmpty
        let facetLimit = try parameters.int("facet.limit", default: 50, in: -1...1_000_000)
        // CKAN's -1 is every value; the store answers up to SearchQuery.maxFacetValues.
        query.facetValues = facetLimit < 0 ? SearchQuery.maxFacetValues : min(max(facetLimit, 1), SearchQuery.maxFacetValues)
        let facetMinCount = try parameters.int("facet.mincount", default: 1, in: 0...1_000_000)
        let projection = try parameters.string("fl").flatMap(CKANActions.fieldList)
        // A listing of index fields only (an incremental harvest's `fl=id,…`) reads no record.
        let indexOnly = projection.map { $0.isSubset(of: CKANPackage.indexFields.union(CKANPackage.absentFields)) } ?? false
        query.includesRecords = !indexOnly

        var matchesNothing = false
        var seenFields = Set<String>()
        for clause in q.clauses + fq.clauses {
            let parameter = q.clauses.contains(clause) ? "q" : "fq"
            if try await apply(clause, to: &query, parameter: parameter, seenFields: &seenFields) == false { matchesNothing = true }
        }

        var result: SearchResult
        if matchesNothing {
            result = SearchResult(total: 0, hits: [], facets: [:], nextCursor: nil)
        } else {
            do {
                result = try await store.search(query)
            } catch let error as StoreError where error.code == .invalidQuery {
                throw CKANError(status: .conflict, type: "Search Query Error", message: "Search error: \(error.message)",
                                fields: ["q": [error.message]])
            } catch let error as StoreError where error.code == .timedOut {
                // CKAN answers a search its index could not run as a 409 "Search Error".
                throw CKANError(status: .conflict, type: "Search Error", message: "Search error: \(error.message)")
            } catch let error as StoreError where error.code == .overloaded {
                // Not the search's fault: the hub is busy with other long searches, and the same one may run shortly.
                throw CKANError(status: .serviceUnavailable, type: "Search Error", message: "Search error: \(error.message)",
                                retryAfter: 1)
            }
        }
        let packages: [JSONValue] = rows == 0 ? [] : result.hits.map { hit in
            let dict = indexOnly
                ? CKANPackage.indexDict(id: hit.id, source: hit.source, sourceIdentifier: hit.sourceIdentifier,
                                        firstSeen: hit.firstSeen, updatedAt: hit.updatedAt, site: site)
                : CKANPackage.dict(hit: hit, languages: query.languages, site: site)
            return .object(projection.map { fields in dict.filter { fields.contains($0.key) } } ?? dict)
        }
        var facets: [String: JSONValue] = [:]
        var searchFacets: [String: JSONValue] = [:]
        for field in facetFields {
            let counted = (result.facets[CKANActions.facetFields[field] ?? ""] ?? []).filter { $0.count >= facetMinCount }
            let limited = facetLimit < 0 ? counted : Array(counted.prefix(facetLimit))
            var plain: [String: JSONValue] = [:]
            var items: [JSONValue] = []
            for value in limited {
                let (name, display) = facetName(field: field, value: value, languages: query.languages)
                plain[name] = .int(Int64(value.count))
                items.append(.object(["name": .string(name), "display_name": .string(display), "count": .int(Int64(value.count))]))
            }
            facets[field] = .object(plain)
            searchFacets[field] = .object(["title": .string(field), "items": .array(items)])
        }
        return .object([
            "count": .int(Int64(result.total)),
            "results": .array(packages),
            "facets": .object(facets),
            "search_facets": .object(searchFacets),
            "sort": .string(sortText),
        ])
    }

    /// Narrows `query` by one clause; false when the clause can match nothing here.
    private func apply(_ clause: CKANFilterQuery.Clause, to query: inout SearchQuery, parameter: String,
                       seenFields: inout Set<String>) async throws -> Bool {
        let field = clause.field
        guard CKANActions.filterFields.contains(field) else {
            throw CKANError.validation(parameter, "filtering by '\(field.prefix(40))' is not supported; supported: \(CKANActions.filterFields.sorted().joined(separator: ", "))")
        }
        if field == "dataset_type" || field == "type" {
            // Every record here is a dataset: `dataset_type:dataset` keeps all, `-dataset_type:harvest` drops none.
            guard clause.range == nil else { throw CKANError.validation(parameter, "'\(field)' takes a value, not a range") }
            return clause.negated ? !clause.values.contains("dataset") : clause.values.contains("dataset")
        }
        guard !clause.negated else {
            throw CKANError.validation(parameter, "excluding values (-\(field):…) is supported for dataset_type only")
        }
        guard seenFields.insert(field == "owner_org" ? "organization" : field == "katalog_source" ? "source" : field).inserted else {
            throw CKANError.validation(parameter, "'\(field)' is given twice; list its values as \(field):(a OR b)")
        }
        if field == "metadata_modified" {
            guard let range = clause.range else {
                throw CKANError.validation(parameter, "metadata_modified takes a range: metadata_modified:[2024-01-31T00:00:00Z TO *]")
            }
            guard range.to == "*" || range.to.uppercased() == "NOW" else {
                throw CKANError.validation(parameter, "metadata_modified: only open-ended ranges ([from TO *] or [from TO NOW]) are supported")
            }
            guard range.from != "*" else { return true }
            guard let key = DateValue(raw: range.from).sortKey, let time = try? Date(key, strategy: .iso8601) else {
                throw CKANError.validation(parameter, "metadata_modified: '\(range.from.prefix(40))' is not an ISO 8601 date or date-time")
            }
            query.changedAfter = try await store.changeSequence(before: time)
            return true
        }
        guard clause.range == nil else { throw CKANError.validation(parameter, "'\(field)' takes values, not a range") }
        guard clause.values.count <= SearchQuery.maxFilterValues, clause.values.allSatisfy({ $0.utf8.count <= 500 }) else {
            throw CKANError.validation(parameter, "'\(field)': too many or too long values")
        }
        switch field {
        case "organization", "owner_org":
            var keys: [String] = []
            for name in clause.values { keys.append(try await organizations.key(forName: name)) }
            query.publisher = keys
        case "tags": query.keyword = clause.values
        case "res_format": query.format = clause.values
        case "license_id": query.licence = clause.values
        case "groups":
            // Group names are theme keys; EU themes' codes are upper-case, and a lower-case name finds them too.
            query.theme = clause.values.flatMap { value in value.uppercased() == value ? [value] : [value, value.uppercased()] }
        case "language": query.language = clause.values
        default: query.source = clause.values
        }
        return true
    }

    /// The `facet.field` list, checked; empty when facets are off or none is asked for (CKAN's API counts only
    /// the fields it is given). The list is checked even when facets are off: a malformed one is still an error.
    private func facetFieldsAsked(_ parameters: CKANParameters) throws(CKANError) -> [String] {
        let fields = try parameters.list("facet.field", maxItems: 20) ?? []
        for field in fields where CKANActions.facetFields[field] == nil {
            throw CKANError.validation("facet.field", "'\(field.prefix(40))' is not counted here; counted: \(CKANActions.facetFields.keys.sorted().joined(separator: ", "))")
        }
        guard try parameters.bool("facet") ?? true else { return [] }
        var seen = Set<String>()
        return fields.filter { seen.insert($0).inserted }
    }

    /// The CKAN name and display name of a counted facet value.
    private func facetName(field: String, value: FacetCount, languages: [String]) -> (String, String) {
        switch field {
        case "organization":
            return (CKANNames.organizationName(forKey: value.value), value.label ?? value.value)
        case "groups":
            return (value.value, SearchPage.vocabularyLabel(facet: "theme", value: value.value, language: languages.first ?? "en") ?? value.value)
        case "license_id":
            return (value.value, SearchPage.vocabularyLabel(facet: "licence", value: value.value, language: languages.first ?? "en") ?? value.value)
        case "language":
            return (value.value, SearchPage.vocabularyLabel(facet: "language", value: value.value, language: languages.first ?? "en") ?? value.value)
        default:
            return (value.value, value.label ?? value.value)
        }
    }

    /// CKAN's `sort` (`field direction`, comma-separated; the first decides) as a catalogue sort, and the text
    /// echoed back.
    static func sort(_ text: String?, hasText: Bool) throws(CKANError) -> (SearchQuery.Sort, String) {
        let given = text ?? "score desc, metadata_modified desc"
        let first = given.split(separator: ",").first.map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ").lowercased() } ?? ""
        switch first {
        case "score desc", "rank desc", "": return (hasText ? .relevance : .changed, given)
        case "metadata_modified desc": return (.changed, given)
        case "id asc", "name asc": return (.id, given)
        case "title_string asc", "title asc": return (.title, given)
        default:
            throw CKANError.validation("sort", "'\(given.prefix(60))' is not supported; supported: score desc, metadata_modified desc, id asc, name asc, title_string asc")
        }
    }

    /// `fl`'s field names (commas or spaces); nil for `*` (every field).
    static func fieldList(_ text: String) -> Set<String>? {
        let names = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        return names.contains("*") || names.isEmpty ? nil : Set(names)
    }

    // MARK: package_show, package_list

    func packageShow(_ parameters: CKANParameters, site: String) async throws -> JSONValue {
        try parameters.rejectUnknown(["id", "use_default_schema", "include_tracking", "include_plugin_data", "lang"])
        guard let id = try parameters.string("id")?.trimmingWhitespace(), !id.isEmpty else {
            throw CKANError.validation("id", "Missing value")
        }
        let languages = try parameters.languages()
        guard id.utf8.count <= 200, let stored = try await store.dataset(id: id), stored.deletedAt == nil else {
            throw CKANError.notFound("Not found: no dataset with id '\(id.prefix(200))'")
        }
        return .object(CKANPackage.dict(.init(id: stored.id, source: stored.source, sourceIdentifier: stored.sourceIdentifier,
                                              dataset: stored.dataset, firstSeen: stored.firstSeen, updatedAt: stored.updatedAt,
                                              publisherKey: stored.publisherKey),
                                        languages: languages, site: site))
    }

    // MARK: resource_show

    /// A resource by its id: a distribution's own identifier (a CKAN resource id kept from the source), or the
    /// `<dataset id>-<position>` a package dict gives a distribution without one.
    func resourceShow(_ parameters: CKANParameters) async throws -> JSONValue {
        try parameters.rejectUnknown(["id", "include_tracking", "lang"])
        let id = try CKANActions.requiredID(parameters)
        _ = try parameters.bool("include_tracking")
        let languages = try parameters.languages()
        let notFound = CKANError.notFound("Not found: no resource with id '\(id.prefix(200))'")
        if let (packageID, position) = CKANActions.positionalResource(id) {
            guard let stored = try await store.dataset(id: packageID), stored.deletedAt == nil,
                  position < stored.dataset.distributions.count else { throw notFound }
            let distribution = stored.dataset.distributions[position]
            // A distribution with an identifier of its own is known by that, not by its position.
            guard distribution.identifier == nil else { throw notFound }
            return .object(CKANPackage.resource(distribution, position: position, packageID: stored.id, languages: languages))
        }
        guard let (stored, position) = try await store.dataset(holdingDistribution: id),
              position < stored.dataset.distributions.count else { throw notFound }
        return .object(CKANPackage.resource(stored.dataset.distributions[position], position: position, packageID: stored.id,
                                            languages: languages))
    }

    /// The dataset id and position of a positional resource id (`<20 hex digits>-<position>`), nil for any other.
    static func positionalResource(_ id: String) -> (packageID: String, position: Int)? {
        guard let dash = id.lastIndex(of: "-") else { return nil }
        let packageID = String(id[..<dash])
        let digits = id[id.index(after: dash)...]
        guard DatasetID.isWellFormed(packageID), !digits.isEmpty, digits.count <= 6, digits.allSatisfy(\.isASCII),
              let position = Int(digits), position >= 0 else { return nil }
        return (packageID, position)
    }

    /// The most names `package_list` returns at once.
    static let maxListed = 100_000

    func packageList(_ parameters: CKANParameters) async throws -> JSONValue {
        try parameters.rejectUnknown(["limit", "offset"])
        let limit = try parameters.int("limit", default: -1, in: 0...CKANActions.maxListed)
        let offset = try parameters.int("offset", default: 0, in: 0...SearchQuery.maxOffset)
        if limit < 0 {
            // Without a limit CKAN lists every name; past the cap that would be a silently cut list, so it is refused.
            let count = try await store.datasetCount()
            guard count - offset <= CKANActions.maxListed else {
                throw CKANError.validation("limit", "the catalogue has \(count) datasets; list them \(CKANActions.maxListed) at most at a time with limit and offset")
            }
        }
        let names = try await store.datasetIDs(offset: offset, limit: limit < 0 ? CKANActions.maxListed : limit)
        return .array(names.map(JSONValue.string))
    }

    // MARK: status_show

    func statusShow(_ parameters: CKANParameters, site: String) throws(CKANError) -> JSONValue {
        try parameters.rejectUnknown([])
        return .object([
            "site_title": .string("Katalog"),
            "site_description": .string("A search hub over harvested open-data catalogues"),
            "site_url": .string(site),
            "ckan_version": .string(CKANActions.apiLevel),
            "error_emails_to": .null,
            "locale_default": .string("en"),
            "extensions": .array([.string("katalog")]),
        ])
    }

    /// The CKAN version whose Action API these read actions follow.
    static let apiLevel = "2.10.0"
}
