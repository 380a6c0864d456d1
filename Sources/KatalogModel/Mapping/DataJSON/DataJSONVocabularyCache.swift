import Synchronization

/// Remembers vocabulary lookups (licences, formats) for one catalogue: a data.json file repeats the same few
/// licence URLs and format names thousands of times, and each lookup folds text through Foundation.
///
/// Owned by one ``DataJSONCatalogue`` (no global state); bounded, so a hostile file of unique values only stops caching.
final class DataJSONVocabularyCache: Sendable {
    /// Most values remembered per vocabulary.
    static let capacity = 4_096

    private let licences = Mutex<[String: Concept]>([:])
    private let formats = Mutex<[String: Concept]>([:])

    /// `License.normalize`, remembered.
    func license(_ raw: String) -> Concept {
        Self.lookup(raw, in: licences, License.normalize)
    }

    /// `FileFormat.normalize`, remembered.
    func format(_ raw: String) -> Concept {
        Self.lookup(raw, in: formats, FileFormat.normalize)
    }

    private static func lookup(_ raw: String, in table: borrowing Mutex<[String: Concept]>, _ normalize: (String) -> Concept) -> Concept {
        if let known = table.withLock({ $0[raw] }) { return known }
        let concept = normalize(raw)
        table.withLock { values in
            if values.count < capacity { values[raw] = concept }
        }
        return concept
    }
}
