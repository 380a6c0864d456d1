import CZlib
import Foundation

/// How raw source records are stored: compressed with zlib when that makes them smaller.
///
/// Raw records are the largest thing in the catalogue. A DCAT dataset's canonical N-Triples run to about 7 KB,
/// repeating the same IRIs line after line, and compress about fivefold at zlib's fastest level: storing them
/// compressed shrinks the catalogue file by about a third and every byte a run stages, writes to the WAL and
/// checkpoints. The content hash is still taken over the uncompressed bytes, so records stored before are not
/// seen as changed.
///
/// The stored form of the `zlib` encoding is the uncompressed length (4 bytes, big-endian) followed by a zlib
/// stream (RFC 1950, whose Adler-32 checksum catches damage). Records under ``minimumSize`` bytes, and those
/// that do not shrink, are stored as they are, with no encoding (as every record was before `v6`).
enum RawCompression {
    /// The `raw_encoding` of a compressed record.
    static let zlib = "zlib"
    /// Records smaller than this are stored as they are.
    static let minimumSize = 256
    /// The largest uncompressed length a stored record may claim (a damaged length must not allocate gigabytes).
    static let maximumSize = 1 << 30

    /// The bytes to store for `raw`, and their encoding (nil: stored as they are).
    static func pack(_ raw: Data) -> (bytes: Data, encoding: String?) {
        guard raw.count >= minimumSize, raw.count <= maximumSize else { return (raw, nil) }
        var stream = z_stream()
        // An 8 KB window and a smaller hash table keep the compressor's state under 100 KB, so it is allocated
        // from the heap's free lists rather than mapped and unmapped for each record; raw records are small.
        guard deflateInit2_(&stream, 1, Z_DEFLATED, 13, 7, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return (raw, nil) }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(raw.count)))
        var out = [UInt8](repeating: 0, count: 4 + bound)
        let length = UInt32(raw.count)
        out[0] = UInt8(truncatingIfNeeded: length >> 24)
        out[1] = UInt8(truncatingIfNeeded: length >> 16)
        out[2] = UInt8(truncatingIfNeeded: length >> 8)
        out[3] = UInt8(truncatingIfNeeded: length)
        let status: Int32 = raw.withUnsafeBytes { input in
            out.withUnsafeMutableBufferPointer { output in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = output.baseAddress! + 4
                stream.avail_out = uInt(bound)
                return deflate(&stream, Z_FINISH)
            }
        }
        let size = 4 + Int(stream.total_out)
        guard status == Z_STREAM_END, size < raw.count else { return (raw, nil) }
        return (Data(out[..<size]), zlib)
    }

    /// The raw record from its stored bytes and encoding; throws ``StoreError/Code/corrupt`` naming the dataset
    /// when they cannot be decoded.
    static func unpack(_ stored: Data, encoding: String?, id: String) throws -> Data {
        guard let encoding else { return stored }
        guard encoding == zlib else {
            throw StoreError(.corrupt, "the raw record of dataset \(id) has an unknown encoding \(encoding)", context: ["dataset": id])
        }
        func damaged(_ why: String) -> StoreError {
            StoreError(.corrupt, "the raw record of dataset \(id) cannot be decompressed: \(why)", context: ["dataset": id])
        }
        guard stored.count > 4 else { throw damaged("it is \(stored.count) bytes long") }
        let start = stored.startIndex
        let length = Int(stored[start]) << 24 | Int(stored[start + 1]) << 16 | Int(stored[start + 2]) << 8 | Int(stored[start + 3])
        guard length <= maximumSize else { throw damaged("it claims \(length) bytes") }
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw damaged("zlib cannot start")
        }
        defer { inflateEnd(&stream) }
        // One byte more than claimed, so a stream that inflates to more than its length is caught.
        var out = [UInt8](repeating: 0, count: length + 1)
        let status: Int32 = stored.withUnsafeBytes { raw in
            let input = raw.bindMemory(to: Bytef.self)
            return out.withUnsafeMutableBufferPointer { output in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + 4)
                stream.avail_in = uInt(input.count - 4)
                stream.next_out = output.baseAddress!
                stream.avail_out = uInt(output.count)
                return inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else {
            let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
            throw damaged(message)
        }
        guard Int(stream.total_out) == length else { throw damaged("it inflates to \(stream.total_out) bytes, not \(length)") }
        return Data(out[..<length])
    }
}
