/// Supplies the JSON text of remote JSON-LD contexts by URL. Katalog never fetches a context over
/// the network: a context URL that is not registered here fails the parse with
/// ``RDFParseError/Code/unsupported``.
public struct JSONLDContextLoader: Sendable {
    /// Context documents by URL; each text is a JSON object with a top-level `@context`.
    public var documents: [String: String]

    /// A loader with exactly `documents`, plus the bundled contexts when `includeBundled` is true.
    public init(documents: [String: String] = [:], includeBundled: Bool = true) {
        var all = includeBundled ? JSONLDBundledContexts.documentsByURL : [:]
        for (url, text) in documents { all[url] = text }
        self.documents = all
    }

    /// The contexts Katalog ships: DCAT and DCAT-AP, DCAT-US (Project Open Data) 1.1 and Hydra.
    public static let bundled = JSONLDContextLoader()

    /// A loader that knows no contexts at all.
    public static let empty = JSONLDContextLoader(includeBundled: false)

    /// Registers (or replaces) the context document served at `url`.
    public mutating func register(_ json: String, for url: String) {
        documents[url] = json
    }

    /// A copy of this loader with the context document at `url` added.
    public func registering(_ json: String, for url: String) -> JSONLDContextLoader {
        var copy = self
        copy.register(json, for: url)
        return copy
    }

    /// The context document for `url`: an exact match first, then the same URL without its fragment,
    /// then the same URL with `http` and `https` swapped.
    public func document(for url: String) -> String? {
        if let text = documents[url] { return text }
        let withoutFragment = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? url
        if let text = documents[withoutFragment] { return text }
        if withoutFragment.hasPrefix("https://") {
            return documents["http://" + withoutFragment.dropFirst("https://".count)]
        }
        if withoutFragment.hasPrefix("http://") {
            return documents["https://" + withoutFragment.dropFirst("http://".count)]
        }
        return nil
    }
}
