import Foundation
import HTTPTypes
import Hummingbird
import KatalogModel
import KatalogStore
import NIOCore

/// `GET /metrics`: request metrics plus catalogue and harvest figures read from the store at scrape time.
struct MetricsRoute: Sendable {
    let store: CatalogStore
    let metrics: RequestMetrics
    let harvestHealth: HarvestHealth

    func register(on router: Router<BasicRequestContext>) {
        router.get("/metrics") { _, _ in try await self.render() }
    }

    func render() async throws -> Response {
        var text = "# HELP katalog_build_info The Katalog version serving, as a label (always 1).\n# TYPE katalog_build_info gauge\n"
        text += "katalog_build_info{version=\"\(PrometheusText.escape(KatalogVersion.current))\"} 1\n"
        text += metrics.render()
        text += "# HELP katalog_searches_stopped_total Searches and completions stopped at the search time limit.\n# TYPE katalog_searches_stopped_total counter\n"
        text += "katalog_searches_stopped_total \(store.stoppedSearches)\n"
        let long = store.longSearchCounts
        text += "# HELP katalog_long_searches Long searches now: running (holding a turn) and waiting for one.\n# TYPE katalog_long_searches gauge\n"
        text += "katalog_long_searches{state=\"running\"} \(long.running)\nkatalog_long_searches{state=\"waiting\"} \(long.waiting)\n"
        text += "# HELP katalog_long_searches_total Searches that became long: given a turn at once, after waiting, or refused because too many waited.\n# TYPE katalog_long_searches_total counter\n"
        text += "katalog_long_searches_total{outcome=\"ran\"} \(long.granted - long.waited)\n"
        text += "katalog_long_searches_total{outcome=\"waited\"} \(long.waited)\n"
        text += "katalog_long_searches_total{outcome=\"refused\"} \(long.refused)\n"
        let reports = try await harvestHealth.reports()
        let lastRuns = reports.reduce(into: [String: HarvestRun]()) { $0[$1.name] = $1.freshness?.lastRun }
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
        text += "# HELP katalog_harvest_last_run_duration_seconds How long each source's last finished run took, start to end.\n# TYPE katalog_harvest_last_run_duration_seconds gauge\n"
        for (source, run) in lastRuns.sorted(by: { $0.key < $1.key }) {
            guard let ended = run.endedAt else { continue }
            let seconds = max(0, ended.timeIntervalSince(run.startedAt))
            text += "katalog_harvest_last_run_duration_seconds{source=\"\(PrometheusText.escape(source))\",status=\"\(run.status.rawValue)\"} \(String(format: "%.3f", seconds))\n"
        }
        text += "# HELP katalog_harvest_last_run_records Records of each source's last run, by outcome.\n# TYPE katalog_harvest_last_run_records gauge\n"
        for (source, run) in lastRuns.sorted(by: { $0.key < $1.key }) {
            let c = run.counts
            for (outcome, value) in [("added", c.added), ("updated", c.updated), ("unchanged", c.unchanged), ("deleted", c.deleted),
                                     ("skipped", c.skipped), ("errored", c.errored)] {
                text += "katalog_harvest_last_run_records{source=\"\(PrometheusText.escape(source))\",outcome=\"\(outcome)\"} \(value)\n"
            }
        }
        text += "# HELP katalog_harvest_last_applied_timestamp_seconds End of each source's newest run that applied it or found it unchanged.\n# TYPE katalog_harvest_last_applied_timestamp_seconds gauge\n"
        for report in reports {
            guard let applied = report.freshness?.lastAppliedAt else { continue }
            text += "katalog_harvest_last_applied_timestamp_seconds{source=\"\(PrometheusText.escape(report.name))\"} \(Int(applied.timeIntervalSince1970))\n"
        }
        text += "# HELP katalog_harvest_failed_runs_since_applied Runs of each source that failed or were aborted since its newest applied run.\n# TYPE katalog_harvest_failed_runs_since_applied gauge\n"
        for report in reports where report.freshness != nil {
            text += "katalog_harvest_failed_runs_since_applied{source=\"\(PrometheusText.escape(report.name))\"} \(report.freshness?.failedSinceApplied ?? 0)\n"
        }
        text += "# HELP katalog_harvest_deletions_held Deletions the circuit breaker holds back for each source, waiting for a run that accepts them.\n# TYPE katalog_harvest_deletions_held gauge\n"
        for report in reports {
            guard let freshness = report.freshness else { continue }
            text += "katalog_harvest_deletions_held{source=\"\(PrometheusText.escape(report.name))\"} \(freshness.deletionsHeld)\n"
        }
        text += "# HELP katalog_harvest_overdue Whether a source this process harvests on a schedule is overdue (1) or not (0).\n# TYPE katalog_harvest_overdue gauge\n"
        for report in reports {
            guard let overdue = report.overdue else { continue }
            text += "katalog_harvest_overdue{source=\"\(PrometheusText.escape(report.name))\"} \(overdue ? 1 : 0)\n"
        }
        let headers: HTTPFields = [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
