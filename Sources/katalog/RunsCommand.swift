import ArgumentParser
import Foundation
import KatalogHub
import KatalogStore
import Logging

/// `katalog runs`: harvest history with counts and errors.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "runs", abstract: "Show the harvest history.")

    @Option(name: .long, help: "Only this source.")
    var source: String?

    @Option(name: .long, help: "How many runs (newest first).")
    var limit = 20

    @Flag(name: .long, help: "Print the same JSON as GET /api/v1/runs.")
    var json = false

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let logger = LogSetup.bootstrap(level: options.logLevel, format: options.logFormat, defaultLevel: .warning)
        let store = try options.openStore(path: options.databasePath(), create: false, logger: logger)
        let runs = try await store.runs(source: source, limit: max(1, min(limit, 1000)))
        if json {
            Terminal.outData(try HubDocuments.runs(runs))
            return
        }
        if runs.isEmpty { Terminal.out("no runs yet") }
        for run in runs {
            let started = run.startedAt.formatted(.iso8601)
            let c = run.counts
            Terminal.out("#\(run.id) \(run.source) \(run.status.rawValue) \(started) — \(c.fetched) fetched, \(c.added) added, "
                + "\(c.updated) updated, \(c.unchanged) unchanged, \(c.deleted) deleted, \(c.skipped) skipped, \(c.errored) errors")
            if let message = run.message { Terminal.out("    \(message)") }
            for error in run.errors.prefix(10) {
                Terminal.out("    ! \(error.subject): \(error.cause)")
            }
            if run.errors.count > 10 { Terminal.out("    … \(run.errors.count - 10) more (use --json)") }
        }
    }
}
