import ArgumentParser
import Foundation
import KatalogHarvest
import KatalogStore
import Logging

/// `katalog harvest`: one-shot harvest of the configured sources (for cron or systemd timers).
struct HarvestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harvest",
        abstract: "Harvest the sources of a configuration file once."
    )

    @Option(name: .long, help: "The sources file (sources.yaml).")
    var config: String

    @Option(name: .long, help: "Harvest only this source (repeatable).")
    var source: [String] = []

    @Flag(name: .long, help: "Apply deletions that the circuit breaker held back.")
    var acceptDeletions = false

    @Flag(name: .long, help: "Read every record again: no list of changes (ckan, oai-pmh), no 304 or unchanged-document shortcut.")
    var full = false

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let logger = LogSetup.bootstrap(level: options.logLevel, defaultLevel: .warning)
        let configuration = try KatalogConfig.load(path: config)
        let sources = try configuration.selectSources(source)
        guard !sources.isEmpty else { throw CLIError("\(config): no enabled sources to harvest") }
        let path = options.databasePath(config: configuration, configPath: config)
        let store = try options.openStore(path: path, create: true, logger: logger)
        let harvester = Harvester(store: store, logger: logger, mappingLanes: configuration.mappingLanes,
                                  keepRuns: configuration.keepRuns)
        let progress = ProgressLine()
        var failures: [String] = []
        for source in sources {
            let summary: RunSummary
            do {
                summary = try await harvester.run(source, options: .init(acceptDeletions: acceptDeletions, listEverything: full,
                                                                         progress: progress.report))
            } catch {
                progress.clear()
                Terminal.err("\(source.name): \(error)")
                failures.append(source.name)
                continue
            }
            progress.clear()
            Terminal.err(HarvestCommand.summaryLine(source: source.name, summary: summary))
            if let folded = try? await store.recordCounts(source: source.name).folded, folded > 0 {
                Terminal.err("  \(folded) of its records are datasets another source also carries; searches show that source's record"
                    + " (see `priority` in sources.yaml)")
            }
            if summary.status == .failed || summary.status == .aborted || summary.status == .held {
                failures.append(source.name)
            }
        }
        if !failures.isEmpty {
            throw CLIError("harvest did not complete for: \(failures.joined(separator: ", ")) (see `katalog runs`)")
        }
    }

    /// `name: succeeded in 1.2 s — 150 fetched, 12 added, 3 updated, 135 unchanged, 0 deleted, 1 skipped, 0 errors`.
    static func summaryLine(source: String, summary: RunSummary) -> String {
        let c = summary.counts
        var line = "\(source): \(summary.status.rawValue) — \(c.fetched) fetched, \(c.added) added, \(c.updated) updated, "
            + "\(c.unchanged) unchanged, \(c.deleted) deleted, \(c.skipped) skipped, \(c.errored) errors"
        if summary.status != .succeeded { line += "\n  \(summary.message)" }
        return line
    }
}
