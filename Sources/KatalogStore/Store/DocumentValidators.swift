/// What a fully applied run knows of a source's document, so the next run can tell it is unchanged.
///
/// `etag` and `lastModified` are the server's validators, sent back as `If-None-Match` / `If-Modified-Since`.
/// `contentSHA256` is the digest of the body Katalog applied: a server that sends no validators, or new ones for
/// the same bytes, still needs no parse. `mapping` names how the body was mapped (Katalog's mapping revision and
/// the source's settings); validators stored under another mapping are never trusted, so an upgrade or a changed
/// setting re-maps the source once.
public struct DocumentValidators: Sendable, Hashable {
    /// The server's `ETag`.
    public var etag: String?
    /// The server's `Last-Modified`.
    public var lastModified: String?
    /// Lower-case hex SHA-256 of the body.
    public var contentSHA256: String?
    /// The mapping fingerprint the body was applied with.
    public var mapping: String?

    /// Creates validators.
    public init(etag: String? = nil, lastModified: String? = nil, contentSHA256: String? = nil, mapping: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
        self.contentSHA256 = contentSHA256
        self.mapping = mapping
    }

    /// True when nothing would let a later run recognise the document.
    public var isEmpty: Bool { etag == nil && lastModified == nil && contentSHA256 == nil }
}
