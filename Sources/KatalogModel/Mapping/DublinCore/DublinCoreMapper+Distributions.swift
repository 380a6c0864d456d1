extension DublinCoreMapper {
    /// The most distributions made for one record: one more than ``RecordLimits``' default, so the collector still
    /// sees a record over the limit while a hostile record cannot grow the list without bound.
    static let distributionCap = RecordLimits().maxDistributions + 1

    /// Splits the `dc:relation`s: web addresses that look like files (for distributions) and everything else, as
    /// published (for `extras["dc:relation"]`).
    static func relations(_ values: [DublinCoreValue]) -> (files: [String], others: [String]) {
        var files: [String] = []
        var others: [String] = []
        for value in values.prefix(distributionCap) {
            if ISO19139Mapper.isWebIRI(value.text), CKANMapper.looksLikeFile(value.text) {
                files.append(value.text)
            } else if others.count < listCap {
                others.append(value.text)
            }
        }
        return (files, others)
    }

    /// The first `dc:format` the file-type vocabulary recognises (a media type or a format name), nil when none is.
    static func recordFormat(_ formats: [DublinCoreValue]) -> Concept? {
        for value in formats.prefix(listCap) {
            let concept = FileFormat.normalize(value.text)
            if concept.uri != nil { return concept }
        }
        return nil
    }

    /// One distribution per file address, each once: the address is both the access and the download URL. The format
    /// is the one the address's extension names; an address without a known extension, or an archive (`.zip`,
    /// `.tar`, `.gz`, `.7z`), takes the record's first recognised `dc:format` instead when there is one.
    static func distributions(_ urls: [String], formats: [DublinCoreValue]) -> [Distribution] {
        let declared = recordFormat(formats)
        var result: [Distribution] = []
        var seen = Set<String>()
        for url in urls where seen.insert(url).inserted {
            guard result.count < distributionCap else { break }
            var distribution = Distribution(accessURLs: [url], downloadURLs: [url])
            let inferred = FileFormat.infer(fromURL: url)
            if let inferred, !(ISO19139Mapper.archiveFormats.contains(inferred.key) && declared != nil) {
                distribution.format = inferred
            } else {
                distribution.format = declared
            }
            if let raw = distribution.format?.raw, raw.contains("/"), !raw.contains("://") {
                distribution.mediaType = raw.lowercased()
            }
            result.append(distribution)
        }
        return result
    }
}
