extension Dataset {
    /// Distinct format keys across distributions (e.g. `CSV`, `JSON`), for facets and filters.
    public var formatKeys: [String] {
        var seen = Set<String>()
        return distributions.compactMap { $0.format?.key.uppercased() }.filter { seen.insert($0).inserted }
    }

    /// Distinct licence keys of the dataset and its distributions.
    public var licenseKeys: [String] {
        var seen = Set<String>()
        let all = ([license] + distributions.map(\.license)).compactMap { $0?.key }
        return all.filter { seen.insert($0).inserted }
    }

    /// Distinct theme keys.
    public var themeKeys: [String] {
        var seen = Set<String>()
        return themes.map(\.key).filter { seen.insert($0).inserted }
    }

    /// Languages the metadata is written in and the dataset declares, as lower-case tags.
    public var languageKeys: [String] {
        var seen = Set<String>()
        // Declared languages come as EU authority codes (`SWE`), ISO 639-2 or names; the facet uses the same
        // BCP 47 tags as the written text (`sv`), so one language is one facet value.
        let declared = languages.map { Language.tag(for: $0.uri ?? $0.raw) ?? $0.key.lowercased() }
        let written = title.languages.filter { !$0.isEmpty }
        return (declared + written).filter { seen.insert($0).inserted }
    }

    /// True when at least one distribution has a download URL.
    public var hasDownloadURL: Bool {
        distributions.contains { !$0.downloadURLs.isEmpty }
    }
}
