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

    @Flag(name: .long, help: "Harvest into a temporary catalogue, deleted afterwards: see what a source gives (counts, record errors) without touching the catalogue.")
    var dryRun = false

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let logger = LogSetup.bootstrap(level: options.logLevel, format: options.logFormat, defaultLevel: .warning)
        let configuration = try KatalogConfig.load(path: config)
        let sources = try configuration.selectSources(source)
        guard !sources.isEmpty else { throw CLIError("\(config): no enabled sources to harvest") }
        if dryRun {
            try await HarvestCommand.dryRun(sources, configuration: configuration, logger: logger)
            return
        }
        let path = options.databasePath(config: configuration, configPath: config)
        let store = try options.openStore(path: path, create: true, logger: logger)
        let harvester = Harvester(store: store, logger: logger, mappingLanes: configuration.mappingLanes,
                                  keepRuns: configuration.keepRuns)
        let progress = ProgressLine()
        var failures: [String] = []
        for source in sources {
            let options = Harvester.Options(acceptDeletions: acceptDeletions, listEverything: full, progress: progress.report)
            guard let summary = await HarvestCommand.run(source, with: harvester, options: options, progress: progress) else {
                failures.append(source.name)
                continue
            }
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

    /// Harvests each source into a catalogue of its own in a temporary folder, reports what it got, and deletes it. The
    /// whole source is read (a new catalogue has no marks or validators), as its first harvest would read it.
    static func dryRun(_ sources: [SourceConfig], configuration: KatalogConfig, logger: Logger) async throws {
        let progress = ProgressLine()
        var failures: [String] = []
        for source in sources {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-dry-run-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try CatalogStore(path: folder.appendingPathComponent("katalog.sqlite").path, logger: logger)
            let harvester = Harvester(store: store, logger: logger, mappingLanes: configuration.mappingLanes, keepRuns: nil)
            guard let summary = await run(source, with: harvester, options: .init(progress: progress.report), progress: progress) else {
                failures.append(source.name)
                continue
            }
            Terminal.err("[dry run] " + summaryLine(source: source.name, summary: summary))
            let errors = (try await store.run(summary.run))?.errors ?? []
            for issue in errors.prefix(10) { Terminal.err("  ! \(issue.subject): \(issue.cause)") }
            if errors.count > 10 { Terminal.err("  … \(errors.count - 10) more record errors") }
            if summary.status == .failed || summary.status == .aborted { failures.append(source.name) }
        }
        Terminal.err("[dry run] nothing was written to the catalogue")
        if !failures.isEmpty { throw CLIError("dry run failed for: \(failures.joined(separator: ", "))") }
    }

    /// Runs one source, clearing the progress line after; nil, after a line naming the source and the cause, when the run
    /// could not even start (another run holds the source, the store failed).
    static func run(_ source: SourceConfig, with harvester: Harvester, options: Harvester.Options,
                    progress: ProgressLine) async -> RunSummary? {
        defer { progress.clear() }
        do {
            return try await harvester.run(source, options: options)
        } catch {
            progress.clear()
            Terminal.err("\(source.name): \(error)")
            return nil
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
