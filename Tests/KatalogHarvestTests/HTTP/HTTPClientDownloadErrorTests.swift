import Foundation
import KatalogHarvest
import Testing

@Suite("HTTPClient: download failures leave nothing behind")
struct HTTPClientDownloadErrorTests {
    @Test("a 404 download throws httpStatus with an excerpt and writes no file")
    func notFoundDownload() async throws {
        let directory = try HTTPTestSupport.makeTemporaryDirectory()
        defer { HTTPTestSupport.removeDirectory(directory) }
        try await withTestServer({ _ in .text("<html>gone</html>", status: 404, contentType: "text/html") }) { server in
            let error = await #expect(throws: FetchError.self) {
                try await HTTPTestSupport.client().download(
                    HTTPRequest(url: server.url("/gone.rdf")), to: directory.appendingPathComponent("gone.rdf"))
            }
            #expect(error?.code == .httpStatus)
            #expect(error?.status == 404)
            #expect(error?.bodyExcerpt == "<html>gone</html>")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test("a download whose decoded body passes the cap mid-stream fails with tooLarge and writes no file")
    func decodedTooLargeDownload() async throws {
        let directory = try HTTPTestSupport.makeTemporaryDirectory()
        defer { HTTPTestSupport.removeDirectory(directory) }
        try await withTestServer({ _ in .full(status: 200, headers: ["Content-Encoding": "gzip"], body: HTTPTestSupport.gzipBody) }) { server in
            let error = await #expect(throws: FetchError.self) {
                try await HTTPTestSupport.client(maxDownloadBytes: 1000).download(
                    HTTPRequest(url: server.url("/bomb.gz")), to: directory.appendingPathComponent("bomb"))
            }
            #expect(error?.code == .tooLarge)
            #expect(error?.attempts == 1)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test("a destination in a missing directory fails with localFile")
    func missingDirectory() async throws {
        try await withTestServer({ _ in .text("data") }) { server in
            let target = URL(fileURLWithPath: "/nonexistent-katalog-dir-\(UUID().uuidString)/file.bin")
            let error = await #expect(throws: FetchError.self) {
                try await HTTPTestSupport.client().download(HTTPRequest(url: server.url("/x")), to: target)
            }
            #expect(error?.code == .localFile)
        }
    }
}
