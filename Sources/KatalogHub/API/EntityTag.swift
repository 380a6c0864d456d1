import Foundation

/// HTTP entity tags for API answers, and the `If-None-Match` check (RFC 9110 §13.1.2, weak comparison).
enum EntityTag {
    /// A weak tag for a search: the same query string at the same catalogue version has the same result
    /// (only `query_time_ms` differs, hence weak).
    static func search(query: String, catalogueVersion: Int64) -> String {
        "W/\"s\(catalogueVersion)-\(hex(fnv1a(Data(query.utf8))))\""
    }

    /// A strong tag for a body: its FNV-1a hash and length.
    static func body(_ data: Data) -> String {
        "\"\(hex(fnv1a(data)))-\(String(data.count, radix: 16))\""
    }

    /// Whether an `If-None-Match` header value matches `tag` (`*`, or any listed tag, compared weakly).
    static func matches(ifNoneMatch header: String, _ tag: String) -> Bool {
        let wanted = opaque(tag)
        for candidate in header.split(separator: ",") {
            let trimmed = candidate.trimmingCharacters(in: .whitespaces)
            if trimmed == "*" || opaque(trimmed) == wanted { return true }
        }
        return false
    }

    private static func opaque(_ tag: some StringProtocol) -> Substring {
        let text = Substring(tag)
        return text.hasPrefix("W/") ? text.dropFirst(2) : text
    }

    private static func fnv1a(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
