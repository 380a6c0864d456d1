import Foundation
import Hummingbird
import HummingbirdTesting
import KatalogStore
import NIOCore
import NIOPosix
import Testing

/// Requests the HTTP parser refuses never reach the router; they must still be answered with a problem document.
@Suite struct MalformedRequestTests {
    /// Sends `bytes` on a new connection to 127.0.0.1:`port` and returns everything read until the server closes it.
    static func exchange(port: Int, _ bytes: [UInt8]) async throws -> String {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    // The server may close before it has read everything sent; what it answered is what counts.
                    try? await outbound.write(ByteBuffer(bytes: bytes))
                    var received = ByteBuffer()
                    do {
                        for try await var chunk in inbound { received.writeBuffer(&chunk) }
                    } catch {}
                    return String(buffer: received)
                }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(20))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            guard let first else {
                try? await channel.channel.close()
                throw CancellationError()
            }
            return first
        }
    }

    /// The status codes and problem bodies of every answer in `text`, in order.
    static func answers(_ text: String) -> [(status: Int, contentType: String?, body: String)] {
        var result: [(Int, String?, String)] = []
        var rest = Substring(text)
        while let start = rest.range(of: "HTTP/1.1 ") {
            rest = rest[start.upperBound...]
            let status = Int(rest.prefix(3)) ?? 0
            guard let headEnd = rest.range(of: "\r\n\r\n") else { break }
            let head = rest[..<headEnd.lowerBound].lowercased()
            let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            let contentType = head.split(separator: "\r\n").first { $0.hasPrefix("content-type:") }
                .map { $0.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces) }
            let bodyStart = headEnd.upperBound
            let bodyEnd = rest.utf8.index(bodyStart, offsetBy: length, limitedBy: rest.utf8.endIndex) ?? rest.endIndex
            result.append((status, contentType, String(rest[bodyStart..<bodyEnd])))
            rest = rest[bodyEnd...]
        }
        return result
    }

    static func problem(_ body: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    @Test func anOverlongQueryIsAnswered431WithAProblem() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.live) { client in
            let port = try #require(client.port)
            let request = "GET /api/v1/search?q=" + String(repeating: "luft", count: 25_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            let answers = Self.answers(try await Self.exchange(port: port, Array(request.utf8)))
            #expect(answers.count == 1)
            let answer = try #require(answers.first)
            #expect(answer.status == 431)
            #expect(answer.contentType == "application/problem+json")
            let problem = try Self.problem(answer.body)
            #expect(problem["status"] as? Int == 431)
            #expect((problem["detail"] as? String)?.contains("80 KiB") == true)

            let metrics = try await client.execute(uri: "/metrics", method: .get) { String(buffer: $0.body) }
            #expect(metrics.contains(#"katalog_http_requests_total{route="unparsed",method="unknown",status="431"} 1"#))
        }
    }

    @Test func headerFieldsOverTheLimitAreAnswered431() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.live) { client in
            let port = try #require(client.port)
            let request = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + String(repeating: "x", count: 100_000) + "\r\n\r\n"
            let answers = Self.answers(try await Self.exchange(port: port, Array(request.utf8)))
            #expect(answers.map(\.status) == [431])
            #expect(answers.first?.contentType == "application/problem+json")
        }
    }

    @Test func somethingThatIsNotHTTPIsAnswered400WithAProblem() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.live) { client in
            let port = try #require(client.port)
            let answers = Self.answers(try await Self.exchange(port: port, Array("GARBAGE\r\n\r\n".utf8)))
            #expect(answers.count == 1)
            let answer = try #require(answers.first)
            #expect(answer.status == 400)
            #expect(answer.contentType == "application/problem+json")
            let problem = try Self.problem(answer.body)
            #expect(problem["title"] as? String == "Bad Request")
            #expect((problem["detail"] as? String)?.hasPrefix("the request is not valid HTTP/1.1") == true)
        }
    }

    @Test func aBrokenRequestAfterAGoodOneIsAnsweredAfterIt() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.live) { client in
            let port = try #require(client.port)
            let pipelined = "GET /api/v1/search?q=luft HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGARBAGE\r\n\r\n"
            let answers = Self.answers(try await Self.exchange(port: port, Array(pipelined.utf8)))
            #expect(answers.map(\.status) == [200, 400])
            #expect(answers.first?.body.contains("Malm") == true)
            #expect(answers.last?.contentType == "application/problem+json")
        }
    }

    @Test func aBrokenBodyLeavesTheRequestsOwnAnswer() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.live) { client in
            let port = try #require(client.port)
            let request = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n"
            let answers = Self.answers(try await Self.exchange(port: port, Array(request.utf8)))
            // Whatever the request's own answer is, the client never gets a second one for the same request.
            #expect(answers.count == 1)
        }
    }
}
