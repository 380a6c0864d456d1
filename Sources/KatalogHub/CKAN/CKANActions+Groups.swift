import Foundation
import KatalogModel
import KatalogStore

/// `organization_list`, `organization_show`, `group_list` and `group_show`: the publishers as CKAN organizations, the themes as CKAN groups
/// (as package dicts list them in `groups`), so that clients such as `ckanapi dump organizations` and `dump groups`
/// work against the hub.
extension CKANActions {
    /// The most datasets `include_datasets` lists, the first by id (CKAN truncates the list as well).
    static let maxShownPackages = 1_000

    /// The flags of CKAN's show and list actions that change nothing here (no users, followers or extras are kept).
    static let ignoredGroupFlags = ["include_extras", "include_users", "include_groups", "include_tags", "include_followers",
                                    "include_member_count"]

    // MARK: organization_list, organization_show

    func organizationList(_ parameters: CKANParameters) async throws -> JSONValue {
        let options = try ListOptions(parameters, type: "organization", namesParameter: "organizations")
        let named = try await organizations.snapshot().named
        let entries = named.map { organization in
            ListEntry(name: organization.name, title: organization.publisher.name.best(options.languages) ?? organization.publisher.key,
                      count: organization.publisher.datasetCount, key: organization.publisher.key, publisherName: organization.publisher.name)
        }
        return try options.answer(entries) { entry, count in
            CKANPackage.organizationDict(slug: entry.name, key: entry.key, name: entry.publisherName, languages: options.languages, count: count)
        }
    }

    func organizationShow(_ parameters: CKANParameters, site: String) async throws -> JSONValue {
        let options = try ShowOptions(parameters)
        // The id is the organization's name (CKAN's `id` and `name` are one here); its publisher key is accepted too.
        guard let organization = try await organizations.snapshot().organization(named: options.id) else {
            throw CKANError.notFound("Not found: no organization '\(options.id.prefix(200))'")
        }
        var dict = CKANPackage.organizationDict(slug: organization.name, key: organization.publisher.key, name: organization.publisher.name,
                                                languages: options.languages,
                                                count: options.includeCount ? organization.publisher.datasetCount : nil)
        if options.includeDatasets {
            dict["packages"] = .array(try await packages(SearchQuery(publisher: [organization.publisher.key]), languages: options.languages, site: site))
        }
        return .object(dict)
    }

    // MARK: group_list, group_show

    /// The values of a counted facet over the live catalogue (up to ``SearchQuery/maxFacetValues``) with their dataset
    /// counts, the most frequent first.
    func allValues(of facet: String) async throws -> [FacetCount] {
        var query = SearchQuery(limit: 1, facets: true)
        query.facetValues = SearchQuery.maxFacetValues
        query.includesRecords = false
        return try await store.search(query).facets[facet] ?? []
    }

    /// The themes of the live catalogue with their dataset counts, the most frequent first.
    func themes() async throws -> [FacetCount] {
        try await allValues(of: "theme")
    }

    func groupList(_ parameters: CKANParameters) async throws -> JSONValue {
        let options = try ListOptions(parameters, type: "group", namesParameter: "groups")
        let entries = try await themes().map { theme in
            ListEntry(name: theme.value, title: CKANActions.themeTitle(theme.value, languages: options.languages), count: theme.count)
        }
        return try options.answer(entries) { entry, count in CKANPackage.groupDict(key: entry.name, title: entry.title, count: count) }
    }

    func groupShow(_ parameters: CKANParameters, site: String) async throws -> JSONValue {
        let options = try ShowOptions(parameters)
        guard let theme = try await themes().first(where: { $0.value == options.id }) else {
            throw CKANError.notFound("Not found: no group '\(options.id.prefix(200))' (groups are the themes of the catalogue's datasets)")
        }
        var dict = CKANPackage.groupDict(key: theme.value, title: CKANActions.themeTitle(theme.value, languages: options.languages),
                                         count: options.includeCount ? theme.count : nil)
        if options.includeDatasets {
            dict["packages"] = .array(try await packages(SearchQuery(theme: [theme.value]), languages: options.languages, site: site))
        }
        return .object(dict)
    }

    // MARK: list and show parameters

