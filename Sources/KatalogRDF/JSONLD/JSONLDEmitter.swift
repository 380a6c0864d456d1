/// Walks a decoded JSON-LD document the way the JSON-LD 1.1 expansion algorithm does and hands the
/// triples of the JSON-LD 1.1 *deserialize to RDF* algorithm to a sink as soon as each is known, without
/// building the expanded document or the node map. Named graphs are merged into the default graph.
struct JSONLDEmitter<Sink: TripleSink> {
    /// One expanded value, ready to become the object of a triple.
    indirect enum Item {
        /// A node reference or a literal.
        case term(Term)
        /// An `@list`, converted to an `rdf:first`/`rdf:rest` chain when used.
        case list([Item])
        /// A value that has no RDF form (e.g. a relative IRI); kept so list positions stay right.
        case dropped
    }

    /// Values a map container (`@id`, `@type`, `@index`) adds to the node objects it holds.
    struct Injection {
        var id: String?
        var type: String?
        var index: (property: String, value: Item)?
    }

    var sink: Sink
    var processor: JSONLDContextProcessor
    let limits: ParserLimits
    let documentBase: String?
    private var blankCounter = 0
    private var blankLabels: [String: String] = [:]
    /// Term definitions held by the active contexts of the node objects being expanded, outer to inner. Each
    /// nested context is a copy of the one around it with its own terms applied, and all are alive down the
    /// recursion: 500 levels each adding one term to a 6,334-term context held 1.4 GiB (found by fuzzing).
    private var liveTerms = 0
    /// Most term definitions the contexts on the path to a node may hold together (about 70 MB).
    static var maxLiveTerms: Int { 250_000 }

    init(sink: Sink, processor: JSONLDContextProcessor, limits: ParserLimits, documentBase: String?) {
        self.sink = sink
        self.processor = processor
        self.limits = limits
        self.documentBase = documentBase
    }

    /// Converts a whole document.
    mutating func emitDocument(_ document: JSONLDValue) throws {
        _ = try expand(document, active: JSONLDActiveContext(base: documentBase), property: nil, depth: 0)
    }

    // MARK: - Expansion

    /// Expands `element` found as the value of `property` (nil at top level), emitting the triples of
    /// every node object inside it, and returns the values it stands for.
    mutating func expand(
        _ element: JSONLDValue, active: JSONLDActiveContext, property: String?, depth: Int,
        fromMap: Bool = false, injection: Injection? = nil
    ) throws -> [Item] {
        if depth > limits.maxDepth {
            throw processor.error("JSON-LD nesting deeper than \(limits.maxDepth) levels", code: .limitExceeded)
        }
        let definition = active.definition(property)
        switch element {
        case .null:
            return []
        case .array(let values):
            var items: [Item] = []
            for value in values {
                let expanded = try expand(value, active: active, property: property, depth: depth + 1, fromMap: fromMap, injection: injection)
                if definition?.container.contains("@list") == true, case .array = value {
                    items.append(.list(expanded))
                } else {
                    items.append(contentsOf: expanded)
                }
            }
            return items
        case .string, .number, .bool:
            guard let property, property != "@graph" else { return [] }
            var context = active
            if let scoped = definition?.localContext {
                context = try processor.process(active, local: scoped, base: definition?.localContextBase, overrideProtected: true)
            }
            if let injection, injection.id != nil || injection.type != nil, case .string(let reference) = element {
                // A string in an @id or @type map is a node reference.
                var node = JSONLDObject()
                node.set("@id", .string(reference))
                return try expandMap(node, active: context, typeScoped: context, property: property, depth: depth, injection: injection)
            }
            return [try expandValue(element, property: property, active: context)]
        case .object(let object):
            var context = active
            var processed = false
            if context.previousContext != nil && !fromMap && !isValueOrReference(object, active: context) {
                context = context.previousContext?.context ?? context
            }
            if let scoped = definition?.localContext {
                context = try processor.process(context, local: scoped, base: definition?.localContextBase, overrideProtected: true)
                processed = true
            }
            if let local = object["@context"] {
                context = try processor.process(context, local: local, base: documentBase)
                processed = true
            }
            let typeScoped = context
            var typeScopedApplied = false
            for key in object.keys.sorted() where context.expandIRI(key, vocab: true) == "@type" {
                for type in (object[key] ?? .null).asArray.compactMap(\.stringValue).sorted() {
                    if let scoped = typeScoped.terms[type]?.localContext {
                        context = try processor.process(context, local: scoped, base: typeScoped.terms[type]?.localContextBase, propagate: false)
                        typeScopedApplied = true
                    }
                }
            }
            // Contexts made here live while the node's members are expanded; their terms count against the bound on
            // what the path holds.
            var held = 0
            if processed || typeScopedApplied { held += context.terms.count }  // the one the members are expanded in
            if processed && typeScopedApplied { held += typeScoped.terms.count }  // and the one before the type's
            liveTerms += held
            defer { liveTerms -= held }
            if liveTerms > Self.maxLiveTerms {
                throw processor.error("JSON-LD contexts nested around one node hold more than \(Self.maxLiveTerms) term "
                                      + "definitions together; refused", code: .limitExceeded)
            }
            return try expandMap(object, active: context, typeScoped: typeScoped, property: property, depth: depth, injection: injection)
        }
    }

