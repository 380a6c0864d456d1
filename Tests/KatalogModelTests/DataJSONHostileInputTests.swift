import Foundation
import Testing
@testable import KatalogModel

/// Documents that are not catalogues, and records built to hurt: each gives a typed error, never a crash.
struct DataJSONHostileInputTests {
    static func catalogueError(_ bytes: Data) -> DataJSONError? {
        do {
            _ = try DataJSONMapper.catalogue(from: bytes, location: "hostile.json")
            return nil
        } catch {
            return error
        }
    }

    @Test func notJSONNamesLineAndColumn() throws {
        let error = try #require(Self.catalogueError(Data("{\n  \"dataset\": [\n    {\"title\": tru}\n  ]\n}".utf8)))
        #expect(error.code == .invalidJSON)
        #expect(error.line == 3)
        #expect(error.column == 15)
        #expect(error.location == "hostile.json")
        #expect(error.description.contains("line 3, column 15"))
        #expect(Self.catalogueError(Data("<html>not json</html>".utf8))?.code == .invalidJSON)
        #expect(Self.catalogueError(Data())?.code == .invalidJSON)
    }

    @Test func invalidUTF8IsInvalidJSON() throws {
        var bytes = Data("{\"dataset\": [{\"title\": \"caf".utf8)
        bytes.append(contentsOf: [0xC3, 0x28])
        bytes.append(contentsOf: Data("\"}]}".utf8))
        let error = try #require(Self.catalogueError(bytes))
        #expect(error.code == .invalidJSON)
        #expect(error.line == 1)
    }

    @Test func topLevelArrayIsNotACatalogue() throws {
        let error = try #require(Self.catalogueError(Data("[{\"identifier\": \"a\", \"title\": \"A\"}]".utf8)))
        #expect(error.code == .notACatalogue)
        #expect(Self.catalogueError(Data("\"a string\"".utf8))?.code == .notACatalogue)
    }

    @Test func datasetMustBeAnArray() throws {
        let error = try #require(Self.catalogueError(Data("{\"conformsTo\": \"https://project-open-data.cio.gov/v1.1/schema\", \"dataset\": {\"identifier\": \"a\"}}".utf8)))
        #expect(error.code == .invalidCatalogue)
        #expect(error.field == "dataset")
        #expect(Self.catalogueError(Data("{\"dataset\": \"none\"}".utf8))?.code == .invalidCatalogue)
        #expect(Self.catalogueError(Data("{\"title\": \"no datasets at all\"}".utf8))?.code == .invalidCatalogue)
    }

    @Test func deepNestingIsRefusedWithoutCrashing() throws {
        let depth = 100_000
        var text = "{\"dataset\": ["
        text += String(repeating: "[", count: depth)
        text += String(repeating: "]", count: depth)
        text += "]}"
        let error = try #require(Self.catalogueError(Data(text.utf8)))
        #expect(error.code == .invalidJSON)
        #expect(error.message.contains("nested too deep"))
        #expect(error.line == 1)
    }

    @Test func thirtyThousandKeywordsBreakTheLimit() throws {
        let keywords = (0..<30_000).map { "\"k\($0)\"" }.joined(separator: ",")
        let text = """
        {"conformsTo": "https://project-open-data.cio.gov/v1.1/schema", "dataset": [
          {"identifier": "many", "title": "Many keywords", "description": "d", "publisher": {"name": "P"},
           "contactPoint": {"fn": "C", "hasEmail": "mailto:c@example.org"}, "keyword": [\(keywords)]},
          {"identifier": "few", "title": "Few", "description": "d", "publisher": {"name": "P"},
           "contactPoint": {"fn": "C", "hasEmail": "mailto:c@example.org"}, "keyword": ["one"]}
        ]}
        """
        let catalogue = try DataJSONMapper.catalogue(from: Data(text.utf8), location: "many.json")
        let clock = ContinuousClock()
        let started = clock.now
        let results = catalogue.records(sourceURL: "many.json", defaultLanguage: nil)
        #expect(clock.now - started < .seconds(60), "a pathological record must not stall the run")
        guard case .failure(let error) = results[0] else { Issue.record("30,000 keywords must fail"); return }
        #expect(error.code == .limitExceeded)
        #expect(error.message.contains("30000 keywords"))
        #expect(error.recordIdentifier == "many")
        #expect(error.field == "dataset[0]")
        #expect((try? results[1].get())?.sourceIdentifier == "few", "the rest of the file maps")
    }

