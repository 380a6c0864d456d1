import Foundation
import HTTPTypes
import Hummingbird
import KatalogStore
import NIOCore

/// `GET /metrics`: request metrics plus catalogue and harvest figures read from the store at scrape time.
struct MetricsRoute: Sendable {
    let store: CatalogStore
    let metrics: RequestMetrics

    func register(on router: Router<BasicRequestContext>) {
        router.get("/metrics") { _, _ in try await self.render() }
    }

    func render() async throws -> Response {
        var text = metrics.render()
        let lastRuns = try await store.lastRuns()
        let totals = try await store.runStatusCounts()
        let records = try await store.recordCountsBySource().sorted(by: { $0.key < $1.key })
        text += "# HELP katalog_datasets Live datasets in the catalogue, by source.\n# TYPE katalog_datasets gauge\n"
        for (source, count) in records {
            text += "katalog_datasets{source=\"\(PrometheusText.escape(source))\"} \(count.live)\n"
        }
        text += "# HELP katalog_datasets_folded Live datasets of a source that another source also carries and searches show as that source's record.\n# TYPE katalog_datasets_folded gauge\n"
        for (source, count) in records {
            text += "katalog_datasets_folded{source=\"\(PrometheusText.escape(source))\"} \(count.folded)\n"
        }
        text += "# HELP katalog_harvest_runs_total Harvest runs, by source and final status.\n# TYPE katalog_harvest_runs_total counter\n"
        for (key, count) in totals.sorted(by: { ($0.key.source, $0.key.status) < ($1.key.source, $1.key.status) }) {
            text += "katalog_harvest_runs_total{source=\"\(PrometheusText.escape(key.source))\",status=\"\(key.status)\"} \(count)\n"
        }
        text += "# HELP katalog_harvest_last_run_timestamp_seconds Start of each source's last run.\n# TYPE katalog_harvest_last_run_timestamp_seconds gauge\n"
        for (source, run) in lastRuns.sorted(by: { $0.key < $1.key }) {
            text += "katalog_harvest_last_run_timestamp_seconds{source=\"\(PrometheusText.escape(source))\",status=\"\(run.status.rawValue)\"} \(Int(run.startedAt.timeIntervalSince1970))\n"
        }
        text += "# HELP katalog_harvest_last_run_records Records of each source's last run, by outcome.\n# TYPE katalog_harvest_last_run_records gauge\n"
        for (source, run) in lastRuns.sorted(by: { $0.key < $1.key }) {
            let c = run.counts
            for (outcome, value) in [("added", c.added), ("updated", c.updated), ("unchanged", c.unchanged), ("deleted", c.deleted),
                                     ("skipped", c.skipped), ("errored", c.errored)] {
                text += "katalog_harvest_last_run_records{source=\"\(PrometheusText.escape(source))\",outcome=\"\(outcome)\"} \(value)\n"
            }
        }
        let headers: HTTPFields = [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
