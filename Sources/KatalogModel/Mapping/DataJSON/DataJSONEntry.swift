/// One dataset found in a data.json document, not yet mapped: where it is and what it is called.
public struct DataJSONEntry: Sendable, Hashable {
    /// Where the dataset's JSON is kept until it is mapped.
    enum Storage: Sendable, Hashable {
        /// Parsed and kept (series members, datasets of services and nested catalogues: a small share).
        case value(JSONValue)
        /// A byte range of the catalogue's document, read again when the entry is mapped; `hash` is the parsed
        /// value's hash, to tell repeated listings apart without keeping them.
        case bytes(Range<Int>, hash: Int)
    }

    /// What an entry describes.
    public enum Kind: String, Sendable, Hashable {
        /// A dataset.
        case dataset
        /// A DCAT-US 3.0 `DatasetSeries`, mapped as a record of its own; only a title is required of it.
        case series
    }

    /// The entry's position in ``DataJSONCatalogue/entries``.
    public var index: Int
    /// Where the dataset sits in the document, e.g. `dataset[3]` or `catalog[0].dataset[1]`.
    public var path: String
    /// The dataset's identifier (per the declared DCAT-US version's rules), nil when it has none.
    public var identifier: String?
    /// Whether the entry is a dataset or a dataset series.
    public var kind: Kind
    /// `@id`s of the dataset series that list this dataset as a member (DCAT-US 3.0).
    public var series: [String]
    /// The dataset object as published.
    let storage: Storage
    /// A failure known before mapping (a duplicate identifier), returned by ``DataJSONCatalogue/record(at:sourceURL:defaultLanguage:limits:)``.
    let problem: MappingError?
}
