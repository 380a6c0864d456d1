import Foundation

/// Maps CKAN package dicts (the `package_show` / `package_search` result shape of CKAN 2.9–2.11,
/// with or without ckanext-dcat, ckanext-scheming and ckanext-fluent) into the unified model.
///
/// The mapper is lenient: a field of the wrong type is ignored, never a crash. Only a record with no
/// identifier at all is rejected, with a ``MappingError``.
public enum CKANMapper {
    /// Maps one package dict. `rawData` is the dict's JSON as received (re-encoded with sorted keys when nil);
    /// `portalURL` (e.g. `https://data.example.org`) lets the mapper build publisher home pages;
    /// `defaultLanguage` (a BCP 47 tag) tags plain text when the package declares no single language.
    public static func record(from package: JSONValue, rawData: Data? = nil, portalURL: String? = nil,
                              defaultLanguage: String? = nil) throws -> SourceRecord {
        let dataset = try dataset(from: package, portalURL: portalURL, defaultLanguage: defaultLanguage)
        let raw: Data
        if let rawData {
            raw = rawData
        } else {
            do {
                raw = try package.encoded()
            } catch {
                throw MappingError(code: .unencodable, message: "the package could not be encoded as JSON: \(error)",
                                   recordIdentifier: dataset.sourceIdentifier)
            }
        }
        return SourceRecord(dataset: dataset, raw: raw, rawFormat: "application/json")
    }

    /// Decodes and maps one package dict from its JSON bytes.
    public static func record(fromJSON data: Data, portalURL: String? = nil, defaultLanguage: String? = nil) throws -> SourceRecord {
        let package: JSONValue
        do {
            package = try JSONValue.decode(data)
        } catch {
            throw MappingError(code: .invalidJSON, message: "the package is not valid JSON: \(error)")
        }
        return try record(from: package, rawData: data, portalURL: portalURL, defaultLanguage: defaultLanguage)
    }

    /// The identifier the mapper would use for a package (`id`, else `name`, else a DCAT `identifier`), or nil.
    public static func sourceIdentifier(of package: JSONValue) -> String? {
        guard let object = package.object else { return nil }
        for key in ["id", "name"] {
            if let value = object[key]?.nonEmptyString { return value }
        }
        return CKANFields(object).text(["identifier", "guid"])
    }

    /// Maps the package dict into a dataset (see ``record(from:rawData:portalURL:defaultLanguage:)``).
    public static func dataset(from package: JSONValue, portalURL: String? = nil, defaultLanguage: String? = nil) throws -> Dataset {
        guard let object = package.object else {
            throw MappingError(code: .notAnObject, message: "a CKAN package must be a JSON object")
        }
        guard let identifier = sourceIdentifier(of: package) else {
            throw MappingError(code: .missingIdentifier, message: "the package has no id, name or identifier", field: "id",
                               recordIdentifier: object["title"]?.nonEmptyString)
        }
        let fields = CKANFields(object)
        let languages = declaredLanguages(fields)
        let textLanguage = languages.count == 1 ? Language.tag(for: languages[0].raw)
            : languages.isEmpty ? defaultLanguage.map { LocalizedText.normalizedTag($0) } : nil
        var dataset = Dataset(sourceIdentifier: identifier)
        dataset.languages = languages

        if let uri = fields.text("uri"), CKANFields.isWebURL(uri) { dataset.iri = uri }
        dataset.title = CKANFields.languageMap(object["title_translated"])
        CKANFields.merge(object["title"]?.nonEmptyString ?? object["name"]?.nonEmptyString, into: &dataset.title, language: textLanguage)
        dataset.description = CKANFields.languageMap(object["notes_translated"])
        CKANFields.merge(object["notes"]?.nonEmptyString ?? object["description"]?.nonEmptyString,
                         into: &dataset.description, language: textLanguage)
        dataset.keywords = keywords(object, language: textLanguage)
        dataset.themes = themes(fields)
        dataset.publisher = publisher(fields, portalURL: portalURL)
        dataset.creator = creator(fields)
        dataset.contactPoints = contactPoints(fields)

        dataset.issued = (fields.text("issued") ?? object["metadata_created"]?.nonEmptyString).map(DateValue.init(raw:))
        dataset.modified = (fields.text("modified") ?? object["metadata_modified"]?.nonEmptyString).map(DateValue.init(raw:))
        dataset.temporal = temporal(fields)
        dataset.spatial = spatial(fields)
        dataset.accessRights = fields.text("access_rights").map(AccessRights.normalize)
        dataset.license = license(id: object["license_id"]?.nonEmptyString, url: object["license_url"]?.nonEmptyString,
                                  title: object["license_title"]?.nonEmptyString)
            ?? fields.text("license").map(License.normalize)
        if let url = fields.text(["url", "landing_page", "landingPage"]), CKANFields.isWebURL(url) {
            dataset.landingPages = [url]
        }
        dataset.accrualPeriodicity = fields.text(["frequency", "accrual_periodicity"]).map(Frequency.normalize)
        dataset.conformsTo = fields.list("conforms_to", splitCommas: false)
        dataset.identifiers = fields.list("identifier", splitCommas: false)
        dataset.otherIdentifiers = fields.list("alternate_identifier", splitCommas: false)
        dataset.version = fields.text("version")
        dataset.distributions = distributions(object["resources"], language: textLanguage)
        dataset.extras = leftovers(fields)
        return dataset
    }

    /// Languages from `language` (a list, a JSON list in a string, or a comma list; top level or extras).
    static func declaredLanguages(_ fields: CKANFields) -> [Concept] {
        var seen = Set<String>()
        return fields.list("language").map(Language.normalize).filter { seen.insert($0.uri ?? $0.raw.lowercased()).inserted }
    }

    /// The licence from `license_id`, falling back to the URL and title, with the portal's title as label.
    static func license(id: String?, url: String?, title: String?) -> Concept? {
        guard let raw = id ?? url ?? title else { return nil }
        var concept = License.normalize(raw)
        if concept.uri == nil, let url, let match = License.lookup(url) {
            concept.uri = match.uri
            concept.label = LocalizedText(match.label)
        }
        if concept.uri == nil, let url, CKANFields.isWebURL(url) {
            concept.uri = url
        }
        if concept.label == nil, let title { concept.label = LocalizedText(title) }
        return concept
    }
}
