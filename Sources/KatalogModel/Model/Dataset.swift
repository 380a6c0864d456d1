/// A `dcat:Dataset` in Katalog's unified model, following DCAT-AP 3.
///
/// Every source kind (DCAT RDF, CKAN package dicts, data.json entries) maps into this one type.
/// Vocabulary values are ``Concept``s, which keep the raw source value beside the mapped IRI.
public struct Dataset: Hashable, Sendable, Codable {
    /// The identifier the source uses for this dataset (a DCAT IRI, a CKAN package id, a data.json identifier).
    public var sourceIdentifier: String
    /// The dataset's IRI, when it has one.
    public var iri: String?
    /// `dct:title` per language.
    public var title: LocalizedText
    /// `dct:description` per language.
    public var description: LocalizedText
    /// `dcat:keyword`s with their languages.
    public var keywords: [LangString]
    /// `dcat:theme`s (raw, and mapped onto the EU data-theme vocabulary when known).
    public var themes: [Concept]
    /// `dct:publisher`.
    public var publisher: Agent?
    /// `dct:creator`.
    public var creator: Agent?
    /// `dcat:contactPoint`s.
    public var contactPoints: [ContactPoint]
    /// `dct:issued`.
    public var issued: DateValue?
    /// `dct:modified`.
    public var modified: DateValue?
    /// `dct:temporal`.
    public var temporal: [TemporalRange]
    /// `dct:spatial`.
    public var spatial: [SpatialCoverage]
    /// `dct:accessRights` (public, restricted, non-public).
    public var accessRights: Concept?
    /// A dataset-level licence (CKAN's `license_id`; DCAT puts licences on distributions).
    public var license: Concept?
    /// `dct:rights`.
    public var rights: String?
    /// `dcat:landingPage`s.
    public var landingPages: [String]
    /// `dct:language`.
    public var languages: [Concept]
    /// `dct:accrualPeriodicity`.
    public var accrualPeriodicity: Concept?
    /// `dct:conformsTo`.
    public var conformsTo: [String]
    /// `dct:identifier` values.
    public var identifiers: [String]
    /// `adms:identifier` values (other identifiers).
    public var otherIdentifiers: [String]
    /// `owl:versionInfo`.
    public var version: String?
    /// `dcat:distribution`s.
    public var distributions: [Distribution]
    /// Source-specific properties worth showing that have no DCAT-AP term (kept as key → values).
    public var extras: [String: [String]]

    /// Creates a dataset; only the source identifier is required.
    public init(sourceIdentifier: String, iri: String? = nil, title: LocalizedText = LocalizedText(),
                description: LocalizedText = LocalizedText(), keywords: [LangString] = [], themes: [Concept] = [],
                publisher: Agent? = nil, creator: Agent? = nil, contactPoints: [ContactPoint] = [],
                issued: DateValue? = nil, modified: DateValue? = nil, temporal: [TemporalRange] = [],
                spatial: [SpatialCoverage] = [], accessRights: Concept? = nil, license: Concept? = nil,
                rights: String? = nil, landingPages: [String] = [], languages: [Concept] = [],
                accrualPeriodicity: Concept? = nil, conformsTo: [String] = [], identifiers: [String] = [],
                otherIdentifiers: [String] = [], version: String? = nil, distributions: [Distribution] = [],
                extras: [String: [String]] = [:]) {
        self.sourceIdentifier = sourceIdentifier
        self.iri = iri
        self.title = title
        self.description = description
        self.keywords = keywords
        self.themes = themes
        self.publisher = publisher
        self.creator = creator
        self.contactPoints = contactPoints
        self.issued = issued
        self.modified = modified
        self.temporal = temporal
        self.spatial = spatial
        self.accessRights = accessRights
        self.license = license
        self.rights = rights
        self.landingPages = landingPages
        self.languages = languages
        self.accrualPeriodicity = accrualPeriodicity
        self.conformsTo = conformsTo
        self.identifiers = identifiers
        self.otherIdentifiers = otherIdentifiers
        self.version = version
        self.distributions = distributions
        self.extras = extras
    }
}
