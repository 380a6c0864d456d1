import Foundation
import KatalogRDF

/// Maps simple Dublin Core records (`oai_dc:dc`), the format every OAI-PMH repository serves, into the unified model
/// (docs/dublin-core-mapping.md).
///
/// The mapper is lenient: a missing or unreadable element leaves its field empty. Only a record that is not an
/// `oai_dc:dc` element, has no identifier or has no title is rejected, with a ``MappingError``.
public enum DublinCoreMapper {
    /// The media type of the raw record kept beside the mapped dataset.
    public static let rawFormat = "application/xml"

    /// Maps one `oai_dc:dc` element (namespace http://www.openarchives.org/OAI/2.0/oai_dc/) whose record the OAI-PMH header names `identifier`.
    public static func map(_ dc: XMLElement, identifier: String, raw: Data, sourceURL: String,
                           defaultLanguage: String?) throws(MappingError) -> SourceRecord {
        guard dc.isNamed(DublinCoreNamespace.oaiDC, "dc") else {
            throw MappingError(code: .invalidField, message: "expected oai_dc:dc in \(sourceURL), found \(dc.localName)",
                               field: dc.localName, recordIdentifier: nonEmpty(identifier))
        }
        guard let identifier = nonEmpty(identifier) else {
            throw MappingError(code: .missingIdentifier, message: "a record in \(sourceURL) has no OAI-PMH identifier",
                               field: "header/identifier")
        }
        let elements = DublinCoreElements(dc, defaultLanguage: defaultLanguage)
        let dataset = try makeDataset(elements, identifier: identifier, sourceURL: sourceURL)
        return SourceRecord(dataset: dataset, raw: raw, rawFormat: rawFormat)
    }

    /// Builds the dataset of a record whose OAI-PMH identifier is `identifier`.
    static func makeDataset(_ elements: DublinCoreElements, identifier: String,
                            sourceURL: String) throws(MappingError) -> Dataset {
        var dataset = Dataset(sourceIdentifier: identifier)
        let titles = self.titles(elements["title"])
        guard !titles.title.isEmpty else {
            throw MappingError(code: .missingField, message: "the record in \(sourceURL) has no dc:title",
                               field: "dc:title", recordIdentifier: identifier)
        }
        dataset.title = titles.title
        dataset.description = description(elements["description"])

        let subjects = self.subjects(elements["subject"])
        dataset.keywords = subjects.keywords
        dataset.themes = subjects.themes
        dataset.languages = languages(elements["language"])
        dataset.publisher = agent(elements["publisher"])
        dataset.creator = agent(elements["creator"])
        (dataset.issued, dataset.modified) = dates(elements["date"])

        let identifiers = self.identifiers(elements["identifier"])
        dataset.identifiers = identifiers.all
        dataset.iri = identifiers.iri
        dataset.landingPages = identifiers.landingPage.map { [$0] } ?? []

        let relations = self.relations(elements["relation"])
        dataset.distributions = distributions(identifiers.files + relations.files, formats: elements["format"])

        let rules = rights(elements["rights"])
        dataset.license = rules.license
        dataset.accessRights = rules.accessRights
        dataset.rights = rules.rights

        let coverage = self.coverage(elements["coverage"])
        dataset.spatial = coverage.spatial
        dataset.temporal = coverage.temporal

        dataset.extras = extras(elements, otherTitles: titles.others, otherRelations: relations.others)
        return dataset
    }

    /// Text trimmed of white space, nil when nothing is left.
    static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Appends `value` unless an equal one is already there (`seen` keeps the check linear).
    static func appendDistinct<Value: Hashable>(_ value: Value, to list: inout [Value], seen: inout Set<Value>) {
        if seen.insert(value).inserted { list.append(value) }
    }
}
