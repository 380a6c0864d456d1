/// A date or time from a source: the raw text is kept, beside a normalised form when it could be read.
///
/// Real portals publish `xsd:date`, `xsd:dateTime` with and without zones, years, year-months,
/// CKAN's microsecond timestamps and local formats such as `05.01.2023`; all of them parse here.
public struct DateValue: Hashable, Sendable, Codable {
    /// How much of the date the source gave.
    public enum Precision: String, Hashable, Sendable, Codable {
        /// Only a year.
        case year
        /// A year and a month.
        case month
        /// A calendar day.
        case day
        /// A day and a time of day.
        case time
    }

    /// The text exactly as published.
    public var raw: String
    /// A normalised ISO 8601 form (`2023`, `2023-05`, `2023-05-01`, `2023-05-01T10:00:00Z`), nil when unreadable.
    public var normalized: String?
    /// The precision of `normalized`.
    public var precision: Precision?

    /// Parses `raw`; an unreadable value keeps `raw` with no normalised form.
    public init(raw: String) {
        self.raw = raw.trimmingWhitespace()
        if let (value, precision) = DateValue.parse(self.raw) {
            self.normalized = value
            self.precision = precision
        }
    }

    /// A key that sorts chronologically: the normalised form padded to a full timestamp, or nil.
    public var sortKey: String? {
        guard let normalized, let precision else { return nil }
        switch precision {
        case .year: return normalized + "-01-01T00:00:00Z"
        case .month: return normalized + "-01T00:00:00Z"
        case .day: return normalized + "T00:00:00Z"
        case .time: return normalized
        }
    }

    static func parse(_ text: String) -> (String, Precision)? {
        let s = Array(text.utf8)
        guard !s.isEmpty, s.count <= 64 else { return nil }
        let reader = DigitReader(bytes: s)
        // Local day-first forms: 05.01.2023, 05/01/2023.
        if s.count >= 10, s[2] == UInt8(ascii: ".") || s[2] == UInt8(ascii: "/"),
           let day = reader.number(at: 0, count: 2), let month = reader.number(at: 3, count: 2),
           let year = reader.number(at: 6, count: 4), s[5] == s[2] {
            return DateValue.day(year, month, day)
        }
        guard let year = reader.number(at: 0, count: 4) else { return nil }
        if s.count == 4 { return (pad(year, 4), .year) }
        let separator = s[4]
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") else {
            // 20230105 (basic format)
            if s.count == 8, let month = reader.number(at: 4, count: 2), let day = reader.number(at: 6, count: 2) {
                return DateValue.day(year, month, day)
            }
            return nil
        }
        guard let month = reader.number(at: 5, count: 2), (1...12).contains(month) else { return nil }
        if s.count == 7 { return ("\(pad(year, 4))-\(pad(month, 2))", .month) }
        guard s.count >= 10, s[7] == separator, let day = reader.number(at: 8, count: 2) else { return nil }
        guard let date = DateValue.day(year, month, day) else { return nil }
        if s.count == 10 { return date }
        // A time part: T or space, then hh:mm[:ss[.fff]][zone]; a zone right after the date (xsd:date with zone) is dropped.
        let rest = s[10...]
        if rest.first == UInt8(ascii: "Z") || rest.first == UInt8(ascii: "+") || (rest.first == UInt8(ascii: "-") && rest.count == 6) {
            return date
        }
        guard rest.first == UInt8(ascii: "T") || rest.first == UInt8(ascii: " "),
              let hour = reader.number(at: 11, count: 2), s.count >= 16, s[13] == UInt8(ascii: ":"),
              let minute = reader.number(at: 14, count: 2), hour <= 24, minute <= 59 else { return date }
        var index = 16
        var second = 0
        if index < s.count, s[index] == UInt8(ascii: ":") {
            guard let value = reader.number(at: index + 1, count: 2), value <= 60 else { return date }
            second = value
            index += 3
            if index < s.count, s[index] == UInt8(ascii: ".") || s[index] == UInt8(ascii: ",") {
                index += 1
                while index < s.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(s[index]) { index += 1 }
            }
        }
        var offsetMinutes = 0
        if index < s.count {
            let sign = s[index]
            if sign == UInt8(ascii: "Z") {
                guard index + 1 == s.count else { return date }
            } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                guard let zh = reader.number(at: index + 1, count: 2) else { return date }
                var zm = 0
                if index + 6 == s.count, s[index + 3] == UInt8(ascii: ":"), let value = reader.number(at: index + 4, count: 2) {
                    zm = value
                } else if index + 5 == s.count, let value = reader.number(at: index + 3, count: 2) {
                    zm = value
                } else if index + 3 != s.count {
                    return date
                }
                offsetMinutes = (zh * 60 + zm) * (sign == UInt8(ascii: "+") ? 1 : -1)
            } else {
                return date
            }
        }
        // Convert to UTC.
        var total = DateValue.daysFromCivil(year, month, day) * 1440 + hour * 60 + minute - offsetMinutes
        let days = Int((Double(total) / 1440).rounded(.down))
        total -= days * 1440
        let (y, m, d) = DateValue.civilFromDays(days)
        let text = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(total / 60, 2)):\(pad(total % 60, 2)):\(pad(second, 2))Z"
        return (text, .time)
    }

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> (String, Precision)? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(year, month) else { return nil }
        return ("\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))", .day)
    }

    private static func daysIn(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The proleptic Gregorian (year, month, day) of `days` since 1970-01-01 (Howard Hinnant's algorithm).
    package static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

private struct DigitReader {
    let bytes: [UInt8]

    func number(at offset: Int, count: Int) -> Int? {
        guard offset >= 0, offset + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[offset..<offset + count] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

/// A `dct:temporal` period of time; either end may be open.
public struct TemporalRange: Hashable, Sendable, Codable {
    /// Start of the period.
    public var start: DateValue?
    /// End of the period.
    public var end: DateValue?

    /// Creates a period.
    public init(start: DateValue? = nil, end: DateValue? = nil) {
        self.start = start
        self.end = end
    }
}

/// A `dct:spatial` coverage: a place IRI, a bounding box, a geometry, or a free label.
public struct SpatialCoverage: Hashable, Sendable, Codable {
    /// A place IRI (e.g. a Geonames or EU place authority IRI).
    public var iri: String?
    /// A label for the place.
    public var label: LocalizedText?
    /// `dcat:bbox` as published (WKT, GML or GeoJSON).
    public var bbox: String?
    /// `locn:geometry` as published (WKT or GeoJSON).
    public var geometry: String?

    /// Creates a spatial coverage.
    public init(iri: String? = nil, label: LocalizedText? = nil, bbox: String? = nil, geometry: String? = nil) {
        self.iri = iri
        self.label = label
        self.bbox = bbox
        self.geometry = geometry
    }
}
