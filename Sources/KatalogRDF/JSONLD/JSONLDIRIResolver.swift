/// RFC 3986 §5 reference resolution for the JSON-LD parser, kept private to this folder until the
/// shared `IRI.resolve(_:against:)` is available.
enum JSONLDIRIResolver {
    /// The five components of an IRI reference (RFC 3986 §3); nil means "not present".
    struct Components {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?
    }

    /// True when `value` starts with a scheme (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`).
    static func hasScheme(_ value: String) -> Bool {
        var first = true
        for byte in value.utf8 {
            if byte == UInt8(ascii: ":") { return !first }
            let isAlpha = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            if first {
                guard isAlpha else { return false }
                first = false
                continue
            }
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            guard isAlpha || isDigit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else {
                return false
            }
        }
        return false
    }

    /// Splits an IRI reference into its components (RFC 3986 appendix B).
    static func split(_ reference: String) -> Components {
        var rest = Substring(reference)
        var components = Components(path: "")
        if let hash = rest.firstIndex(of: "#") {
            components.fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            components.query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        if hasScheme(String(rest)), let colon = rest.firstIndex(of: ":") {
            components.scheme = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            components.authority = String(rest[..<end])
            rest = rest[end...]
        }
        components.path = String(rest)
        return components
    }

    /// Joins components back into a string (RFC 3986 §5.3).
    static func recompose(_ components: Components) -> String {
        var result = ""
        if let scheme = components.scheme { result += scheme + ":" }
        if let authority = components.authority { result += "//" + authority }
        result += components.path
        if let query = components.query { result += "?" + query }
        if let fragment = components.fragment { result += "#" + fragment }
        return result
    }

    /// Resolves `reference` against `base` (RFC 3986 §5.2.2). Without a base, or with a base that has
    /// no scheme, the reference is returned unchanged.
    static func resolve(_ reference: String, against base: String?) -> String {
        let ref = split(reference)
        if ref.scheme != nil {
            var target = ref
            target.path = removeDotSegments(ref.path)
            return recompose(target)
        }
        guard let base else { return reference }
        let baseParts = split(base)
        guard baseParts.scheme != nil else { return reference }
        var target = Components(scheme: baseParts.scheme, path: "")
        if ref.authority != nil {
            target.authority = ref.authority
            target.path = removeDotSegments(ref.path)
            target.query = ref.query
        } else {
            target.authority = baseParts.authority
            if ref.path.isEmpty {
                target.path = baseParts.path
                target.query = ref.query ?? baseParts.query
            } else {
                if ref.path.hasPrefix("/") {
                    target.path = removeDotSegments(ref.path)
                } else {
                    target.path = removeDotSegments(merge(base: baseParts, path: ref.path))
                }
                target.query = ref.query
            }
        }
        target.fragment = ref.fragment
        return recompose(target)
    }

    private static func merge(base: Components, path: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return String(base.path[...slash]) + path
    }

    /// RFC 3986 §5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        guard path.utf8.contains(UInt8(ascii: ".")) else { return path }
        var input = Substring(path)
        var output: [Substring] = []
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." {
                input = ""
            } else {
                let searchStart = input.hasPrefix("/") ? input.index(after: input.startIndex) : input.startIndex
                let end = input[searchStart...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[..<end])
                input = input[end...]
            }
        }
        return output.joined()
    }
}
