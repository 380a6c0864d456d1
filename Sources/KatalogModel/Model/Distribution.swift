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
    /// `dcat:accessService`: the data services (APIs) this distribution is served through. Stored records leave the
    /// member out when there are none, so records written before it existed read the same.
    public var accessServices: [AccessService]

    /// Creates a distribution.
    public init(identifier: String? = nil, title: LocalizedText = LocalizedText(), description: LocalizedText = LocalizedText(),
                accessURLs: [String] = [], downloadURLs: [String] = [], format: Concept? = nil, mediaType: String? = nil,
                byteSize: Int64? = nil, checksum: Checksum? = nil, license: Concept? = nil, rights: String? = nil,
                accessRights: Concept? = nil, conformsTo: [String] = [], languages: [Concept] = [],
                issued: DateValue? = nil, modified: DateValue? = nil, status: Concept? = nil,
                accessServices: [AccessService] = []) {
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
        self.accessServices = accessServices
    }

    private enum CodingKeys: String, CodingKey {
        case identifier, title, description, accessURLs, downloadURLs, format, mediaType, byteSize, checksum, license
        case rights, accessRights, conformsTo, languages, issued, modified, status, accessServices
        // The API's names (`access_urls`, `download_urls` in snake case), written beside the stored ones.
        case accessUrls, downloadUrls
    }

    /// With this `userInfo` key set to `true`, encoding also writes the URLs under the names the HTTP API gives them in
    /// snake case, `accessUrls` and `downloadUrls` (`access_urls`, `download_urls`), beside `accessURLs` and
    /// `downloadURLs`, which Foundation's `.convertToSnakeCase` turns into `access_ur_ls` and `download_ur_ls`, the
    /// API's first (deprecated) names. Stored records never carry them.
    public static let apiNamesKey = CodingUserInfoKey(rawValue: "katalog.distribution.apiNames")!

    /// Decodes a distribution; `accessServices` may be missing (none).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try c.decodeIfPresent(String.self, forKey: .identifier)
        title = try c.decode(LocalizedText.self, forKey: .title)
        description = try c.decode(LocalizedText.self, forKey: .description)
        accessURLs = try c.decode([String].self, forKey: .accessURLs)
        downloadURLs = try c.decode([String].self, forKey: .downloadURLs)
        format = try c.decodeIfPresent(Concept.self, forKey: .format)
        mediaType = try c.decodeIfPresent(String.self, forKey: .mediaType)
        byteSize = try c.decodeIfPresent(Int64.self, forKey: .byteSize)
        checksum = try c.decodeIfPresent(Checksum.self, forKey: .checksum)
        license = try c.decodeIfPresent(Concept.self, forKey: .license)
        rights = try c.decodeIfPresent(String.self, forKey: .rights)
        accessRights = try c.decodeIfPresent(Concept.self, forKey: .accessRights)
        conformsTo = try c.decode([String].self, forKey: .conformsTo)
        languages = try c.decode([Concept].self, forKey: .languages)
        issued = try c.decodeIfPresent(DateValue.self, forKey: .issued)
        modified = try c.decodeIfPresent(DateValue.self, forKey: .modified)
        status = try c.decodeIfPresent(Concept.self, forKey: .status)
        accessServices = try c.decodeIfPresent([AccessService].self, forKey: .accessServices) ?? []
    }

    /// Encodes a distribution as the synthesised form would, leaving out `accessServices` when there are none.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(identifier, forKey: .identifier)
        try c.encode(title, forKey: .title)
        try c.encode(description, forKey: .description)
        try c.encode(accessURLs, forKey: .accessURLs)
        try c.encode(downloadURLs, forKey: .downloadURLs)
        if encoder.userInfo[Distribution.apiNamesKey] as? Bool == true {
            try c.encode(accessURLs, forKey: .accessUrls)
            try c.encode(downloadURLs, forKey: .downloadUrls)
        }
        try c.encodeIfPresent(format, forKey: .format)
        try c.encodeIfPresent(mediaType, forKey: .mediaType)
        try c.encodeIfPresent(byteSize, forKey: .byteSize)
        try c.encodeIfPresent(checksum, forKey: .checksum)
        try c.encodeIfPresent(license, forKey: .license)
        try c.encodeIfPresent(rights, forKey: .rights)
        try c.encodeIfPresent(accessRights, forKey: .accessRights)
        try c.encode(conformsTo, forKey: .conformsTo)
        try c.encode(languages, forKey: .languages)
        try c.encodeIfPresent(issued, forKey: .issued)
        try c.encodeIfPresent(modified, forKey: .modified)
        try c.encodeIfPresent(status, forKey: .status)
        if !accessServices.isEmpty { try c.encode(accessServices, forKey: .accessServices) }
    }
}

/// A `dcat:DataService` a distribution is served through: what a client needs to find and call the API. The
/// service's own description (the datasets it serves, its publisher) stays in the source; its IRI is the link.
public struct AccessService: Hashable, Sendable, Codable {
    /// The service's IRI; nil for a blank node.
    public var identifier: String?
    /// `dct:title` per language.
    public var title: LocalizedText
    /// `dcat:endpointURL`s: where the service is called.
    public var endpoints: [String]
    /// `dcat:endpointDescription`s: where its interface is described (an OpenAPI document, a WFS capabilities URL …).
    public var endpointDescriptions: [String]
    /// `dct:conformsTo`: the standards or specifications the service follows.
    public var conformsTo: [String]

    /// Creates a service reference.
    public init(identifier: String? = nil, title: LocalizedText = LocalizedText(), endpoints: [String] = [],
                endpointDescriptions: [String] = [], conformsTo: [String] = []) {
        self.identifier = identifier
        self.title = title
        self.endpoints = endpoints
        self.endpointDescriptions = endpointDescriptions
        self.conformsTo = conformsTo
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
