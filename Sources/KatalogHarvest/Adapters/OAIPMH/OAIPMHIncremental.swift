import Foundation
import KatalogStore

/// Whether a run of an OAI-PMH source lists the whole repository or only the records changed since the last run that
/// read its list to the end (`from`), and the datestamps involved: pure values, tested without I/O.
///
/// A run lists everything when the source is not incremental, when no run stored a mark, when the mark was stored
/// under other settings (another mapping revision, URL, language or metadata format: the records must be mapped again),
/// and when the last full listing is older than the source's `full_every`: only a full listing deletes records that a
/// repository stops listing without reporting them deleted (`deletedRecord` `no` or `transient`).
enum OAIPMHIncremental {
    /// What a run asks for.
    enum Plan: Sendable, Equatable {
        /// Every record; the reason is logged.
        case full(reason: String)
        /// The records changed since `mark` (a stored `YYYY-MM-DDThh:mm:ssZ` datestamp).
        case changes(since: String)
    }

    /// The plan for a run of `source` listing `prefix`, given the stored mark and the time now.
    static func plan(source: SourceConfig, mark: ListingMark?, fingerprint: String, now: Date) -> Plan {
        guard source.incremental else { return .full(reason: "the source sets incremental: false") }
        guard let mark else { return .full(reason: "no earlier run read the repository's list to the end") }
        guard mark.fingerprint == fingerprint else {
            return .full(reason: "the source's settings, Katalog's mapping or the metadata format changed since the last full listing")
        }
        let age = now.timeIntervalSince(mark.fullListingAt)
        guard age < source.fullListingInterval else {
            return .full(reason: "the last full listing began \(Int(age / 3600)) hours ago, at least full_every (\(Int(source.fullListingInterval / 3600)) hours)")
        }
        guard isDatestamp(mark.mark) else { return .full(reason: "the stored mark '\(mark.mark.prefix(40))' is not a datestamp") }
        return .changes(since: mark.mark)
    }

    /// What a listing under `prefix` is stored against: the source's mapping fingerprint and the format.
    static func fingerprint(source: SourceConfig, prefix: String) -> String {
        source.mappingFingerprint + " " + prefix
    }

    /// A `responseDate` as a mark: `YYYY-MM-DDThh:mm:ssZ` with any fraction of a second dropped (an earlier bound is a
    /// safe one); nil when it is not a UTC datestamp, as OAI-PMH requires.
    static func mark(responseDate: String?) -> String? {
        guard let text = responseDate?.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return nil }
        let seconds = String(decoding: bytes.prefix(19), as: UTF8.self) + "Z"
        guard isDatestamp(seconds) else { return nil }
        // Between the seconds and the `Z`, only a fraction: `.` and digits.
        let middle = bytes.dropFirst(19).dropLast()
        guard middle.isEmpty || (middle.first == UInt8(ascii: ".") && middle.count > 1
                                 && middle.dropFirst().allSatisfy { $0 >= 48 && $0 <= 57 }) else { return nil }
        return seconds
    }

    /// The `from` argument for `mark` at the repository's `granularity`: the day alone unless the repository says it
    /// takes seconds (every repository takes days).
    static func from(mark: String, granularity: String?) -> String {
        granularity == "YYYY-MM-DDThh:mm:ssZ" ? mark : String(mark.prefix(10))
    }

    /// True for `YYYY-MM-DDThh:mm:ssZ` with plausible fields.
    static func isDatestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 else { return false }
        for (index, byte) in bytes.enumerated() {
            switch index {
            case 4, 7: guard byte == UInt8(ascii: "-") else { return false }
            case 10: guard byte == UInt8(ascii: "T") else { return false }
            case 13, 16: guard byte == UInt8(ascii: ":") else { return false }
            case 19: guard byte == UInt8(ascii: "Z") else { return false }
            default: guard byte >= 48, byte <= 57 else { return false }
            }
        }
        func field(_ range: Range<Int>) -> Int { Int(String(decoding: bytes[range], as: UTF8.self)) ?? -1 }
        return (1...12).contains(field(5..<7)) && (1...31).contains(field(8..<10)) && field(11..<13) < 24
            && field(14..<16) < 60 && field(17..<19) < 61
    }
}
