import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A swift-log handler that writes each message as one line of JSON, for log pipelines (journald, Loki,
/// Elasticsearch) that read fields rather than text (`katalog … --log-format json`).
///
/// A line holds `time` (UTC, milliseconds), `level`, `label`, `source` (the module), `message`, then each metadata
/// value under its own key (`"http.status": "200"`, `"harvest.source": "skolverket"`). A metadata key that would
/// take the place of one of those five is written as `metadata.<key>`. Strings are escaped, so a message holding
/// a line break or a quote never splits or breaks a line.
public struct JSONLogHandler: LogHandler {
    /// Where lines go: standard error by default.
    public typealias Output = @Sendable (_ line: [UInt8]) -> Void

    private let label: String
    private let output: Output
    private let now: @Sendable () -> Date
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    /// A handler for `label` writing to `output` (standard error when nil), with the time from `now`.
    public init(label: String, output: Output? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.label = label
        self.output = output ?? JSONLogHandler.standardError
        self.now = now
        metadataProvider = LoggingSystem.metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let explicit = event.metadata { merged.merge(explicit) { _, new in new } }
        output(JSONLogHandler.line(time: now(), level: event.level, label: label, source: event.source,
                                   message: event.message.description, metadata: merged))
    }

    /// Writes `message` to standard error as a `notice` line whatever the log level: what a command must tell the
    /// operator (the address `katalog serve` listens on) in the same form as its log lines.
    public static func announce(_ message: String, label: String = "katalog", source: String = "katalog") {
        standardError(line(time: Date(), level: .notice, label: label, source: source, message: message, metadata: [:]))
    }

    /// One event as a line of JSON, ending in a line feed.
    static func line(time: Date, level: Logger.Level, label: String, source: String, message: String,
                     metadata: Logger.Metadata) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(256)
        line.append(contentsOf: #"{"time":""#.utf8)
        line.append(contentsOf: timestamp(time).utf8)
        line.append(contentsOf: #"","level":""#.utf8)
        line.append(contentsOf: level.rawValue.utf8)
        line.append(contentsOf: #"","label":"#.utf8)
        appendString(label, to: &line)
        line.append(contentsOf: #","source":"#.utf8)
        appendString(source, to: &line)
        line.append(contentsOf: #","message":"#.utf8)
        appendString(message, to: &line)
        for key in metadata.keys.sorted() {
            line.append(UInt8(ascii: ","))
            appendString(reserved.contains(key) ? "metadata." + key : key, to: &line)
            line.append(UInt8(ascii: ":"))
            appendValue(metadata[key]!, to: &line)
        }
        line.append(contentsOf: "}\n".utf8)
        return line
    }

    /// The keys every line has.
    static let reserved: Set<String> = ["time", "level", "label", "source", "message"]

    static func appendValue(_ value: Logger.Metadata.Value, to line: inout [UInt8]) {
        switch value {
        case .string(let text):
            appendString(text, to: &line)
        case .stringConvertible(let convertible):
            appendString(convertible.description, to: &line)
        case .array(let values):
            line.append(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                appendValue(element, to: &line)
            }
            line.append(UInt8(ascii: "]"))
        case .dictionary(let dictionary):
            line.append(UInt8(ascii: "{"))
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                appendString(key, to: &line)
                line.append(UInt8(ascii: ":"))
                appendValue(dictionary[key]!, to: &line)
            }
            line.append(UInt8(ascii: "}"))
        }
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped (JSON's short forms where it has
    /// them), everything else as UTF-8.
    static func appendString(_ text: String, to line: inout [UInt8]) {
        line.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): line.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): line.append(contentsOf: #"\\"#.utf8)
            case 0x0A: line.append(contentsOf: #"\n"#.utf8)
            case 0x0D: line.append(contentsOf: #"\r"#.utf8)
            case 0x09: line.append(contentsOf: #"\t"#.utf8)
            case 0x00..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                line.append(contentsOf: #"\u00"#.utf8)
                line.append(hex[Int(byte >> 4)])
                line.append(hex[Int(byte & 0x0F)])
            default: line.append(byte)
            }
        }
        line.append(UInt8(ascii: "\""))
    }

    /// `2026-12-07T18:41:56.123Z`.
    static func timestamp(_ date: Date) -> String {
        // To the nearest millisecond: 0.05 s is stored as 0.04999…, which must not print as 049.
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var whole = time_t(milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000)
        let millis = Int(milliseconds - Int64(whole) * 1000)
        var parts = tm()
        gmtime_r(&whole, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let milliText = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):"
            + "\(two(parts.tm_min)):\(two(parts.tm_sec)).\(milliText)Z"
    }

    /// Serialises whole lines onto standard error, so lines from different threads never interleave.
    private static let writeLock = Mutex(())

    private static let standardError: Output = { line in
        writeLock.withLock { _ in
            line.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0, errno == EINTR {
                        continue
                    } else {
                        return
                    }
                }
            }
        }
    }
}
