import ArgumentParser
import Foundation
import KatalogHarvest
import KatalogStore
import Logging
import Synchronization

/// Options every command that opens the catalogue shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite catalogue (default: the config's 'database:', else ./katalog.sqlite).")
    var db: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level?

    @Option(name: .long, help: "Log lines as text (the default) or json, one object a line (also KATALOG_LOG_FORMAT).")
    var logFormat: LogFormat?

    /// The database path: `--db`, else the config's `database:` (relative to the config file), else `katalog.sqlite`.
    func databasePath(config: KatalogConfig? = nil, configPath: String? = nil) -> String {
        DatabaseOptions.databasePath(db: db, config: config, configPath: configPath)
    }

    /// The database path from an explicit `db`, else from the config, else the default.
    static func databasePath(db: String?, config: KatalogConfig?, configPath: String?) -> String {
        if let db { return db }
        if let database = config?.database {
            if database.hasPrefix("/") { return database }
            if let configPath {
                let folder = URL(fileURLWithPath: configPath).deletingLastPathComponent()
                return folder.appendingPathComponent(database).path
            }
            return database
        }
        return "katalog.sqlite"
    }

    /// Opens the store, creating the file when `create` is true; otherwise a missing file is an error.
    func openStore(path: String, create: Bool, logger: Logger,
                   configuration: CatalogStore.Configuration = CatalogStore.Configuration()) throws -> CatalogStore {
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw CLIError("no catalogue at \(path); run `katalog harvest --config sources.yaml` first, or pass --db")
        }
        return try CatalogStore(path: path, configuration: configuration, logger: logger)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// A one-line failure the CLI prints as the cause before exiting non-zero.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// How log lines are written.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    /// swift-log's text lines: time, level, label, `key=value` metadata, module, message.
    case text
    /// One JSON object a line (``JSONLogHandler``), for log pipelines.
    case json
}

/// Logging set-up: only the executable bootstraps; libraries take a Logger.
enum LogSetup {
    /// Sets up logging to standard error at `level` (else `KATALOG_LOG_LEVEL`, else `defaultLevel`), in `format`
    /// (else `KATALOG_LOG_FORMAT`, else text).
    static func bootstrap(level: Logger.Level?, format: LogFormat? = nil, defaultLevel: Logger.Level) -> Logger {
        let environment = ProcessInfo.processInfo.environment
        let chosen = level ?? environment["KATALOG_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? defaultLevel
        let chosenFormat = format ?? environment["KATALOG_LOG_FORMAT"].flatMap(LogFormat.init(rawValue:)) ?? .text
        chosenFormatBox.withLock { $0 = chosenFormat }
        LoggingSystem.bootstrap { label in
            switch chosenFormat {
            case .text:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = chosen
                return handler
            case .json:
                var handler = JSONLogHandler(label: label)
                handler.logLevel = chosen
                return handler
            }
        }
        var logger = Logger(label: "katalog")
        logger.logLevel = chosen
        return logger
    }

    /// The format ``bootstrap(level:format:defaultLevel:)`` chose.
    private static let chosenFormatBox = Mutex(LogFormat.text)

    /// Tells the operator something whatever the log level (the address `katalog serve` listens on): a plain line, or
    /// with `--log-format json` a JSON line like the log's, so a JSON log stays JSON throughout.
    static func announce(_ text: String) {
        switch chosenFormatBox.withLock({ $0 }) {
        case .text: Terminal.err(text)
        case .json: JSONLogHandler.announce(text)
        }
    }
}
