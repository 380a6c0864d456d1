import Foundation
#if canImport(Glibc)
import Glibc
#endif
import KatalogHarvest
import Logging

/// Shared helpers for tests that fetch from a ``TestHTTPServer``.
enum HTTPTestSupport {
    /// A client with tiny backoff so retry tests run in milliseconds; other settings as given.
    static func client(
        maxAttempts: Int = 4, timeout: HTTPClient.Configuration.Timeout = .init(connect: .seconds(5), total: .seconds(20)),
        maxInMemoryBytes: Int64 = 64 * 1024 * 1024, maxDownloadBytes: Int64 = 512 * 1024 * 1024,
        maxRedirects: Int = 5, perHost: Int = 4
    ) -> HTTPClient {
        let configuration = HTTPClient.Configuration(
            timeout: timeout,
            retry: .init(maxAttempts: maxAttempts, baseDelay: .milliseconds(5), maxDelay: .milliseconds(20)),
            maxDownloadBytes: maxDownloadBytes, maxInMemoryBytes: maxInMemoryBytes,
            maxRedirects: maxRedirects, maxConcurrentRequestsPerHost: perHost)
        var logger = Logger(label: "katalog.test.http")
        logger.logLevel = .critical
        return HTTPClient(configuration: configuration, logger: logger)
    }

    /// Polls `condition` every 10 ms until it holds or `timeout` passes; returns whether it held.
    static func eventually(within timeout: Duration = .seconds(30), _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    /// A fresh empty directory under the system temporary directory; remove it with ``removeDirectory(_:)``.
    static func makeTemporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("katalog-http-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Removes a directory made by ``makeTemporaryDirectory()``.
    static func removeDirectory(_ directory: URL) {
        try? FileManager.default.removeItem(at: directory)
    }

    /// `count` deterministic, poorly compressible bytes.
    static func patternBytes(_ count: Int) -> Data {
        var state: UInt32 = 0x1234_5678
        return Data((0..<count).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        })
    }

    /// `"Katalog gzip line 0\n"` … `"Katalog gzip line 99\n"` (2,090 bytes), gzip-compressed by Python's
    /// `gzip.compress(data, mtime=0)`; ``gzipPlainText`` is the expected decoded text.
    static let gzipBody: Data = {
        let hex = """
            1f8b08000000000002036dd5b16d03300c00c1de53788448142572064fe122300c184e8a54993e03e4daaf749044deee3ff7d7d7\
            e3faf87d7e5f5fcff7e7f5e372fbd706da440bb48596681beda0155aebcc8448324419b20c618634439c21cf10684834259abc1b\
            89a64453a229d194684a34259a1285442151f0b94914128544215148141285444ba225d19268f10749b4245a122d8996444ba294\
            28254a8952a2e4509028254a8952a294684bb425da126d89b6449b734ea22dd196684b74243a121d898e4447a223d1e1e896e848\
            74242a894aa292a8242a894aa292a8b88d242a895aa296a8256a895aa296a8256a899a0bb62f7f76b0e32a2a080000
            """
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return Data(bytes)
    }()

    /// The decoded text of ``gzipBody``.
    static let gzipPlainText = (0..<100).map { "Katalog gzip line \($0)\n" }.joined()
}

/// A TCP port on 127.0.0.1 that is bound but never listens: connecting to it is refused, and no other test can
/// take the port while this is alive (a port freed by stopping a server could be reused by a test running
/// beside it, whose server would then answer).
final class RefusingPort {
    let port: Int
    private let descriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestHTTPServer.StartError(description: "socket: \(TestHTTPServer.lastError())") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        var actual = sockaddr_in()
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard bound == 0, named == 0 else {
            let reason = TestHTTPServer.lastError()
            close(descriptor)
            throw TestHTTPServer.StartError(description: "bind on 127.0.0.1: \(reason)")
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: actual.sin_port))
    }

    deinit {
        close(descriptor)
    }
}
