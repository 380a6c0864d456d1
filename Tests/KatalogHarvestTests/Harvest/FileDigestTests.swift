import Foundation
import KatalogModel
import Testing
@testable import KatalogHarvest

/// A downloaded document's digest is read in chunks; it must equal the digest of its bytes whatever the chunk size.
struct FileDigestTests {
    @Test(arguments: [64, 1_000, 1 << 20])
    func aFileDigestEqualsTheDigestOfItsBytes(chunkSize: Int) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-sha-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let bytes = (0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }
        try Data(bytes).write(to: file)
        #expect(try FileDigest.sha256(of: file, chunkSize: chunkSize) == SHA256.hex(bytes))
        let empty = file.appendingPathExtension("empty")
        try Data().write(to: empty)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(try FileDigest.sha256(of: empty, chunkSize: chunkSize) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
