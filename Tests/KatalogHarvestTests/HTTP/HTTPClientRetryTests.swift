import Foundation
import KatalogHarvest
import Logging
import Testing

@Suite("HTTPClient: retries, faults, timeouts")
struct HTTPClientRetryTests {
    @Test("500, 500, 200 succeeds on the third attempt")
    func retriesServerErrors() async throws {
        try await withTestServer({ request in request.sequence < 2 ? .text("boom", status: 500) : .text("ok") }) { server in
            let response = try await HTTPTestSupport.client().get(HTTPRequest(url: server.url("/flaky")))
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "ok")
            #expect(server.requests.count == 3)
        }
    }

    @Test("503 with Retry-After: 1 waits a second before the next attempt")
    func honoursRetryAfter() async throws {
        try await withTestServer({ request in
            request.sequence == 0 ? .status(503, headers: ["Retry-After": "1"]) : .text("ok")
        }) { server in
            let (logger, log) = RecordingLogHandler.logger()
            let start = ContinuousClock.now
            let response = try await HTTPTestSupport.client().get(HTTPRequest(url: server.url("/busy")), logger: logger)
            let elapsed = ContinuousClock.now - start
            #expect(response.status == 200)
            #expect(server.requests.count == 2)
            // The test client's own backoff is at most 20 ms, so a wait of a second is the header's.
            #expect(elapsed >= .milliseconds(950))
            // What the client decided, rather than a wall-clock ceiling that a loaded machine can overrun.
            let waits = log.all.filter { $0.message == "HTTP attempt failed; retrying" }.map { $0.metadata["http.retry_in_ms"]?.description }
            #expect(waits == ["1000"])
        }
    }

    @Test("429 is retried")
    func retries429() async throws {
        try await withTestServer({ request in request.sequence == 0 ? .text("slow down", status: 429) : .text("ok") }) { server in
            let response = try await HTTPTestSupport.client().get(HTTPRequest(url: server.url("/limited")))
            #expect(response.status == 200)
            #expect(server.requests.count == 2)
        }
    }

    @Test("404 is not retried and carries status, URL and a body excerpt")
    func noRetryOn404() async throws {
        try await withTestServer({ _ in .text("no such dataset here", status: 404) }) { server in
            let url = server.url("/missing")
            let error = await #expect(throws: FetchError.self) { try await HTTPTestSupport.client().get(HTTPRequest(url: url)) }
            #expect(error?.code == .httpStatus)
            #expect(error?.status == 404)
            #expect(error?.attempts == 1)
            #expect(error?.url == url)
            #expect(error?.bodyExcerpt == "no such dataset here")
            #expect(error?.description.contains(url) == true)
            #expect(server.requests.count == 1)
        }
    }

    @Test("persistent 500 fails with httpStatus after all attempts")
    func exhaustedRetries() async throws {
        try await withTestServer({ _ in .text("down", status: 500) }) { server in
            let error = await #expect(throws: FetchError.self) {
                try await HTTPTestSupport.client(maxAttempts: 3).get(HTTPRequest(url: server.url("/down")))
            }
            #expect(error?.code == .httpStatus)
            #expect(error?.status == 500)
            #expect(error?.attempts == 3)
            #expect(server.requests.count == 3)
        }
    }

    @Test("a reset connection is retried, then reported as connectionFailed")
    func connectionReset() async throws {
        try await withTestServer({ _ in .reset }) { server in
            let error = await #expect(throws: FetchError.self) {
                try await HTTPTestSupport.client(maxAttempts: 3).get(HTTPRequest(url: server.url("/reset")))
            }
            #expect(error?.code == .connectionFailed)
            #expect(error?.attempts == 3)
            #expect(error?.transportDetail != nil)
            #expect(server.requests.count == 3)
        }
    }

    @Test("a refused connection is connectionFailed")
    func connectionRefused() async throws {
        let refusing = try RefusingPort()
        let url = "http://127.0.0.1:\(refusing.port)/gone"
        let error = await #expect(throws: FetchError.self) {
            try await HTTPTestSupport.client(maxAttempts: 1).get(HTTPRequest(url: url))
        }
        #expect(error?.code == .connectionFailed)
        withExtendedLifetime(refusing) {}
    }

    @Test("a body slower than the total timeout fails with timeout")
    func totalTimeout() async throws {
        // The whole body would take 60 s; a 1 s total timeout must end the transfer long before (the margin allows
        // for a machine loaded by the rest of the suite).
        let chunks = Array(repeating: Data(repeating: 0x41, count: 4096), count: 600)
        try await withTestServer({ _ in .slow(status: 200, headers: [:], chunks: chunks, interval: .milliseconds(100)) }) { server in
            let client = HTTPTestSupport.client(maxAttempts: 1, timeout: .init(connect: .seconds(5), total: .seconds(1)))
            let start = ContinuousClock.now
            let error = await #expect(throws: FetchError.self) { try await client.get(HTTPRequest(url: server.url("/slow"))) }
            #expect(error?.code == .timeout)
            #expect(ContinuousClock.now - start < .seconds(30))
        }
    }

    @Test("a trickling body below the low-speed limit fails with timeout")
    func lowSpeedTimeout() async throws {
        let chunks = Array(repeating: Data(repeating: 0x42, count: 10), count: 600)
        try await withTestServer({ _ in .slow(status: 200, headers: [:], chunks: chunks, interval: .milliseconds(100)) }) { server in
            let timeout = HTTPClient.Configuration.Timeout(
                connect: .seconds(5), total: .seconds(20), lowSpeedLimit: 1024, lowSpeedTime: .seconds(1))
            let client = HTTPTestSupport.client(maxAttempts: 1, timeout: timeout)
            let start = ContinuousClock.now
            let error = await #expect(throws: FetchError.self) { try await client.get(HTTPRequest(url: server.url("/trickle"))) }
            #expect(error?.code == .timeout)
            #expect(ContinuousClock.now - start < .seconds(30), "the whole trickle would take 60 s")
        }
    }

    @Test("a body shorter than its Content-Length is truncated, and retried")
    func truncatedBody() async throws {
        try await withTestServer({ _ in
            .truncated(status: 200, headers: [:], declaredLength: 10_000, body: Data(repeating: 0x43, count: 1000))
        }) { server in
            let error = await #expect(throws: FetchError.self) {
                try await HTTPTestSupport.client(maxAttempts: 2).get(HTTPRequest(url: server.url("/cut")))
            }
            #expect(error?.code == .truncated)
            #expect(error?.attempts == 2)
            #expect(server.requests.count == 2)
        }
    }

    @Test("a truncated download leaves no partial file")
    func truncatedDownload() async throws {
        let directory = try HTTPTestSupport.makeTemporaryDirectory()
        defer { HTTPTestSupport.removeDirectory(directory) }
        try await withTestServer({ _ in
            .truncated(status: 200, headers: [:], declaredLength: 100_000, body: Data(repeating: 0x44, count: 50_000))
        }) { server in
            let error = await #expect(throws: FetchError.self) {
                try await HTTPTestSupport.client(maxAttempts: 1).download(
                    HTTPRequest(url: server.url("/cut")), to: directory.appendingPathComponent("cut.bin"))
            }
            #expect(error?.code == .truncated)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
