import Foundation
import KatalogHarvest
import KatalogHub
import Logging
import ServiceLifecycle
import UnixSignals

/// Reads `sources.yaml` again on SIGHUP, so an operator can add, remove or change sources without restarting
/// `katalog serve`: a restart cancels the harvests in progress (recorded as aborted) and drops the hub's caches.
///
/// The sources go to the scheduler (``HarvestScheduler/update(sources:)``: runs in progress finish) and to the
/// hub's `/health` and `/metrics`. A file that no longer loads is logged and the running configuration kept. Settings
/// that belong to the whole process (the database, `harvest.concurrency`, `mapping_lanes`, `keep_runs`) keep their
/// running values, with a warning naming each one changed, until the next restart.
struct ConfigReloader: Service {
    /// The `--config` file; without one there is nothing to reload, and SIGHUP is only logged (not fatal).
    let path: String?
    let running: KatalogConfig?
    let scheduler: HarvestScheduler?
    let schedules: Hub.Schedules
    let logger: Logger

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            reload()
        }
    }

    func reload() {
        guard let path, let running, let scheduler else {
            logger.warning("SIGHUP received, but katalog serve runs without --config: there is no configuration to reload")
            return
        }
        let fresh: KatalogConfig
        do {
            fresh = try KatalogConfig.load(path: path)
        } catch {
            logger.error("reloading the configuration failed; the running one stays", metadata: [
                "config.path": "\(path)", "error": "\(error)",
            ])
            return
        }
        for name in ConfigReloader.restartOnlySettings(running: running, fresh: fresh) {
            logger.warning("a changed setting takes effect only after a restart", metadata: ["config.setting": "\(name)"])
        }
        scheduler.update(sources: fresh.sources)
        schedules.replace(with: fresh.scheduledSources)
        logger.info("configuration reloaded", metadata: [
            "config.path": "\(path)", "config.sources": "\(fresh.sources.count)",
            "config.scheduled": "\(fresh.scheduledSources.count)",
        ])
    }

    /// The process-wide settings that differ between the two configurations.
    static func restartOnlySettings(running: KatalogConfig, fresh: KatalogConfig) -> [String] {
        var changed: [String] = []
        if running.database != fresh.database { changed.append("database") }
        if running.concurrency != fresh.concurrency { changed.append("harvest.concurrency") }
        if running.mappingLanes != fresh.mappingLanes { changed.append("harvest.mapping_lanes") }
        if running.keepRuns != fresh.keepRuns { changed.append("harvest.keep_runs") }
        return changed
    }
}
