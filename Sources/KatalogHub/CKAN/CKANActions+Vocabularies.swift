import Foundation
import KatalogModel
import KatalogStore

/// `tag_list` and `license_list`: the keywords and the licences of the live catalogue, under the names package dicts
/// give them (`tags[].name`, `license_id`), so that a CKAN client can offer them as filters and show licence titles.
extension CKANActions {
    /// The most tags one `tag_list` answer holds; past it, `limit` and `offset` page through them.
    static let maxTags = 100_000

    // MARK: tag_list

    func tagList(_ parameters: CKANParameters) async throws -> JSONValue {
        try parameters.rejectUnknown(["query", "q", "vocabulary_id", "all_fields", "limit", "offset"])
        let allFields = try parameters.bool("all_fields") ?? false
        if let vocabulary = try parameters.string("vocabulary_id"), !vocabulary.isEmpty {
            throw CKANError.notFound("Not found: no vocabulary '\(vocabulary.prefix(200))' (the catalogue's keywords are free tags, in no vocabulary)")
        }
        // CKAN reads `query`; `q` is taken as well, as some clients send it. Both are checked, whichever is used.
        let query = try parameters.string("query")
        let q = try parameters.string("q")
        let text = query ?? q
        let limit = try parameters.int("limit", default: -1, in: 1...CKANActions.maxTags)
        let offset = try parameters.int("offset", default: 0, in: 0...SearchQuery.maxOffset)
        var matching = try await self.tags.all()[...]
        if let needle = text?.lowercased(), !needle.isEmpty {
            matching = matching.filter { $0.value.contains(needle) }[...]
        }
        matching = matching.dropFirst(offset)
        if limit < 0, matching.count > CKANActions.maxTags {
            // CKAN lists every tag; past the cap that would be a silently cut list, so it is refused.
            throw CKANError.validation("limit", "the catalogue has more than \(CKANActions.maxTags) tags\(text == nil ? "" : " matching the query"); list them \(CKANActions.maxTags) at most at a time with limit and offset")
        }
        let tags = matching.prefix(limit < 0 ? CKANActions.maxTags : limit)
        guard allFields else { return .array(tags.map { .string($0.value) }) }
        return .array(tags.map { tag in
            .object(["id": .string(tag.value), "name": .string(tag.value), "display_name": .string(tag.value),
                     "vocabulary_id": .null, "package_count": .int(Int64(tag.count))])
        })
    }

    // MARK: license_list

    func licenseList(_ parameters: CKANParameters) async throws -> JSONValue {
        try parameters.rejectUnknown(["lang"])
        let languages = try parameters.languages()
        let licences = try await allValues(of: "licence")
        return .array(licences.sorted { $0.value < $1.value }.map { .object(CKANActions.licenseDict(key: $0.value, count: $0.count, languages: languages)) })
    }

    /// A licence dict as CKAN's licence register gives it, for the licence key package dicts carry as `license_id`.
    /// What the catalogue does not know is left neutral: the domains false, conformance `not reviewed`.
    static func licenseDict(key: String, count: Int, languages: [String]) -> [String: JSONValue] {
        let concept = License.normalize(key)
        let isOpen = License.isOpen(key)
        // A licence the vocabulary knows has its label, with an IRI or without one ("Licence not specified").
        let title = concept.label?.best(languages + ["en"]) ?? key
        let url = concept.uri ?? (key.hasPrefix("http://") || key.hasPrefix("https://") ? key : "")
        let conformance = switch isOpen {
        case true?: "approved"
        case false?: "rejected"
        case nil: "not reviewed"
        }
        return [
            "id": .string(key), "title": .string(title), "url": .string(url), "status": .string("active"),
            "maintainer": .string(""), "family": .string(""),
            "domain_content": .bool(false), "domain_data": .bool(false), "domain_software": .bool(false),
            "od_conformance": .string(conformance), "osd_conformance": .string("not reviewed"),
            "is_okd_compliant": .bool(isOpen == true), "is_osi_compliant": .bool(false), "is_generic": .bool(false),
            "package_count": .int(Int64(count)),
        ]
    }
}
