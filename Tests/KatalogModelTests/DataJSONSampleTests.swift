import Foundation
import Testing
@testable import KatalogModel

/// Loads the public data.json samples in `../shared/samples/datajson` and tallies what each maps to.
enum DataJSONSamples {
    /// `../shared/samples/datajson` beside the package root, or nil when absent.
    static var folder: URL? {
        let url = TestSupport.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/samples/datajson")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static var names: [String] {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    static func catalogue(_ name: String) throws -> DataJSONCatalogue {
        let folder = try #require(folder)
        let url = folder.appendingPathComponent(name)
        return try DataJSONMapper.catalogue(from: Data(contentsOf: url), location: url.path)
    }

    /// Every record of a sample, mapped with default limits and no default language.
    static func results(_ name: String, limits: RecordLimits = RecordLimits()) throws -> [Result<SourceRecord, MappingError>] {
        try catalogue(name).records(sourceURL: name, defaultLanguage: nil, limits: limits)
    }

    /// The mapped dataset with `identifier` in a sample.
    static func dataset(_ name: String, _ identifier: String) throws -> Dataset {
        let records = try results(name).compactMap { try? $0.get() }
        return try #require(records.first { $0.sourceIdentifier == identifier }?.dataset, "\(identifier) in \(name)")
    }
}

/// What a sample's content deserves: records mapped, record errors (datasets, plus malformed skipped objects), skips.
struct DataJSONExpectation: Sendable, CustomTestStringConvertible {
    let file: String
    let mapped: Int
    let errors: Int
    let skipped: Int
    var testDescription: String { file }
}

@Suite(.enabled(if: DataJSONSamples.folder != nil, "../shared/samples/datajson is absent beside the package"))
struct DataJSONSampleTests {
    static let expectations: [DataJSONExpectation] = [
        expect("dcatus.json", mapped: 7, errors: 0, skipped: 0),
        expect("dcatus3_0.json", mapped: 3, errors: 1, skipped: 0),                    // Four: Identifier object without @id
        expect("dcatus3_0_invalid.json", mapped: 1, errors: 1, skipped: 0),            // no contactPoint
        expect("dcatus3_0_nested_catalog.json", mapped: 3, errors: 0, skipped: 0),
        expect("dcatus3_0_no_identifier.json", mapped: 0, errors: 1, skipped: 0),
        expect("dcatus3_0_record_no_id.json", mapped: 1, errors: 1, skipped: 1),       // the CatalogRecord lacks @id
        expect("dcatus3_0_series_member_also_top_level.json", mapped: 3, errors: 0, skipped: 0), // the series is a record
        expect("dcatus3_0_series_with_members.json", mapped: 3, errors: 0, skipped: 0),
        expect("dcatus3_0_service_no_identifier.json", mapped: 1, errors: 1, skipped: 1),
        expect("dcatus3_0_service_serves_dataset.json", mapped: 1, errors: 0, skipped: 1),
        expect("dcatus3_0_warning.json", mapped: 3, errors: 0, skipped: 0),
        expect("dcatus3_0_with_records.json", mapped: 1, errors: 0, skipped: 2),
        expect("dcatus3_0_with_services.json", mapped: 1, errors: 0, skipped: 2),
        expect("dcatus_2.json", mapped: 3, errors: 0, skipped: 0),
        expect("dcatus_bad_license_uri.json", mapped: 0, errors: 1, skipped: 0),
        expect("dcatus_long_description.json", mapped: 1, errors: 0, skipped: 0),      // 57 KB < 1 MiB default
        expect("dcatus_multiple_invalid.json", mapped: 0, errors: 1, skipped: 0),
        expect("dcatus_no_identifier.json", mapped: 0, errors: 1, skipped: 0),
        expect("dcatus_same_title.json", mapped: 2, errors: 0, skipped: 0),
        expect("dcatus_same_title_step_2.json", mapped: 2, errors: 0, skipped: 0),
        expect("dcatus_single_record.json", mapped: 1, errors: 0, skipped: 0),
        expect("dcatus_single_record_non-federal.json", mapped: 1, errors: 0, skipped: 0),
        expect("dcatus_spatial_no_translate.json", mapped: 1, errors: 0, skipped: 0),
        expect("dcatus_with_none.json", mapped: 402, errors: 0, skipped: 0),           // `modified: null` is absent, not wrong
        expect("missing_title.json", mapped: 0, errors: 1, skipped: 0),
    ]

    static func expect(_ file: String, mapped: Int, errors: Int, skipped: Int) -> DataJSONExpectation {
        DataJSONExpectation(file: "datagov-harvester--" + file, mapped: mapped, errors: errors, skipped: skipped)
    }

