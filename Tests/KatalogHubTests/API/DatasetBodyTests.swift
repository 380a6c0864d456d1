import Foundation
import KatalogModel
import KatalogStore
import Testing
@testable import KatalogHub

/// The `/api/v1/datasets/{id}` body is written by hand with snake-case member names; it must be byte for byte what
/// Foundation's `JSONEncoder` writes for the same view, with and without the raw record, text or binary.
struct DatasetBodyTests {
    @Test("The hand-written dataset body equals Foundation's encoding", arguments: [false, true])
    func matchesFoundation(includeRaw: Bool) async throws {
        var binary = HubTestCatalogue.dataset("binary-raw", title: ["sv": "Binärt råformat"], publisher: "P", formats: ["ZIP"])
        binary.raw = Data([0xFF, 0xFE, 0x00, 0x41])
        let records = SearchBodyTests.records + [binary]
        let store = try CatalogStore.temporary()
        let run = try await store.beginRun(source: "demo", kind: "ckan", url: "http://127.0.0.1/")
        try await store.stage(run: run, records: records)
        _ = try await store.completeRun(run: run, seen: Set(records.map(\.sourceIdentifier)), isComplete: true)
        var compared = 0
        for record in records {
            let id = DatasetID.make(source: "demo", sourceIdentifier: record.sourceIdentifier)
            let stored = try #require(try await store.dataset(id: id))
            let written = try HubDocuments.dataset(stored, includeRaw: includeRaw)
            let foundation = try HubDocuments.encode(DatasetDetailView(stored, includeRaw: includeRaw))
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: foundation, as: UTF8.self))
            compared += 1
        }
        #expect(compared == records.count)
        let binaryID = DatasetID.make(source: "demo", sourceIdentifier: "binary-raw")
        let body = String(decoding: try HubDocuments.dataset(try #require(try await store.dataset(id: binaryID)), includeRaw: includeRaw),
                          as: UTF8.self)
        #expect(body.contains("\"base64\":\"//4AQQ==\"") == includeRaw)
        // Distributions carry their URLs under the API's names and, deprecated, under the names it first had.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        let distributions = try #require((object["dataset"] as? [String: Any])?["distributions"] as? [[String: Any]])
        #expect(!distributions.isEmpty)
        for distribution in distributions {
            let urls = try #require(distribution["download_urls"] as? [String])
            #expect(distribution["download_ur_ls"] as? [String] == urls)
            #expect(distribution["access_urls"] as? [String] == distribution["access_ur_ls"] as? [String])
        }
    }
}
