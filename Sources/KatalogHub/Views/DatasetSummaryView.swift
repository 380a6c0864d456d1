import KatalogModel
import KatalogStore

/// A search hit as the JSON API shows it: texts in the requested language (with fallback) and the links a business system needs.
struct DatasetSummaryView: Encodable, Sendable {
    struct PublisherView: Encodable, Sendable {
        var key: String
        var name: String?
    }

    struct DistributionLinkView: Encodable, Sendable {
        var title: String?
        var format: String?
        var mediaType: String?
        var accessURL: String?
        var downloadURL: String?

        enum CodingKeys: String, CodingKey {
            case title, format
            case mediaType = "media_type"
            case accessURL = "access_url"
            case downloadURL = "download_url"
        }
    }

    var id: String
    var source: String
    var sourceIdentifier: String
    /// Other sources' records of the same dataset, which searches fold into this one.
    var otherRecords: [RecordReferenceView]
    var title: String?
    var titleLanguage: String?
    var description: String?
    var snippet: String?
    var publisher: PublisherView?
    var modified: String?
    var issued: String?
    var formats: [String]
    var licences: [String]
    var themes: [String]
    var keywords: [String]
    var landingPage: String?
    var distributions: [DistributionLinkView]

    enum CodingKeys: String, CodingKey {
        case id, source, title, description, snippet, publisher, modified, issued, formats, licences, themes, keywords, distributions
        case sourceIdentifier = "source_identifier"
        case otherRecords = "other_records"
        case titleLanguage = "title_language"
        case landingPage = "landing_page"
    }

    /// Longest description shown in a hit; the detail endpoint has the full text.
    static let maxDescriptionCharacters = 500

    init(id: String, source: String, dataset: Dataset, snippet: String?, languages: [String],
         otherRecords: [RecordReference] = [], publisherKey: String? = nil) {
        self.id = id
        self.source = source
        self.otherRecords = otherRecords.map(RecordReferenceView.init)
        self.sourceIdentifier = dataset.sourceIdentifier
        self.title = dataset.title.best(languages)
        self.titleLanguage = dataset.title.bestLanguage(languages).map { $0.isEmpty ? "und" : $0 }
        if let text = dataset.description.best(languages) {
            self.description = text.count > Self.maxDescriptionCharacters
                ? String(text.prefix(Self.maxDescriptionCharacters)) + "…" : text
        }
        self.snippet = snippet
        // The key the publisher facet and filter know it by (a name-only publisher may stand for one with an IRI).
        self.publisher = dataset.publisher.map { PublisherView(key: publisherKey ?? $0.key, name: $0.name.best(languages)) }
        self.modified = dataset.modified?.normalized ?? dataset.modified?.raw
        self.issued = dataset.issued?.normalized ?? dataset.issued?.raw
        self.formats = dataset.formatKeys
        self.licences = dataset.licenseKeys
        self.themes = dataset.themeKeys
        let preferred = Set(languages.map { LocalizedText.normalizedTag($0) })
        let keywords = dataset.keywords.filter { preferred.isEmpty || $0.language == nil || preferred.contains($0.language!) }
        self.keywords = Array((keywords.isEmpty ? dataset.keywords : keywords).map(\.value).prefix(50))
        self.landingPage = dataset.landingPages.first
        self.distributions = dataset.distributions.prefix(100).map {
            DistributionLinkView(title: $0.title.best(languages), format: $0.format?.key.uppercased(), mediaType: $0.mediaType,
                                 accessURL: $0.accessURLs.first, downloadURL: $0.downloadURLs.first)
        }
    }
}

/// Another record of the same dataset (``RecordReference``), in search hits and dataset provenance.
struct RecordReferenceView: Encodable, Sendable {
    var id: String
    var source: String
    var sourceIdentifier: String
    /// True for the record searches show for the dataset.
    var shown: Bool

    enum CodingKeys: String, CodingKey {
        case id, source, shown
        case sourceIdentifier = "source_identifier"
    }

    init(_ reference: RecordReference) {
        id = reference.id
        source = reference.source
        sourceIdentifier = reference.sourceIdentifier
        shown = reference.isShown
    }
}

extension RecordReferenceView: SortedJSONWritable {
    func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.string("id", id)
        object.bool("shown", shown)
        object.string("source", source)
        object.string("source_identifier", sourceIdentifier)
        object.end()
    }
}