    private func isValueOrReference(_ object: JSONLDObject, active: JSONLDActiveContext) -> Bool {
        let expanded = object.keys.filter { $0 != "@context" }.map { active.expandIRI($0, vocab: true) }
        return expanded.contains("@value") || (expanded.count == 1 && expanded[0] == "@id")
    }

    /// Expands a JSON object once its active context is settled.
    private mutating func expandMap(
        _ object: JSONLDObject, active: JSONLDActiveContext, typeScoped: JSONLDActiveContext, property: String?,
        depth: Int, injection: Injection?
    ) throws -> [Item] {
        var keywords: [String: JSONLDValue] = [:]
        for key in object.keys where key != "@context" {
            if let expanded = active.expandIRI(key, vocab: true), JSONLDActiveContext.keywords.contains(expanded) {
                keywords[expanded] = object[key]
            }
        }
        let topLevel = property == nil || property == "@graph"
        if let value = keywords["@value"] {
            if topLevel { return [] }
            return try valueObject(value, type: keywords["@type"], language: keywords["@language"], active: active).map { [$0] } ?? []
        }
        if let list = keywords["@list"] {
            if topLevel { return [] }
            return [.list(try expand(list, active: active, property: property, depth: depth + 1))]
        }
        if let set = keywords["@set"] {
            return try expand(set, active: active, property: property, depth: depth + 1)
        }
        let otherKeys = object.keys.filter { $0 != "@context" && active.expandIRI($0, vocab: true) != "@graph" }
        let onlyGraph = keywords["@graph"] != nil && otherKeys.isEmpty
        if onlyGraph && topLevel {
            _ = try expand(keywords["@graph"] ?? .null, active: active, property: "@graph", depth: depth + 1)
            return []
        }
        let subject = try nodeSubject(keywords["@id"] ?? injection?.id.map { .string($0) }, active: active)
        try emitNode(object, subject: subject, active: active, typeScoped: typeScoped, depth: depth, injection: injection)
        return [.term(subject)]
    }

    // MARK: - Terms

    /// The subject of a node object: its `@id` expanded against the base, or a fresh blank node.
    mutating func nodeSubject(_ id: JSONLDValue?, active: JSONLDActiveContext) throws -> Term {
        guard let id else { return freshBlank() }
        guard case .string(let reference) = id else {
            throw processor.error("invalid @id value: expected a string, found \(id.kindName)")
        }
        guard let expanded = active.expandIRI(reference, documentRelative: true) else { return freshBlank() }
        return try resource(expanded)
    }

    /// An IRI or a blank node for an expanded identifier.
    mutating func resource(_ identifier: String) throws -> Term {
        if identifier.hasPrefix("_:") {
            let label = String(identifier.dropFirst(2))
            if let mapped = blankLabels[label] { return .blank(mapped) }
            let fresh = nextBlankLabel()
            blankLabels[label] = fresh
            return .blank(fresh)
        }
        if identifier.utf8.count > limits.maxIRIBytes {
            throw processor.error("IRI longer than \(limits.maxIRIBytes) bytes", code: .limitExceeded)
        }
        return .iri(identifier)
    }

    /// A new blank node, labelled `jb0`, `jb1`, … in document order.
    mutating func freshBlank() -> Term { .blank(nextBlankLabel()) }

    private mutating func nextBlankLabel() -> String {
        defer { blankCounter += 1 }
        return "jb\(blankCounter)"
    }

    // MARK: - Output

    /// Hands a triple to the sink unless one of its terms has no RDF form (relative or malformed IRI,
    /// blank node predicate), which JSON-LD says to skip.
    mutating func emit(_ subject: Term, _ predicate: String, _ object: Term) throws {
        guard isUsable(subject), Self.isWellFormedIRI(predicate), isUsable(object) else { return }
        if case .literal(let literal) = object, !literal.datatype.isEmpty, !Self.isWellFormedIRI(literal.datatype) { return }
        try sink.consume(Triple(subject, predicate, object))
    }

    private func isUsable(_ term: Term) -> Bool {
        switch term {
        case .iri(let iri): return Self.isWellFormedIRI(iri)
        case .blank, .literal: return true
        }
    }

    /// True for absolute IRIs without characters that N-Triples cannot carry.
    static func isWellFormedIRI(_ iri: String) -> Bool {
        guard IRI.isAbsolute(iri) else { return false }
        for byte in iri.utf8 {
            switch byte {
            case 0x00...0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"),
                 UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "\\"):
                return false
            default: continue
            }
        }
        return true
    }

    /// Emits `subject predicate item`, turning lists into `rdf:first`/`rdf:rest` chains.
    mutating func link(_ subject: Term, _ predicate: String, _ item: Item, reverse: Bool = false) throws {
        guard let object = try objectTerm(item) else { return }
        if reverse {
            guard object.isResource else { return }
            try emit(object, predicate, subject)
        } else {
            try emit(subject, predicate, object)
        }
    }

    /// The term for an item, creating the list chain for lists.
    mutating func objectTerm(_ item: Item) throws -> Term? {
        switch item {
        case .term(let term): return term
        case .dropped: return nil
        case .list(let items):
            guard !items.isEmpty else { return .iri(Vocab.rdfNil) }
            let cells = items.map { _ in freshBlank() }
            for (offset, element) in items.enumerated() {
                if let first = try objectTerm(element) { try emit(cells[offset], Vocab.rdfFirst, first) }
                try emit(cells[offset], Vocab.rdfRest, offset + 1 < cells.count ? cells[offset + 1] : .iri(Vocab.rdfNil))
            }
            return cells[0]
        }
    }
}
