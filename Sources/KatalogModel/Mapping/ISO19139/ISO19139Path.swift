import KatalogRDF

/// A short child-axis path through an ISO 19139 element tree, written like `gmd:citation/gmd:CI_Citation/gmd:title`.
///
/// Each step is `prefix:localName` (prefixes `gmd`, `gco`, `gmx`, `gml`, `srv`, `gmi`) or `*` for any element; `gml`
/// matches both GML 3.2 and GML 3.1 namespaces. Paths only walk down direct children, so their cost is bounded by the
/// part of the tree they name.
struct ISO19139Path: Sendable {
    /// One step: the namespaces an element may have (empty for `*`) and its local name (nil for `*`).
    struct Step: Sendable {
        let namespaces: [String]
        let localName: String?

        func matches(_ element: XMLElement) -> Bool {
            guard let localName else { return true }
            guard element.localName == localName, let namespace = element.namespace else { return false }
            return namespaces.contains(namespace)
        }
    }

    let steps: [Step]

    /// Parses a path; an unknown prefix makes a step that matches nothing.
    init(_ text: String) {
        steps = text.split(separator: "/").map { part in
            if part == "*" { return Step(namespaces: [], localName: nil) }
            guard let colon = part.firstIndex(of: ":") else { return Step(namespaces: [], localName: String(part)) }
            let prefix = String(part[..<colon])
            let name = String(part[part.index(after: colon)...])
            return Step(namespaces: ISO19139Namespace.uris(forPrefix: prefix), localName: name)
        }
    }

    /// Every element the path reaches from `element`, in document order.
    func select(from element: XMLElement) -> [XMLElement] {
        var current = [element]
        for step in steps {
            var next: [XMLElement] = []
            for node in current {
                for child in node.children where step.matches(child) { next.append(child) }
            }
            if next.isEmpty { return [] }
            current = next
        }
        return current
    }

    /// The first element the path reaches from `element`, or nil.
    func first(from element: XMLElement) -> XMLElement? {
        first(from: element, depth: 0)
    }

    private func first(from element: XMLElement, depth: Int) -> XMLElement? {
        guard depth < steps.count else { return element }
        for child in element.children where steps[depth].matches(child) {
            if let found = first(from: child, depth: depth + 1) { return found }
        }
        return nil
    }
}

/// The namespaces of ISO 19139 and the schemas it uses.
enum ISO19139Namespace {
    /// Geographic MetaData.
    static let gmd = "http://www.isotc211.org/2005/gmd"
    /// Geographic COmmon types.
    static let gco = "http://www.isotc211.org/2005/gco"
    /// Geographic Metadata XML extensions (anchors, file names, MIME types).
    static let gmx = "http://www.isotc211.org/2005/gmx"
    /// Service metadata.
    static let srv = "http://www.isotc211.org/2005/srv"
    /// Imagery metadata (ISO 19115-2 `MI_Metadata`).
    static let gmi = "http://www.isotc211.org/2005/gmi"
    /// GML 3.2.
    static let gml32 = "http://www.opengis.net/gml/3.2"
    /// GML 3.1, which older records still use.
    static let gml31 = "http://www.opengis.net/gml"
    /// XLink, for `xlink:href` on anchors.
    static let xlink = "http://www.w3.org/1999/xlink"

    /// The namespace URIs a path prefix stands for.
    static func uris(forPrefix prefix: String) -> [String] {
        switch prefix {
        case "gmd": [gmd]
        case "gco": [gco]
        case "gmx": [gmx]
        case "srv": [srv]
        case "gmi": [gmi]
        case "gml": [gml32, gml31]
        case "xlink": [xlink]
        default: []
        }
    }
}
