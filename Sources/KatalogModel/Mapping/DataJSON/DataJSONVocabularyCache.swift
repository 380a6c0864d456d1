import Synchronization

/// Remembers vocabulary lookups (licences, formats, access rights, …) for one catalogue: a data.json file
/// repeats the same few values thousands of times, and each lookup folds text through Foundation.
///
/// Owned by one ``DataJSONCatalogue`` (no global state); bounded, so a hostile file of unique values only stops caching.
final class DataJSONVocabularyCache: Sendable {
    /// The vocabularies remembered.
    enum Vocabulary: UInt8, Hashable, Sendable {
        case license, format, accessRights, frequency, theme, language

        /// The vocabulary's own mapping.
        func normalize(_ raw: String) -> Concept {
            switch self {
            case .license: License.normalize(raw)
            case .format: FileFormat.normalize(raw)
            case .accessRights: AccessRights.normalize(raw)
            case .frequency: Frequency.normalize(raw)
            case .theme: DataTheme.normalize(raw)
            case .language: Language.normalize(raw)
            }
        }
    }

    private struct Key: Hashable {
        let vocabulary: Vocabulary
        let raw: String
    }

    /// Most values remembered, all vocabularies together.
    static let capacity = 16_384

    private let table = Mutex<[Key: Concept]>([:])

    /// The vocabulary's concept for `raw`, computed once per catalogue.
    func concept(_ vocabulary: Vocabulary, _ raw: String) -> Concept {
        let key = Key(vocabulary: vocabulary, raw: raw)
        if let known = table.withLock({ $0[key] }) { return known }
        let concept = vocabulary.normalize(raw)
        table.withLock { values in
            if values.count < Self.capacity { values[key] = concept }
        }
        return concept
    }

    /// `License.normalize`, remembered.
    func license(_ raw: String) -> Concept { concept(.license, raw) }

    /// `FileFormat.normalize`, remembered.
    func format(_ raw: String) -> Concept { concept(.format, raw) }
}
