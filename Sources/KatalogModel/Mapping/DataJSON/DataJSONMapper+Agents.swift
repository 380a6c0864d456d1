extension DataJSONMapper {
    /// An `org:Organization` (`{name, subOrganizationOf}`, 3.0 also `@id`, `prefLabel`) or, in 3.0, an IRI string.
    static func agent(_ fields: inout DataJSONFields, _ key: String) -> Agent? {
        guard let value = fields.value(key) else { return nil }
        if let object = value.array?.first?.object ?? value.object {
            return agent(object)
        }
        if value.array != nil { return nil }
        guard let text = fields.text(key) else { return nil }
        return CKANFields.isWebURL(text) ? Agent(iri: text) : Agent(name: LocalizedText(text))
    }

    /// An organization object as an agent; nil when it names nothing.
    static func agent(_ object: [String: JSONValue]) -> Agent? {
        var name = CKANFields.languageMap(object["nameMap"] ?? object["prefLabelMap"])
        CKANFields.merge(object["name"]?.nonEmptyString ?? object["prefLabel"]?.nonEmptyString ?? object["fn"]?.nonEmptyString,
                         into: &name, language: nil)
        let id = object["@id"]?.nonEmptyString
        guard !name.isEmpty || id != nil else { return nil }
        let isIRI = id.map(CKANFields.isWebURL) ?? false
        return Agent(iri: isIRI ? id : nil, identifier: isIRI ? nil : id, name: name,
                     homepage: object["homepage"]?.nonEmptyString.flatMap { CKANFields.isWebURL($0) ? $0 : nil },
                     email: (object["email"]?.nonEmptyString ?? object["mbox"]?.nonEmptyString).map(CKANMapper.stripMailto))
    }

    /// The chain of `subOrganizationOf` names above an organization, nearest first (bounded to 16 levels).
    static func parentOrganizations(_ value: JSONValue?) -> [String] {
        var result: [String] = []
        var current = value?["subOrganizationOf"]
        while let parent = current, result.count < 16 {
            let node = parent.array?.first ?? parent
            guard let name = node["name"]?.nonEmptyString ?? node["@id"]?.nonEmptyString ?? node.nonEmptyString else { break }
            result.append(name)
            current = node["subOrganizationOf"]
        }
        return result
    }

    /// `contactPoint`: one vCard (1.1) or a list of `Kind`s (3.0): `fn`, `hasEmail`, `hasTelephone`, `hasURL`.
    static func contactPoints(_ fields: inout DataJSONFields) -> [ContactPoint] {
        var result: [ContactPoint] = []
        var kept = Set<ContactPoint>()  // duplicates dropped by hash, not by comparing with every kept card
        for (offset, object) in fields.objects("contactPoint") {
            var card = DataJSONFields(object, path: "\(fields.path).contactPoint[\(offset)]", identifier: fields.identifier)
            let name = card.textOrNode("fn", labelKeys: [])
            let email = card.textOrNode("hasEmail", labelKeys: []).map(CKANMapper.stripMailto)
            let telephone = card.textOrNode("hasTelephone", labelKeys: ["value"]).map { text in
                text.lowercased().hasPrefix("tel:") ? String(text.dropFirst(4)) : text
            }
            let url = card.textOrNode("hasURL", labelKeys: []).flatMap { CKANFields.isWebURL($0) ? $0 : nil }
            fields.absorb(card)
            let contact = ContactPoint(name: name.map { LocalizedText($0) } ?? LocalizedText(), email: email,
                                       telephone: telephone, url: url)
            if contact != ContactPoint(), kept.insert(contact).inserted { result.append(contact) }
        }
        return result
    }
}
