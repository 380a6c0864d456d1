/// One dataset found in a data.json document, not yet mapped: where it is and what it is called.
public struct DataJSONEntry: Sendable, Hashable {
    /// The entry's position in ``DataJSONCatalogue/entries``.
    public var index: Int
    /// Where the dataset sits in the document, e.g. `dataset[3]` or `catalog[0].dataset[1]`.
    public var path: String
    /// The dataset's identifier (per the declared DCAT-US version's rules), nil when it has none.
    public var identifier: String?
    /// `@id`s of the dataset series that list this dataset as a member (DCAT-US 3.0).
    public var series: [String]
    /// The dataset object as published.
    let value: JSONValue
    /// A failure known before mapping (a duplicate identifier), returned by ``DataJSONCatalogue/record(at:sourceURL:defaultLanguage:limits:)``.
    let problem: MappingError?
}

/// Something in a data.json document that is not mapped into a dataset record, and why.
public struct DataJSONSkipped: Sendable, Hashable {
    /// What kind of object was skipped.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A `DataService` (DCAT-US 3.0): the model holds datasets only; datasets it serves are mapped.
        case dataService
        /// A `DatasetSeries` (DCAT-US 3.0): its members are mapped, the series itself is not.
        case datasetSeries
        /// A `CatalogRecord` (DCAT-US 3.0): metadata about a listing, not a dataset.
        case catalogRecord
        /// A dataset given only as an IRI reference, with nothing to map.
        case reference
        /// A nested catalogue deeper than the mapper follows, or a member of an unexpected shape.
        case unsupported
    }

    /// The kind of object.
    public var kind: Kind
    /// Where it sits in the document, e.g. `service[1]`.
    public var path: String
    /// Its identifier or `@id`, when it has one.
    public var identifier: String?
    /// Why it was not mapped.
    public var reason: String
    /// Set when the object is also malformed (e.g. a service or catalog record without an identifier):
    /// a harvester should count it as a record error, not only as a skip.
    public var error: MappingError?
}
