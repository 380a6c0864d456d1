import Foundation
import Testing
@testable import KatalogModel

/// The mapping rules on small hand-written catalogues: identifiers, duplicates, types, languages, coverage.
struct DataJSONRuleTests {
    static let v11 = "\"conformsTo\": \"https://project-open-data.cio.gov/v1.1/schema\""
    static let v30 = "\"conformsTo\": {\"@type\": \"Standard\", \"title\": \"DCAT-US 3.0\"}"
    /// The fields every valid test dataset needs besides identifier and title.
    static let required = "\"description\": \"d\", \"publisher\": {\"name\": \"P\"}, \"contactPoint\": {\"fn\": \"C\", \"hasEmail\": \"mailto:c@example.org\"}"

    static func catalogue(_ header: String, _ datasets: [String], extra: String = "") throws -> DataJSONCatalogue {
        let text = "{\(header), \(extra.isEmpty ? "" : extra + ", ")\"dataset\": [\(datasets.joined(separator: ","))]}"
        return try DataJSONMapper.catalogue(from: Data(text.utf8), location: "inline.json")
    }

    static func results(_ header: String, _ datasets: [String], extra: String = "",
                        defaultLanguage: String? = nil) throws -> [Result<SourceRecord, MappingError>] {
        try catalogue(header, datasets, extra: extra).records(sourceURL: "inline.json", defaultLanguage: defaultLanguage)
    }

    static func dataset(_ header: String, _ body: String, extra: String = "", defaultLanguage: String? = nil) throws -> Dataset {
        let results = try results(header, ["{\(required), \(body)}"], extra: extra, defaultLanguage: defaultLanguage)
        return try results[0].get().dataset
    }

    static func failure(_ header: String, _ body: String) throws -> MappingError {
        let results = try results(header, ["{\(body)}"])
        guard case .failure(let error) = results[0] else {
            Issue.record("expected a failure for \(body)")
            return MappingError(code: .notAnObject, message: "unexpected success")
        }
        return error
    }

    @Test func atIDStandsInForTheIdentifierOnlyInDCATUS3() throws {
        let body = "\"@id\": \"https://example.gov/d/1\", \"title\": \"T\", \(Self.required)"
        let old = try Self.failure(Self.v11, body)
        #expect(old.code == .missingIdentifier)
        #expect(old.message.contains("3.0"))
        let new = try Self.results(Self.v30, ["{\(body)}"])
        #expect((try? new[0].get())?.sourceIdentifier == "https://example.gov/d/1")
    }

    @Test func duplicateIdentifiersWithOtherContentFail() throws {
        let first = "{\"identifier\": \"x\", \"title\": \"First\", \(Self.required)}"
        let second = "{\"identifier\": \"x\", \"title\": \"Second\", \(Self.required)}"
        let catalogue = try Self.catalogue(Self.v11, [first, second, first])
        #expect(catalogue.entries.count == 2, "the identical third listing merges")
        #expect(catalogue.mergedDuplicates == 1)
        let results = catalogue.records(sourceURL: "inline.json", defaultLanguage: nil)
        #expect((try? results[0].get())?.dataset.title.best() == "First")
        guard case .failure(let error) = results[1] else { Issue.record("the second must fail"); return }
        #expect(error.code == .duplicateIdentifier)
        #expect(error.field == "dataset[1].identifier")
        #expect(error.message.contains("dataset[0]"))
    }

    @Test func wrongTypesAreErrorsNamingTheField() throws {
        let title = try Self.failure(Self.v11, "\"identifier\": \"a\", \"title\": 1234, \(Self.required)")
        #expect(title.code == .invalidField)
        #expect(title.field == "dataset[0].title")
        let keyword = try Self.failure(Self.v11, "\"identifier\": \"a\", \"title\": \"T\", \"keyword\": [\"ok\", 7], \(Self.required)")
        #expect(keyword.field == "dataset[0].keyword[1]")
        let distribution = try Self.failure(Self.v11, "\"identifier\": \"a\", \"title\": \"T\", \"distribution\": \"x.csv\", \(Self.required)")
        #expect(distribution.field == "dataset[0].distribution")
        let size = try Self.failure(Self.v30, "\"identifier\": \"a\", \"title\": \"T\", \"distribution\": [{\"byteSize\": \"big\"}], \(Self.required)")
        #expect(size.field == "dataset[0].distribution[0].byteSize")
        let quality = try Self.failure(Self.v11, "\"identifier\": \"a\", \"title\": \"T\", \"dataQuality\": \"yes\", \(Self.required)")
        #expect(quality.field == "dataset[0].dataQuality")
        let identifier = try Self.failure(Self.v11, "\"identifier\": 17, \"title\": \"T\", \(Self.required)")
        #expect(identifier.code == .invalidField)
        #expect(identifier.field == "dataset[0].identifier")
    }

