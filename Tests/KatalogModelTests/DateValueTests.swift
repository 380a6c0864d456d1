import Foundation
import Testing
@testable import KatalogModel

struct DateValueTests {
    @Test(arguments: [
        ("2023", "2023", DateValue.Precision.year),
        ("2023-05", "2023-05", .month),
        ("2023-05-01", "2023-05-01", .day),
        ("2023-05-01Z", "2023-05-01", .day),
        ("2023-05-01T10:00:00", "2023-05-01T10:00:00Z", .time),
        ("2023-05-01T10:00:00.123456", "2023-05-01T10:00:00Z", .time),
        ("2023-05-01T00:30:00+02:00", "2023-04-30T22:30:00Z", .time),
        ("2023-05-01 10:00:00", "2023-05-01T10:00:00Z", .time),
        ("05.01.2023", "2023-01-05", .day),
        ("2024-02-29", "2024-02-29", .day),
    ])
    func parses(raw: String, normalized: String, precision: DateValue.Precision) {
        let value = DateValue(raw: raw)
        #expect(value.normalized == normalized)
        #expect(value.precision == precision)
        #expect(value.raw == raw)
    }

    @Test(arguments: ["", "yesterday", "2023-13-01", "2023-02-30", "2023-02-29", "20x3-01-01"])
    func rejectsUnreadable(raw: String) {
        let value = DateValue(raw: raw)
        #expect(value.normalized == nil)
        #expect(value.raw == raw)
    }

    @Test func sortKeyPadsToTimestamp() {
        #expect(DateValue(raw: "2023").sortKey == "2023-01-01T00:00:00Z")
        #expect(DateValue(raw: "2023-05-01").sortKey == "2023-05-01T00:00:00Z")
    }
}

struct HashTests {
    @Test func sha256KnownVectors() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array(String(repeating: "a", count: 1000).utf8)
        #expect(SHA256.hex(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        // The same digest whatever the chunking, for arrays, Data and raw buffers.
        var chunked = SHA256()
        var offset = 0
        for size in [1, 63, 64, 65, 0, 7, 200] where offset < long.count {
            let end = min(offset + size, long.count)
            chunked.update(Data(long[offset..<end]))
            offset = end
        }
        chunked.update(Array(long[offset...]))
        #expect(SHA256.hexString(chunked.finalize()) == SHA256.hex(long))
    }

    @Test func datasetIDIsStableAndWellFormed() {
        let id = DatasetID.make(source: "portal-a", sourceIdentifier: "abc")
        #expect(id == DatasetID.make(source: "portal-a", sourceIdentifier: "abc"))
        #expect(id != DatasetID.make(source: "portal-b", sourceIdentifier: "abc"))
        #expect(DatasetID.isWellFormed(id))
    }
}
