/// A `dcat:Distribution`: one way to get a dataset (a file, an API).
public struct Distribution: Hashable, Sendable, Codable {
    /// The distribution's IRI or source identifier (a CKAN resource id).
    public var identifier: String?
    /// Title per language.
    public var title: LocalizedText
    /// Description per language.
    public var description: LocalizedText
    /// `dcat:accessURL`s.
    public var accessURLs: [String]
    /// `dcat:downloadURL`s.
    public var downloadURLs: [String]
    /// `dct:format`, mapped onto the EU file-type vocabulary when known.
    public var format: Concept?
    /// `dcat:mediaType` (an IANA media type).
    public var mediaType: String?
    /// `dcat:byteSize`.
    public var byteSize: Int64?
    /// `spdx:checksum`.
    public var checksum: Checksum?
    /// `dct:license`.
    public var license: Concept?
    /// `dct:rights`.
    public var rights: String?
    /// `dct:accessRights`.
    public var accessRights: Concept?
    /// `dct:conformsTo`.
    public var conformsTo: [String]
    /// `dct:language`.
    public var languages: [Concept]
    /// `dct:issued`.
    public var issued: DateValue?
    /// `dct:modified`.
    public var modified: DateValue?
    /// `adms:status` or a source-specific availability.
    public var status: Concept?

    /// Creates a distribution.
    public init(identifier: String? = nil, title: LocalizedText = LocalizedText(), description: LocalizedText = LocalizedText(),
                accessURLs: [String] = [], downloadURLs: [String] = [], format: Concept? = nil, mediaType: String? = nil,
                byteSize: Int64? = nil, checksum: Checksum? = nil, license: Concept? = nil, rights: String? = nil,
                accessRights: Concept? = nil, conformsTo: [String] = [], languages: [Concept] = [],
                issued: DateValue? = nil, modified: DateValue? = nil, status: Concept? = nil) {
        self.identifier = identifier
        self.title = title
        self.description = description
        self.accessURLs = accessURLs
        self.downloadURLs = downloadURLs
        self.format = format
        self.mediaType = mediaType
        self.byteSize = byteSize
        self.checksum = checksum
        self.license = license
        self.rights = rights
        self.accessRights = accessRights
        self.conformsTo = conformsTo
        self.languages = languages
        self.issued = issued
        self.modified = modified
        self.status = status
    }
}

/// An `spdx:Checksum`.
public struct Checksum: Hashable, Sendable, Codable {
    /// The algorithm (e.g. `sha256`), lower-cased.
    public var algorithm: String
    /// The checksum value, as published.
    public var value: String

    /// Creates a checksum.
    public init(algorithm: String, value: String) {
        self.algorithm = algorithm.lowercased()
        self.value = value
    }
}
