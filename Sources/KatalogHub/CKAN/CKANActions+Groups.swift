import Foundation
import KatalogModel
import KatalogStore

/// `organization_show`, `group_list` and `group_show`: the publishers as CKAN organizations, the themes as CKAN groups
/// (as package dicts list them in `groups`), so that clients such as `ckanapi dump organizations` and `dump groups`
/// work against the hub.
extension CKANActions {
    /// The most datasets `include_datasets` lists, the first by id (CKAN truncates the list as well).
    static let maxShownPackages = 1_000

    /// The flags of CKAN's show and list actions that change nothing here (no users, followers or extras are kept).
    static let ignoredGroupFlags = ["include_extras", "include_users", "include_groups", "include_tags", "include_followers",
                                    "include_member_count"]

    // MARK: organization_show

    func organizationShow(_ parameters: CKANParameters, site: String) async throws -> JSONValue {
        try parameters.rejectUnknown(Set(["id", "include_datasets", "include_dataset_count", "lang"] + CKANActions.ignoredGroupFlags))
        let id = try CKANActions.requiredID(parameters)
        let includeDatasets = try parameters.bool("include_datasets") ?? false
        let includeCount = try parameters.bool("include_dataset_count") ?? true
        for flag in CKANActions.ignoredGroupFlags { _ = try parameters.bool(flag) }
        let languages = try parameters.languages()
        let snapshot = try await organizations.snapshot()
        // The id is the organization's name (CKAN's `id` and `name` are one here); its publisher key is accepted too.
        guard let organization = snapshot.organization(named: id) else {
            throw CKANError.notFound("Not found: no organization '\(id.prefix(200))'")
        }
        var dict = CKANPackage.organizationDict(slug: organization.name, key: organization.publisher.key, name: organization.publisher.name,
                                                languages: languages, count: includeCount ? organization.publisher.datasetCount : nil)
        if includeDatasets {
            dict["packages"] = .array(try await packages(SearchQuery(publisher: [organization.publisher.key]), languages: languages, site: site))
        }
        return .object(dict)
    }

    // MARK: group_list, group_show

    /// The themes of the live catalogue with their dataset counts, the most frequent first.
    func themes() async throws -> [FacetCount] {
        var query = SearchQuery(limit: 1, facets: true)
        query.facetValues = SearchQuery.maxFacetValues
        query.includesRecords = false
        return try await store.search(query).facets["theme"] ?? []
    }

    func groupList(_ parameters: CKANParameters) async throws -> JSONValue {
        try parameters.rejectUnknown(Set(["all_fields", "sort", "limit", "offset", "groups", "include_dataset_count", "q", "type", "lang"]
                                         + CKANActions.ignoredGroupFlags))
        let allFields = try parameters.bool("all_fields") ?? false
        let includeCount = try parameters.bool("include_dataset_count") ?? true
        for flag in CKANActions.ignoredGroupFlags { _ = try parameters.bool(flag) }
        let limit = try parameters.int("limit", default: 1_000, in: 0...1_000, clamp: true)
        let offset = try parameters.int("offset", default: 0, in: 0...SearchQuery.maxOffset)
        let languages = try parameters.languages()
        if let type = try parameters.string("type"), type != "group" {
            throw CKANError.validation("type", "only groups (the catalogue's themes) are listed here")
        }
        let only = try parameters.list("groups", maxItems: 1_000).map(Set.init)
        let filter = try parameters.string("q")?.lowercased()
        var groups = try await themes().map { theme in
            (name: theme.value, title: CKANActions.themeTitle(theme.value, languages: languages), count: theme.count)
        }
        if let only { groups = groups.filter { only.contains($0.name) } }
        if let filter { groups = groups.filter { $0.name.lowercased().contains(filter) || $0.title.lowercased().contains(filter) } }
        let sort = (try parameters.string("sort") ?? "name asc").split(separator: " ", omittingEmptySubsequences: true)
            .joined(separator: " ").lowercased()
        switch sort {
        case "name asc", "name": groups.sort { $0.name < $1.name }
        case "name desc": groups.sort { $0.name > $1.name }
        case "title asc", "title": groups.sort { ($0.title, $0.name) < ($1.title, $1.name) }
        case "title desc": groups.sort { ($0.title, $0.name) > ($1.title, $1.name) }
        case "package_count desc", "package_count": groups.sort { ($1.count, $0.name) < ($0.count, $1.name) }
        case "package_count asc": groups.sort { ($0.count, $0.name) < ($1.count, $1.name) }
        default:
            throw CKANError.validation("sort", "'\(sort.prefix(40))' is not supported; supported: name asc, name desc, title asc, title desc, package_count desc, package_count asc")
        }
        let page = groups.dropFirst(offset).prefix(limit)
        guard allFields else { return .array(page.map { .string($0.name) }) }
        return .array(page.map { group in
            .object(CKANPackage.groupDict(key: group.name, title: group.title, count: includeCount ? group.count : nil))
        })
    }

    func groupShow(_ parameters: CKANParameters, site: String) async throws -> JSONValue {
        try parameters.rejectUnknown(Set(["id", "include_datasets", "include_dataset_count", "lang"] + CKANActions.ignoredGroupFlags))
        let id = try CKANActions.requiredID(parameters)
        let includeDatasets = try parameters.bool("include_datasets") ?? false
        let includeCount = try parameters.bool("include_dataset_count") ?? true
        for flag in CKANActions.ignoredGroupFlags { _ = try parameters.bool(flag) }
        let languages = try parameters.languages()
        guard let theme = try await themes().first(where: { $0.value == id }) else {
            throw CKANError.notFound("Not found: no group '\(id.prefix(200))' (groups are the themes of the catalogue's datasets)")
        }
        var dict = CKANPackage.groupDict(key: theme.value, title: CKANActions.themeTitle(theme.value, languages: languages),
                                         count: includeCount ? theme.count : nil)
        if includeDatasets {
            dict["packages"] = .array(try await packages(SearchQuery(theme: [theme.value]), languages: languages, site: site))
        }
        return .object(dict)
    }

    // MARK: shared

    /// The `id` parameter, trimmed; a missing or empty one is CKAN's validation error.
    static func requiredID(_ parameters: CKANParameters) throws(CKANError) -> String {
        guard let id = try parameters.string("id")?.trimmingWhitespace(), !id.isEmpty else {
            throw CKANError.validation("id", "Missing value")
        }
        return id
    }

    /// A theme key's title: the vocabulary's label in the first language asked (else English), else the key.
    static func themeTitle(_ key: String, languages: [String]) -> String {
        SearchPage.vocabularyLabel(facet: "theme", value: key, language: languages.first ?? "en") ?? key
    }

    /// The package dicts of the first ``maxShownPackages`` datasets `query` matches, by id.
    func packages(_ query: SearchQuery, languages: [String], site: String) async throws -> [JSONValue] {
        var query = query
        query.sort = .id
        query.limit = CKANActions.maxShownPackages
        query.languages = languages
        return try await store.search(query).hits.map { hit in
            .object(CKANPackage.dict(.init(id: hit.id, source: hit.source, sourceIdentifier: hit.sourceIdentifier,
                                           dataset: hit.dataset, firstSeen: hit.firstSeen, updatedAt: hit.updatedAt),
                                     languages: languages, site: site))
        }
    }
}