    @Test func everySampleHasAnExpectation() {
        #expect(Set(DataJSONSamples.names) == Set(Self.expectations.map(\.file)))
    }

    @Test(arguments: expectations)
    func sampleCounts(_ expected: DataJSONExpectation) throws {
        guard DataJSONSamples.names.contains(expected.file) else {
            Issue.record("sample \(expected.file) is missing from the shared folder")
            return
        }
        let catalogue = try DataJSONSamples.catalogue(expected.file)
        let results = catalogue.records(sourceURL: expected.file, defaultLanguage: nil)
        let records = results.compactMap { try? $0.get() }
        let errors = results.count - records.count + catalogue.skipped.filter { $0.error != nil }.count
        #expect(records.count == expected.mapped, "mapped")
        #expect(errors == expected.errors, "errors: \(results.compactMap { if case .failure(let e) = $0 { e.description } else { nil } })")
        #expect(catalogue.skipped.count == expected.skipped, "skipped: \(catalogue.skipped.map(\.reason))")
        for record in records {
            #expect(record.rawFormat == "application/json")
            #expect(!record.dataset.title.isEmpty)
            let raw = try JSONValue.decode(record.raw)
            #expect(raw["title"] != nil, "the raw record is the dataset object")
        }
    }

    @Test func versionsAreDetected() throws {
        #expect(try DataJSONSamples.catalogue("datagov-harvester--dcatus.json").version == .v1_1)
        #expect(try DataJSONSamples.catalogue("datagov-harvester--dcatus3_0.json").version == .v3_0)
        #expect(try DataJSONSamples.catalogue("datagov-harvester--dcatus.json").conformsTo == "https://project-open-data.cio.gov/v1.1/schema")
        #expect(try DataJSONSamples.catalogue("datagov-harvester--dcatus_with_none.json").entries.count == 402)
    }

    @Test func errorsNameTheRecordAndTheField() throws {
        let license = try DataJSONSamples.results("datagov-harvester--dcatus_bad_license_uri.json")
        guard case .failure(let error) = try #require(license.first) else { Issue.record("must fail"); return }
        #expect(error.code == .invalidField)
        #expect(error.field == "dataset[0].license")
        #expect(error.recordIdentifier == "https://www.arcgis.com/home/item.html?id=99731bb0369848169d98f31ce83fb0e2")

        let multiple = try DataJSONSamples.results("datagov-harvester--dcatus_multiple_invalid.json")
        guard case .failure(let many) = try #require(multiple.first) else { Issue.record("must fail"); return }
        #expect(many.message.contains("dataset[0].license"))
        #expect(many.message.contains("dataset[0].distribution[0].accessURL"))

        let title = try DataJSONSamples.results("datagov-harvester--missing_title.json")
        guard case .failure(let missing) = try #require(title.first) else { Issue.record("must fail"); return }
        #expect(missing.code == .missingField)
        #expect(missing.field == "dataset[0].title")
        #expect(missing.recordIdentifier == "null-spatial")

        let noID = try DataJSONSamples.results("datagov-harvester--dcatus_no_identifier.json")
        guard case .failure(let anonymous) = try #require(noID.first) else { Issue.record("must fail"); return }
        #expect(anonymous.code == .missingIdentifier)
        #expect(anonymous.field == "dataset[0].identifier")
        #expect(anonymous.recordIdentifier == "Commitment of Traders")

        let three = try DataJSONSamples.results("datagov-harvester--dcatus3_0.json")
        guard case .failure(let four) = three[3] else { Issue.record("Dataset Four must fail"); return }
        #expect(four.code == .missingIdentifier)
        #expect(four.recordIdentifier == "Test Dataset Four")

        let invalid = try DataJSONSamples.results("datagov-harvester--dcatus3_0_invalid.json")
        guard case .failure(let contact) = invalid[0] else { Issue.record("must fail"); return }
        #expect(contact.field == "dataset[0].contactPoint")
        #expect(contact.recordIdentifier == "https://example.gov/datasets/invalid")
    }

    @Test func longDescriptionFollowsRecordLimits() throws {
        let name = "datagov-harvester--dcatus_long_description.json"
        let mapped = try #require(try DataJSONSamples.results(name).first?.get())
        #expect(mapped.dataset.description.best()?.utf8.count ?? 0 > 50_000)
        let tight = try DataJSONSamples.results(name, limits: RecordLimits(maxTextBytes: 10_000))
        guard case .failure(let error) = try #require(tight.first) else { Issue.record("must exceed"); return }
        #expect(error.code == .limitExceeded)
        #expect(error.message.contains("description"))
    }
}
