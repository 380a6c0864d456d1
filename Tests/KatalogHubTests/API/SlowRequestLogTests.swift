import Foundation
import HTTPTypes
import HummingbirdTesting
import KatalogHarvest
import KatalogHub
import Logging
import Synchronization
import Testing

/// Requests over the threshold are logged again as warnings, with the query the access line leaves out.
struct SlowRequestLogTests {
    private final class Lines: Sendable {
        let lines = Mutex<[[UInt8]]>([])
        func append(_ line: [UInt8]) { lines.withLock { $0.append(line) } }
        func messages(_ message: String) -> [[String: Any]] {
            lines.withLock { $0 }
                .compactMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
                .filter { $0["message"] as? String == message }
        }
    }

    private static func run(threshold: Duration?) async throws -> Lines {
        let captured = Lines()
        var handler = JSONLogHandler(label: "test", output: { captured.append($0) })
        handler.logLevel = .info
        let logger = Logger(label: "test") { _ in handler }
        let store = try await HubTestCatalogue.makeStore()
        let app = Hub.application(store: store, configuration: .init(host: "127.0.0.1", port: 0, slowRequestThreshold: threshold),
                                  logger: logger)
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/search?q=luftkvalitet&lang=sv", method: .get) { #expect($0.status == .ok) }
        }
        return captured
    }

    @Test func aRequestOverTheThresholdIsLoggedWithItsQuery() async throws {
        let captured = try await Self.run(threshold: .nanoseconds(1))
        let slow = captured.messages("slow request")
        #expect(slow.count == 1)
        #expect(slow.first?["level"] as? String == "warning")
        #expect(slow.first?["http.target"] as? String == "/api/v1/search?q=luftkvalitet&lang=sv")
        #expect(slow.first?["http.route"] as? String == "/api/v1/search")
        // The access line has the route and not the query.
        let access = try #require(captured.messages("request").first)
        #expect(access["http.target"] == nil)
    }

    @Test func fastRequestsAndATurnedOffThresholdLogNoWarning() async throws {
        #expect(try await Self.run(threshold: .seconds(60)).messages("slow request").isEmpty)
        #expect(try await Self.run(threshold: nil).messages("slow request").isEmpty)
        #expect(try await Self.run(threshold: nil).messages("request").count == 1)
    }
}