    @Test func requiredFieldsAreErrors() throws {
        let none = try Self.failure(Self.v11, "\"identifier\": \"a\", \"title\": \"  \"")
        #expect(none.code == .missingField)
        #expect(none.field == "dataset[0].title")
        for key in ["description", "publisher", "contactPoint"] {
            #expect(none.message.contains("dataset[0].\(key)"), "\(key) is required too")
        }
    }

    @Test func licencesMustBeURIs() throws {
        let cc0 = try Self.dataset(Self.v11, "\"identifier\": \"a\", \"title\": \"T\", \"license\": \"https://creativecommons.org/publicdomain/zero/1.0/\"")
        #expect(cc0.license?.uri == License.authority + "CC0")
        let relative = try Self.failure(Self.v11, "\"identifier\": \"a\", \"title\": \"T\", \"license\": \"/licence.html\", \(Self.required)")
        #expect(relative.code == .invalidField)
        #expect(relative.field == "dataset[0].license")
        let object = try Self.dataset(Self.v30, "\"identifier\": \"a\", \"title\": \"T\", \"license\": {\"@id\": \"https://opensource.org/licenses/MIT\"}")
        #expect(object.license?.raw == "https://opensource.org/licenses/MIT")
    }

    @Test func textIsTaggedWithTheSingleDeclaredLanguage() throws {
        let english = try Self.dataset(Self.v11, "\"identifier\": \"a\", \"title\": \"T\", \"language\": [\"en-US\"]")
        #expect(english.title.values == ["en": "T"])
        #expect(english.languages.first?.uri == Language.authority + "ENG")
        let two = try Self.dataset(Self.v11, "\"identifier\": \"a\", \"title\": \"T\", \"language\": [\"en\", \"es\"]", defaultLanguage: "sv")
        #expect(two.title.values == ["": "T"], "two languages: untagged")
        let fallback = try Self.dataset(Self.v11, "\"identifier\": \"a\", \"title\": \"T\", \"keyword\": [\"k\"]", defaultLanguage: "sv")
        #expect(fallback.title.values == ["sv": "T"])
        #expect(fallback.keywords == [LangString("k", language: "sv")])
        let catalogueWide = try Self.dataset(Self.v30, "\"identifier\": \"a\", \"title\": \"T\"", extra: "\"language\": [\"es\"]")
        #expect(catalogueWide.title.values == ["es": "T"])
        let maps = try Self.dataset(Self.v30, "\"identifier\": \"a\", \"title\": \"T\", \"titleMap\": {\"en\": \"T\", \"es\": \"Te\"}")
        #expect(maps.title.values == ["en": "T", "es": "Te"])
    }

    @Test func temporalIntervalsAndPeriods() throws {
        let closed = try Self.dataset(Self.v11, "\"identifier\": \"a\", \"title\": \"T\", \"temporal\": \"2000-01-15T00:45:00Z/2010-01-15\"")
        #expect(closed.temporal.first?.start?.normalized == "2000-01-15T00:45:00Z")
        #expect(closed.temporal.first?.end?.normalized == "2010-01-15")
        let repeating = try Self.dataset(Self.v11, "\"identifier\": \"a\", \"title\": \"T\", \"temporal\": \"R/2010-01-01/P1Y\"")
        #expect(repeating.temporal.first?.start?.normalized == "2010-01-01")
        #expect(repeating.temporal.first?.end?.raw == "P1Y")
        let period = try Self.dataset(Self.v30, "\"identifier\": \"a\", \"title\": \"T\", \"temporal\": [{\"startDate\": \"2020-01\", \"endDate\": \"2021\"}]")
        #expect(period.temporal == [TemporalRange(start: DateValue(raw: "2020-01"), end: DateValue(raw: "2021"))])
    }

