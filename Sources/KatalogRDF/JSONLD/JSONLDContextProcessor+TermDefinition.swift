extension JSONLDContextProcessor {
    /// Characters after which a simple term's IRI makes the term usable as a compact IRI prefix.
    private static let genDelims: Set<Character> = [":", "/", "?", "#", "[", "]", "@"]
    /// Container values JSON-LD 1.1 allows.
    private static let containerKeywords: Set<String> = ["@graph", "@id", "@index", "@language", "@list", "@set", "@type"]

    /// Create Term Definition (JSON-LD 1.1 API §4.2.2) for `term` of the local context `local`.
    mutating func defineTerm(
        _ term: String, from local: JSONLDObject, in active: inout JSONLDActiveContext, defined: inout [String: Bool],
        base: String?, isProtected: Bool, overrideProtected: Bool
    ) throws {
        if let state = defined[term] {
            if state { return }
            throw error("cyclic IRI mapping involving the term \"\(term)\"")
        }
        guard !term.isEmpty else { throw error("invalid term definition: the empty string is not a term") }
        defined[term] = false
        var value = local[term] ?? .null
        if term == "@type" {
            guard case .object(let object) = value, object.count > 0,
                  object.keys.allSatisfy({ $0 == "@container" || $0 == "@protected" }),
                  object["@container"] == nil || object["@container"] == .string("@set") else {
                throw error("keyword redefinition: @type may only be given \"@container\": \"@set\" or @protected")
            }
        } else if JSONLDActiveContext.keywords.contains(term) {
            throw error("keyword redefinition: \"\(term)\" cannot be redefined")
        } else if JSONLDActiveContext.hasKeywordForm(term) {
            defined[term] = true
            return
        }
        let previous = active.terms.removeValue(forKey: term)
        var simpleTerm = false
        switch value {
        case .null: value = .object(Self.nullMapping)
        case .string(let id):
            simpleTerm = true
            var object = JSONLDObject()
            object.set("@id", .string(id))
            value = .object(object)
        case .object: break
        default: throw error("invalid term definition for \"\(term)\": expected a string, an object or null, found \(value.kindName)")
        }
        guard case .object(let object) = value else { return }
        var definition = JSONLDTermDefinition()
        definition.isProtected = object["@protected"].map { $0 == .bool(true) } ?? isProtected
        if case .string(let type)? = object["@type"] {
            let expanded = try expandIRI(type, in: &active, local: local, defined: &defined, base: base, vocab: true)
            guard let expanded, ["@id", "@vocab", "@json", "@none"].contains(expanded) || IRI.isAbsolute(expanded) else {
                throw error("invalid type mapping \"\(type)\" for the term \"\(term)\"")
            }
            definition.typeMapping = expanded
        } else if let type = object["@type"], type != .null {
            throw error("invalid type mapping for the term \"\(term)\": expected a string")
        }
        if let reverse = object["@reverse"] {
            guard object["@id"] == nil, object["@nest"] == nil else {
                throw error("invalid reverse property \"\(term)\": @reverse cannot be combined with @id or @nest")
            }
            guard case .string(let reverseIRI) = reverse else { throw error("invalid IRI mapping: @reverse of \"\(term)\" must be a string") }
            if JSONLDActiveContext.hasKeywordForm(reverseIRI) { defined[term] = true; return }
            guard let expanded = try expandIRI(reverseIRI, in: &active, local: local, defined: &defined, base: base, vocab: true),
                  expanded.utf8.contains(UInt8(ascii: ":")) else {
                throw error("invalid IRI mapping \"\(reverseIRI)\" in @reverse of \"\(term)\"")
            }
            definition.iri = expanded
            definition.isReverse = true
        } else if let id = object["@id"], id != .string(term) {
            switch id {
            case .null:
                definition.iri = nil
            case .string(let idString):
                if !JSONLDActiveContext.keywords.contains(idString) && JSONLDActiveContext.hasKeywordForm(idString) {
                    defined[term] = true
                    return
                }
                guard let expanded = try expandIRI(idString, in: &active, local: local, defined: &defined, base: base, vocab: true),
                      JSONLDActiveContext.keywords.contains(expanded) || expanded.utf8.contains(UInt8(ascii: ":")) else {
                    throw error("invalid IRI mapping \"\(idString)\" for the term \"\(term)\"")
                }
                if expanded == "@context" { throw error("invalid keyword alias: \"\(term)\" cannot alias @context") }
                definition.iri = expanded
                let innerColon = term.dropFirst().dropLast().utf8.contains(UInt8(ascii: ":"))
                if innerColon || term.utf8.contains(UInt8(ascii: "/")) {
                    defined[term] = true
                    let own = try expandIRI(term, in: &active, local: local, defined: &defined, base: base, vocab: true)
                    if own != expanded {
                        throw error("invalid IRI mapping: the term \"\(term)\" looks like an IRI but maps to a different one")
                    }
                }
                if !term.utf8.contains(UInt8(ascii: ":")) && !term.utf8.contains(UInt8(ascii: "/")) && simpleTerm,
                   expanded.hasPrefix("_:") || expanded.last.map({ Self.genDelims.contains($0) }) == true {
                    definition.isPrefix = true
                }
            default:
                throw error("invalid IRI mapping for the term \"\(term)\": @id must be a string or null")
            }
        } else if let colon = term.dropFirst().firstIndex(of: ":") {
            let prefix = String(term[..<colon])
            let suffix = term[term.index(after: colon)...]
            if local[prefix] != nil {
                try defineTerm(prefix, from: local, in: &active, defined: &defined, base: base, isProtected: isProtected, overrideProtected: overrideProtected)
            }
            if let prefixIRI = active.terms[prefix]?.iri, !suffix.hasPrefix("//") {
                definition.iri = prefixIRI + suffix
            } else {
                definition.iri = term
            }
        } else if term.utf8.contains(UInt8(ascii: "/")) {
            guard let expanded = active.expandIRI(term, vocab: true), IRI.isAbsolute(expanded) else {
                throw error("invalid IRI mapping: the term \"\(term)\" is a relative IRI with no @vocab")
            }
            definition.iri = expanded
        } else if term == "@type" {
            definition.iri = "@type"
        } else if let vocabulary = active.vocabulary {
            definition.iri = vocabulary + term
        } else {
            throw error("invalid IRI mapping: the term \"\(term)\" has no @id and the context has no @vocab")
        }
        try applyOptions(of: object, term: term, to: &definition, active: &active, local: local, defined: &defined, base: base)
        if let previous, previous.isProtected, !overrideProtected {
            guard previous == Self.unprotected(definition, like: previous) else {
                throw error("protected term redefinition: \"\(term)\" is protected and cannot be changed")
            }
            definition = previous
        }
        active.terms[term] = definition
        defined[term] = true
    }

    private static var nullMapping: JSONLDObject {
        var object = JSONLDObject()
        object.set("@id", .null)
        return object
    }

    private static func unprotected(_ definition: JSONLDTermDefinition, like previous: JSONLDTermDefinition) -> JSONLDTermDefinition {
        var copy = definition
        copy.isProtected = previous.isProtected
        return copy
    }

    private mutating func applyOptions(
        of object: JSONLDObject, term: String, to definition: inout JSONLDTermDefinition, active: inout JSONLDActiveContext,
        local: JSONLDObject, defined: inout [String: Bool], base: String?
    ) throws {
        if let container = object["@container"], container != .null {
            var values: Set<String> = []
            for item in container.asArray {
                guard case .string(let name) = item, Self.containerKeywords.contains(name) else {
                    throw error("invalid container mapping for the term \"\(term)\"")
                }
                values.insert(name)
            }
            if definition.isReverse && !values.isSubset(of: ["@set", "@index"]) {
                throw error("invalid reverse property \"\(term)\": only @set or @index containers are allowed")
            }
            definition.container = values
        }
        if let index = object["@index"] {
            guard definition.container.contains("@index"), case .string(let property) = index else {
                throw error("invalid term definition for \"\(term)\": @index needs an @index container and a string")
            }
            definition.indexProperty = property
        }
        if let context = object["@context"] {
            definition.localContext = context
            definition.localContextBase = base
        }
        if let language = object["@language"], object["@type"] == nil {
            switch language {
            case .null: definition.language = .none
            case .string(let tag): definition.language = .tag(tag.lowercased())
            default: throw error("invalid language mapping for the term \"\(term)\"")
            }
        }
        if let nest = object["@nest"] {
            guard case .string(let value) = nest, value == "@nest" || !JSONLDActiveContext.keywords.contains(value) else {
                throw error("invalid @nest value for the term \"\(term)\"")
            }
            definition.nest = value
        }
        if let prefix = object["@prefix"] {
            guard case .bool(let flag) = prefix, !term.utf8.contains(UInt8(ascii: ":")), !term.utf8.contains(UInt8(ascii: "/")) else {
                throw error("invalid @prefix value for the term \"\(term)\"")
            }
            definition.isPrefix = flag
        }
    }

    /// IRI expansion during context processing: defines terms of `local` on demand first.
    mutating func expandIRI(
        _ value: String, in active: inout JSONLDActiveContext, local: JSONLDObject, defined: inout [String: Bool],
        base: String?, vocab: Bool
    ) throws -> String? {
        if JSONLDActiveContext.keywords.contains(value) { return value }
        if local[value] != nil, defined[value] != true {
            try defineTerm(value, from: local, in: &active, defined: &defined, base: base,
                           isProtected: local["@protected"] == .bool(true), overrideProtected: false)
        }
        if let colon = value.dropFirst().firstIndex(of: ":") {
            let prefix = String(value[..<colon])
            if local[prefix] != nil, defined[prefix] != true {
                try defineTerm(prefix, from: local, in: &active, defined: &defined, base: base,
                               isProtected: local["@protected"] == .bool(true), overrideProtected: false)
            }
        }
        return active.expandIRI(value, documentRelative: false, vocab: vocab)
    }
}
