extension CKANMapper {
    /// Why a package must not be published in the catalogue.
    public enum Unpublishable: String, Hashable, Sendable {
        /// `state` is `deleted`.
        case deleted
        /// `private` is true.
        case `private`
        /// `state` is `draft` (an unfinished package that leaked into the API).
        case draft
    }

    /// True when the package may be harvested: not deleted, not a draft, not private.
    public static func isPublishable(_ package: JSONValue) -> Bool {
        unpublishableReason(package) == nil
    }

    /// Why the package must be skipped, or nil when it may be harvested.
    public static func unpublishableReason(_ package: JSONValue) -> Unpublishable? {
        let state = package["state"]?.string?.trimmingWhitespace().lowercased()
        if state == "deleted" { return .deleted }
        if state == "draft" { return .draft }
        switch package["private"] {
        case .bool(true)?: return .private
        case .string(let text)? where text.lowercased() == "true": return .private
        default: return nil
        }
    }
}
