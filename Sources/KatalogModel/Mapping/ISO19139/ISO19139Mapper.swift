import Foundation
import KatalogRDF

/// Maps ISO 19139 metadata records (`gmd:MD_Metadata`, `gmi:MI_Metadata`), the format CSW geodata catalogues such
/// as GeoNetwork serve, into the unified model, following GeoDCAT-AP where it says how (docs/iso19139-mapping.md).
///
/// The mapper reads the element tree `KatalogRDF` parses and is lenient: a missing or malformed element leaves its
/// field empty. Only a record with no `gmd:fileIdentifier` or no title is rejected, with a ``MappingError``.
public enum ISO19139Mapper {
    /// The media type of the raw record kept beside the mapped dataset.
    public static let rawFormat = "application/xml"

    /// The `gmd:hierarchyLevel` scopes that describe data; a record without a hierarchy level is a dataset (ISO 19115).
    static let datasetScopes: Set<String> = ["dataset", "series", "nongeographicdataset"]

    /// Maps one gmd:MD_Metadata (or gmi:MI_Metadata) element. `raw` is that record's serialized XML (stored as the raw source record).
    public static func map(_ metadata: XMLElement, raw: Data, sourceURL: String,
                           defaultLanguage: String?) throws(MappingError) -> ISO19139Mapping {
        let isMetadata = (metadata.namespace == ISO19139Namespace.gmd && metadata.localName == "MD_Metadata")
            || (metadata.namespace == ISO19139Namespace.gmi && metadata.localName == "MI_Metadata")
        guard isMetadata else {
            throw MappingError(code: .invalidField, message: "expected gmd:MD_Metadata or gmi:MI_Metadata in \(sourceURL), "
                               + "found \(metadata.localName)", field: metadata.localName)
        }
        let fileIdentifier = text(metadata.child(ISO19139Namespace.gmd, "fileIdentifier"))
        if let scope = scope(of: metadata), !datasetScopes.contains(scope.lowercased()) {
            return .notADataset(identifier: fileIdentifier, scope: scope)
        }
        guard let fileIdentifier else {
            throw MappingError(code: .missingIdentifier, message: "the record in \(sourceURL) has no gmd:fileIdentifier",
                               field: "gmd:fileIdentifier")
        }
        let dataset = try makeDataset(metadata, identifier: fileIdentifier, defaultLanguage: defaultLanguage,
                                      sourceURL: sourceURL)
        return .dataset(SourceRecord(dataset: dataset, raw: raw, rawFormat: rawFormat))
    }

    /// The record's `gmd:hierarchyLevel` code, nil when it has none.
    static func scope(of metadata: XMLElement) -> String? {
        code(metadata.child(ISO19139Namespace.gmd, "hierarchyLevel"))
    }

    /// Whether ``map(_:raw:sourceURL:defaultLanguage:)`` takes the record for data (a dataset, a series, non-geographic
    /// data, or no hierarchy level at all) rather than for a service or another scope it skips. Reads only the
    /// hierarchy level, so it answers for brief records too.
    public static func describesData(_ metadata: XMLElement) -> Bool {
        guard let scope = scope(of: metadata) else { return true }
        return datasetScopes.contains(scope.lowercased())
    }

    /// Builds the dataset of a record already known to describe data and to have `identifier` as its file identifier.
    static func makeDataset(_ metadata: XMLElement, identifier: String, defaultLanguage: String?,
                        sourceURL: String) throws(MappingError) -> Dataset {
        let text = ISO19139Text(metadata: metadata, defaultLanguage: defaultLanguage)
        let identifications = all(metadata, "gmd:identificationInfo/*")
        let citation = first(identifications.first, "gmd:citation/gmd:CI_Citation")
        var dataset = Dataset(sourceIdentifier: identifier)
        dataset.title = text.localized(first(citation, "gmd:title"))
        guard !dataset.title.isEmpty else {
            throw MappingError(code: .missingField, message: "the record in \(sourceURL) has no title",
                               field: "gmd:identificationInfo/*/gmd:citation/gmd:CI_Citation/gmd:title",
                               recordIdentifier: identifier)
        }
        dataset.description = text.localized(first(identifications.first, "gmd:abstract"))
        dataset.identifiers = resourceIdentifiers(citation)
        dataset.iri = dataset.identifiers.first(where: isWebIRI)
        dataset.version = self.text(first(citation, "gmd:edition"))
        if let uri = self.text(metadata.child(ISO19139Namespace.gmd, "dataSetURI")), isWebIRI(uri) {
            dataset.landingPages = [uri]
        }

        dataset.keywords = keywords(identifications, text: text)
        dataset.themes = themes(identifications, text: text)
        dataset.languages = languages(identifications)

        let parties = responsibleParties(metadata, identifications: identifications, text: text)
        dataset.publisher = publisher(parties)
        dataset.creator = creator(parties)
        dataset.contactPoints = contactPoints(parties)

        (dataset.issued, dataset.modified) = dates(citation, dateStamp: metadata.child(ISO19139Namespace.gmd, "dateStamp"))
        let extents = identifications.flatMap { all($0, "gmd:extent/gmd:EX_Extent") + all($0, "srv:extent/gmd:EX_Extent") }
        dataset.temporal = temporal(extents)
        dataset.spatial = spatial(extents, text: text)

        let rules = constraints(identifications, text: text)
        dataset.license = rules.license
        dataset.accessRights = rules.accessRights
        dataset.rights = rules.rights

        dataset.accrualPeriodicity = frequency(identifications)
        dataset.conformsTo = conformsTo(metadata)
        dataset.distributions = distributions(metadata, text: text)
        dataset.extras = extras(metadata, identifications: identifications, text: text, constraints: rules)
        return dataset
    }

    /// The codes of the citation's `gmd:identifier`s (`MD_Identifier` or `RS_Identifier`), each anchor's link after
    /// its text, without repeats.
    static func resourceIdentifiers(_ citation: XMLElement?) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        for code in all(citation, "gmd:identifier/*/gmd:code") {
            if let value = text(code) { appendDistinct(value, to: &result, seen: &seen) }
            if let link = href(code), isWebIRI(link) { appendDistinct(link, to: &result, seen: &seen) }
        }
        return result
    }
}

/// What ``ISO19139Mapper/map(_:raw:sourceURL:defaultLanguage:)`` made of one metadata record.
public enum ISO19139Mapping: Sendable {
    /// The record describes a dataset, a series or non-geographic data.
    case dataset(SourceRecord)
    /// The record describes something else (a service, an application, a feature type); `scope` is its
    /// `gmd:hierarchyLevel` code, `identifier` its file identifier when it has one.
    case notADataset(identifier: String?, scope: String)
}
