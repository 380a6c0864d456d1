import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KatalogModel
import KatalogStore
import NIOCore
import Testing
@testable import KatalogHub

/// `GET /api/v1/quality` and the quality table of `/sources`.
struct QualityReportTests {
    @Test func theReportCountsEachSourceAndIsCountedAgainInTheBackgroundAfterAChange() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            let first = try await client.execute(uri: "/api/v1/quality", method: .get) { try SearchAPITests.json($0) }
            #expect(first["up_to_date"] as? Bool == true)
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
            let deadline = ContinuousClock.now + .seconds(30)
            var fresh: [String: Any] = [:]
            while ContinuousClock.now < deadline {
                fresh = try await client.execute(uri: "/api/v1/quality", method: .get) { try SearchAPITests.json($0) }
                if fresh["up_to_date"] as? Bool == true { break }
                await Task.yield()
            }
            #expect(fresh["up_to_date"] as? Bool == true)
            let counted = try #require(fresh["total"] as? [String: Any])
            #expect(counted["datasets"] as? Int == 5)
            #expect((counted["indicators"] as? [String: Int])?["description"] == 3)

            let page = try await client.execute(uri: "/sources?lang=en", method: .get) { String(buffer: $0.body) }
            #expect(page.contains("<h2>Metadata quality</h2>"))
            // 3 of 5 with a description: 60 %.
            #expect(page.contains("<tr><td>demo</td><td class=\"count\">5</td><td class=\"count\">60 %</td>"))
            #expect(page.contains("<strong>All sources</strong>"))
            try await client.execute(uri: "/api/v1/quality?source=demo", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
