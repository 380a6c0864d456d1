import Foundation

/// One record as harvested from a source: the mapped dataset and the raw source text it came from.
public struct SourceRecord: Sendable {
    /// The mapped dataset.
    public var dataset: Dataset
    /// The raw record (a CKAN package dict, a data.json entry, a DCAT subgraph as N-Triples).
    public var raw: Data
    /// The media type of `raw` (`application/json`, `application/n-triples`).
    public var rawFormat: String

    /// Creates a record.
    public init(dataset: Dataset, raw: Data, rawFormat: String) {
        self.dataset = dataset
        self.raw = raw
        self.rawFormat = rawFormat
    }

    /// The identifier the source uses for the record.
    public var sourceIdentifier: String { dataset.sourceIdentifier }
}
