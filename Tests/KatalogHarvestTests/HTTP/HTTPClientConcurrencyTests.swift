import Foundation
import KatalogHarvest
import Testing

@Suite("HTTPClient: per-host limit and cancellation")
struct HTTPClientConcurrencyTests {
    /// Sends `count` concurrent requests through a client limited to `perHost`; returns the server's peak concurrency.
    private func peakConcurrency(perHost: Int, count: Int) async throws -> Int {
        try await withTestServer({ _ in .delayed(.milliseconds(500), then: .text("ok")) }) { server in
            let client = HTTPTestSupport.client(perHost: perHost)
            try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<count {
                    group.addTask { try await client.get(HTTPRequest(url: server.url("/r\(index)"))).status }
                }
                for try await status in group { #expect(status == 200) }
            }
            #expect(server.requests.count == count)
            return server.maxConcurrentRequests
        }
    }

    @Test("with a per-host limit of 2, six concurrent requests never overlap more than 2 at the server")
    func perHostLimit() async throws {
        #expect(try await peakConcurrency(perHost: 2, count: 6) == 2)
    }

    @Test("the server does see more overlap when the limit allows it (the measurement works)")
    func perHostLimitControl() async throws {
        #expect(try await peakConcurrency(perHost: 6, count: 6) > 2)
    }

    @Test("cancelling the task stops a slow download promptly and removes the partial file")
    func cancellation() async throws {
        let directory = try HTTPTestSupport.makeTemporaryDirectory()
        defer { HTTPTestSupport.removeDirectory(directory) }
        let file = directory.appendingPathComponent("slow.bin")
        // The whole body would take 100 s, so an end well before that is the cancellation's doing. The margins are
        // wide because the suite runs hundreds of tests at once on two cores (and CI machines are slower still).
        let chunks = Array(repeating: Data(repeating: 0x45, count: 2048), count: 2000)
        try await withTestServer({ _ in .slow(status: 200, headers: [:], chunks: chunks, interval: .milliseconds(50)) }) { server in
            let client = HTTPTestSupport.client(maxAttempts: 1, timeout: .init(connect: .seconds(30), total: .seconds(300)))
            let task = Task { try await client.download(HTTPRequest(url: server.url("/slow")), to: file) }
            let started = await HTTPTestSupport.eventually(within: .seconds(60)) {
                let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
                return entries.contains { name in
                    let size = (try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)[.size]) as? Int
                    return (size ?? 0) > 0
                }
            }
            #expect(started, "the download never started writing")
            let cancelledAt = ContinuousClock.now
            task.cancel()
            let result = await task.result
            #expect(ContinuousClock.now - cancelledAt < .seconds(30))
            #expect(throws: FetchError.self) { try result.get() }
            if case .failure(let error as FetchError) = result { #expect(error.code == .cancelled) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test("a task cancelled before the request starts does no I/O")
    func cancelledBeforeStart() async throws {
        try await withTestServer({ _ in .text("ok") }) { server in
            let client = HTTPTestSupport.client()
            let url = server.url("/never")
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await client.get(HTTPRequest(url: url))
            }
            let result = await task.result
            if case .failure(let error as FetchError) = result {
                #expect(error.code == .cancelled)
            } else {
                Issue.record("expected a cancelled FetchError, got \(result)")
            }
            #expect(server.requests.isEmpty)
        }
    }
}
