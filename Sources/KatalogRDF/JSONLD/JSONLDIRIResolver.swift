/// The JSON-LD parser's view of IRI resolution: the shared RFC 3986 resolver, with an optional base.
enum JSONLDIRIResolver {
    /// True when `value` starts with a scheme (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`).
    @inline(__always)
    static func hasScheme(_ value: String) -> Bool {
        IRI.isAbsolute(value)
    }

    /// Resolves `reference` against `base`. An absolute reference comes back with its dot segments
    /// removed; a relative one without an absolute base comes back unchanged.
    static func resolve(_ reference: String, against base: String?) -> String {
        IRI.resolve(reference, against: base ?? "")
    }
}
