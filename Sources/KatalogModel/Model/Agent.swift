/// A `foaf:Agent`: the publisher or creator of a dataset.
public struct Agent: Hashable, Sendable, Codable {
    /// The agent's IRI, when the source names one.
    public var iri: String?
    /// A source-local identifier (a CKAN organization id or name) when there is no IRI.
    public var identifier: String?
    /// The agent's name, per language.
    public var name: LocalizedText
    /// The agent's type (e.g. an ADMS publisher type IRI).
    public var type: Concept?
    /// A home page.
    public var homepage: String?
    /// An e-mail address, without `mailto:`.
    public var email: String?

    /// Creates an agent.
    public init(iri: String? = nil, identifier: String? = nil, name: LocalizedText = LocalizedText(),
                type: Concept? = nil, homepage: String? = nil, email: String? = nil) {
        self.iri = iri
        self.identifier = identifier
        self.name = name
        self.type = type
        self.homepage = homepage
        self.email = email
    }

    /// A stable key for grouping datasets by publisher: the IRI, else the identifier, else the best name.
    public var key: String {
        if let iri, !iri.isEmpty { return iri }
        if let identifier, !identifier.isEmpty { return identifier }
        return name.best()?.lowercased() ?? ""
    }
}

/// A `dcat:contactPoint` (a vCard).
public struct ContactPoint: Hashable, Sendable, Codable {
    /// The vCard's formatted name.
    public var name: LocalizedText
    /// E-mail address, without `mailto:`.
    public var email: String?
    /// Telephone number, without `tel:`.
    public var telephone: String?
    /// A URL (contact form, home page).
    public var url: String?

    /// Creates a contact point.
    public init(name: LocalizedText = LocalizedText(), email: String? = nil, telephone: String? = nil, url: String? = nil) {
        self.name = name
        self.email = email
        self.telephone = telephone
        self.url = url
    }
}
