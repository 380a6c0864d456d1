/// Katalog's stable dataset identifier, derived from the source name and the source's own identifier.
///
/// The same record harvested again always gets the same id, so links into the hub stay valid.
public enum DatasetID {
    /// The id for a record of a source: 20 lower-case hex digits of SHA-256(source ␀ identifier).
    public static func make(source: String, sourceIdentifier: String) -> String {
        var hasher = SHA256()
        hasher.update(source.utf8)
        hasher.update([0])
        hasher.update(sourceIdentifier.utf8)
        return String(SHA256.hexString(hasher.finalize()).prefix(20))
    }

    /// True when `text` has the shape of an id (so it can be looked up without a scan).
    public static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 20 && isLowerHex(text)
    }

    /// True when every character of `text` is one an id is made of (`0-9`, `a-f`); a prefix of ids has only these.
    public static func isLowerHex(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }
}
