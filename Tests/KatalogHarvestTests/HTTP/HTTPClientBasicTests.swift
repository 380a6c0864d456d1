import Foundation
import KatalogHarvest
import Testing

@Suite("HTTPClient: bodies, compression, caps, conditional GET")
struct HTTPClientBasicTests {
    @Test("200 with a body, headers and the Katalog User-Agent")
    func plainGet() async throws {
        try await withTestServer({ _ in
            .full(status: 200, headers: ["Content-Type": "text/csv", "ETag": "\"abc\"", "Last-Modified": "Mon, 02 Nov 2026 10:00:00 GMT"],
                  body: Data("a,b\n1,2\n".utf8))
        }) { server in
            let response = try await HTTPTestSupport.client().get(HTTPRequest(url: server.url("/data.csv?x=1"), accept: "text/csv"))
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "a,b\n1,2\n")
            #expect(response.head.contentType == "text/csv")
            #expect(response.head.headers["content-type"] == "text/csv")
            #expect(response.head.etag == "\"abc\"")
            #expect(response.head.lastModified == "Mon, 02 Nov 2026 10:00:00 GMT")
            #expect(response.head.bytesReceived == 8)
            #expect(response.head.finalURL == server.url("/data.csv?x=1"))
            let seen = try #require(server.requests.first)
            #expect(seen.method == "GET")
            #expect(seen.path == "/data.csv")
            #expect(seen.query == "x=1")
            #expect(seen.header("Accept") == "text/csv")
            #expect(seen.header("User-Agent")?.contains("Katalog") == true)
            #expect(seen.header("Accept-Encoding")?.contains("gzip") == true)
        }
    }

    @Test("a gzip body is decoded transparently")
    func gzipBody() async throws {
        try await withTestServer({ _ in
            .full(status: 200, headers: ["Content-Encoding": "gzip", "Content-Type": "text/plain"], body: HTTPTestSupport.gzipBody)
        }) { server in
            let response = try await HTTPTestSupport.client().get(HTTPRequest(url: server.url("/z")))
            #expect(String(decoding: response.body, as: UTF8.self) == HTTPTestSupport.gzipPlainText)
            #expect(response.head.bytesReceived == Int64(HTTPTestSupport.gzipPlainText.utf8.count))
        }
    }

    @Test("download streams a multi-MB body to a file")
    func downloadLargeBody() async throws {
        let body = HTTPTestSupport.patternBytes(6 * 1024 * 1024 + 123)
        let directory = try HTTPTestSupport.makeTemporaryDirectory()
        defer { HTTPTestSupport.removeDirectory(directory) }
        let file = directory.appendingPathComponent("dump.bin")
        try await withTestServer({ _ in .full(status: 200, headers: ["Content-Type": "application/octet-stream"], body: body) }) { server in
            let head = try await HTTPTestSupport.client().download(HTTPRequest(url: server.url("/dump")), to: file)
            #expect(head.status == 200)
            #expect(head.bytesReceived == Int64(body.count))
            #expect(try Data(contentsOf: file) == body)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["dump.bin"])
        }
    }

    @Test("an announced body over the in-memory cap fails with tooLarge")
    func announcedTooLargeInMemory() async throws {
        try await withTestServer({ _ in .full(status: 200, headers: [:], body: HTTPTestSupport.patternBytes(5000)) }) { server in
            let client = HTTPTestSupport.client(maxInMemoryBytes: 1000)
            let error = await #expect(throws: FetchError.self) { try await client.get(HTTPRequest(url: server.url("/big"))) }
            #expect(error?.code == .tooLarge)
            #expect(error?.attempts == 1)
        }
    }

    @Test("a decoded body over the cap fails with tooLarge even when the compressed size fits")
    func decodedTooLarge() async throws {
        try await withTestServer({ _ in .full(status: 200, headers: ["Content-Encoding": "gzip"], body: HTTPTestSupport.gzipBody) }) { server in
            let client = HTTPTestSupport.client(maxInMemoryBytes: 1000)
            let error = await #expect(throws: FetchError.self) { try await client.get(HTTPRequest(url: server.url("/bomb"))) }
            #expect(error?.code == .tooLarge)
        }
    }

    @Test("a download over the cap fails with tooLarge and leaves no file")
    func downloadTooLarge() async throws {
        let directory = try HTTPTestSupport.makeTemporaryDirectory()
        defer { HTTPTestSupport.removeDirectory(directory) }
        let file = directory.appendingPathComponent("big.bin")
        try await withTestServer({ _ in
            .slow(status: 200, headers: [:], chunks: Array(repeating: HTTPTestSupport.patternBytes(64 * 1024), count: 8), interval: .zero)
        }) { server in
            let client = HTTPTestSupport.client(maxDownloadBytes: 100 * 1024)
            let error = await #expect(throws: FetchError.self) { try await client.download(HTTPRequest(url: server.url("/big")), to: file) }
            #expect(error?.code == .tooLarge)
            // The per-request cap overrides the client's: the same body fits under 1 MiB.
            let head = try await client.download(HTTPRequest(url: server.url("/big"), maxBytes: 1024 * 1024), to: file)
            #expect(head.bytesReceived == 8 * 64 * 1024)
        }
        let failedFile = directory.appendingPathComponent("failed.bin")
        try await withTestServer({ _ in .full(status: 200, headers: [:], body: HTTPTestSupport.patternBytes(300 * 1024)) }) { server in
            let client = HTTPTestSupport.client(maxDownloadBytes: 100 * 1024)
            let error = await #expect(throws: FetchError.self) { try await client.download(HTTPRequest(url: server.url("/big")), to: failedFile) }
            #expect(error?.code == .tooLarge)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["big.bin"])
    }

    @Test("If-None-Match is sent and a 304 comes back as a normal answer")
    func conditionalGet() async throws {
        try await withTestServer({ request in
            request.header("If-None-Match") == "\"v1\""
                ? .status(304, headers: ["ETag": "\"v1\""])
                : .full(status: 200, headers: ["ETag": "\"v1\""], body: Data("fresh".utf8))
        }) { server in
            let client = HTTPTestSupport.client()
            let first = try await client.get(HTTPRequest(url: server.url("/c")))
            #expect(first.status == 200)
            let etag = try #require(first.head.etag)
            let second = try await client.get(HTTPRequest(url: server.url("/c"), ifNoneMatch: etag, ifModifiedSince: "Mon, 02 Nov 2026 10:00:00 GMT"))
            #expect(second.status == 304)
            #expect(second.head.isNotModified)
            #expect(second.body.isEmpty)
            #expect(server.requests.last?.header("If-Modified-Since") == "Mon, 02 Nov 2026 10:00:00 GMT")
        }
    }

    @Test("a 304 download leaves the existing file untouched")
    func conditionalDownloadKeepsFile() async throws {
        let directory = try HTTPTestSupport.makeTemporaryDirectory()
        defer { HTTPTestSupport.removeDirectory(directory) }
        let file = directory.appendingPathComponent("cached.rdf")
        try Data("cached copy".utf8).write(to: file)
        try await withTestServer({ _ in .status(304) }) { server in
            let head = try await HTTPTestSupport.client().download(HTTPRequest(url: server.url("/c"), ifNoneMatch: "\"v1\""), to: file)
            #expect(head.isNotModified)
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "cached copy")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["cached.rdf"])
    }

    @Test("bad URLs and headers are rejected before any I/O", arguments: [
        ("file:///etc/passwd", FetchError.Code.forbiddenScheme),
        ("ftp://127.0.0.1/x", .forbiddenScheme),
        ("not a url", .invalidURL),
        ("http:///nohost", .invalidURL),
        ("", .invalidURL),
    ])
    func rejectedURL(url: String, code: FetchError.Code) async throws {
        let error = await #expect(throws: FetchError.self) { try await HTTPTestSupport.client().get(HTTPRequest(url: url)) }
        #expect(error?.code == code)
        #expect(error?.attempts == 0)
    }

    @Test("a header value with a line break is rejected")
    func headerInjection() async throws {
        let request = HTTPRequest(url: "http://127.0.0.1:9/x", headers: ["X-Evil": "a\r\nHost: other"])
        let error = await #expect(throws: FetchError.self) { try await HTTPTestSupport.client().get(request) }
        #expect(error?.code == .invalidRequest)
    }
}
