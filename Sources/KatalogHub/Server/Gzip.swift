import CZlib
import Foundation
import NIOCore

/// gzip (RFC 1952) compression of a whole response body, for ``CompressionMiddleware``.
enum Gzip {
    /// The zlib level bodies are compressed at. Level 1 shrinks the hub's JSON, HTML and RDF about as much as level 6
    /// for a third of the CPU (BENCHMARKS.md, "Compressed answers"), and a cached search is answered in well under a
    /// millisecond, so the compressor must not become the cost of an answer.
    static let level: Int32 = 1

    /// `bytes` as one gzip member, or nil when zlib fails (then the body is sent as it is).
    static func compress(_ bytes: ByteBuffer, level: Int32 = level) -> ByteBuffer? {
        bytes.withUnsafeReadableBytes { input in
            deflated(input, wrapper: .gzip, finish: true, level: level).map { ByteBuffer(bytes: $0) }
        }
    }

    /// What surrounds the deflate blocks.
    enum Wrapper {
        /// A gzip header and trailer, as `Content-Encoding: gzip` means.
        case gzip
        /// Nothing: blocks to be framed by the caller (``SplicedGzip``).
        case raw
    }

    /// `input` deflated: ending the stream (`finish`), or ending with a sync flush on a byte boundary (raw only, so
    /// more blocks may follow). Nil when zlib fails.
    static func deflated(_ input: UnsafeRawBufferPointer, wrapper: Wrapper, finish: Bool, level: Int32) -> [UInt8]? {
        var stream = z_stream()
        // Setting up zlib's full 32 KB window and 64K-entry hash table costs more than compressing a 10 KB search
        // answer; an 8 KB window and a quarter of the table cost a third as much for a 3% larger result. Input of
        // 64 KiB or more (export pages, CKAN pages of a thousand) uses the full window, which it profits from.
        let small = input.count < 64 * 1024
        let windowBits: Int32 = small ? 13 : 15
        // Window bits + 16 asks for the gzip wrapper; negative window bits for none.
        guard deflateInit2_(&stream, level, Z_DEFLATED, wrapper == .gzip ? windowBits + 16 : -windowBits, small ? 7 : 8,
                            Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        // deflateBound covers a finished stream; a sync flush adds its empty stored block (5 bytes) at most.
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 16)
        let status: Int32 = out.withUnsafeMutableBufferPointer { output in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            stream.next_out = output.baseAddress
            stream.avail_out = uInt(output.count)
            return deflate(&stream, finish ? Z_FINISH : Z_SYNC_FLUSH)
        }
        guard finish ? status == Z_STREAM_END : (status == Z_OK && stream.avail_in == 0) else { return nil }
        out.removeSubrange(Int(stream.total_out)...)
        return out
    }
}

/// A gzip body made of two parts compressed once and a short middle that changes from answer to answer (a kept
/// search answer's `query_time_ms`), so a repeated answer costs framing the middle instead of compressing it all.
///
/// The head is compressed as deflate blocks that do not end the stream and end on a byte boundary (a sync flush);
/// the middle goes in a stored block; the tail is compressed on its own (it refers to nothing before it) and ends the
/// stream. The gzip trailer's CRC-32 of the whole is combined from the parts' (`crc32_combine`).
struct SplicedGzip: Sendable {
    private let head: [UInt8]
    private let headCRC: UInt32
    private let tail: [UInt8]
    private let tailCRC: UInt32
    private let tailLength: Int
    private let length: Int

    /// Compresses `head` and `tail`; nil when zlib fails.
    init?(head: Data, tail: Data, level: Int32 = Gzip.level) {
        guard let compressedHead = SplicedGzip.deflateRaw(head, finish: false, level: level),
              let compressedTail = SplicedGzip.deflateRaw(tail, finish: true, level: level) else { return nil }
        self.head = compressedHead
        self.tail = compressedTail
        headCRC = SplicedGzip.crc(head)
        tailCRC = SplicedGzip.crc(tail)
        tailLength = tail.count
        length = head.count + tail.count
    }

    /// The gzip member of head, `middle` and tail (`middle` at most 65,535 bytes).
    func body(middle: Data) -> Data {
        precondition(middle.count <= 0xFFFF, "a stored block holds at most 65,535 bytes")
        var out = Data(capacity: 10 + head.count + 5 + middle.count + tail.count + 8)
        // Magic, deflate, no flags, no time, no extra flags, unknown OS.
        out.append(contentsOf: [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF])
        out.append(contentsOf: head)
        // A stored block, not the last: its 3 header bits are 0, padded to the byte boundary, then LEN and ~LEN.
        let count = UInt16(middle.count)
        out.append(contentsOf: [0x00, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8(~count >> 8)])
        out.append(middle)
        out.append(contentsOf: tail)
        let middleCRC = uLong(SplicedGzip.crc(middle))
        let upToTail = crc32_combine(uLong(headCRC), middleCRC, .init(middle.count))
        let whole = UInt32(truncatingIfNeeded: crc32_combine(upToTail, uLong(tailCRC), .init(tailLength)))
        let size = UInt32(truncatingIfNeeded: length + middle.count)
        for value in [whole, size] {
            let bytes: [UInt8] = [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8),
                                  UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 24)]
            out.append(contentsOf: bytes)
        }
        return out
    }

    private static func crc(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { bytes in
            UInt32(truncatingIfNeeded: crc32(0, bytes.bindMemory(to: Bytef.self).baseAddress, uInt(bytes.count)))
        }
    }

    /// Raw deflate blocks of `data`: ending the stream (`finish`), or ending with a sync flush on a byte boundary.
    private static func deflateRaw(_ data: Data, finish: Bool, level: Int32) -> [UInt8]? {
        data.withUnsafeBytes { Gzip.deflated($0, wrapper: .raw, finish: finish, level: level) }
    }
}
