import Foundation
import Testing
@testable import KatalogModel

/// Wrong types, nulls and oversized lists: the mapper must neither crash nor stall.
struct CKANHostileInputTests {
    @Test func packageWithoutAnyIdentifierIsATypedError() throws {
        let package = try TestSupport.json(#"{"title": "Orphan", "id": null, "name": ""}"#)
        let error = try #require(throws: MappingError.self) { try CKANMapper.record(from: package) }
        #expect(error.code == .missingIdentifier)
        #expect(error.field == "id")
        #expect(error.recordIdentifier == "Orphan")
        #expect(error.description.contains("Orphan"))
    }

    @Test func nonObjectsAndInvalidJSONAreTypedErrors() throws {
        let error = try #require(throws: MappingError.self) { try CKANMapper.record(from: .array([])) }
        #expect(error.code == .notAnObject)
        let invalid = try #require(throws: MappingError.self) { try CKANMapper.record(fromJSON: Data("{\"id\": ".utf8)) }
        #expect(invalid.code == .invalidJSON)
    }

    @Test func nameIsTheFallbackIdentifierAndNumbersAreText() throws {
        let package = try TestSupport.json(#"{"id": 12345, "title": 42, "notes": {"x": 1}, "name": ["no"]}"#)
        let dataset = try CKANMapper.dataset(from: package)
        #expect(dataset.sourceIdentifier == "12345")
        #expect(dataset.title.best() == "42")
        #expect(dataset.description.isEmpty)
        let named = try CKANMapper.dataset(from: try TestSupport.json(#"{"name": "only-a-name"}"#))
        #expect(named.sourceIdentifier == "only-a-name")
        #expect(named.title.best() == "only-a-name")
    }

    @Test func everyFieldOfTheWrongTypeIsIgnored() throws {
        let package = try TestSupport.json("""
        {"id": "x", "title": null, "notes": null, "tags": "not-a-list", "groups": {"a": 1}, "organization": "org",
         "resources": [null, 5, "x", {"url": 7, "format": [], "size": "-5", "hash": {}, "state": "deleted"},
                       {"url": null, "format": null, "size": 1.5, "hash": 12, "mimetype": 3}],
         "extras": [null, {"key": null, "value": "x"}, {"key": "language", "value": 7}, {"key": "issued", "value": []},
                    {"key": "spatial", "value": "{not json"}, {"key": "theme", "value": "[1, null, \\"ENVI\\"]"}],
         "license_id": 5, "metadata_modified": false, "url": "javascript:alert(1)", "private": "no", "state": 3,
         "title_translated": ["a"], "keywords": {"sv": "enkel", "en": [1, null]}, "temporal_coverage": "x",
         "contact": [{"name": null, "email": 5}], "publisher": [{}]}
        """)
        let record = try CKANMapper.record(from: package)
        let dataset = record.dataset
        #expect(dataset.title.best() == nil)
        #expect(dataset.keywords.contains(LangString("enkel", language: "sv")))
        #expect(dataset.keywords.contains(LangString("1", language: "en")))
        #expect(dataset.themes.compactMap(\.uri) == [DataTheme.authority + "ENVI"])
        #expect(dataset.landingPages.isEmpty, "only http(s) landing pages")
        #expect(dataset.distributions.count == 1, "non-objects and deleted resources are skipped")
        #expect(dataset.distributions.first?.byteSize == nil)
        #expect(dataset.distributions.first?.checksum?.value == "12")
        #expect(dataset.license?.raw == "5")
        #expect(dataset.spatial.first?.geometry == "{not json", "kept as published")
        #expect(dataset.publisher == nil)
        #expect(CKANMapper.isPublishable(package))
    }

    @Test func hugeTagListsMapQuicklyAndAreLeftToTheLimits() throws {
        let tags = (0..<30_000).map { JSONValue.object(["name": .string("tag-\($0)"), "display_name": .string("tag-\($0)")]) }
        let package = JSONValue.object(["id": .string("big"), "title": .string("Big"), "tags": .array(tags)])
        let clock = ContinuousClock()
        var record: SourceRecord?
        let elapsed = try clock.measure { record = try CKANMapper.record(from: package) }
        let mapped = try #require(record)
        #expect(mapped.dataset.keywords.count == 30_000)
        #expect(RecordLimits().violation(of: mapped)?.contains("keywords") == true)
        // A quadratic mapping of 30,000 tags would take minutes; the bound leaves room for a loaded machine.
        #expect(elapsed < .seconds(60), "mapping 30,000 tags took \(elapsed)")
    }

    @Test func publishability() throws {
        #expect(CKANMapper.unpublishableReason(try TestSupport.json(#"{"id": "a", "state": "deleted"}"#)) == .deleted)
        #expect(CKANMapper.unpublishableReason(try TestSupport.json(#"{"id": "a", "state": "DRAFT"}"#)) == .draft)
        #expect(CKANMapper.unpublishableReason(try TestSupport.json(#"{"id": "a", "private": true}"#)) == .private)
        #expect(CKANMapper.unpublishableReason(try TestSupport.json(#"{"id": "a", "private": "True"}"#)) == .private)
        #expect(CKANMapper.isPublishable(try TestSupport.json(#"{"id": "a", "state": "active", "private": false}"#)))
    }

    @Test func rawBytesArePassedThroughOrReencodedSorted() throws {
        let bytes = Data(#"{"name": "b", "id": "a"}"#.utf8)
        let passed = try CKANMapper.record(fromJSON: bytes)
        #expect(passed.raw == bytes)
        let reencoded = try CKANMapper.record(from: try JSONValue.decode(bytes))
        #expect(String(decoding: reencoded.raw, as: UTF8.self) == #"{"id":"a","name":"b"}"#)
    }

    @Test(arguments: [
        ("d41d8cd98f00b204e9800998ecf8427e", nil as String?, "md5"),
        ("da39a3ee5e6b4b0d3255bfef95601890afd80709", nil, "sha1"),
        ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", nil, "sha256"),
        ("abc", "http://spdx.org/rdf/terms#checksumAlgorithm_sha512", "sha512"),
        ("abc", "SHA-256", "sha256"),
        ("zzz", nil, "unknown"),
    ])
    func checksumAlgorithms(hash: String, algorithm: String?, expected: String) {
        #expect(CKANMapper.checksum(hash, algorithm: algorithm)?.algorithm == expected)
    }
}

struct CKANDefaultLanguageTests {
    @Test func defaultLanguageTagsPlainTextOnlyWhenThePackageDeclaresNone() throws {
        let plain = try TestSupport.json(#"{"id": "a", "title": "Badplatser", "tags": [{"name": "bad"}]}"#)
        let tagged = try CKANMapper.dataset(from: plain, defaultLanguage: "sv")
        #expect(tagged.title.values == ["sv": "Badplatser"])
        #expect(tagged.keywords == [LangString("bad", language: "sv")])
        #expect(try CKANMapper.dataset(from: plain).title.values == ["": "Badplatser"])
        let declared = try TestSupport.json(#"{"id": "a", "title": "Uimarannat", "extras": [{"key": "language", "value": "fi"}]}"#)
        #expect(try CKANMapper.dataset(from: declared, defaultLanguage: "sv").title.values == ["fi": "Uimarannat"])
        let several = try TestSupport.json(#"{"id": "a", "title": "Both", "language": ["sv", "en"]}"#)
        #expect(try CKANMapper.dataset(from: several, defaultLanguage: "sv").title.values == ["": "Both"])
    }
}
