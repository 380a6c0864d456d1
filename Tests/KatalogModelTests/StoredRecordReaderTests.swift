import Foundation
import Testing
@testable import KatalogModel

/// ``StoredRecordReader`` must read a stored record into exactly the dataset `JSONDecoder` reads, and refuse what
/// `JSONDecoder` refuses.
struct StoredRecordReaderTests {
    static func decoded(_ json: Data) throws -> Dataset { try JSONDecoder().decode(Dataset.self, from: json) }

    @Test func everyFixtureRecordReadsAsJSONDecoderReadsIt() throws {
        let records = try MappingRevisionTests.fixtureRecords()
        #expect(records.count > 150)
        for record in records {
            let json = SortedJSONEncoder().encode(record.dataset)
            let ours = try StoredRecordReader.dataset(json)
            #expect(ours == (try Self.decoded(json)), "\(record.sourceIdentifier)")
            #expect(ours == record.dataset, "\(record.sourceIdentifier) round-trips")
        }
    }

    @Test func aDatasetWithEveryPropertyAndHostileTextReadsBack() throws {
        for dataset in [SortedJSONEncoderTests.fullDataset(), Dataset(sourceIdentifier: ""), Dataset(sourceIdentifier: "x", title: LocalizedText("t"))] {
            let json = SortedJSONEncoder().encode(dataset)
            let ours = try StoredRecordReader.dataset(json)
            #expect(ours == (try Self.decoded(json)))
            #expect(ours == dataset)
        }
    }

    /// Members as stored are kept as stored, like the synthesized conformances do: no trimming, no re-parsing.
    @Test func storedMembersAreNotNormalisedAgain() throws {
        let json = Data(#"""
            {"sourceIdentifier":" padded ","title":{"SV":" Titel "},"description":{},"keywords":[{"value":" ord ","language":"XX"}],
             "themes":[],"contactPoints":[],"temporal":[],"spatial":[],"landingPages":[],"languages":[],"conformsTo":[],
             "identifiers":[],"otherIdentifiers":[],"distributions":[],"extras":{"k":["v"]},
             "issued":{"raw":"not a date","normalized":"2020","precision":"year"},"modified":null,"unknown":[1,2,{"x":null}],
             "publisher":{"name":{"":"P"},"iri":null}}
            """#.utf8)
        let ours = try StoredRecordReader.dataset(json)
        #expect(ours == (try Self.decoded(json)))
        #expect(ours.sourceIdentifier == " padded ")
        #expect(ours.keywords.first?.value == " ord ")
        #expect(ours.issued?.normalized == "2020")
        #expect(ours.extras == ["k": ["v"]])
    }

    @Test func aStoredTextReadsAsJSONDecoderReadsIt() throws {
        for text in [#"{"sv":" Namn ","EN":"Name","":"x"}"#, #"{}"#] {
            let json = Data(text.utf8)
            #expect(try StoredRecordReader.localizedText(json) == (try JSONDecoder().decode(LocalizedText.self, from: json)))
        }
        #expect(throws: StoredRecordReader.Unreadable.self) { try StoredRecordReader.localizedText(Data(#"{"sv":1}"#.utf8)) }
        #expect(throws: StoredRecordReader.Unreadable.self) { try StoredRecordReader.localizedText(Data(#"["sv"]"#.utf8)) }
    }

    @Test("What JSONDecoder refuses is refused", arguments: [
        #"[]"#, #"{"sourceIdentifier":"x"}"#, #"{"#,
        #"{"sourceIdentifier":1,"title":{},"description":{},"keywords":[],"themes":[],"contactPoints":[],"temporal":[],"spatial":[],"landingPages":[],"languages":[],"conformsTo":[],"identifiers":[],"otherIdentifiers":[],"distributions":[],"extras":{}}"#,
        #"{"sourceIdentifier":"x","title":{"en":2},"description":{},"keywords":[],"themes":[],"contactPoints":[],"temporal":[],"spatial":[],"landingPages":[],"languages":[],"conformsTo":[],"identifiers":[],"otherIdentifiers":[],"distributions":[],"extras":{}}"#,
        #"{"sourceIdentifier":"x","title":{},"description":{},"keywords":[],"themes":[],"contactPoints":[],"temporal":[],"spatial":[],"landingPages":[],"languages":[],"conformsTo":[],"identifiers":[],"otherIdentifiers":[],"distributions":[],"extras":{},"issued":{"raw":"2020","precision":"century"}}"#,
    ])
    func refusals(_ text: String) {
        let json = Data(text.utf8)
        #expect(throws: (any Error).self) { try Self.decoded(json) }
        #expect(throws: StoredRecordReader.Unreadable.self) { try StoredRecordReader.dataset(json) }
    }
}
