import Foundation

/// A standard 5-field cron expression (minute, hour, day of month, month, day of week), evaluated in UTC.
///
/// Fields take `*`, numbers, ranges `a-b`, lists `a,b`, steps `*/n` and `a-b/n`, and month and
/// weekday names (`jan`, `mon`). As in Vixie cron, when both day fields are restricted a day matches either.
public struct CronExpression: Sendable, Hashable {
    /// The expression as written.
    public let text: String
    private let minutes: Set<Int>
    private let hours: Set<Int>
    private let daysOfMonth: Set<Int>
    private let months: Set<Int>
    private let daysOfWeek: Set<Int>
    private let dayOfMonthRestricted: Bool
    private let dayOfWeekRestricted: Bool

    /// Parses an expression; throws naming the field at fault.
    public init(_ text: String) throws(HarvestConfigError) {
        self.text = text
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else {
            throw HarvestConfigError(.invalidValue, "schedule '\(text)': a cron expression has 5 fields (minute hour day month weekday), found \(fields.count)")
        }
        let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        minutes = try CronExpression.field(fields[0], "minute", 0...59, names: [], text: text)
        hours = try CronExpression.field(fields[1], "hour", 0...23, names: [], text: text)
        daysOfMonth = try CronExpression.field(fields[2], "day of month", 1...31, names: [], text: text)
        months = try CronExpression.field(fields[3], "month", 1...12, names: monthNames, nameBase: 1, text: text)
        // 7 is Sunday too.
        daysOfWeek = Set(try CronExpression.field(fields[4], "day of week", 0...7, names: dayNames, text: text).map { $0 % 7 })
        dayOfMonthRestricted = fields[2] != "*" && fields[2] != "?"
        dayOfWeekRestricted = fields[4] != "*" && fields[4] != "?"
    }

    private static func field(_ text: String, _ name: String, _ range: ClosedRange<Int>, names: [String], nameBase: Int = 0,
                              text whole: String) throws(HarvestConfigError) -> Set<Int> {
        func fail(_ why: String) -> HarvestConfigError {
            HarvestConfigError(.invalidValue, "schedule '\(whole)': \(name) field '\(text)': \(why)")
        }
        func value(_ token: Substring) throws(HarvestConfigError) -> Int {
            if let number = Int(token) {
                guard range.contains(number) else { throw fail("\(number) is outside \(range.lowerBound)-\(range.upperBound)") }
                return number
            }
            if let index = names.firstIndex(of: token.lowercased()) { return index + nameBase }
            throw fail("'\(token)' is not a number\(names.isEmpty ? "" : " or a name")")
        }
        var result = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2, let rangePart = pieces.first, !rangePart.isEmpty else { throw fail("malformed") }
            var step = 1
            if pieces.count == 2 {
                guard let parsed = Int(pieces[1]), parsed > 0 else { throw fail("step '\(pieces[1])' must be a positive number") }
                step = parsed
            }
            var low = range.lowerBound
            var high = range.upperBound
            if rangePart == "*" || rangePart == "?" {
                // full range
            } else if let dash = rangePart.firstIndex(of: "-") {
                low = try value(rangePart[..<dash])
                high = try value(rangePart[rangePart.index(after: dash)...])
                guard low <= high else { throw fail("range \(low)-\(high) runs backwards") }
            } else {
                low = try value(rangePart)
                high = pieces.count == 2 ? range.upperBound : low
            }
            result.formUnion(stride(from: low, through: high, by: step))
        }
        return result
    }

    /// The next minute (UTC) matching the expression strictly after `date`.
    public func nextFire(after date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = (date.timeIntervalSince1970 / 60).rounded(.down) * 60 + 60
        var candidate = Date(timeIntervalSince1970: start)
        // Walk day by day, then minute by minute within a matching day; bounded to ~5 years.
        for _ in 0..<(366 * 5) {
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: candidate)
            if matchesDay(month: parts.month!, day: parts.day!, weekday: parts.weekday! - 1) {
                var minuteOfDay = parts.hour! * 60 + parts.minute!
                while minuteOfDay < 1440 {
                    if hours.contains(minuteOfDay / 60) && minutes.contains(minuteOfDay % 60) {
                        return candidate.addingTimeInterval(Double(minuteOfDay - (parts.hour! * 60 + parts.minute!)) * 60)
                    }
                    minuteOfDay += 1
                }
            }
            let dayStart = calendar.startOfDay(for: candidate)
            candidate = dayStart.addingTimeInterval(86400)
        }
        return candidate
    }

    private func matchesDay(month: Int, day: Int, weekday: Int) -> Bool {
        guard months.contains(month) else { return false }
        switch (dayOfMonthRestricted, dayOfWeekRestricted) {
        case (true, true): return daysOfMonth.contains(day) || daysOfWeek.contains(weekday)
        case (true, false): return daysOfMonth.contains(day)
        case (false, true): return daysOfWeek.contains(weekday)
        case (false, false): return true
        }
    }
}