    @Test func spatialShapes() throws {
        let iri = try Self.dataset(Self.v11, "\"identifier\": \"a\", \"title\": \"T\", \"spatial\": \"http://sws.geonames.org/6252001/\"")
        #expect(iri.spatial == [SpatialCoverage(iri: "http://sws.geonames.org/6252001/")])
        let geo = try Self.dataset(Self.v11, "\"identifier\": \"a\", \"title\": \"T\", \"spatial\": {\"type\": \"Point\", \"coordinates\": [1, 2]}")
        #expect(geo.spatial.first?.geometry?.contains("\"Point\"") == true)
        let location = try Self.dataset(Self.v30, "\"identifier\": \"a\", \"title\": \"T\", \"spatial\": [{\"@type\": \"Location\", \"bbox\": \"POLYGON((1 2,3 4,1 2))\"}]")
        #expect(location.spatial == [SpatialCoverage(bbox: "POLYGON((1 2,3 4,1 2))")])
    }

    @Test func vocabulariesAndDistributionExtras() throws {
        let dataset = try Self.dataset(Self.v30, """
            "identifier": "a", "title": "T", "accessLevel": "restricted public", "accrualPeriodicity": "R/P1D",
            "theme": ["Environment"], "landingPage": "https://example.gov/a",
            "distribution": [{"@type": "Distribution", "downloadURL": "https://example.gov/a.csv", "mediaType": "text/csv",
              "byteSize": "2048", "checksum": {"algorithm": "sha256", "checksumValue": "\(String(repeating: "ab", count: 32))"},
              "license": "https://creativecommons.org/licenses/by/4.0/", "title": "CSV"}]
            """)
        #expect(dataset.accessRights?.uri == AccessRights.authority + "RESTRICTED")
        #expect(dataset.accessRights?.raw == "restricted public")
        #expect(dataset.accrualPeriodicity?.uri == Frequency.authority + "DAILY")
        #expect(dataset.themes.first?.uri == DataTheme.authority + "ENVI")
        #expect(dataset.landingPages == ["https://example.gov/a"])
        let distribution = try #require(dataset.distributions.first)
        #expect(distribution.byteSize == 2048)
        #expect(distribution.checksum?.algorithm == "sha256")
        #expect(distribution.license?.uri == License.authority + "CC_BY_4_0")
        #expect(distribution.format?.uri == FileFormat.authority + "CSV")
        #expect(distribution.title.best() == "CSV")
        let nonPublic = try Self.dataset(Self.v11, "\"identifier\": \"a\", \"title\": \"T\", \"accessLevel\": \"non-public\"")
        #expect(nonPublic.accessRights?.uri == AccessRights.authority + "NON_PUBLIC")
    }

    @Test func unknownKeysAreKeptAsExtras() throws {
        let dataset = try Self.dataset(Self.v11, "\"identifier\": \"a\", \"title\": \"T\", \"x-agency-note\": \"kept\", \"primaryITInvestmentUII\": \"023-000000001\"")
        #expect(dataset.extras["x-agency-note"] == ["kept"])
        #expect(dataset.extras["primaryITInvestmentUII"] == ["023-000000001"])
    }

    @Test(arguments: [("https://example.gov/a?b=c#d", true), ("mailto:x@example.gov", true), ("urn:uuid:1234", true),
                      ("//////not-a-url.example.com/", false), ("/relative/path", false), ("1http://x", false),
                      ("https://example.gov/a b", false), ("<p>licence</p>", false), ("http:", false), ("", false)])
    func absoluteURIs(_ text: String, _ valid: Bool) {
        #expect(DataJSONFields.isAbsoluteURI(text) == valid, "\(text)")
    }

    @Test func trimmingWhitespaceKeepsInnerText() {
        #expect("  a b \n".trimmingWhitespace() == "a b")
        #expect("\u{00A0}\u{2003}Zoë\u{3000}".trimmingWhitespace() == "Zoë")
        #expect("e\u{301}\t".trimmingWhitespace() == "e\u{301}")
        #expect(" \n\t ".trimmingWhitespace() == "")
        #expect("".trimmingWhitespace() == "")
        #expect("x y"[...].trimmingWhitespace() == "x y")
    }
}
