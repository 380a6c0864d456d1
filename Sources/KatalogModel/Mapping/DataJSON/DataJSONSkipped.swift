/// Something in a data.json document that is not mapped into a dataset record, and why.
public struct DataJSONSkipped: Sendable, Hashable {
    /// What kind of object was skipped.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A `DataService` (DCAT-US 3.0): the model holds datasets only; datasets it serves are mapped.
        case dataService
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