    /// One organization or group to list.
    struct ListEntry {
        var name: String
        var title: String
        var count: Int
        /// For an organization: its publisher key and name.
        var key = ""
        var publisherName = LocalizedText()
    }

    /// The parameters of `organization_list` and `group_list`.
    struct ListOptions {
        var allFields: Bool
        var includeCount: Bool
        var limit: Int
        var offset: Int
        var languages: [String]
        /// Only these names (`organizations`, `groups`).
        var only: Set<String>?
        /// Only names or titles containing this (`q`), lower-cased.
        var filter: String?
        var sort: String

        static let sorts = "name asc, name desc, title asc, title desc, package_count desc, package_count asc"

        init(_ parameters: CKANParameters, type: String, namesParameter: String) throws(CKANError) {
            try parameters.rejectUnknown(Set(["all_fields", "sort", "limit", "offset", namesParameter, "include_dataset_count", "q", "type",
                                              "lang"] + CKANActions.ignoredGroupFlags))
            allFields = try parameters.bool("all_fields") ?? false
            includeCount = try parameters.bool("include_dataset_count") ?? true
            for flag in CKANActions.ignoredGroupFlags { _ = try parameters.bool(flag) }
            limit = try parameters.int("limit", default: 1_000, in: 0...1_000, clamp: true)
            offset = try parameters.int("offset", default: 0, in: 0...SearchQuery.maxOffset)
            languages = try parameters.languages()
            if let asked = try parameters.string("type"), asked != type {
                throw CKANError.validation("type", type == "group" ? "only groups (the catalogue's themes) are listed here"
                                                                    : "only organizations are listed here")
            }
            only = try parameters.list(namesParameter, maxItems: 1_000).map(Set.init)
            filter = try parameters.string("q")?.lowercased()
            sort = (try parameters.string("sort") ?? "name asc").split(separator: " ", omittingEmptySubsequences: true)
                .joined(separator: " ").lowercased()
            guard ["name asc", "name", "name desc", "title asc", "title", "title desc", "package_count desc", "package_count",
                   "package_count asc"].contains(sort) else {
                throw CKANError.validation("sort", "'\(sort.prefix(40))' is not supported; supported: \(ListOptions.sorts)")
            }
        }

        /// The page of `entries` these options ask for: names, or (with `all_fields`) the dicts `dict` makes, given the
        /// count to show (nil without `include_dataset_count`).
        func answer(_ entries: [ListEntry], dict: (ListEntry, Int?) -> [String: JSONValue]) throws(CKANError) -> JSONValue {
            var entries = entries
            if let only { entries = entries.filter { only.contains($0.name) } }
            if let filter { entries = entries.filter { $0.name.lowercased().contains(filter) || $0.title.lowercased().contains(filter) } }
            switch sort {
            case "name desc": entries.sort { $0.name > $1.name }
            case "title asc", "title": entries.sort { ($0.title, $0.name) < ($1.title, $1.name) }
            case "title desc": entries.sort { ($0.title, $0.name) > ($1.title, $1.name) }
            case "package_count desc", "package_count": entries.sort { ($1.count, $0.name) < ($0.count, $1.name) }
            case "package_count asc": entries.sort { ($0.count, $0.name) < ($1.count, $1.name) }
            default: entries.sort { $0.name < $1.name }
            }
            let page = entries.dropFirst(offset).prefix(limit)
            guard allFields else { return .array(page.map { .string($0.name) }) }
            return .array(page.map { .object(dict($0, includeCount ? $0.count : nil)) })
        }
    }

    /// The parameters of `organization_show` and `group_show`.
    struct ShowOptions {
        var id: String
        var includeDatasets: Bool
        var includeCount: Bool
        var languages: [String]

        init(_ parameters: CKANParameters) throws(CKANError) {
            try parameters.rejectUnknown(Set(["id", "include_datasets", "include_dataset_count", "lang"] + CKANActions.ignoredGroupFlags))
            id = try CKANActions.requiredID(parameters)
            includeDatasets = try parameters.bool("include_datasets") ?? false
            includeCount = try parameters.bool("include_dataset_count") ?? true
            for flag in CKANActions.ignoredGroupFlags { _ = try parameters.bool(flag) }
            languages = try parameters.languages()
        }
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
            .object(CKANPackage.dict(hit: hit, languages: languages, site: site))
        }
    }
}
