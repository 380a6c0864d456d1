import CKatalogHash
import Foundation
import Testing
@testable import KatalogModel

/// Known answers for Katalog's own SHA-256 (FIPS 180-4 / NIST CAVP examples), and the same digest whatever the
/// way the bytes are fed (content hashes and document digests are compared across runs).
struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func knownAnswers(message: String, digest: String) {
        #expect(SHA256.hex(message.utf8) == digest)
    }

    @Test func oneMillionAsFedInOddChunks() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 997)
        var fed = 0
        while fed < 1_000_000 {
            let count = min(chunk.count, 1_000_000 - fed)
            chunk.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            fed += count
        }
        #expect(SHA256.hexString(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func everySplitOfAMessageGivesTheSameDigest() {
        let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let whole = SHA256.hex(bytes)
        for split in [0, 1, 55, 56, 63, 64, 65, 127, 128, 200, 300] {
            var hasher = SHA256()
            hasher.update(bytes[..<split])
            hasher.update(Array(bytes[split...]).lazy.map { $0 })  // a non-contiguous sequence: the byte-by-byte path
            #expect(SHA256.hexString(hasher.finalize()) == whole, "split at \(split)")
        }
    }

    /// The SHA-extension compression (used when the CPU has it) and the portable one agree block for block.
    @Test func acceleratedAndPortableCompressionAgree() {
        var generator = SystemRandomNumberGenerator()
        let data = (0..<(64 * 37)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let initial: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        for blocks in [1, 2, 5, 37] {
            var dispatched = initial
            var portable = initial
            katalog_sha256_blocks(&dispatched, data, blocks)
            katalog_sha256_blocks_portable(&portable, data, blocks)
            #expect(dispatched == portable, "\(blocks) blocks (accelerated: \(katalog_sha256_accelerated()))")
            #expect(dispatched != initial)
        }
    }
}
