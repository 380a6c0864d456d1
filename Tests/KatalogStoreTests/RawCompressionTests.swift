import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

@Suite("Raw records stored compressed")
struct RawCompressionTests {
    /// About 7 KB of N-Triples, like a DCAT dataset's canonical raw record.
    static let ntriples: Data = {
        var text = ""
        for index in 0..<40 {
            text += "<https://data.example.org/dataset/\(index / 8)/distribution/\(index)> <http://purl.org/dc/terms/title> \"Fil \(index) åäö\"@sv .\n"
            text += "<https://data.example.org/dataset/\(index / 8)/distribution/\(index)> <http://www.w3.org/ns/dcat#downloadURL> <https://files.example.org/\(index).csv> .\n"
        }
        return Data(text.utf8)
    }()

    @Test func aTypicalRawRecordIsCompressedAndComesBackByteForByte() throws {
        let packed = RawCompression.pack(Self.ntriples)
        #expect(packed.encoding == RawCompression.zlib)
        #expect(packed.bytes.count * 3 < Self.ntriples.count)
        #expect(try RawCompression.unpack(packed.bytes, encoding: packed.encoding, id: "d") == Self.ntriples)
    }

    @Test func smallAndIncompressibleRecordsAreStoredAsTheyAre() throws {
        let small = Data("{\"id\":\"x\"}".utf8)
        #expect(RawCompression.pack(small).encoding == nil)
        #expect(RawCompression.pack(small).bytes == small)
        var generator = SystemRandomNumberGenerator()
        let noise = Data((0..<4_096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let packed = RawCompression.pack(noise)
        #expect(packed.encoding == nil && packed.bytes == noise)
        #expect(try RawCompression.unpack(noise, encoding: nil, id: "d") == noise)
    }

    @Test func damagedStoredBytesAreReportedAsCorruptNamingTheDataset() throws {
        let packed = RawCompression.pack(Self.ntriples).bytes
        var flipped = packed
        flipped[packed.count / 2] ^= 0xFF
        var longer = packed
        longer[3] &+= 1
        var huge = packed
        huge[0] = 0x7F
        let cases: [(Data, String)] = [(flipped, RawCompression.zlib), (packed.prefix(packed.count - 6), RawCompression.zlib),
                                       (longer, RawCompression.zlib), (huge, RawCompression.zlib),
                                       (Data([1, 2]), RawCompression.zlib), (packed, "brotli")]
        for (bytes, encoding) in cases {
            do {
                _ = try RawCompression.unpack(bytes, encoding: encoding, id: "the-dataset")
                Issue.record("damaged bytes (\(bytes.count), \(encoding)) were decoded")
            } catch let error as StoreError {
                #expect(error.code == .corrupt)
                #expect(error.message.contains("the-dataset"))
            }
        }
    }

    @Test("The store keeps the raw record compressed, returns it whole, and hashes the uncompressed bytes")
    func theStoreCompressesAndReturnsRawRecords() async throws {
        let store = try CatalogStore.temporary()
        var record = makeRecord("r1", title: "One")
        record.raw = Self.ntriples
        record.rawFormat = "application/n-triples"
        try await harvest(store, [record, makeRecord("r2", title: "Two")])

        let rows = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT source_identifier, raw_encoding, LENGTH(raw) AS size FROM datasets ORDER BY source_identifier")
        }
        #expect(rows.map { $0["raw_encoding"] as String? } == [RawCompression.zlib, nil])
        #expect((rows[0]["size"] as Int) * 3 < Self.ntriples.count)
        let id = DatasetID.make(source: "test", sourceIdentifier: "r1")
        let stored = try #require(try await store.dataset(id: id))
        #expect(stored.raw == Self.ntriples)
        #expect(stored.contentHash == (try CatalogStore.contentHash(of: record)))
        // The same record harvested again is unchanged: nothing is written.
        let again = try await harvest(store, [record, makeRecord("r2", title: "Two")])
        #expect(again.counts.unchanged == 2 && again.counts.updated == 0)
    }

    @Test("A raw record stored before compression (no encoding) reads as it was; a damaged one is reported")
    func olderAndDamagedRowsRead() async throws {
        let store = try CatalogStore.temporary()
        var record = makeRecord("r1", title: "One")
        record.raw = Self.ntriples
        try await harvest(store, [record])
        let id = DatasetID.make(source: "test", sourceIdentifier: "r1")
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE datasets SET raw = ?, raw_encoding = NULL WHERE id = ?", arguments: [Self.ntriples, id])
        }
        #expect(try await store.dataset(id: id)?.raw == Self.ntriples)
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE datasets SET raw = x'0000100078da', raw_encoding = 'zlib' WHERE id = ?", arguments: [id])
        }
        await #expect(throws: StoreError.self) { _ = try await store.dataset(id: id) }
    }
}