    /// Long `spatial`, `temporal` and `contactPoint` lists keep their first copy of each entry, in order. (Duplicates
    /// used to be found by comparing each entry with every kept one: 30,000 places took half a minute.)
    @Test func longListsAreDeduplicatedInOrder() throws {
        let count = 20_000
        let places = (0..<count).map { "\"Ort \($0 % (count / 2))\"" }.joined(separator: ",")
        let periods = (0..<count).map { "\"20\(10 + $0 % 10)-01-\(10 + ($0 / 10) % 10)/2030-12-31\"" }.joined(separator: ",")
        let cards = (0..<count).map { "{\"fn\": \"Desk \($0 % 5_000)\", \"hasEmail\": \"mailto:d\($0 % 5_000)@example.org\"}" }
            .joined(separator: ",")
        let text = """
        {"dataset": [{"identifier": "lists", "title": "Lists", "description": "d", "publisher": {"name": "P"},
                      "contactPoint": [\(cards)], "spatial": [\(places)], "temporal": [\(periods)]}]}
        """
        let catalogue = try DataJSONMapper.catalogue(from: Data(text.utf8), location: "lists.json")
        let dataset = try catalogue.records(sourceURL: "lists.json", defaultLanguage: nil)[0].get().dataset
        #expect(dataset.spatial.count == count / 2)
        #expect(dataset.spatial.first?.label?.best() == "Ort 0")
        #expect(dataset.spatial.last?.label?.best() == "Ort \(count / 2 - 1)")
        #expect(dataset.temporal.count == 100)
        #expect(dataset.temporal.first?.start?.raw == "2010-01-10")
        #expect(dataset.contactPoints.count == 5_000)
        #expect(dataset.contactPoints[4_999].email == "d4999@example.org")
    }

    @Test func nonObjectDatasetIsAnErrorForThatRecordOnly() throws {
        let text = """
        {"dataset": [42, null, {"identifier": "ok", "title": "T", "description": "d", "publisher": {"name": "P"},
                                "contactPoint": {"fn": "C"}}]}
        """
        let catalogue = try DataJSONMapper.catalogue(from: Data(text.utf8), location: "mixed.json")
        let results = catalogue.records(sourceURL: "mixed.json", defaultLanguage: nil)
        #expect(results.count == 3)
        guard case .failure(let number) = results[0], case .failure(let null) = results[1] else { Issue.record("must fail"); return }
        #expect(number.code == .notAnObject)
        #expect(number.field == "dataset[0]")
        #expect(null.code == .notAnObject)
        #expect((try? results[2].get())?.sourceIdentifier == "ok")

        let containers = try DataJSONMapper.catalogue(from: Data("{\"dataset\": [], \"service\": [7, \"https://x.example/s\"]}".utf8),
                                                      location: "services.json")
        #expect(containers.skipped.map(\.kind) == [.unsupported, .reference])
        #expect(containers.skipped[0].error?.code == .notAnObject)
        #expect(containers.skipped[0].error?.field == "service[0]")
        #expect(containers.skipped[1].error == nil)
    }

    @Test func outOfRangeIndexFailsCleanly() throws {
        let catalogue = try DataJSONMapper.catalogue(from: Data("{\"dataset\": []}".utf8), location: "empty.json")
        #expect(catalogue.entries.isEmpty)
        guard case .failure = catalogue.record(at: 5, sourceURL: "empty.json", defaultLanguage: nil) else {
            Issue.record("index 5 must fail"); return
        }
    }

    @Test func deepCatalogueNestingIsBounded() throws {
        var text = "{\"dataset\": [], \"catalog\": ["
        for _ in 0..<40 { text += "{\"catalog\": [" }
        text += String(repeating: "]}", count: 40) + "]}"
        let catalogue = try DataJSONMapper.catalogue(from: Data(text.utf8), location: "deep.json")
        #expect(catalogue.skipped.contains { $0.kind == .unsupported })
    }
}
