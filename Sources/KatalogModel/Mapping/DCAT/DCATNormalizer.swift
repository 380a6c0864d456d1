import Synchronization

/// The seam through which the DCAT mapper maps free values onto controlled vocabularies.
///
/// Each closure receives the raw value as published (an IRI, a code or a label) and returns a ``Concept``
/// that keeps that raw value. ``default`` maps onto Katalog's vocabularies (EU file types, licences, data
/// themes, languages, frequencies, access rights); ``identity`` maps nothing: it keeps the raw value and,
/// when the value is an IRI, uses it as the concept's IRI.
public struct DCATNormalizer: Sendable {
    /// Maps a `dct:format` value (file type).
    public var format: @Sendable (String) -> Concept
    /// Maps a `dct:license` value.
    public var license: @Sendable (String) -> Concept
    /// Maps a `dcat:theme` value (data theme).
    public var theme: @Sendable (String) -> Concept
    /// Maps a `dct:language` value.
    public var language: @Sendable (String) -> Concept
    /// Maps a `dct:accrualPeriodicity` value.
    public var frequency: @Sendable (String) -> Concept
    /// Maps a `dct:accessRights` value.
    public var accessRights: @Sendable (String) -> Concept

    /// Creates a normalizer; every closure defaults to ``identityConcept(_:)``.
    public init(format: @escaping @Sendable (String) -> Concept = { DCATNormalizer.identityConcept($0) },
                license: @escaping @Sendable (String) -> Concept = { DCATNormalizer.identityConcept($0) },
                theme: @escaping @Sendable (String) -> Concept = { DCATNormalizer.identityConcept($0) },
                language: @escaping @Sendable (String) -> Concept = { DCATNormalizer.identityConcept($0) },
                frequency: @escaping @Sendable (String) -> Concept = { DCATNormalizer.identityConcept($0) },
                accessRights: @escaping @Sendable (String) -> Concept = { DCATNormalizer.identityConcept($0) }) {
        self.format = format
        self.license = license
        self.theme = theme
        self.language = language
        self.frequency = frequency
        self.accessRights = accessRights
    }

    /// The normalizer that maps nothing (see ``identityConcept(_:)``).
    public static let identity = DCATNormalizer()

    /// The normalizer onto Katalog's controlled vocabularies, the same ones the CKAN mapper uses.
    public static let `default` = DCATNormalizer(format: { FileFormat.normalize($0) },
                                                 license: { License.normalize($0) },
                                                 theme: { DataTheme.normalize($0) },
                                                 language: { Language.normalize($0) },
                                                 frequency: { Frequency.normalize($0) },
                                                 accessRights: { AccessRights.normalize($0) })

    /// This normalizer with each answer remembered (per vocabulary, up to `limit` distinct values each), for
    /// mapping a whole catalogue: its datasets repeat the same few licences, formats and themes, and each
    /// lookup otherwise folds and searches the vocabulary again.
    public func remembering(limit: Int = 10_000) -> DCATNormalizer {
        let memory = NormalizerMemory(limit: limit)
        return DCATNormalizer(format: memory.remember(0, format), license: memory.remember(1, license),
                              theme: memory.remember(2, theme), language: memory.remember(3, language),
                              frequency: memory.remember(4, frequency), accessRights: memory.remember(5, accessRights))
    }

    /// `Concept(raw: value, uri: value)` when the value looks like an IRI, else `Concept(raw: value)`.
    public static func identityConcept(_ value: String) -> Concept {
        let trimmed = value.trimmingWhitespace()
        return Concept(raw: trimmed, uri: looksLikeIRI(trimmed) ? trimmed : nil)
    }

    /// True for values with an `http`, `https`, `ftp` or `urn` scheme and no white space.
    public static func looksLikeIRI(_ value: String) -> Bool {
        let lower = value.prefix(8).lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("ftp://")
            || lower.hasPrefix("urn:") else { return false }
        return !value.unicodeScalars.contains { $0.properties.isWhitespace }
    }
}

/// The answers a ``DCATNormalizer/remembering(limit:)`` normalizer has given, per vocabulary.
private final class NormalizerMemory: Sendable {
    private let answers: Mutex<[[String: Concept]]>
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
        answers = Mutex(Array(repeating: [:], count: 6))
    }

    func remember(_ vocabulary: Int, _ normalize: @escaping @Sendable (String) -> Concept) -> @Sendable (String) -> Concept {
        { [self] raw in
            if let known = answers.withLock({ $0[vocabulary][raw] }) { return known }
            let concept = normalize(raw)
            answers.withLock { answers in
                if answers[vocabulary].count < limit { answers[vocabulary][raw] = concept }
            }
            return concept
        }
    }
}
