import Foundation

extension DCATFixtureCatalogue.Page {
    /// True when a GET with these validators should be answered `304 Not Modified` (RFC 9110 §13.2.2).
    ///
    /// `If-None-Match` wins when present: `*` or any listed tag equal to ``etag`` under weak comparison
    /// (`W/` ignored). Only without it is `If-Modified-Since` used: not modified when ``lastModified`` is at or
    /// before the given date. An unparseable date is ignored, as the RFC asks.
    public func isNotModified(ifNoneMatch: String?, ifModifiedSince: String?) -> Bool {
        if let ifNoneMatch {
            return Self.matches(ifNoneMatch, etag: etag)
        }
        if let text = ifModifiedSince, let since = FixtureHTTPDate.parse(text) {
            return lastModified <= since
        }
        return false
    }

    /// `Last-Modified` as an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
    public var lastModifiedHeader: String {
        FixtureHTTPDate.format(lastModified)
    }

    static func matches(_ header: String, etag: String) -> Bool {
        let own = weak(etag)
        for part in header.split(separator: ",") {
            let tag = part.trimmingCharacters(in: .whitespaces)
            if tag == "*" || weak(tag) == own { return true }
        }
        return false
    }

    static func weak(_ tag: String) -> Substring {
        tag.hasPrefix("W/") ? tag.dropFirst(2) : Substring(tag)
    }
}

/// HTTP dates (RFC 9110 §5.6.7): written as IMF-fixdate, read in all three historical forms.
enum FixtureHTTPDate {
    static let formats = [
        "EEE, dd MMM yyyy HH:mm:ss 'GMT'",   // IMF-fixdate
        "EEEE, dd-MMM-yy HH:mm:ss 'GMT'",    // RFC 850
        "EEE MMM d HH:mm:ss yyyy",           // asctime
    ]

    static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = format
        return formatter
    }

    /// Formats `date` as an IMF-fixdate.
    static func format(_ date: Date) -> String {
        formatter(formats[0]).string(from: date)
    }

    /// Parses any of the three HTTP date forms; nil when none fits.
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for format in formats {
            if let date = formatter(format).date(from: trimmed) { return date }
        }
        return nil
    }
}
