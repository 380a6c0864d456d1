#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Immutable bytes that outlive any one closure: a file mapped read-only into memory, or a private copy.
///
/// A mapped file's pages belong to the page cache: they are read when touched and can be dropped again under
/// memory pressure, so a large document costs no heap of its own size.
public final class DocumentBytes: @unchecked Sendable {
    /// The bytes. Valid for the object's lifetime; never written.
    public let bytes: UnsafeBufferPointer<UInt8>
    private let release: @Sendable (UnsafeBufferPointer<UInt8>) -> Void

    private init(bytes: UnsafeBufferPointer<UInt8>, release: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void) {
        self.bytes = bytes
        self.release = release
    }

    deinit { release(bytes) }

    /// A private copy of `data`.
    public convenience init(copying data: Data) {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: data.count)
        _ = storage.initialize(from: data)
        self.init(bytes: UnsafeBufferPointer(storage)) { UnsafeMutableBufferPointer(mutating: $0).deallocate() }
    }

    /// The file at `path`, mapped read-only.
    public convenience init(mapping path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DocumentBytesError(path: path, call: "open", code: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw DocumentBytesError(path: path, call: "fstat", code: errno) }
        let size = Int(status.st_size)
        guard size > 0 else {
            self.init(bytes: UnsafeBufferPointer(start: nil, count: 0)) { _ in }
            return
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw DocumentBytesError(path: path, call: "mmap", code: errno)
        }
        let bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
        self.init(bytes: bytes) { munmap(UnsafeMutableRawPointer(mutating: $0.baseAddress), $0.count) }
    }
}

/// A file could not be opened or mapped.
public struct DocumentBytesError: Error, CustomStringConvertible, Sendable {
    /// The file.
    public var path: String
    /// The system call that failed.
    public var call: String
    /// Its `errno`.
    public var code: Int32

    /// One line: the call, the file and the system's reason.
    public var description: String { "\(call) \(path): \(String(cString: strerror(code)))" }
}
