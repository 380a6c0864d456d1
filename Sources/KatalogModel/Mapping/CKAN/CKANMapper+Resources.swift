import Foundation

extension CKANMapper {
    /// Maps `resources` into distributions; entries that are not objects or are deleted are skipped.
    static func distributions(_ value: JSONValue?, language: String?) -> [Distribution] {
        guard let list = value?.array else { return [] }
        return list.compactMap { item in
            guard let object = item.object else { return nil }
            if object["state"]?.string?.lowercased() == "deleted" { return nil }
            return distribution(object, language: language)
        }
    }

    /// Maps one resource dict.
    static func distribution(_ resource: [String: JSONValue], language: String?) -> Distribution {
        var distribution = Distribution(identifier: resource["id"]?.nonEmptyString)
        distribution.title = CKANFields.languageMap(resource["name_translated"])
        CKANFields.merge(resource["name"]?.nonEmptyString, into: &distribution.title, language: language)
        distribution.description = CKANFields.languageMap(resource["description_translated"])
        CKANFields.merge(resource["description"]?.nonEmptyString, into: &distribution.description, language: language)

        let url = resource["url"]?.nonEmptyString
        var access: [String] = []
        var download: [String] = []
        for candidate in [resource["access_url"]?.nonEmptyString, url] {
            if let candidate, !access.contains(candidate) { access.append(candidate) }
        }
        if let explicit = resource["download_url"]?.nonEmptyString {
            download.append(explicit)
        } else if let url, resource["url_type"]?.string == "upload"
                    || looksLikeFile(url) && resource["access_url"]?.nonEmptyString == nil {
            // A resource with ckanext-dcat's access_url and no download_url says it has no download URL (its DCAT
            // distribution had none); only a plain resource's URL is taken for a download when it names a file.
            download.append(url)
        }
        distribution.accessURLs = access
        distribution.downloadURLs = download

        let mimetype = resource["mimetype"]?.nonEmptyString
        if let format = resource["format"]?.nonEmptyString {
            distribution.format = FileFormat.normalize(format)
        } else if let mimetype, mimetype.contains("/") {
            distribution.format = FileFormat.normalize(mimetype)
        } else if let url = download.first ?? url {
            distribution.format = FileFormat.infer(fromURL: url)
        }
        if let mimetype, mimetype.contains("/") {
            distribution.mediaType = mimetype
        } else if let raw = distribution.format?.raw, raw.contains("/"), !raw.contains("://") {
            distribution.mediaType = raw.lowercased()
        } else if let mediaType = resource["media_type"]?.nonEmptyString {
            distribution.mediaType = mediaType
        }
        if let size = resource["size"]?.int64 ?? resource["byte_size"]?.int64, size >= 0 {
            distribution.byteSize = size
        }
        distribution.checksum = checksum(resource["hash"]?.nonEmptyString, algorithm: resource["hash_algorithm"]?.nonEmptyString)
        distribution.license = (resource["license_id"]?.nonEmptyString ?? resource["license"]?.nonEmptyString).map(License.normalize)
        distribution.rights = resource["rights"]?.nonEmptyString ?? CKANFields.languageMap(resource["rights"]).best()
        distribution.accessRights = resource["access_rights"]?.nonEmptyString.map(AccessRights.normalize)
        if let conforms = resource["conforms_to"] {
            distribution.conformsTo = CKANFields.strings(in: conforms, splitCommas: false)
        }
        if let languages = resource["language"] {
            distribution.languages = CKANFields.strings(in: languages).map(Language.normalize)
        }
        distribution.issued = (resource["issued"]?.nonEmptyString ?? resource["created"]?.nonEmptyString).map(DateValue.init(raw:))
        distribution.modified = (resource["modified"]?.nonEmptyString ?? resource["last_modified"]?.nonEmptyString
            ?? resource["metadata_modified"]?.nonEmptyString).map(DateValue.init(raw:))
        distribution.status = resource["status"]?.nonEmptyString.map { Concept(raw: $0) }
        return distribution
    }

    /// Extensions of web pages and scripts, which are not downloads.
    static let pageExtensions: Set<String> = ["html", "htm", "xhtml", "php", "asp", "aspx", "jsp", "cfm", "do"]

    /// True when a URL's path ends in a file extension that is not a web page's.
    static func looksLikeFile(_ url: String) -> Bool {
        guard let ext = FileFormat.fileExtension(of: url) else { return false }
        return !pageExtensions.contains(ext)
    }

    /// A checksum from CKAN's `hash` (optionally `algo:value`) and `hash_algorithm` (a name or an SPDX IRI),
    /// guessing the algorithm from a hex digest's length when none is given.
    static func checksum(_ hash: String?, algorithm: String?) -> Checksum? {
        guard var value = hash?.trimmingWhitespace(), !value.isEmpty, value.utf8.count <= 1024 else { return nil }
        var name = algorithm.map { text -> String in
            var last = VocabularyKey.lastSegment(text)
            if let range = last.range(of: "checksumAlgorithm_") { last = String(last[range.upperBound...]) }
            return last.lowercased().replacingOccurrences(of: "-", with: "")
        }
        if name == nil, let colon = value.firstIndex(of: ":") {
            let prefix = value[..<colon].lowercased().replacingOccurrences(of: "-", with: "")
            if ["md5", "sha1", "sha256", "sha512", "sha224", "sha384"].contains(prefix) {
                name = prefix
                value = String(value[value.index(after: colon)...])
            }
        }
        if name == nil, value.allSatisfy(\.isHexDigit) {
            switch value.count {
            case 32: name = "md5"
            case 40: name = "sha1"
            case 64: name = "sha256"
            case 128: name = "sha512"
            default: break
            }
        }
        return Checksum(algorithm: name ?? "unknown", value: value)
    }
}
