import Foundation

/// A source's configured URL taken apart, for the protocols that add query parameters of their own to it (CSW,
/// OAI-PMH): the base without query and fragment, and the query's parameters as written.
struct ConfiguredURL: Sendable, Equatable {
    /// One `name=value` pair of the query: name and value percent-decoded, and the pair exactly as written.
    struct Parameter: Sendable, Equatable {
        var name: String
        var value: String
        var written: String
    }

    /// The URL without its query and fragment.
    var base: String
    /// The query's parameters, in order.
    var parameters: [Parameter]

    /// Takes `url` apart.
    init(_ url: String) {
        var base = url
        if let fragment = base.firstIndex(of: "#") { base = String(base[..<fragment]) }
        var parameters: [Parameter] = []
        if let mark = base.firstIndex(of: "?") {
            let query = base[base.index(after: mark)...]
            for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
                let name: Substring
                let value: Substring
                if let equals = pair.firstIndex(of: "=") {
                    name = pair[..<equals]
                    value = pair[pair.index(after: equals)...]
                } else {
                    name = pair
                    value = ""
                }
                parameters.append(Parameter(name: String(name).removingPercentEncoding ?? String(name),
                                            value: String(value).removingPercentEncoding ?? String(value),
                                            written: String(pair)))
            }
            base = String(base[..<mark])
        }
        self.base = base
        self.parameters = parameters
    }

    /// The pairs, as written, of the parameters whose lower-cased names are not in `names`.
    func written(excluding names: Set<String>) -> [String] {
        parameters.filter { !names.contains($0.name.lowercased()) }.map(\.written)
    }
}
