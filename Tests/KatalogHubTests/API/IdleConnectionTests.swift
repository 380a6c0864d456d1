import Foundation
import Hummingbird
import HummingbirdTesting
import KatalogHub
import KatalogStore
import Logging
import Testing

/// Connections that go silent are closed, so clients that open them and send nothing cannot hold them for ever.
struct IdleConnectionTests {
    private func application(_ store: CatalogStore, idleTimeout: Duration) -> some ApplicationProtocol {
        Hub.application(store: store, configuration: .init(host: "127.0.0.1", port: 0, idleTimeout: idleTimeout),
                        logger: Logger(label: "test"))
    }

    @Test func silentConnectionsAreClosedAndAnsweredOnesAfterTheirAnswer() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await application(store, idleTimeout: .seconds(2)).test(.live) { client in
            let port = try #require(client.port)
            // `exchange` reads until the server closes the connection, and gives up after 20 s: each exchange must end
            // well before that, after the 2 s idle time (a loaded machine may stretch it, so the bound is per exchange).
            func timed<T>(_ body: () async throws -> T) async throws -> (T, Duration) {
                let started = ContinuousClock.now
                let value = try await body()
                return (value, ContinuousClock.now - started)
            }
            let (silent, silentTime) = try await timed { try await MalformedRequestTests.exchange(port: port, []) }
            #expect(silent.isEmpty, "nothing sent, nothing answered")
            // A keep-alive request is answered, then the connection is closed once it has been silent long enough.
            let (answered, answeredTime) = try await timed {
                try await MalformedRequestTests.exchange(port: port, Array("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
            }
            #expect(MalformedRequestTests.answers(answered).map(\.status) == [200])
            // A request that stops halfway through its header fields.
            let (half, halfTime) = try await timed {
                try await MalformedRequestTests.exchange(port: port, Array("GET /health HTTP/1.1\r\nHo".utf8))
            }
            #expect(MalformedRequestTests.answers(half).allSatisfy { $0.status != 200 })
            for (what, time) in [("silent", silentTime), ("answered", answeredTime), ("half a request", halfTime)] {
                #expect(time < .seconds(12), "\(what): closed after the idle time, not after the client gave up (\(time))")
            }
        }
    }
}
