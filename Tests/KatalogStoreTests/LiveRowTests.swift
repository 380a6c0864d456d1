import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

/// The live-table rows a record becomes are computed when it is prepared and staged in a binary form; applying
/// from that form must write exactly what applying from the record's JSON writes.
struct LiveRowTests {
    static let rich = makeRecord("rich", title: "Luftkvalitet\nGöteborg", descriptions: ["sv": "Timvärden – NO₂", "en": "Hourly"],
                                 keywords: ["Luft", "miljö"], publisher: "Miljöförvaltningen", themes: ["ENVI"],
                                 formats: ["CSV", "json"], licence: "cc-by-4.0", language: "sv", modified: "2024-05-01",
                                 downloadURL: "https://example.org/rich.zip")

    @Test func theBinaryFormReadsBackAsTheSameRow() throws {
        for record in [Self.rich, makeRecord("bare", title: "", titleLanguage: nil)] {
            let row = LiveRow(record.dataset)
            #expect(try LiveRow(decoding: row.encoded(), id: record.sourceIdentifier) == row)
        }
        let row = LiveRow(Self.rich.dataset)
        #expect(row.text.title == "Luftkvalitet Göteborg")
        #expect(row.hasDownload)
        #expect(row.distributions.map(\.formatKey) == ["CSV", "JSON", "ZIP"])
        #expect(row.terms.contains(FacetTerm(facet: "keyword", value: "luft")))
        #expect(!row.terms.contains { $0.facet == "source" }, "the writer adds the source term")
        #expect(row.publisher?.nameJSON.contains("Miljöförvaltningen") == true)
    }

    static func damaged(_ data: Data, _ how: String) -> Data {
        switch how {
        case "truncated": return data.prefix(data.count - 3)
        case "another version": return Data([9]) + data.dropFirst()
        case "trailing bytes": return data + Data([0])
        default: return Data([LiveRow.formatVersion, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) + data.dropFirst()  // a huge length
        }
    }

    @Test(arguments: ["truncated", "another version", "trailing bytes", "a huge length"])
    func aDamagedRowIsACorruptionNamingTheDataset(how: String) throws {
        let data = Self.damaged(LiveRow(Self.rich.dataset).encoded(), how)
        let error = try #require(throws: StoreError.self, "\(how)") { try LiveRow(decoding: data, id: "rich") }
        #expect(error.code == .corrupt, "\(how)")
        #expect("\(error)".contains("rich"), "\(how)")
    }

    @Test func textThatIsNotUTF8IsACorruption() throws {
        var data = Data([LiveRow.formatVersion, 2, 0xC3, 0x28])
        data.append(contentsOf: [0, 0])
        #expect(throws: StoreError.self) { try LiveRow(decoding: data, id: "x") }
    }

    @Test func applyingFromStagedRowsWritesWhatApplyingFromJSONWrites() async throws {
        let records = [Self.rich] + (1...20).map {
            makeRecord("r\($0)", title: "Record \($0)", keywords: ["k\($0 % 3)"], publisher: "Org \($0 % 4)",
                       themes: ["TRAN"], formats: ["CSV"], licence: "cc0", modified: "2023-0\($0 % 9 + 1)-01")
        }
        func applied(dropLiveRows: Bool) async throws -> [String] {
            let clock = TestClock()
            let store = try CatalogStore.temporary(configuration: .init(now: { clock.now }))
            let run = try await store.beginRun(source: "test", kind: "ckan", url: "https://example.org/test")
            _ = try await store.recordListing(run: run, try records.map { .record(try CatalogStore.prepare($0)) })
            if dropLiveRows {
                try await store.pool.write { db in try db.execute(sql: "UPDATE staged_records SET live_row = NULL") }
            }
            let summary = try await store.completeRun(run: run, isComplete: true)
            #expect(summary.counts.added == records.count)
            return try await dumpLiveTables(store)
        }
        let fromRows = try await applied(dropLiveRows: false)
        #expect(fromRows.contains { $0.hasPrefix("dataset_terms:") && $0.contains("source") })
        #expect(fromRows == (try await applied(dropLiveRows: true)))
    }
}
