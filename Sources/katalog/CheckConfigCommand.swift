import ArgumentParser
import Foundation
import KatalogHarvest
import KatalogStore

/// `katalog check-config`: reads a sources file as `katalog serve` and `harvest` would, and says what it holds, so an
/// operator can check an edit before reloading the hub (SIGHUP) or before the next cron run.
struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check a sources file and show its sources, schedules and next harvest times.",
        discussion: """
            Loads the file with every check a harvest makes, and prints the catalogue's path, the harvest settings \
            and each source: its type, URL, schedule and the time katalog serve started now would next run it (before \
            its jitter of up to 5 minutes), or why it is not scheduled, and its datasets and last run. When the \
            catalogue exists, sources with datasets in it that the file no longer lists are named, with the command \
            that deletes their datasets; the catalogue is only read, never migrated. The exit status is 1 when the \
            file does not load, so the command can guard a reload: katalog check-config --config F && kill -HUP PID.
            """)

    @Option(name: .long, help: "The sources file to check.")
    var config: String

    func run() async throws {
        let configuration = try KatalogConfig.load(path: config)
        let database = DatabaseOptions.databasePath(db: nil, config: configuration, configPath: config)
        let now = Date()
        let recorded = try? CatalogStore.sourceSummaries(readingOnly: database)
        var lines = ["\(config): valid", "catalogue: \(database)\(recorded == nil ? " (not there yet)" : "")"]
        var settings = ["concurrency \(configuration.concurrency)"]
        settings.append("mapping_lanes \(configuration.mappingLanes.map(String.init) ?? "default")")
        settings.append("keep_runs \(configuration.keepRuns.map { CheckConfigCommand.days($0) } ?? "all")")
        lines.append("harvest: " + settings.joined(separator: ", "))
        lines.append("sources: \(configuration.sources.count)")
        for source in configuration.sources {
            let summary = recorded?[source.name]
            let when: String
            if !source.enabled {
                when = "disabled"
            } else if let schedule = source.schedule {
                // As `katalog serve` would schedule it starting now (or on a reload that adds it).
                let reference = HarvestScheduler.firstReference(for: schedule, lastRunStart: summary?.lastRunStart, now: now)
                let next = schedule.nextFire(after: reference)
                when = "\(schedule.description); next run " + (next <= now ? "at once" : next.formatted(.iso8601))
            } else {
                when = "no schedule: harvested only by `katalog harvest`"
            }
            let state = summary.map { summary in
                "\(summary.liveDatasets) datasets, last run \(summary.lastRunStart.map { $0.formatted(.iso8601) } ?? "never")"
            } ?? "never harvested"
            lines.append("  \(source.name) (\(source.kind.rawValue)) \(source.url)")
            lines.append("    \(when); \(state)")
        }
        let listed = Set(configuration.sources.map(\.name))
        for summary in (recorded ?? [:]).values.sorted(by: { $0.name < $1.name }) where !listed.contains(summary.name) && summary.liveDatasets > 0 {
            lines.append("not in the file, still in the catalogue: \(summary.name) (\(summary.liveDatasets) datasets); "
                + "delete them with `katalog remove-source \(summary.name) --config \(config)`")
        }
        print(lines.joined(separator: "\n"))
    }

    static func days(_ seconds: TimeInterval) -> String {
        seconds.truncatingRemainder(dividingBy: 86400) == 0 ? "\(Int(seconds / 86400))d" : "\(Int(seconds))s"
    }
}
