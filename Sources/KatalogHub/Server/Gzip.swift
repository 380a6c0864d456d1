import CZlib
import NIOCore

/// gzip (RFC 1952) compression of a whole response body, for ``CompressionMiddleware``.
enum Gzip {
    /// The zlib level bodies are compressed at. Level 1 shrinks the hub's JSON, HTML and RDF about as much as level 6
    /// for a third of the CPU (BENCHMARKS.md, "Compressed answers"), and a cached search is answered in well under a
    /// millisecond, so the compressor must not become the cost of an answer.
    static let level: Int32 = 1

    /// `bytes` as one gzip member, or nil when zlib fails (then the body is sent as it is).
    static func compress(_ bytes: ByteBuffer, level: Int32 = level) -> ByteBuffer? {
        var stream = z_stream()
        // Setting up zlib's full 32 KB window and 64K-entry hash table costs more than compressing a 10 KB search
        // answer; an 8 KB window and a quarter of the table cost a third as much for a 3% larger result. Bodies of
        // 64 KiB or more (export pages, CKAN pages of a thousand) use the full window, which they profit from.
        let small = bytes.readableBytes < 64 * 1024
        // Window bits + 16: a gzip header and trailer around the deflate data, as `Content-Encoding: gzip` means.
        guard deflateInit2_(&stream, level, Z_DEFLATED, (small ? 13 : 15) + 16, small ? 7 : 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(bytes.readableBytes)))
        var output = ByteBufferAllocator().buffer(capacity: bound)
        var status: Int32 = Z_STREAM_ERROR
        bytes.withUnsafeReadableBytes { input in
            output.writeWithUnsafeMutableBytes(minimumWritableBytes: bound) { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(out.count)
                status = deflate(&stream, Z_FINISH)
                return status == Z_STREAM_END ? Int(stream.total_out) : 0
            }
        }
        return status == Z_STREAM_END ? output : nil
    }
}
