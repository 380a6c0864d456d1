import CZlib
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
@testable import KatalogHub

/// gzip for clients that ask for it, `Vary: Accept-Encoding`, tags that stay usable, and HEAD answered as GET is.
struct CompressionTests {
    @Test(arguments: [
        (nil, false), ("", false), ("gzip", true), ("GZIP", true), ("x-gzip", true), ("deflate, gzip;q=0.5", true),
        ("gzip;q=0", false), ("gzip; q=0.000", false), ("*", true), ("*;q=0", false), ("gzip;q=0, *", false),
        ("identity", false), ("br", false), ("br, *;q=0.1", true), ("gzip;q=1.0, identity;q=0.5", true),
    ] as [(String?, Bool)])
    func acceptEncodingIsRead(header: String?, accepts: Bool) {
        #expect(ResponseCompression.acceptsGzip(header) == accepts)
    }

    @Test func textTypesAreCompressibleAndOthersAreNot() {
        for type in ["application/json; charset=utf-8", "application/problem+json", "text/html; charset=utf-8", "text/turtle",
                     "application/rdf+xml", "application/ld+json", "application/n-triples", "text/plain; version=0.0.4",
                     "application/xml", "TEXT/CSV"] {
            #expect(ResponseCompression.isCompressible(type), "\(type)")
        }
        for type in [nil, "image/png", "application/octet-stream", "application/gzip", "application/zip"] as [String?] {
            #expect(!ResponseCompression.isCompressible(type), "\(type ?? "none")")
        }
    }

    @Test func varyGainsAcceptEncodingOnce() {
        var headers: HTTPFields = [:]
        ResponseCompression.addVary(&headers)
        #expect(headers[.vary] == "Accept-Encoding")
        headers[.vary] = "Accept-Language, Accept"
        ResponseCompression.addVary(&headers)
        ResponseCompression.addVary(&headers)
        #expect(headers[.vary] == "Accept-Language, Accept, Accept-Encoding")
        headers[.vary] = "*"
        ResponseCompression.addVary(&headers)
        #expect(headers[.vary] == "*")
    }

