extension String {
    /// Whether any UTF-8 byte of the string satisfies `test`, scanned as a contiguous buffer.
    ///
    /// The generic `utf8.contains(where:)` walks the view index by index and was a measurable share of a DCAT
    /// harvest, where every term of every dataset is checked for characters to escape. Inlinable, so the test is
    /// specialised into the caller's loop.
    @inlinable
    public func containsUTF8Byte(where test: (UInt8) throws -> Bool) rethrows -> Bool {
        var text = self
        return try text.withUTF8 { try $0.contains(where: test) }
    }
}
