import KatalogRDF

/// One `gmd:CI_ResponsibleParty` as read from a record.
struct ISO19139Party: Hashable, Sendable {
    /// The `CI_RoleCode` value, lower-cased (`publisher`, `pointofcontact` …); empty when absent.
    var role: String
    /// `gmd:organisationName` per language.
    var organisation: LocalizedText
    /// `gmd:individualName`.
    var individual: String?
    /// A `gmx:Anchor` link on the organisation name.
    var organisationIRI: String?
    /// The first `gmd:electronicMailAddress`, without `mailto:`.
    var email: String?
    /// The first `gmd:voice` number.
    var telephone: String?
    /// The contact's `gmd:onlineResource` linkage.
    var url: String?
}

extension ISO19139Mapper {
    /// The order in which roles stand in for a missing `publisher` (docs/iso19139-mapping.md).
    static let publisherRoles = ["publisher", "owner", "custodian", "distributor", "pointofcontact", "originator"]

    /// The order in which roles name the creator.
    static let creatorRoles = ["author", "originator"]

    /// Responsible parties: the resource's points of contact, then its citation's cited parties, then the record's
    /// `gmd:contact`s, in document order within each group.
    static func responsibleParties(_ metadata: XMLElement, identifications: [XMLElement], text: ISO19139Text) -> [ISO19139Party] {
        var elements: [XMLElement] = []
        for identification in identifications {
            elements += all(identification, "gmd:pointOfContact/gmd:CI_ResponsibleParty")
        }
        for identification in identifications {
            elements += all(identification, "gmd:citation/gmd:CI_Citation/gmd:citedResponsibleParty/gmd:CI_ResponsibleParty")
        }
        elements += all(metadata, "gmd:contact/gmd:CI_ResponsibleParty")
        return elements.map { party($0, text: text) }
    }

    /// Reads one responsible party.
    static func party(_ element: XMLElement, text: ISO19139Text) -> ISO19139Party {
        let contact = first(element, "gmd:contactInfo/gmd:CI_Contact")
        let name = element.child(ISO19139Namespace.gmd, "organisationName")
        let email = self.text(first(contact, "gmd:address/gmd:CI_Address/gmd:electronicMailAddress")).map(stripMailto)
        let url = self.text(first(contact, "gmd:onlineResource/gmd:CI_OnlineResource/gmd:linkage"))
        return ISO19139Party(role: code(element.child(ISO19139Namespace.gmd, "role"))?.lowercased() ?? "",
                             organisation: text.localized(name),
                             individual: self.text(element.child(ISO19139Namespace.gmd, "individualName")),
                             organisationIRI: href(name).flatMap { isWebIRI($0) ? $0 : nil },
                             email: email?.isEmpty == false ? email : nil,
                             telephone: self.text(first(contact, "gmd:phone/gmd:CI_Telephone/gmd:voice")),
                             url: url.flatMap { isWebIRI($0) ? $0 : nil })
    }

    /// `mailto:x@y` → `x@y`.
    static func stripMailto(_ address: String) -> String {
        address.lowercased().hasPrefix("mailto:") ? String(address.dropFirst(7)).trimmingWhitespace() : address
    }

    /// The first party with role `publisher`, else the first with the next role of ``publisherRoles``; a party must
    /// have an organisation name (or, failing that, a person's name) to be an agent.
    static func publisher(_ parties: [ISO19139Party]) -> Agent? {
        for role in publisherRoles {
            if let party = parties.first(where: { $0.role == role && agentName($0) != nil }) { return agent(party) }
        }
        return nil
    }

    /// The first `author`, else the first `originator`.
    static func creator(_ parties: [ISO19139Party]) -> Agent? {
        for role in creatorRoles {
            if let party = parties.first(where: { $0.role == role && agentName($0) != nil }) { return agent(party) }
        }
        return nil
    }

    /// The organisation's name, else the person's, untagged; nil when the party names neither.
    static func agentName(_ party: ISO19139Party) -> LocalizedText? {
        if !party.organisation.isEmpty { return party.organisation }
        return party.individual.map { LocalizedText($0) }
    }

    /// The agent a party stands for.
    static func agent(_ party: ISO19139Party) -> Agent {
        Agent(iri: party.organisationIRI, name: agentName(party) ?? LocalizedText(), homepage: party.url, email: party.email)
    }

    /// Parties with role `pointOfContact` as contact points (resource contacts first), each once.
    static func contactPoints(_ parties: [ISO19139Party]) -> [ContactPoint] {
        var result: [ContactPoint] = []
        var seen = Set<ContactPoint>()
        for party in parties where party.role == "pointofcontact" {
            let name = party.organisation.isEmpty
                ? party.individual.map { LocalizedText($0) } ?? LocalizedText()
                : party.organisation
            let point = ContactPoint(name: name, email: party.email, telephone: party.telephone, url: party.url)
            guard !name.isEmpty || point.email != nil || point.telephone != nil || point.url != nil else { continue }
            appendDistinct(point, to: &result, seen: &seen)
        }
        return result
    }
}
