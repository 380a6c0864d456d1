/// Bounds on a single record, so one pathological record is skipped instead of stalling a run.
public struct RecordLimits: Sendable, Hashable, Codable {
    /// Most keywords a dataset may carry.
    public var maxKeywords: Int
    /// Most distributions a dataset may carry.
    public var maxDistributions: Int
    /// Longest title or description, in UTF-8 bytes per language.
    public var maxTextBytes: Int
    /// Largest raw record, in bytes.
    public var maxRawBytes: Int

    /// Defaults: 2,000 keywords, 2,000 distributions, 1 MiB of text per field and language, 8 MiB raw.
    public init(maxKeywords: Int = 2_000, maxDistributions: Int = 2_000, maxTextBytes: Int = 1 << 20, maxRawBytes: Int = 8 << 20) {
        self.maxKeywords = maxKeywords
        self.maxDistributions = maxDistributions
        self.maxTextBytes = maxTextBytes
        self.maxRawBytes = maxRawBytes
    }

    /// Returns why a record breaks these limits, or nil when it does not.
    public func violation(of record: SourceRecord) -> String? {
        let dataset = record.dataset
        if record.raw.count > maxRawBytes {
            return "raw record is \(record.raw.count) bytes, over the limit of \(maxRawBytes)"
        }
        if dataset.keywords.count > maxKeywords {
            return "\(dataset.keywords.count) keywords, over the limit of \(maxKeywords)"
        }
        if dataset.distributions.count > maxDistributions {
            return "\(dataset.distributions.count) distributions, over the limit of \(maxDistributions)"
        }
        for (field, text) in [("title", dataset.title), ("description", dataset.description)] {
            for (language, value) in text.values where value.utf8.count > maxTextBytes {
                let tag = language.isEmpty ? "untagged" : language
                return "\(field) (\(tag)) is \(value.utf8.count) bytes, over the limit of \(maxTextBytes)"
            }
        }
        return nil
    }
}
