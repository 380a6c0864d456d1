extension DataJSONMapper {
    /// Dataset keys mapped onto model fields, never copied into `extras`.
    static let mappedKeys: Set<String> = [
        "@type", "@id", "@context", "identifier", "title", "titleMap", "description", "descriptionMap", "keyword", "keywordMap",
        "theme", "category", "publisher", "creator", "contactPoint", "issued", "modified", "temporal", "spatial", "accessLevel",
        "accessRights", "license", "rights", "landingPage", "language", "accrualPeriodicity", "conformsTo", "otherIdentifier",
        "version", "distribution",
    ]

    /// Fields with no DCAT-AP term, checked for their 1.1 shapes and kept as extras: federal codes, links, the
    /// publisher's parent organisations; any other key is kept as compact text (bounded like the CKAN mapper's).
    static func extras(_ fields: inout DataJSONFields) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for key in ["bureauCode", "programCode", "primaryITInvestmentUII", "systemOfRecords", "isPartOf"] {
            let values = fields.strings(key)
            if !values.isEmpty { result[key] = values }
        }
        for key in ["references", "describedBy"] {
            let values = fields.uris(key)
            if !values.isEmpty { result[key] = values }
        }
        if let quality = fields.value("dataQuality") {
            if let flag = quality.bool {
                result["dataQuality"] = [flag ? "true" : "false"]
            } else {
                fields.problem(.invalidField, "dataQuality", "expected a boolean, found \(DataJSONFields.kind(of: quality))")
            }
        }
        let parents = parentOrganizations(fields.value("publisher"))
        if !parents.isEmpty { result["publisher.subOrganizationOf"] = parents }
        let handled = mappedKeys.union(["bureauCode", "programCode", "primaryITInvestmentUII", "systemOfRecords", "isPartOf",
                                        "references", "describedBy", "dataQuality"])
        for key in fields.object.keys.sorted() where !handled.contains(key) && result[key] == nil {
            if let value = fields.value(key) { CKANMapper.store(value, key: key, into: &result) }
        }
        return result
    }
}
