import Foundation

/// When a source is harvested: a 5-field cron expression (evaluated in UTC) or a fixed interval.
public enum Schedule: Sendable, Hashable, CustomStringConvertible {
    /// A cron expression: minute hour day-of-month month day-of-week.
    case cron(CronExpression)
    /// Every so many seconds, counted from the end of the previous run.
    case every(seconds: Double)

    /// Parses `"0 3 * * *"` or `"every: 6h"` / `"6h"` / `"30m"` / `"1d"`.
    public static func parse(_ text: String) throws(HarvestConfigError) -> Schedule {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("every") {
            let rest = trimmed.dropFirst(5).drop { $0 == ":" || $0 == " " }
            return .every(seconds: try parseDuration(String(rest)))
        }
        if trimmed.split(separator: " ").count == 1, let seconds = try? parseDuration(trimmed) {
            return .every(seconds: seconds)
        }
        return .cron(try CronExpression(trimmed))
    }

    /// Parses a duration such as `90s`, `30m`, `6h`, `1d`, `1h30m`; at least 60 seconds, at most 366 days.
    public static func parseDuration(_ text: String) throws(HarvestConfigError) -> Double {
        let total: Double
        do {
            total = try parseDurationUnchecked(text)
        } catch {
            throw HarvestConfigError(.invalidValue, "schedule duration '\(text)': expected e.g. 30m, 6h or 1d")
        }
        guard total >= 60, total <= 366 * 86400 else {
            throw HarvestConfigError(.invalidValue, "schedule duration '\(text)': must be between 1 minute and 366 days")
        }
        return total
    }

    /// The next time the schedule fires strictly after `date`.
    public func nextFire(after date: Date) -> Date {
        switch self {
        case .cron(let expression): return expression.nextFire(after: date)
        case .every(let seconds): return date.addingTimeInterval(seconds)
        }
    }

    /// The schedule as written in configuration.
    public var description: String {
        switch self {
        case .cron(let expression): return expression.text
        case .every(let seconds): return "every: \(Int(seconds))s"
        }
    }
}
