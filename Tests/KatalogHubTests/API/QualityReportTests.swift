import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KatalogModel
import KatalogStore
import Logging
import NIOCore
import Testing
@testable import KatalogHub

/// `GET /api/v1/quality` and the quality table of `/sources`.
struct QualityReportTests {
    /// The report once it is up to date, asking until it is (30 s at most).
    static func poll(_ client: some TestClientProtocol) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let answer = try await client.execute(uri: "/api/v1/quality", method: .get) { response -> [String: Any]? in
                response.status == .ok ? try SearchAPITests.json(response) : nil
            }
            if let answer, answer["up_to_date"] as? Bool == true { return answer }
            await Task.yield()
        }
        Issue.record("the quality report was not up to date within 30 s")
        return [:]
    }

    @Test func theReportCountsEachSourceAndIsCountedAgainInTheBackgroundAfterAChange() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            // The first count runs in the background: until it is done, a 503 that says so.
            try await client.execute(uri: "/api/v1/quality", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "30")
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            let first = try await Self.poll(client)
            let total = try #require(first["total"] as? [String: Any])
            #expect(total["datasets"] as? Int == 4)
            let indicators = try #require(total["indicators"] as? [String: Int])
            #expect(indicators["description"] == 3, "d4 has no description")
            #expect(indicators["keywords"] == 4)
            #expect(indicators["licence"] == 0)
            #expect(indicators["download_url"] == 4)
            #expect(indicators["theme_from_vocabulary"] == 1)
            #expect((first["sources"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["demo"])

            // A harvest adds a dataset without a description: the next answer is the last count, marked so, while
            // the hub counts again; then the new count.
            let run = try await store.beginRun(source: "demo", kind: "ckan", url: "http://127.0.0.1/")
            try await store.stage(run: run, records: [HubTestCatalogue.dataset("d5", title: ["sv": "Ny"], publisher: "Malmö stad")])
            _ = try await store.completeRun(run: run, seen: ["d1", "d2", "d3", "d4", "d5"], isComplete: true)
            let stale = try await client.execute(uri: "/api/v1/quality", method: .get) { try SearchAPITests.json($0) }
            #expect(stale["up_to_date"] as? Bool == false)
            #expect((stale["total"] as? [String: Any])?["datasets"] as? Int == 4)
            let fresh = try await Self.poll(client)
            let counted = try #require(fresh["total"] as? [String: Any])
            #expect(counted["datasets"] as? Int == 5)
            #expect((counted["indicators"] as? [String: Int])?["description"] == 3)

            let page = try await client.execute(uri: "/sources?lang=en", method: .get) { String(buffer: $0.body) }
            #expect(!page.contains("Being counted"))
            #expect(page.contains("<h2>Metadata quality</h2>"))
            // 3 of 5 with a description: 60 %.
            #expect(page.contains("<tr><td>demo</td><td class=\"count\">5</td><td class=\"count\">60 %</td>"))
            #expect(page.contains("<strong>All sources</strong>"))
            // A hub that has not counted yet says so on the page.
            let fresh2 = Hub.application(store: store, configuration: .init(host: "127.0.0.1", port: 0), logger: Logger(label: "test"))
            try await fresh2.test(.router) { other in
                let waiting = try await other.execute(uri: "/sources?lang=en", method: .get) { String(buffer: $0.body) }
                #expect(waiting.contains("Being counted for the first time; reload the page in a while."))
            }
            try await client.execute(uri: "/api/v1/quality?source=demo", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
