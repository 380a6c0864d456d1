import Dispatch
import Foundation
import KatalogHarvest
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on raw POSIX sockets for tests: listens on 127.0.0.1 with an ephemeral port, answers
/// each connection on its own thread with whatever the scripted handler returns (including faults such as resets,
/// truncated and slow bodies), and records every request.
///
/// Each connection serves one request and is closed (`Connection: close`). Use ``withTestServer(_:_:)`` so the
/// server is always stopped.
///
///     try await withTestServer { request in .text("hello") } _: { server in
///         let response = try await client.get(HTTPRequest(url: server.url("/hello")))
///     }
final class TestHTTPServer: Sendable {
    /// Decides the answer to each request; called on the connection's thread.
    typealias Handler = @Sendable (TestRequest) -> TestResponse

    /// A failure to set up the listening socket.
    struct StartError: Error, CustomStringConvertible {
        /// What failed, with the system's reason.
        var description: String
    }

    private struct State {
        var listenDescriptor: Int32 = -1
        var port = 0
        var started = false
        var requests: [TestRequest] = []
        var inFlight = 0
        var maxInFlight = 0
    }

    private let handler: Handler
    private let state = Mutex(State())
    private let stopping = Atomic<Bool>(false)
    private let threads = DispatchGroup()

    /// Creates a stopped server; call ``start()``.
    init(handler: @escaping Handler) {
        self.handler = handler
    }

    deinit {
        stop()
    }

    /// The ephemeral port the server listens on (0 before ``start()``).
    var port: Int { state.withLock { $0.port } }

    /// `http://127.0.0.1:PORT`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// An absolute URL on this server for `path` (which starts with `/`).
    func url(_ path: String) -> String { baseURL + path }

    /// Every request received so far, in arrival order.
    var requests: [TestRequest] { state.withLock { $0.requests } }

    /// The most requests that were being handled at the same moment (received, answer not yet started).
    var maxConcurrentRequests: Int { state.withLock { $0.maxInFlight } }

    /// Binds 127.0.0.1:0, listens, and starts the accept thread.
    func start() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw StartError(description: "socket: \(Self.lastError())") }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            let reason = Self.lastError()
            close(descriptor)
            throw StartError(description: "bind/listen on 127.0.0.1: \(reason)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else {
            let reason = Self.lastError()
            close(descriptor)
            throw StartError(description: "getsockname: \(reason)")
        }
        state.withLock {
            $0.listenDescriptor = descriptor
            $0.port = Int(UInt16(bigEndian: actual.sin_port))
            $0.started = true
        }
        threads.enter()
        let thread = Thread { [self] in
            acceptLoop(descriptor)
            threads.leave()
        }
        thread.name = "test-http-accept"
        thread.start()
    }

    /// Stops accepting, aborts slow answers, closes the listening socket and waits for every server thread to end.
    func stop() {
        let wasStarted = state.withLock { state -> Bool in
            defer { state.started = false }
            return state.started
        }
        guard wasStarted else { return }
        stopping.store(true, ordering: .sequentiallyConsistent)
        threads.wait()
    }

    /// Whether ``stop()`` has begun; slow answers check it between pieces.
    var isStopping: Bool { stopping.load(ordering: .sequentiallyConsistent) }

    private func acceptLoop(_ listener: Int32) {
        defer { close(listener) }
        while !isStopping {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 20)
            guard ready > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            threads.enter()
            let thread = Thread { [self] in
                serve(connection)
                threads.leave()
            }
            thread.name = "test-http-connection"
            thread.start()
        }
    }

    /// Records a request and marks it in flight; returns it with its sequence number.
    func record(_ request: TestRequest) -> TestRequest {
        state.withLock { state in
            var request = request
            request.sequence = state.requests.count
            state.requests.append(request)
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
            return request
        }
    }

    /// Marks a recorded request as answered (called just before its answer is written).
    func finishedHandling() {
        state.withLock { $0.inFlight -= 1 }
    }

    /// The scripted handler.
    func respond(to request: TestRequest) -> TestResponse { handler(request) }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

/// Runs `body` with a started server and always stops it afterwards.
func withTestServer<T>(
    _ handler: @escaping TestHTTPServer.Handler,
    _ body: (TestHTTPServer) async throws -> T,
    isolation: isolated (any Actor)? = #isolation
) async throws -> T {
    let server = TestHTTPServer(handler: handler)
    try server.start()
    defer { server.stop() }
    return try await body(server)
}
