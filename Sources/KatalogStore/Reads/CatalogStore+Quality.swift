import Foundation
import GRDB
import KatalogModel

/// How many of a source's datasets carry each piece of metadata that makes a dataset findable and reusable: the
/// indicators of data.europa.eu's Metadata Quality Assessment that the catalogue can count from what it indexes.
/// Counted over the datasets searches show (a record another source's record stands for is left out).
public struct MetadataQuality: Hashable, Sendable, Codable {
    /// Datasets counted.
    public var datasets = 0
    /// With a description.
    public var description = 0
    /// With at least one keyword.
    public var keywords = 0
    /// With a theme, and with one of the EU data themes (ISO topic categories and free themes are not).
    public var theme = 0
    public var themeFromVocabulary = 0
    /// With a publisher.
    public var publisher = 0
    /// With a licence, with one the licence vocabulary knows, and with one known to be open.
    public var licence = 0
    public var licenceFromVocabulary = 0
    public var openLicence = 0
    /// With a distribution format, and with one of the EU file types.
    public var format = 0
    public var formatFromVocabulary = 0
    /// With at least one download URL.
    public var downloadURL = 0
    /// With a modification date.
    public var modified = 0
    /// With a language (declared, or that of its title).
    public var language = 0
    /// With a contact point, a temporal coverage, a spatial coverage, and access rights.
    public var contactPoint = 0
    public var temporal = 0
    public var spatial = 0
    public var accessRights = 0

    public init() {}

    /// Adds another count to this one (for a total over sources).
    public mutating func add(_ other: MetadataQuality) {
        datasets += other.datasets
        description += other.description
        keywords += other.keywords
        theme += other.theme
        themeFromVocabulary += other.themeFromVocabulary
        publisher += other.publisher
        licence += other.licence
        licenceFromVocabulary += other.licenceFromVocabulary
        openLicence += other.openLicence
        format += other.format
        formatFromVocabulary += other.formatFromVocabulary
        downloadURL += other.downloadURL
        modified += other.modified
        language += other.language
        contactPoint += other.contactPoint
        temporal += other.temporal
        spatial += other.spatial
        accessRights += other.accessRights
    }

    /// The share of the datasets that `count` is, in whole percent (0 when there are no datasets).
    public func percent(_ count: Int) -> Int {
        datasets == 0 ? 0 : Int((Double(count) * 100 / Double(datasets)).rounded())
    }

    /// ``indicators`` as a dictionary, for lookups by name.
    public var indicatorsByName: [String: Int] {
        Dictionary(uniqueKeysWithValues: indicators.map { ($0.key, $0.value) })
    }

    /// The indicators by name, in the order reports list them.
    public var indicators: KeyValuePairs<String, Int> {
        [
            "description": description, "keywords": keywords, "theme": theme, "theme_from_vocabulary": themeFromVocabulary,
            "publisher": publisher, "licence": licence, "licence_from_vocabulary": licenceFromVocabulary,
            "open_licence": openLicence, "format": format, "format_from_vocabulary": formatFromVocabulary,
            "download_url": downloadURL, "modified": modified, "language": language, "contact_point": contactPoint,
            "temporal": temporal, "spatial": spatial, "access_rights": accessRights,
        ]
    }
}

extension CatalogStore {
    /// ``MetadataQuality`` per source, counted from the sort columns, the full-text rows and the facet terms, and, for
    /// contact points, coverage and access rights, which are not indexed, from the stored record's JSON with SQLite's
    /// JSON functions (no record is decoded into Swift). It reads every description, every record and every term of six
    /// facets: 1.0 s for the 20,000-dataset benchmark catalogue before the record's four were counted (release build,
    /// `katalog quality`), so most of a minute for a million; callers serving it keep the answer (the hub's
    /// `QualityReport` counts again in the background).
    public func metadataQuality() async throws -> [String: MetadataQuality] {
        try await read("counting metadata quality") { db in
            var result: [String: MetadataQuality] = [:]
            let shown = "d.deleted_at IS NULL AND d.shown_as IS NULL"
            for row in try Row.fetchAll(db, sql: """
                SELECT d.source, COUNT(*) AS n, SUM(d.has_download) AS download, SUM(d.modified_sort <> '') AS modified,
                       SUM(IFNULL(c.c2, '') <> '') AS description,
                       SUM(IFNULL(json_array_length(d.record_json, '$.contactPoints'), 0) > 0) AS contact,
                       SUM(IFNULL(json_array_length(d.record_json, '$.temporal'), 0) > 0) AS temporal,
                       SUM(IFNULL(json_array_length(d.record_json, '$.spatial'), 0) > 0) AS spatial,
                       SUM(json_type(d.record_json, '$.accessRights') = 'object') AS access
                FROM datasets d LEFT JOIN datasets_fts_content c ON c.id = d.pk
                WHERE \(shown) GROUP BY d.source
                """) {
                var quality = MetadataQuality()
                quality.datasets = row["n"]
                quality.downloadURL = row["download"] ?? 0
                quality.modified = row["modified"] ?? 0
                quality.description = row["description"] ?? 0
                quality.contactPoint = row["contact"] ?? 0
                quality.temporal = row["temporal"] ?? 0
                quality.spatial = row["spatial"] ?? 0
                quality.accessRights = row["access"] ?? 0
                result[row["source"]] = quality
            }
            // Each dataset's values of a facet, one dataset after another: it counts once however many values it has.
            func eachDataset(_ facet: String, _ body: (inout MetadataQuality, [String]) -> Void) throws {
                let cursor = try Row.fetchCursor(db, sql: """
                    SELECT d.source, t.dataset_pk, t.value FROM dataset_terms t
                    JOIN datasets d ON d.pk = t.dataset_pk
                    WHERE t.facet = ? AND \(shown) ORDER BY t.dataset_pk
                    """, arguments: [facet])
                var current: (pk: Int64, source: String, values: [String])?
                func flush() {
                    guard let done = current, !done.values.isEmpty else { return }
                    body(&result[done.source, default: MetadataQuality()], done.values)
                }
                while let row = try cursor.next() {
                    let pk: Int64 = row["dataset_pk"]
                    if current?.pk != pk {
                        flush()
                        current = (pk, row["source"], [])
                    }
                    current?.values.append(row["value"])
                }
                flush()
            }
            try eachDataset("keyword") { q, _ in q.keywords += 1 }
            try eachDataset("publisher") { q, _ in q.publisher += 1 }
            try eachDataset("language") { q, _ in q.language += 1 }
            // A catalogue has few distinct values of these facets: each is looked up in its vocabulary once.
            func memo<T>(_ lookUp: @escaping (String) -> T) -> (String) -> T {
                var known: [String: T] = [:]
                return { value in
                    if let hit = known[value] { return hit }
                    let result = lookUp(value)
                    known[value] = result
                    return result
                }
            }
            let euTheme = memo { DataTheme.normalize($0).uri != nil }
            let licence = memo { (known: License.lookup($0) != nil, open: License.isOpen($0) == true) }
            let euFormat = memo { FileFormat.normalize($0).uri != nil }
            try eachDataset("theme") { q, values in
                q.theme += 1
                if values.contains(where: euTheme) { q.themeFromVocabulary += 1 }
            }
            try eachDataset("licence") { q, values in
                q.licence += 1
                if values.contains(where: { licence($0).known }) { q.licenceFromVocabulary += 1 }
                if values.contains(where: { licence($0).open }) { q.openLicence += 1 }
            }
            try eachDataset("format") { q, values in
                q.format += 1
                if values.contains(where: euFormat) { q.formatFromVocabulary += 1 }
            }
            return result
        }
    }
}
