import Foundation
import KatalogHarvest
import KatalogStore
import Logging
import Testing

/// ``HarvestScheduler/update(sources:)``: a source removed or changed while its run is going lets the run finish
/// (it is not aborted), and stops being scheduled after it.
struct SchedulerUpdateTests {
    @Test func aRunInProgressFinishesWhenItsSourceIsChangedOrRemoved() async throws {
        let setup = try Setup(name: "s", datasets: 2)
        defer { setup.server.stop() }
        let (site, store, scheduler, source) = (setup.site, setup.store, setup.scheduler, setup.source)
        let running = Task { try await scheduler.run() }
        defer { running.cancel() }

        // Never harvested: it runs at once (after at most 3 s of jitter).
        _ = try await ServeShutdownTests.poll("the run to start fetching", deadline: .seconds(90)) { site.requests.isEmpty ? nil : true }
        #expect(try await store.runs(source: "s", limit: 1).first?.status == .running)

        // Changed while its run is going: the run is not aborted, and the source stays scheduled (its new loop waits
        // for the old one, then counts the minute from the run that just finished).
        var changed = source
        changed.pageSize = 50
        scheduler.update(sources: [changed])
        let run = try await ServeShutdownTests.poll("the run to end", deadline: .seconds(30)) {
            try await store.runs(source: "s", limit: 1).first.flatMap { $0.status == .running ? nil : $0 }
        }
        #expect(run.status == .succeeded, "\(run.status): \(run.message ?? "")")
        #expect(try await store.runs(source: "s", limit: 10).count == 1, "not started again at once")
        #expect(scheduler.activeSources == ["s"])

        // Removed: its loop, asleep until the next minute, stops now.
        scheduler.update(sources: [])
        _ = try await ServeShutdownTests.poll("the loop to stop", deadline: .seconds(10)) { scheduler.activeSources.isEmpty ? true : nil }

        running.cancel()
        try await running.value
        #expect(try await store.runs(source: "s", limit: 10).count == 1)
    }

    @Test func aSourceRemovedMidRunFinishesItsRun() async throws {
        let setup = try Setup(name: "r", datasets: 3)
        defer { setup.server.stop() }
        let (site, store, scheduler) = (setup.site, setup.store, setup.scheduler)
        let running = Task { try await scheduler.run() }
        defer { running.cancel() }
        _ = try await ServeShutdownTests.poll("the run to start fetching", deadline: .seconds(90)) { site.requests.isEmpty ? nil : true }
        scheduler.update(sources: [])
        #expect(scheduler.activeSources == ["r"], "still finishing its run")
        _ = try await ServeShutdownTests.poll("the loop to end", deadline: .seconds(30)) { scheduler.activeSources.isEmpty ? true : nil }
        let runs = try await store.runs(source: "r", limit: 10)
        #expect(runs.map(\.status) == [.succeeded])
        #expect(try await store.datasetCount() == 3)
    }

    /// A DCAT source scheduled every minute whose first fetch takes five seconds, so an update can come while its
    /// run is in progress, and a scheduler for it (not yet running).
    struct Setup {
        let site = DCATTestSite()
        let server: TestHTTPServer
        let store: CatalogStore
        let source: SourceConfig
        let scheduler: HarvestScheduler

        init(name: String, datasets: Int) throws {
            let body = DCATTestSite.turtle(DCATTestSite.datasets(datasets))
            site.set("/\(name).ttl", body, contentType: "text/turtle")
            site.inject([.delayed(.seconds(5), then: .text(body, contentType: "text/turtle"))], at: "/\(name).ttl")
            server = TestHTTPServer(handler: site.handler)
            try server.start()
            store = try CatalogStore.temporary()
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            var source = SourceConfig(name: name, kind: .dcat, url: server.url("/\(name).ttl"))
            source.schedule = .every(seconds: 60)
            self.source = source
            scheduler = HarvestScheduler(harvester: Harvester(store: store, logger: logger), sources: [source], concurrency: 1,
                                         logger: logger)
        }
    }
}
