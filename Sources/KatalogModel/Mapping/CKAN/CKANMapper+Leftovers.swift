import Foundation

extension CKANMapper {
    /// Package keys the mapper reads or that are CKAN bookkeeping, never copied into `extras`.
    static let consumedKeys: Set<String> = [
        "id", "name", "title", "title_translated", "notes", "notes_translated", "description", "tags", "tags_translated",
        "keywords", "keyword", "groups", "organization", "owner_org", "author", "author_email", "maintainer",
        "maintainer_email", "resources", "license_id", "license_url", "license_title", "isopen", "metadata_created",
        "metadata_modified", "url", "extras", "state", "private", "type", "num_resources", "num_tags", "revision_id",
        "revision_timestamp", "creator_user_id", "relationships_as_object", "relationships_as_subject", "tracking_summary",
        "issued", "modified", "identifier", "guid", "alternate_identifier", "language", "frequency", "accrual_periodicity",
        "theme", "access_rights", "conforms_to", "spatial", "spatial_uri", "spatial_text", "spatial_bbox", "spatial_coverage",
        "temporal_start", "temporal_end", "temporal_coverage", "publisher", "publisher_name", "publisher_uri",
        "publisher_email", "publisher_url", "publisher_type", "creator", "creator_name", "creator_uri", "creator_email",
        "contact", "contact_name", "contact_email", "contact_uri", "uri", "version", "landing_page", "landingPage", "license",
        "dcat_issued", "dcat_modified", "dcat_publisher_name", "dcat_publisher_email", "dcat_creator_name",
        "dcat_creator_email", "distribution", "qa", "archiver", "harvest",
    ]

    /// Unmapped extras and top-level scheming fields, as text values (structures as compact JSON).
    static func leftovers(_ fields: CKANFields) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for key in fields.extraKeys where !consumedKeys.contains(key) {
            if let value = fields.extras[key] { store(value, key: key, into: &result) }
        }
        for key in fields.package.keys.sorted() where !consumedKeys.contains(key) && !key.hasPrefix("__") {
            if let value = fields.package[key], result[key] == nil { store(value, key: key, into: &result) }
        }
        if let type = fields.package["type"]?.nonEmptyString, type.lowercased() != "dataset" {
            result["ckan_type"] = [type]
        }
        if let name = fields.package["name"]?.nonEmptyString, fields.package["id"]?.nonEmptyString != nil {
            result["ckan_name"] = [name]
        }
        return result
    }

    /// Bounded by design: at most 100 values per key and 64 KiB per value, so a hostile extra cannot bloat the model.
    static func store(_ value: JSONValue, key: String, into result: inout [String: [String]]) {
        var values: [String] = []
        switch value {
        case .null:
            return
        case .array(let items):
            for item in items.prefix(100) { if let text = compactText(item) { values.append(text) } }
        default:
            if let text = compactText(value) { values.append(text) }
        }
        if !values.isEmpty { result[key] = values }
    }

    static func compactText(_ value: JSONValue) -> String? {
        let text: String?
        if let plain = value.nonEmptyString {
            text = plain
        } else if value.object != nil || value.array != nil, let data = try? value.encoded() {
            text = String(decoding: data, as: UTF8.self)
        } else {
            text = nil
        }
        guard let text, !text.isEmpty, text != "[]", text != "{}" else { return nil }
        return text.utf8.count <= 65_536 ? text : String(decoding: Array(text.utf8.prefix(65_536)), as: UTF8.self)
    }
}
