import Foundation
import KatalogStore

/// Whether a run of a source that can list only what changed (OAI-PMH's `from`, CKAN's `metadata_modified`) lists
/// the whole source or only the records changed since the last run that read its listing to the end: a pure decision,
/// tested without I/O.
///
/// A run lists everything when the source is not incremental, when no run stored a mark, when the mark was stored
/// under other settings (another mapping revision, URL, language or format: every record must be mapped again), and
/// when the last full listing is older than the source's `full_every`: only a full listing reads every record again,
/// which catches changes a source makes without moving its change stamps, and records it drops without a word.
enum IncrementalPlan: Sendable, Equatable {
    /// Every record; the reason is logged.
    case full(reason: String)
    /// The records changed since `mark` (a stored `YYYY-MM-DDThh:mm:ssZ` datestamp).
    case changes(since: String)

    /// The plan for a run of `source`, given the stored mark, the fingerprint the run lists under, and the time now.
    static func decide(source: SourceConfig, mark: ListingMark?, fingerprint: String, now: Date) -> IncrementalPlan {
        guard source.incremental else { return .full(reason: "the source sets incremental: false") }
        guard let mark else { return .full(reason: "no earlier run read the source's listing to the end") }
        guard mark.fingerprint == fingerprint else {
            return .full(reason: "the source's settings, Katalog's mapping or the metadata format changed since the last full listing")
        }
        let age = now.timeIntervalSince(mark.fullListingAt)
        guard age < source.fullListingInterval else {
            return .full(reason: "the last full listing began \(Int(age / 3600)) hours ago, at least full_every (\(Int(source.fullListingInterval / 3600)) hours)")
        }
        guard Datestamp.isUTCSeconds(mark.mark) else { return .full(reason: "the stored mark '\(mark.mark.prefix(40))' is not a datestamp") }
        return .changes(since: mark.mark)
    }
}

/// UTC datestamps to the second, `YYYY-MM-DDThh:mm:ssZ`, as marks are stored.
enum Datestamp {
    /// True for `YYYY-MM-DDThh:mm:ssZ` with plausible fields.
    static func isUTCSeconds(_ text: String) -> Bool {
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

    /// `text` to the second with a `Z`, when it is `YYYY-MM-DDThh:mm:ss`, then optionally a fraction (`.` and digits),
    /// then a `Z` (or, with `zoneOptional`, nothing: CKAN writes UTC times without a zone). Dropping the fraction
    /// makes an earlier bound, a safe one. Nil otherwise.
    static func seconds(_ text: String?, zoneOptional: Bool = false) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        var bytes = Array(text.utf8)
        if bytes.last == UInt8(ascii: "Z") {
            bytes.removeLast()
        } else if !zoneOptional {
            return nil
        }
        guard bytes.count >= 19 else { return nil }
        let result = String(decoding: bytes.prefix(19), as: UTF8.self) + "Z"
        guard isUTCSeconds(result) else { return nil }
        let fraction = bytes.dropFirst(19)
        guard fraction.isEmpty || (fraction.first == UInt8(ascii: ".") && fraction.count > 1
                                   && fraction.dropFirst().allSatisfy { $0 >= 48 && $0 <= 57 }) else { return nil }
        return result
    }

    /// `mark` moved back by `seconds`, as `YYYY-MM-DDThh:mm:ssZ`; `mark` itself when it cannot be read.
    static func subtracting(_ seconds: TimeInterval, from mark: String) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: mark) else { return mark }
        return formatter.string(from: date.addingTimeInterval(-seconds))
    }
}