    @Test func anExportPageIsSentCompressedWithTheSameContentAndAWeakTag() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            let plain = try await client.execute(uri: "/catalog.ttl", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentEncoding] == nil)
                #expect(response.headers[.vary] == "Accept-Encoding", "the answer depends on Accept-Encoding either way")
                return (tag: try #require(response.headers[.eTag]), body: Data(response.body.readableBytesView))
            }
            #expect(plain.body.count >= ResponseCompression.minimumSize)
            #expect(plain.tag.hasPrefix("\""))
            let gzip: HTTPFields = [.acceptEncoding: "gzip, deflate"]
            let compressed = try await client.execute(uri: "/catalog.ttl", method: .get, headers: gzip) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentEncoding] == "gzip")
                #expect(response.headers[.vary] == "Accept-Encoding")
                #expect(response.headers[.contentLength] == String(response.body.readableBytes))
                #expect(response.headers[.eTag] == "W/" + plain.tag)
                return Data(response.body.readableBytesView)
            }
            #expect(compressed.count < plain.body.count / 2)
            #expect(try CompressionTests.gunzip(compressed) == plain.body)

            // Either form of the tag is the same content: a 304 whatever the client stored.
            for tag in [plain.tag, "W/" + plain.tag] {
                try await client.execute(uri: "/catalog.ttl", method: .get, headers: [.acceptEncoding: "gzip", .ifNoneMatch: tag]) { response in
                    #expect(response.status == .notModified)
                    #expect(response.headers[.eTag] == "W/" + plain.tag)
                }
                try await client.execute(uri: "/catalog.ttl", method: .get, headers: [.ifNoneMatch: tag]) { response in
                    #expect(response.status == .notModified)
                    #expect(response.headers[.eTag] == plain.tag)
                }
            }
            // Refused by q=0: sent as it is.
            try await client.execute(uri: "/catalog.ttl", method: .get, headers: [.acceptEncoding: "gzip;q=0, identity"]) { response in
                #expect(response.headers[.contentEncoding] == nil)
                #expect(Data(response.body.readableBytesView) == plain.body)
            }
        }
    }

    @Test func headIsAnsweredWithTheHeadersOfGetAndNoBody() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            for encoding in ["gzip", "identity"] {
                let get = try await client.execute(uri: "/health", method: .get, headers: [.acceptEncoding: encoding]) { response in
                    (response.status, response.headers[.contentEncoding], response.headers[.contentLength], response.body.readableBytes)
                }
                #expect(get.0 == .ok)
                #expect(get.2 == String(get.3))
                try await client.execute(uri: "/health", method: .head, headers: [.acceptEncoding: encoding]) { response in
                    #expect(response.status == .ok, "\(encoding)")
                    #expect(response.body.readableBytes == 0)
                    #expect(response.headers[.contentEncoding] == get.1)
                    #expect(response.headers[.contentLength] == get.2, "the length the GET sends")
                }
            }
            try await client.execute(uri: "/datasets/nothing-here", method: .head) { response in
                #expect(response.status == .notFound)
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test func smallAnswersAndPagesKeepTheirOwnVary() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            // A problem document of a hundred bytes: not worth compressing, but its form still depends on the header.
            try await client.execute(uri: "/api/v1/search?limit=0", method: .get, headers: [.acceptEncoding: "gzip"]) { response in
                #expect(response.status == .badRequest)
                #expect(response.body.readableBytes < ResponseCompression.minimumSize)
                #expect(response.headers[.contentEncoding] == nil)
                #expect(response.headers[.vary] == "Accept-Encoding")
            }
            try await client.execute(uri: "/?q=luftkvalitet", method: .get, headers: [.acceptEncoding: "gzip"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentEncoding] == "gzip")
                #expect(response.headers[.vary] == "Accept-Language, Accept-Encoding")
                let html = String(decoding: try CompressionTests.gunzip(Data(response.body.readableBytesView)), as: UTF8.self)
                #expect(html.contains("Malmö") && html.hasSuffix("</html>"), "the whole page")
            }
        }
    }

    @Test func turnedOffEverythingIsSentAsItIs() async throws {
        let store = try await HubTestCatalogue.makeStore()
        let app = Hub.application(store: store, configuration: .init(host: "127.0.0.1", port: 0, compression: false),
                                  logger: Logger(label: "test"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/catalog.ttl", method: .get, headers: [.acceptEncoding: "gzip"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentEncoding] == nil)
                #expect(response.headers[.vary] == nil)
                #expect(String(buffer: response.body).contains("dcat:Catalog"))
            }
        }
    }

    @Test func largeAndSmallBodiesRoundTrip() throws {
        // Both window sizes: under and over 64 KiB.
        for size in [1500, 70_000, 600_000] {
            var text = ""
            var n = 0
            while text.utf8.count < size {
                text += "<https://data.example.se/dataset/\(n % 997)> dct:title \"Mätning \(n * 7919 % 100_003)\"@sv .\n"
                n += 1
            }
            let plain = ByteBuffer(string: text)
            let compressed = try #require(Gzip.compress(plain))
            #expect(compressed.readableBytes < plain.readableBytes / 3, "\(size)")
            #expect(try CompressionTests.gunzip(Data(compressed.readableBytesView)) == Data(plain.readableBytesView))
        }
    }

    @Test func splicedBodiesInflateToHeadMiddleAndTail() throws {
        let head = Data(#"{"facets":{},"query_time_ms":"#.utf8)
        var tailText = ""
        for n in 0..<400 { tailText += #","hit\#(n)":{"title":"Luftkvalitet i Malmö \#(n % 7)","id":"\#(n * 7919)"}"# }
        for (headPart, tail) in [(head, Data((tailText + "}").utf8)), (Data(), Data("}".utf8)),
                                 (Data(String(repeating: "å", count: 50_000).utf8), Data(String(repeating: "x", count: 90_000).utf8))] {
            let spliced = try #require(SplicedGzip(head: headPart, tail: tail))
            for middle in ["0.012", "", "123456.789", String(repeating: "9", count: 300)] {
                let body = spliced.body(middle: Data(middle.utf8))
                #expect(try CompressionTests.gunzip(body) == headPart + Data(middle.utf8) + tail, "\(headPart.count) \(middle)")
            }
        }
    }

    @Test func aRepeatedSearchIsSentFromItsKeptCompressedForm() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            // Enough hits' text for the 1 KiB threshold.
            let uri = "/api/v1/search?lang=sv&limit=10"
            let plain = try await client.execute(uri: uri, method: .get) { try SearchAPITests.json($0) }
            for _ in 0..<3 {
                try await client.execute(uri: uri, method: .get, headers: [.acceptEncoding: "gzip"]) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentEncoding] == "gzip")
                    #expect(response.headers[.vary] == "Accept-Encoding")
                    #expect(response.headers[.eTag]?.hasPrefix("W/") == true)
                    let inflated = try CompressionTests.gunzip(Data(response.body.readableBytesView))
                    var document = try #require(try JSONSerialization.jsonObject(with: inflated) as? [String: Any])
                    #expect(document["query_time_ms"] is Double)
                    document["query_time_ms"] = plain["query_time_ms"]
                    #expect(NSDictionary(dictionary: document).isEqual(to: plain))
                }
            }
            // HEAD of the kept search: the compressed length, no body.
            try await client.execute(uri: uri, method: .head, headers: [.acceptEncoding: "gzip"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentEncoding] == "gzip")
                #expect(response.body.readableBytes == 0)
                let length = try #require(response.headers[.contentLength].flatMap { Int($0) })
                #expect(length > 0 && length < 1024, "compressed, not the plain length")
            }
        }
    }

    /// The content of a gzip member, inflated by zlib.
    static func gunzip(_ data: Data) throws -> Data {
        var stream = z_stream()
        try #require(inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status: Int32 = Z_OK
        var input = [UInt8](data)
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    output.append(out.baseAddress!, count: out.count - Int(stream.avail_out))
                }
            } while status == Z_OK
        }
        try #require(status == Z_STREAM_END, "zlib: \(status)")
        try #require(stream.avail_in == 0, "bytes after the gzip member")
        return output
    }
}
