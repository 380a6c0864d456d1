import Foundation

extension DataJSONMapper {
    /// `distribution`: each object mapped, its problems reported under `distribution[i]`.
    static func distributions(_ fields: inout DataJSONFields, language: String?, vocabulary: DataJSONVocabularyCache) -> [Distribution] {
        var result: [Distribution] = []
        for (offset, object) in fields.objects("distribution") {
            var reader = DataJSONFields(object, path: "\(fields.path).distribution[\(offset)]", identifier: fields.identifier)
            let distribution = self.distribution(&reader, language: language, vocabulary: vocabulary)
            fields.absorb(reader)
            result.append(distribution)
        }
        return result
    }

    /// One distribution: URLs, media type and format (format name first, then media type, then the URL's extension),
    /// and the DCAT-US 3.0 additions (byte size, checksum, licence, rights, dates, languages, status).
    static func distribution(_ fields: inout DataJSONFields, language: String?, vocabulary: DataJSONVocabularyCache) -> Distribution {
        var distribution = Distribution()
        if let id = fields.value("@id")?.nonEmptyString {
            distribution.identifier = id
        } else {
            distribution.identifier = fields.strings("identifier", labelKeys: ["notation"]).first
        }
        distribution.title = CKANFields.languageMap(fields.value("titleMap"))
        CKANFields.merge(fields.text("title"), into: &distribution.title, language: language)
        distribution.description = CKANFields.languageMap(fields.value("descriptionMap"))
        CKANFields.merge(fields.text("description"), into: &distribution.description, language: language)
        distribution.accessURLs = fields.uris("accessURL")
        distribution.downloadURLs = fields.uris("downloadURL")

        let mediaType = fields.textOrNode("mediaType", labelKeys: ["notation", "title"])
        distribution.mediaType = mediaType.map(Self.mediaTypeName)
        let byType = mediaType.map(vocabulary.format)
        if let format = fields.textOrNode("format", labelKeys: ["notation", "title", "label"]) {
            let concept = vocabulary.format(format)
            // 1.1 formats are free text ("Web Page", "API"); the media type maps better when the name does not.
            if concept.uri == nil, var byType, byType.uri != nil {
                byType.raw = format
                distribution.format = byType
            } else {
                distribution.format = concept
            }
        } else if let byType {
            // An unknown media type ("notareal/type") says less than the download URL's extension.
            distribution.format = byType.uri == nil ? (distribution.downloadURLs.first.flatMap(FileFormat.infer(fromURL:)) ?? byType) : byType
        } else if let url = distribution.downloadURLs.first {
            distribution.format = FileFormat.infer(fromURL: url)
        }
        if let size = fields.value("byteSize") {
            if let bytes = size.int64 ?? size["value"]?.int64, bytes >= 0 {
                distribution.byteSize = bytes
            } else {
                fields.problem(.invalidField, "byteSize", "expected a non-negative integer, found \(DataJSONFields.kind(of: size))")
            }
        }
        if let checksum = fields.value("checksum") {
            let value = checksum["checksumValue"]?.nonEmptyString ?? checksum["value"]?.nonEmptyString
            let algorithm = checksum["algorithm"].flatMap { $0.nonEmptyString ?? $0["@id"]?.nonEmptyString }
            distribution.checksum = CKANMapper.checksum(value, algorithm: algorithm)
        }
        if let license = fields.uri("license") {
            var concept = vocabulary.license(license)
            if concept.uri == nil, CKANFields.isWebURL(license) { concept.uri = license }
            distribution.license = concept
        }
        distribution.rights = fields.textOrNode("rights", labelKeys: ["description", "title", "label"])
        distribution.accessRights = fields.textOrNode("accessRights", labelKeys: ["description", "title", "label"])
            .map { vocabulary.concept(.accessRights, $0) }
        distribution.conformsTo = fields.uris("conformsTo")
        distribution.languages = DataJSONFields.languageCodes(fields.value("language")).map { vocabulary.concept(.language, $0) }
        distribution.issued = fields.textOrNode("issued", labelKeys: ["value"]).map(DateValue.init(raw:))
        distribution.modified = fields.textOrNode("modified", labelKeys: ["value"]).map(DateValue.init(raw:))
        distribution.status = fields.textOrNode("status", labelKeys: ["prefLabel", "label", "title"]).map { Concept(raw: $0) }
        // Checked for its shape; the model has no distribution-level data dictionary (the raw record keeps it).
        _ = fields.uri("describedBy")
        return distribution
    }

    /// A media type from text or an IANA IRI (`https://www.iana.org/assignments/media-types/text/csv` → `text/csv`).
    static func mediaTypeName(_ text: String) -> String {
        let marker = "/assignments/media-types/"
        if let range = text.range(of: marker) { return String(text[range.upperBound...]).lowercased() }
        return text
    }
}
