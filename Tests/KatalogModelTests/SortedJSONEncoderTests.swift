import Foundation
import Testing
@testable import KatalogModel

/// ``SortedJSONEncoder`` must write exactly the bytes Foundation's `JSONEncoder` writes with
/// `[.sortedKeys, .withoutEscapingSlashes]`: stored records and their content hashes were made with Foundation's, and
/// a different byte would make every unchanged record look changed after an upgrade.
struct SortedJSONEncoderTests {
    static func foundation<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    /// The API's form: Foundation's `JSONEncoder` with `.convertToSnakeCase`, and the distributions' API names.
    static func foundationSnakeCase<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.userInfo[Distribution.apiNamesKey] = true
        return try encoder.encode(value)
    }

    @Test("With snake-case keys, every fixture record and the dataset with every property set are Foundation's bytes")
    func snakeCaseKeysAreFoundations() throws {
        var datasets = try MappingRevisionTests.fixtureRecords().map(\.dataset)
        datasets.append(Self.fullDataset())
        for dataset in datasets {
            let ours = SortedJSONEncoder(keyStyle: .snakeCase).encode(dataset)
            let theirs = try Self.foundationSnakeCase(dataset)
            #expect(ours == theirs, "\(Self.text(ours)) != \(Self.text(theirs))")
        }
        // The conversion is Foundation's own, quirks included: `accessURLs` becomes `access_ur_ls`, as the API first
        // wrote it; `access_urls` and `download_urls` follow with the same values. Dictionary keys (languages) are
        // data and stay as they are.
        let full = Self.text(SortedJSONEncoder(keyStyle: .snakeCase).encode(Self.fullDataset()))
        #expect(full.contains("\"access_ur_ls\":[\"http"))
        #expect(full.contains("\"download_ur_ls\":[\"http"))
        let object = try #require(JSONSerialization.jsonObject(with: Data(full.utf8)) as? [String: Any])
        let distribution = try #require((object["distributions"] as? [[String: Any]])?.first)
        #expect(distribution["access_urls"] as? [String] == Self.fullDataset().distributions.first?.accessURLs)
        #expect(distribution["download_urls"] as? [String] == Self.fullDataset().distributions.first?.downloadURLs)
        #expect(distribution["access_urls"] as? [String] == distribution["access_ur_ls"] as? [String])
        // Stored records keep only the first names.
        let stored = Self.text(SortedJSONEncoder().encode(Self.fullDataset()))
        #expect(stored.contains("\"accessURLs\":") && !stored.contains("accessUrls") && !stored.contains("downloadUrls"))
        #expect(full.contains("\"source_identifier\":"))
        #expect(full.contains("{\"\":\"untagged\",\"en\":"))
    }

    @Test func everyFixtureRecordEncodesToFoundationsBytes() throws {
        let records = try MappingRevisionTests.fixtureRecords()
        #expect(records.count > 150)
        for record in records {
            let ours = SortedJSONEncoder().encode(record.dataset)
            let theirs = try Self.foundation(record.dataset)
            #expect(ours == theirs, "\(record.sourceIdentifier): \(Self.text(ours)) != \(Self.text(theirs))")
        }
    }

    /// A dataset with every property set, and text with every character class the string escaping treats apart.
    static func fullDataset() -> Dataset {
        let hostile = "quote \" backslash \\ slash / tab \t newline \n return \r bs \u{08} ff \u{0C} nul \u{00} esc \u{1B} " +
            "unit \u{1F} del \u{7F} ls \u{2028} ps \u{2029} å ä ö ø æ ž 中文 😀 e\u{301}"
        let text = LocalizedText(["sv": "Titel " + hostile, "en": "Title", "": "untagged", "nb": "", "zh-hant": "標題"])
        let concept = Concept(raw: "http://example.org/c?a=1&b=2", uri: "http://example.org/c", label: text)
        var agent = Agent(iri: "http://example.org/org/1", identifier: "org-1", name: text)
        agent.type = concept
        agent.homepage = "http://example.org/"
        agent.email = "info@example.org"
        var distribution = Distribution(identifier: "d1", title: text, description: text)
        distribution.accessRights = concept
        distribution.conformsTo = ["http://example.org/schema"]
        distribution.languages = [concept]
        distribution.issued = DateValue(raw: "2024-01")
        distribution.modified = DateValue(raw: "2024-01-02T03:04:05Z")
        distribution.status = concept
        distribution.accessURLs = ["http://example.org/a", "http://example.org/\u{1}"]
        distribution.downloadURLs = ["http://example.org/d.csv"]
        distribution.format = concept
        distribution.mediaType = "text/csv"
        distribution.byteSize = Int64.max
        distribution.checksum = Checksum(algorithm: "sha256", value: "ab")
        distribution.license = concept
        distribution.rights = hostile
        distribution.accessServices = [
            AccessService(identifier: "http://example.org/api", title: text, endpoints: ["http://example.org/api/v1"],
                          endpointDescriptions: ["http://example.org/api/openapi.json", hostile], conformsTo: ["http://example.org/oas"]),
            AccessService(),
        ]
        var dataset = Dataset(sourceIdentifier: "urn:x:" + hostile, iri: "http://example.org/ds/1", title: text)
        dataset.description = text
        dataset.keywords = [LangString("nyckelord", language: "sv"), LangString(hostile), LangString("", language: "en")]
        dataset.themes = [concept, Concept(raw: "TRAN")]
        dataset.publisher = agent
        dataset.creator = Agent(name: LocalizedText("Creator"))
        dataset.contactPoints = [ContactPoint(name: text, email: "a@b.se", telephone: "+46 8", url: "http://example.org/c")]
        dataset.issued = DateValue(raw: "2024-02-29")
        dataset.modified = DateValue(raw: "2024-03-01T12:30:00+01:00")
        dataset.temporal = [TemporalRange(start: DateValue(raw: "2020"), end: DateValue(raw: "not a date"))]
        dataset.spatial = [SpatialCoverage(iri: "http://sws.geonames.org/2661886/", label: text,
                                           bbox: "POLYGON((1 2, 3 4))", geometry: "{\"type\":\"Point\",\"coordinates\":[1.5,-2]}")]
        dataset.accessRights = concept
        dataset.license = concept
        dataset.rights = hostile
        dataset.landingPages = ["http://example.org/l"]
        dataset.languages = [concept]
        dataset.accrualPeriodicity = concept
        dataset.conformsTo = ["http://example.org/s"]
        dataset.identifiers = ["id-1", hostile]
        dataset.otherIdentifiers = ["other"]
        dataset.version = "1.0"
        dataset.distributions = [distribution, Distribution()]
        dataset.extras = ["rdf:type": ["dcat:DatasetSeries"], "Zeta": [], "alpha": [hostile], "älg": ["x"], "_": ["y"],
                          "a10": ["1"], "a9": ["2"], "B": ["3"], "b": ["4"], "😀": ["5"], "\u{7F}": ["6"]]
        return dataset
    }

    /// Every stored property of every model type is set (not nil, not empty) somewhere in ``fullDataset()``, so the
    /// comparison with Foundation covers it: a property added to a model type and forgotten in its
    /// ``SortedJSONWritable`` writer fails here or in the comparison.
    @Test func theFullDatasetSetsEveryPropertyOfEveryModelType() {
        var seen: Set<String> = []
        var set: Set<String> = []
        func visit(_ value: Any, as name: String) {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional:
                seen.insert(name)
                if let wrapped = mirror.children.first { set.insert(name); visit(wrapped.value, as: name) }
            case .collection, .dictionary, .set:
                seen.insert(name)
                if !mirror.children.isEmpty { set.insert(name) }
                for child in mirror.children { visit(child.value, as: name + "[]") }
            case .tuple:
                for (index, child) in mirror.children.enumerated() { visit(child.value, as: name + ".\(child.label ?? "\(index)")") }
            case .struct:
                for child in mirror.children {
                    visit(child.value, as: "\(type(of: value)).\(child.label ?? "?")")
                }
            default:
                break
            }
        }
        visit(Self.fullDataset(), as: "Dataset")
        #expect(seen.count > 40)
        #expect(seen.subtracting(set).sorted() == [], "never set in fullDataset()")
    }

    @Test func aDatasetWithEveryPropertyAndHostileTextEncodesToFoundationsBytes() throws {
        let dataset = Self.fullDataset()
        let ours = SortedJSONEncoder().encode(dataset)
        #expect(Self.text(ours) == Self.text(try Self.foundation(dataset)))
        // And it reads back as the same dataset.
        #expect(try JSONDecoder().decode(Dataset.self, from: ours) == dataset)
    }

    @Test func emptyAndMinimalDatasetsEncodeToFoundationsBytes() throws {
        for dataset in [Dataset(sourceIdentifier: ""), Dataset(sourceIdentifier: "x", title: LocalizedText("t"))] {
            #expect(Self.text(SortedJSONEncoder().encode(dataset)) == Self.text(try Self.foundation(dataset)))
        }
    }
}
