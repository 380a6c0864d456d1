import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A flag another thread raises to make a running transfer stop at its next callback.
final class TransferCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Asks the transfer to stop.
    func cancel() { flag.store(true, ordering: .relaxed) }

    /// Whether ``cancel()`` was called.
    var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// Where a successful body goes.
enum TransferSink: Sendable {
    /// Collect the body in memory.
    case memory
    /// Stream the body into this open file descriptor.
    case file(descriptor: Int32)
}

/// Per-attempt state that libcurl's callbacks update on the transfer thread.
final class CurlTransferState {
    /// Why a callback told libcurl to stop.
    enum StopReason {
        case tooLarge
        case cancelled
        case fileWrite(errno: Int32)
    }

    /// The longest body excerpt kept from 4xx/5xx answers.
    static let excerptLimit = 1024

    let sink: TransferSink
    let maxBytes: Int64
    let cancellation: TransferCancellation

    private(set) var body = Data()
    private(set) var bodyBytes: Int64 = 0
    private(set) var status = 0
    private(set) var headers = HTTPHeaders()
    private(set) var excerpt: [UInt8] = []
    private(set) var stopReason: StopReason?

    init(sink: TransferSink, maxBytes: Int64, cancellation: TransferCancellation) {
        self.sink = sink
        self.maxBytes = maxBytes
        self.cancellation = cancellation
    }

    /// Handles one header line. A status line starts a new response (after a redirect or a 1xx), so it resets the fields.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        // Trim as bytes: in a Swift String "\r\n" is one Character, so character-wise trimming would miss it.
        var end = bytes.count
        while end > 0, bytes[end - 1] == UInt8(ascii: "\r") || bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        let line = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            let parts = line.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            headers = HTTPHeaders()
            excerpt.removeAll(keepingCapacity: true)
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return }
        headers.add(name: name, value: value)
    }

    /// Handles a body chunk; returns false to make libcurl abort the transfer.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if cancellation.isCancelled {
            stopReason = .cancelled
            return false
        }
        bodyBytes += Int64(bytes.count)
        if bodyBytes > maxBytes {
            stopReason = .tooLarge
            return false
        }
        guard (200..<300).contains(status) else {
            // Error and unexpected bodies never reach the sink; keep only the start to show the caller.
            let room = Self.excerptLimit - excerpt.count
            if room > 0 { excerpt.append(contentsOf: bytes.prefix(room)) }
            return true
        }
        switch sink {
        case .memory:
            body.append(contentsOf: bytes)
            return true
        case .file(let descriptor):
            return writeAll(bytes, to: descriptor)
        }
    }

    /// Called by libcurl's progress callback; returns false to abort.
    func shouldContinue() -> Bool {
        if cancellation.isCancelled {
            stopReason = .cancelled
            return false
        }
        return true
    }

    /// The excerpt as one line of text, or nil when the server sent no body.
    var excerptText: String? {
        guard !excerpt.isEmpty else { return nil }
        let text = String(decoding: excerpt, as: UTF8.self)
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        let line = words.joined(separator: " ")
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        guard var pointer = bytes.baseAddress else { return true }
        var remaining = bytes.count
        while remaining > 0 {
            let written = write(descriptor, pointer, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                stopReason = .fileWrite(errno: errno)
                return false
            }
            remaining -= written
            pointer += written
        }
        return true
    }
}
