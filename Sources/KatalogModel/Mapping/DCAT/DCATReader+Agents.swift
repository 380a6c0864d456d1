import KatalogRDF

extension DCATReader {
    /// The first usable agent under `predicate`.
    func firstAgent(_ subject: Term, _ predicate: String) throws -> Agent? {
        try firstValue(objects(subject, predicate), agent)
    }

    /// A `foaf:Agent` from an IRI (described or not), a blank node, or a bare name literal.
    func agent(_ term: Term) throws -> Agent? {
        if case .literal(let literal) = term {
            let name = LocalizedText(literal.lexical, language: literal.language)
            return name.isEmpty ? nil : Agent(name: name)
        }
        var agent = Agent(iri: term.iriValue)
        if try graph.isDescribed(term) {
            agent.name = try localized(term, [DCATTerms.foafName, DCATTerms.prefLabel, DCATTerms.label, DCATTerms.vcardFN,
                                              DCATTerms.vcard + "organization-name", DCATTerms.vcard + "hasOrganizationName",
                                              DCATTerms.title])
            // datos.gob.es describes publishers as skos:Concepts of its register, the code as skos:notation.
            agent.identifier = try firstText(term, [DCATTerms.identifier, DCATTerms.notation])
            if let type = try first(term, DCATTerms.type) {
                agent.type = try concept(type, DCATNormalizer.identityConcept)
            }
            agent.homepage = try links(term, DCATTerms.foaf + "homepage").first
                ?? links(term, DCATTerms.foaf + "workplaceHomepage").first
            agent.email = try emails(term, [DCATTerms.foaf + "mbox", DCATTerms.vcard + "hasEmail"]).first
        }
        if agent.identifier == nil, let iri = agent.iri {
            agent.identifier = DCATValues.norwegianOrganizationNumber(iri)
        }
        if agent.iri == nil, agent.identifier == nil, agent.name.isEmpty, agent.email == nil, agent.homepage == nil {
            return nil
        }
        return agent
    }

    /// A `dcat:contactPoint` vCard; a bare `mailto:`/`tel:` IRI or literal is accepted too.
    func contactPoint(_ term: Term) throws -> ContactPoint? {
        var contact = ContactPoint()
        let described = try graph.isDescribed(term)
        switch term {
        case .literal(let literal):
            let text = literal.lexical.trimmingWhitespace()
            if text.contains("@"), !text.contains(" ") {
                contact.email = DCATValues.stripScheme(text, "mailto:")
            } else {
                contact.name = LocalizedText(text, language: literal.language)
            }
        case .iri(let iri) where !described:
            if iri.lowercased().hasPrefix("mailto:") {
                contact.email = DCATValues.stripScheme(iri, "mailto:")
            } else if iri.lowercased().hasPrefix("tel:") {
                contact.telephone = DCATValues.stripScheme(iri, "tel:")
            } else {
                contact.url = iri
            }
        case .iri, .blank:
            contact.name = try localized(term, [DCATTerms.vcardFN, DCATTerms.vcard + "organization-name",
                                                DCATTerms.vcard + "hasOrganizationName", DCATTerms.foafName, DCATTerms.label])
            contact.email = try emails(term, [DCATTerms.vcard + "hasEmail", DCATTerms.vcard + "email"]).first
            contact.telephone = try vcardValues(term, [DCATTerms.vcard + "hasTelephone", DCATTerms.vcard + "tel"])
                .first.map { DCATValues.stripScheme($0, "tel:") }
            contact.url = try vcardValues(term, [DCATTerms.vcard + "hasURL", DCATTerms.vcard + "url"]).first
        }
        if contact.name.isEmpty, contact.email == nil, contact.telephone == nil, contact.url == nil { return nil }
        return contact
    }

    /// E-mail addresses without `mailto:`.
    func emails(_ subject: Term, _ predicates: [String]) throws -> [String] {
        try vcardValues(subject, predicates).map { DCATValues.stripScheme($0, "mailto:") }.filter { !$0.isEmpty }
    }

    /// Values of vCard properties given directly (IRI or literal) or as a node with `vcard:hasValue`.
    func vcardValues(_ subject: Term, _ predicates: [String]) throws -> [String] {
        var values: [String] = []
        for predicate in predicates {
            for object in try objects(subject, predicate) {
                if case .blank = object {
                    if let value = try firstText(object, [DCATTerms.vcardHasValue]) { values.append(value) }
                } else if object.iriValue != nil, let value = try firstText(object, [DCATTerms.vcardHasValue]) {
                    values.append(value)
                } else if let value = DCATValues.text(object) {
                    values.append(value)
                }
            }
        }
        return DCATValues.distinct(values)
    }


}
