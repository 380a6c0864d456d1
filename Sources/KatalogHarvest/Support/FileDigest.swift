import Foundation
import KatalogModel

/// Digests of downloaded files, read in fixed-size chunks so memory stays flat whatever the file's size.
enum FileDigest {
    /// The lower-case hex SHA-256 of the file's bytes.
    static func sha256(of file: URL, chunkSize: Int = 1 << 20) throws -> String {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
            hasher.update(chunk)
        }
        return SHA256.hexString(hasher.finalize())
    }
}
