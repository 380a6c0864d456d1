import ArgumentParser
import Foundation
import KatalogHarvest
import KatalogHub
import KatalogStore
import Logging

/// `katalog status`: where each source's harvesting stands, for operators who harvest from cron and have no hub's
/// `/health` to ask, and as a monitoring check (its exit status).
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show when each source was last brought up to date; exit non-zero when one is overdue, too old or holding deletions.",
        discussion: """
            Per source: its live datasets, its last applied run (succeeded, partial, held, or unchanged), the runs that \
            failed since, and its newest run. With --config, configured sources never harvested are listed too, and a \
            source with a schedule is overdue when that schedule came round twice since its last applied run (as \
            /health says). With --max-age, a source not brought up to date within that time (or never) is too old. \
            A source whose last applied run held its deletions (the circuit breaker) waits for an operator. The exit \
            status is 1 when any source is overdue, too old or holding deletions, so the command can serve as a \
            monitoring check.
            """)

    @Option(name: .long, help: "The sources file: the catalogue's path, the sources to expect, and their schedules.")
    var config: String?

    @Option(name: .long, help: "Fail for a source not brought up to date within this long (e.g. 36h, 2d).")
    var maxAge: String?

    @Flag(name: .long, help: "Print the same JSON as GET /health.")
    var json = false

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let logger = LogSetup.bootstrap(level: options.logLevel, format: options.logFormat, defaultLevel: .warning)
        var maxAge: TimeInterval?
        if let text = self.maxAge {
            do {
                maxAge = try Schedule.parseDuration(text)
            } catch {
                throw ValidationError("--max-age: \(error.message)")
            }
        }
        let configuration = try config.map { try KatalogConfig.load(path: $0) }
        let path = options.databasePath(config: configuration, configPath: config)
        let store = try options.openStore(path: path, create: false, logger: logger)
        let expected = (configuration?.sources ?? []).filter(\.enabled).map(\.name)
        let now = Date()
        var reports = try await HarvestHealth(store: store, scheduled: configuration?.scheduledSources ?? [], startedAt: now)
            .reports(now: now)
        // A configured source without a schedule and without runs is expected all the same.
        for name in expected where !reports.contains(where: { $0.name == name }) {
            reports.append(HarvestHealth.Report(name: name, freshness: nil, schedule: nil, overdue: nil))
        }
        reports.sort { $0.name < $1.name }
        let counts = try await store.recordCountsBySource()

        let tooOld = maxAge.map { age in
            reports.filter { report in report.freshness?.lastAppliedAt.map { now.timeIntervalSince($0) > age } ?? true }.map(\.name)
        } ?? []
        let overdue = reports.filter { $0.overdue == true }.map(\.name)
        let holding = reports.filter { ($0.freshness?.deletionsHeld ?? 0) > 0 }.map(\.name)

        if json {
            Terminal.outData(try HubDocuments.health(datasets: try await store.datasetCount(), reports: reports))
        } else if reports.isEmpty {
            Terminal.out("no sources yet")
        } else {
            for report in reports {
                var line = "\(report.name): \(counts[report.name]?.live ?? 0) datasets; "
                if let applied = report.freshness?.lastAppliedAt {
                    line += "last applied \(applied.formatted(.iso8601)) (\(HarvestHealth.age(now.timeIntervalSince(applied))) ago)"
                } else {
                    line += report.freshness == nil ? "never harvested" : "never applied"
                }
                if let failed = report.freshness?.failedSinceApplied, failed > 0 { line += "; \(failed) failed since" }
                if let held = report.freshness?.deletionsHeld, held > 0 {
                    line += "; \(held) deletions held (katalog harvest --accept-deletions --source \(report.name))"
                }
                if let last = report.freshness?.lastRun, last.id != report.freshness?.lastApplied?.id {
                    line += "; last run \(last.status.rawValue) \(last.startedAt.formatted(.iso8601))"
                    if let message = last.message { line += ": \(message.prefix(160))" }
                }
                if let schedule = report.schedule { line += "; schedule \(schedule)" }
                if report.overdue == true { line += "; OVERDUE" }
                if tooOld.contains(report.name) { line += "; TOO OLD" }
                Terminal.out(line)
            }
        }
        var problems: [String] = []
        if !overdue.isEmpty { problems.append("overdue: \(overdue.joined(separator: ", "))") }
        if !holding.isEmpty { problems.append("deletions held: \(holding.joined(separator: ", "))") }
        if let maxAge = self.maxAge, !tooOld.isEmpty { problems.append("not brought up to date within \(maxAge): \(tooOld.joined(separator: ", "))") }
        if !problems.isEmpty { throw CLIError(problems.joined(separator: "; ")) }
    }
}
