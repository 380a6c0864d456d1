/// Resolves relative IRI references against a base IRI (RFC 3986, section 5.2).
///
/// A private stand-in for the shared IRI resolver, used by the RDF/XML parser for `xml:base`,
/// `rdf:about`, `rdf:resource`, `rdf:ID` and `rdf:datatype`. It works on the string form and
/// only splits on ASCII delimiters, so non-ASCII IRIs pass through untouched.
enum RDFXMLIRIResolver {
    /// The five components of an IRI reference; `nil` means the component is absent.
    struct Components {
        var scheme: Substring?
        var authority: Substring?
        var path: Substring
        var query: Substring?
        var fragment: Substring?
    }

    /// Resolves `reference` against `base`; an absolute reference is returned normalised.
    static func resolve(_ reference: String, against base: String) -> String {
        if isAbsoluteWithoutDotSegments(reference) { return reference }
        let ref = split(reference)
        if ref.scheme != nil {
            return recompose(scheme: ref.scheme, authority: ref.authority,
                             path: removeDotSegments(ref.path), query: ref.query, fragment: ref.fragment)
        }
        let b = split(base)
        let authority: Substring?
        let path: String
        let query: Substring?
        if ref.authority != nil {
            authority = ref.authority
            path = removeDotSegments(ref.path)
            query = ref.query
        } else if ref.path.isEmpty {
            authority = b.authority
            path = String(b.path)
            query = ref.query ?? b.query
        } else if ref.path.hasPrefix("/") {
            authority = b.authority
            path = removeDotSegments(ref.path)
            query = ref.query
        } else {
            authority = b.authority
            path = removeDotSegments(Substring(merge(base: b, referencePath: ref.path)))
            query = ref.query
        }
        return recompose(scheme: b.scheme, authority: authority, path: path, query: query, fragment: ref.fragment)
    }

    /// The common case, checked on bytes: a scheme, then nothing `removeDotSegments` would change.
    static func isAbsoluteWithoutDotSegments(_ reference: String) -> Bool {
        var bytes = reference.utf8.makeIterator()
        guard let first = bytes.next(), (first | 0x20) >= 0x61, (first | 0x20) <= 0x7A else { return false }
        var sawColon = false
        while let byte = bytes.next() {
            if byte == UInt8(ascii: ":") { sawColon = true; break }
            let lower = byte | 0x20
            let ok = (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2B || byte == 0x2D || byte == 0x2E
            if !ok { return false }
        }
        guard sawColon else { return false }
        // A dot segment is "." or ".." between slashes (or at the end) in the path.
        var previous: UInt8 = UInt8(ascii: ":")
        var dotsAfterSlash = -1
        while let byte = bytes.next() {
            if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
            if byte == UInt8(ascii: "/") {
                if dotsAfterSlash == 1 || dotsAfterSlash == 2 { return false }
                dotsAfterSlash = 0
            } else if byte == UInt8(ascii: "."), dotsAfterSlash >= 0, previous == UInt8(ascii: "/") || previous == UInt8(ascii: ".") {
                dotsAfterSlash += 1
            } else {
                dotsAfterSlash = -1
            }
            previous = byte
        }
        return !(dotsAfterSlash == 1 || dotsAfterSlash == 2)
    }

    /// The IRI without its fragment.
    static func stripFragment(_ iri: String) -> String {
        guard let hash = iri.firstIndex(of: "#") else { return iri }
        return String(iri[..<hash])
    }

    /// Splits a reference with the RFC 3986 appendix B pattern, written out by hand.
    static func split(_ string: String) -> Components {
        var rest = Substring(string)
        var fragment: Substring?
        if let hash = rest.firstIndex(of: "#") {
            fragment = rest[rest.index(after: hash)...]
            rest = rest[..<hash]
        }
        var query: Substring?
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var scheme: Substring?
        if let colon = rest.firstIndex(of: ":"), isScheme(rest[..<colon]) {
            scheme = rest[..<colon]
            rest = rest[rest.index(after: colon)...]
        }
        var authority: Substring?
        if rest.hasPrefix("//") {
            let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
            let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
            authority = rest[afterSlashes..<end]
            rest = rest[end...]
        }
        return Components(scheme: scheme, authority: authority, path: rest, query: query, fragment: fragment)
    }

    private static func isScheme(_ candidate: Substring) -> Bool {
        guard let first = candidate.utf8.first, (first | 0x20) >= 0x61, (first | 0x20) <= 0x7A else { return false }
        return candidate.utf8.allSatisfy { byte in
            let lower = byte | 0x20
            return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2B || byte == 0x2D || byte == 0x2E
        }
    }

    private static func merge(base: Components, referencePath: Substring) -> String {
        if base.authority != nil && base.path.isEmpty {
            return "/" + referencePath
        }
        guard let slash = base.path.lastIndex(of: "/") else { return String(referencePath) }
        return String(base.path[...slash]) + referencePath
    }

    /// RFC 3986 section 5.2.4, over the path's segments.
    static func removeDotSegments(_ path: Substring) -> String {
        guard path.contains(".") else { return String(path) }
        var input = path
        var output: [Substring] = []
        // Work segment by segment: each step consumes a prefix of `input`.
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
                var start = input.startIndex
                if input.first == "/" { start = input.index(after: start) }
                let end = input[start...].firstIndex(of: "/") ?? input.endIndex
                let segment = input[input.startIndex..<end]
                output.append(segment)
                input = input[end...]
            }
        }
        return output.joined()
    }

    private static func recompose(scheme: Substring?, authority: Substring?, path: String,
                                  query: Substring?, fragment: Substring?) -> String {
        var result = ""
        if let scheme { result += scheme; result += ":" }
        if let authority { result += "//"; result += authority }
        result += path
        if let query { result += "?"; result += query }
        if let fragment { result += "#"; result += fragment }
        return result
    }
}
