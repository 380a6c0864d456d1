extension CKANMapper {
    /// The publisher: DCAT publisher fields (scheming list or `publisher_*` extras) when present, else the organization.
    static func publisher(_ fields: CKANFields, portalURL: String?) -> Agent? {
        if let agent = agentList(fields.structured("publisher")) { return agent }
        let name = fields.text("publisher_name")
        let uri = fields.text("publisher_uri")
        if name != nil || uri != nil {
            return Agent(iri: uri.flatMap { CKANFields.isWebURL($0) ? $0 : nil },
                         identifier: uri.flatMap { CKANFields.isWebURL($0) ? nil : $0 },
                         name: name.map { LocalizedText($0) } ?? LocalizedText(),
                         type: fields.text("publisher_type").map { Concept(raw: $0) },
                         homepage: fields.text("publisher_url").flatMap { CKANFields.isWebURL($0) ? $0 : nil },
                         email: fields.text("publisher_email").map(stripMailto))
        }
        return organization(fields.package["organization"], portalURL: portalURL)
    }

    /// A CKAN organization dict as an agent (identifier = id, else name).
    static func organization(_ value: JSONValue?, portalURL: String?) -> Agent? {
        guard let org = value?.object else { return nil }
        let id = org["id"]?.nonEmptyString
        let name = org["name"]?.nonEmptyString
        guard id != nil || name != nil else { return nil }
        var title = CKANFields.languageMap(org["title_translated"])
        CKANFields.merge(org["title"]?.nonEmptyString ?? org["display_name"]?.nonEmptyString ?? name, into: &title, language: nil)
        var homepage: String?
        if let portalURL, let name {
            var base = portalURL
            while base.hasSuffix("/") { base.removeLast() }
            homepage = base + "/organization/" + name
        }
        return Agent(identifier: id ?? name, name: title, homepage: homepage,
                     email: org["email"]?.nonEmptyString.map(stripMailto))
    }

    /// The creator: scheming's `creator` list or `creator_*` extras.
    static func creator(_ fields: CKANFields) -> Agent? {
        if let agent = agentList(fields.structured("creator")) { return agent }
        let name = fields.text("creator_name")
        let uri = fields.text("creator_uri")
        guard name != nil || uri != nil else { return nil }
        return Agent(iri: uri.flatMap { CKANFields.isWebURL($0) ? $0 : nil }, name: name.map { LocalizedText($0) } ?? LocalizedText(),
                     email: fields.text("creator_email").map(stripMailto))
    }

    /// The first agent of a scheming agent list (`[{name, email, url, identifier, type}]`) or a single such object.
    static func agentList(_ value: JSONValue?) -> Agent? {
        guard let value else { return nil }
        let item = value.array?.first ?? value
        guard let object = item.object else { return nil }
        var name = CKANFields.languageMap(object["name_translated"])
        CKANFields.merge(object["name"]?.nonEmptyString, into: &name, language: nil)
        let identifier = object["identifier"]?.nonEmptyString ?? object["uri"]?.nonEmptyString
        guard !name.isEmpty || identifier != nil else { return nil }
        let isIRI = identifier.map(CKANFields.isWebURL) ?? false
        return Agent(iri: isIRI ? identifier : nil, identifier: isIRI ? nil : identifier, name: name,
                     type: object["type"]?.nonEmptyString.map { Concept(raw: $0) },
                     homepage: (object["url"]?.nonEmptyString ?? object["homepage"]?.nonEmptyString).flatMap { CKANFields.isWebURL($0) ? $0 : nil },
                     email: (object["email"]?.nonEmptyString ?? object["mbox"]?.nonEmptyString).map(stripMailto))
    }

    /// Contact points: scheming's `contact` list, `contact_*` extras, then maintainer and author.
    static func contactPoints(_ fields: CKANFields) -> [ContactPoint] {
        var result: [ContactPoint] = []
        func add(name: String?, email: String?, url: String? = nil, nameText: LocalizedText? = nil) {
            var text = nameText ?? LocalizedText()
            CKANFields.merge(name, into: &text, language: nil)
            let contact = ContactPoint(name: text, email: email.map(stripMailto), url: url.flatMap { CKANFields.isWebURL($0) ? $0 : nil })
            guard !text.isEmpty || contact.email != nil || contact.url != nil else { return }
            // The same person often appears as contact, maintainer and author.
            if result.contains(where: { $0.email != nil && $0.email?.lowercased() == contact.email?.lowercased() }) { return }
            if contact.email == nil, result.contains(where: { $0.name == contact.name }) { return }
            result.append(contact)
        }
        if let list = fields.structured("contact")?.array {
            for item in list {
                add(name: item["name"]?.nonEmptyString, email: item["email"]?.nonEmptyString, url: item["url"]?.nonEmptyString,
                    nameText: CKANFields.languageMap(item["name_translated"]))
            }
        }
        add(name: fields.text("contact_name"), email: fields.text("contact_email"), url: fields.text("contact_uri"))
        add(name: fields.package["maintainer"]?.nonEmptyString, email: fields.package["maintainer_email"]?.nonEmptyString)
        add(name: fields.package["author"]?.nonEmptyString, email: fields.package["author_email"]?.nonEmptyString)
        return result
    }

    /// An e-mail address without a `mailto:` prefix.
    static func stripMailto(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace()
        return trimmed.lowercased().hasPrefix("mailto:") ? String(trimmed.dropFirst(7)) : trimmed
    }
}
