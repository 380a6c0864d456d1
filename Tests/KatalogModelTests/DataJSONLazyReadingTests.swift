import Foundation
import Testing
@testable import KatalogModel

/// The top-level datasets of a data.json document are not kept as parsed trees: each is read again from the
/// document's bytes when it is mapped, and the result is the same as mapping the parsed document.
struct DataJSONLazyReadingTests {
    static let required = DataJSONRuleTests.required

    static func document(_ datasets: [String], header: String = DataJSONRuleTests.v11) -> String {
        "{\(header),\n  \"dataset\": [\n    \(datasets.joined(separator: ",\n    "))\n  ]\n}\n"
    }

    static func dataset(_ n: Int, title: String? = nil) -> String {
        "{\"identifier\": \"id-\(n)\", \"title\": \"\(title ?? "Datamängd \(n)")\", \"keyword\": [\"luft\", \"vatten\"], \(required)}"
    }

    @Test func plainTopLevelDatasetsAreKeptAsByteRangesAndMapLikeTheParsedDocument() throws {
        let text = Self.document((0..<20).map { Self.dataset($0) })
        let lazy = try DataJSONMapper.catalogue(from: Data(text.utf8), location: "lazy.json")
        let eager = try DataJSONMapper.catalogue(from: JSONValue.parse(Data(text.utf8)), location: "lazy.json")
        #expect(lazy.entries.count == 20)
        #expect(lazy.entries.allSatisfy { if case .bytes = $0.storage { true } else { false } })
        #expect(eager.entries.allSatisfy { if case .value = $0.storage { true } else { false } })
        #expect(lazy.entries.map(\.identifier) == eager.entries.map(\.identifier))
        #expect(lazy.entries.map(\.path) == eager.entries.map(\.path))
        let fromBytes = lazy.records(sourceURL: "lazy.json", defaultLanguage: "sv").map { try? $0.get() }
        let fromTree = eager.records(sourceURL: "lazy.json", defaultLanguage: "sv").map { try? $0.get() }
        #expect(fromBytes.allSatisfy { $0 != nil })
        #expect(fromBytes.map { $0?.dataset } == fromTree.map { $0?.dataset })
        #expect(fromBytes.map { $0?.raw } == fromTree.map { $0?.raw })
        #expect(fromBytes[7]?.dataset.title.best() == "Datamängd 7")
    }

    @Test func aFileIsMappedIntoMemoryAndReadTheSameWay() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-lazy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("data.json")
        try Data(Self.document((0..<5).map { Self.dataset($0) }).utf8).write(to: file)
        let catalogue = try DataJSONMapper.catalogue(contentsOf: file.path, location: "file.json")
        // The file may go away (the harvester deletes its download): the mapping keeps the bytes.
        try FileManager.default.removeItem(at: file)
        let records = catalogue.records(sourceURL: "file.json", defaultLanguage: nil)
        #expect(try records.map { try $0.get().sourceIdentifier } == (0..<5).map { "id-\($0)" })

        let empty = directory.appendingPathComponent("empty.json")
        try Data().write(to: empty)
        #expect(throws: DataJSONError.self) { try DataJSONMapper.catalogue(contentsOf: empty.path, location: "empty.json") }
        let missing = directory.appendingPathComponent("missing.json").path
        let error = try #require(throws: DataJSONError.self) { try DataJSONMapper.catalogue(contentsOf: missing, location: "missing.json") }
        #expect(error.description.contains("missing.json"))
    }

    @Test func repeatedListingsAreComparedByContentWithoutKeepingThem() throws {
        let catalogue = try DataJSONMapper.catalogue(from: Data(Self.document([
            Self.dataset(1), Self.dataset(2), Self.dataset(1), Self.dataset(2, title: "Annan titel"),
        ]).utf8), location: "dup.json")
        #expect(catalogue.mergedDuplicates == 1)
        #expect(catalogue.entries.count == 3)
        let results = catalogue.records(sourceURL: "dup.json", defaultLanguage: nil)
        guard case .failure(let conflict) = results[2] else {
            Issue.record("a second listing of id-2 with other content is an error")
            return
        }
        #expect(conflict.code == .duplicateIdentifier)
        #expect(conflict.message.contains("dataset[1]"))
    }

    @Test func aSyntaxErrorInsideALaterDatasetIsTheDocumentsWithItsLine() throws {
        var datasets = (0..<4).map { Self.dataset($0) }
        datasets[3] = "{\"identifier\": \"id-3\", \"title\": \"broken\" \"description\": \"d\"}"
        let error = try #require(throws: DataJSONError.self) {
            try DataJSONMapper.catalogue(from: Data(Self.document(datasets).utf8), location: "broken.json")
        }
        #expect(error.code == .invalidJSON)
        #expect(error.line == 6, "\(error)")
    }

    @Test func seriesServicesAndOddElementsInTheDatasetListAreKeptWhole() throws {
        let catalogue = try DataJSONMapper.catalogue(from: Data(Self.document([
            Self.dataset(1),
            "{\"@type\": \"dcat:DatasetSeries\", \"@id\": \"https://example.gov/series/s\", \"title\": \"S\", \"seriesMember\": [\(Self.dataset(2))]}",
            "{\"@type\": \"dcat:DatasetSeries\", \"@id\": \"https://example.gov/series/untitled\"}",
            "42",
        ], header: DataJSONRuleTests.v30).utf8), location: "mixed.json")
        #expect(catalogue.entries.map(\.path) == ["dataset[0]", "dataset[1]", "dataset[1].seriesMember[0]", "dataset[2]", "dataset[3]"])
        #expect(catalogue.entries.map { if case .bytes = $0.storage { "bytes" } else { "value" } }
                    == ["bytes", "value", "value", "value", "value"])
        let results = catalogue.records(sourceURL: "mixed.json", defaultLanguage: nil)
        #expect((try? results[0].get())?.sourceIdentifier == "id-1")
        #expect((try? results[1].get())?.dataset.extras["rdf:type"] == ["dcat:DatasetSeries"])
        #expect((try? results[2].get())?.dataset.extras["inSeries"] == ["https://example.gov/series/s"])
        // A series needs a title like any record.
        guard case .failure(let untitled) = results[3] else {
            Issue.record("a series without a title is an error for that series")
            return
        }
        #expect(untitled.code == .missingField)
        #expect(untitled.field == "dataset[2].title")
        guard case .failure(let odd) = results[4] else {
            Issue.record("a number in the dataset list is an error for that element")
            return
        }
        #expect(odd.code == .notAnObject)
    }
}
