extension JSONLDEmitter {
    /// Emits the triples of one node object: its types, its properties, reverse properties, nested
    /// properties, and the nodes of its `@graph` and `@included`.
    mutating func emitNode(
        _ object: JSONLDObject, subject: Term, active: JSONLDActiveContext, typeScoped: JSONLDActiveContext,
        depth: Int, injection: Injection?
    ) throws {
        if let type = injection?.type { try emit(subject, Vocab.rdfType, try resource(type)) }
        if let index = injection?.index { try link(subject, index.property, index.value) }
        for key in object.keys where key != "@context" {
            guard let value = object[key], let expanded = active.expandIRI(key, vocab: true) else { continue }
            switch expanded {
            case "@id", "@index", "@language", "@direction", "@value", "@context":
                continue
            case "@type":
                for type in value.asArray {
                    guard case .string(let name) = type else {
                        throw processor.error("invalid type value: @type entries must be strings, found \(type.kindName)")
                    }
                    if let iri = typeScoped.expandIRI(name, documentRelative: true, vocab: true) {
                        try emit(subject, Vocab.rdfType, try resource(iri))
                    }
                }
            case "@graph", "@included":
                _ = try expand(value, active: active, property: "@graph", depth: depth + 1)
            case "@reverse":
                guard case .object(let reverse) = value else {
                    throw processor.error("invalid @reverse value: expected an object, found \(value.kindName)")
                }
                for reverseKey in reverse.keys {
                    guard let reverseValue = reverse[reverseKey],
                          let predicate = active.expandIRI(reverseKey, vocab: true), !predicate.hasPrefix("@") else { continue }
                    let flip = active.terms[reverseKey]?.isReverse != true
                    for item in try expand(reverseValue, active: active, property: reverseKey, depth: depth + 1) {
                        try link(subject, predicate, item, reverse: flip)
                    }
                }
            case "@nest":
                for nested in value.asArray {
                    guard case .object(let nestedObject) = nested,
                          !nestedObject.keys.contains(where: { active.expandIRI($0, vocab: true) == "@value" }) else {
                        throw processor.error("invalid @nest value: expected node properties in an object")
                    }
                    try emitNode(nestedObject, subject: subject, active: active, typeScoped: typeScoped, depth: depth + 1, injection: nil)
                }
            case "@list", "@set":
                throw processor.error("invalid node object: \(expanded) cannot appear beside node properties")
            default:
                if expanded.hasPrefix("@") { continue }
                guard expanded.utf8.contains(UInt8(ascii: ":")) else { continue }
                try emitProperty(key, predicate: expanded, value: value, subject: subject, active: active, depth: depth)
            }
        }
    }

    /// Emits the triples of one property of a node, honouring the term's container and type mapping.
    private mutating func emitProperty(
        _ key: String, predicate: String, value: JSONLDValue, subject: Term, active: JSONLDActiveContext, depth: Int
    ) throws {
        let definition = active.terms[key]
        let container = definition?.container ?? []
        let reverse = definition?.isReverse == true
        if definition?.typeMapping == "@json" {
            try link(subject, predicate, .term(.literal(Literal(JSONLDCanonicalJSON.serialize(value), datatype: Vocab.rdf + "JSON"))))
            return
        }
        var items: [Item] = []
        if container.contains("@language"), case .object(let map) = value {
            items = try languageMap(map, active: active)
        } else if !container.isDisjoint(with: ["@index", "@id", "@type"]), case .object(let map) = value {
            items = try indexedMap(map, key: key, container: container, definition: definition, active: active, depth: depth)
        } else if container.contains("@graph") {
            for element in value.asArray {
                let isGraphObject = element.objectValue.map { object in
                    object.keys.contains { active.expandIRI($0, vocab: true) == "@graph" }
                } ?? false
                let expanded = try expand(element, active: active, property: key, depth: depth + 1)
                if isGraphObject {
                    items += expanded
                } else if !expanded.isEmpty {
                    items.append(.term(freshBlank()))
                }
            }
        } else {
            items = try expand(value, active: active, property: key, depth: depth + 1)
            if container.contains("@list") {
                let isListObject = value.objectValue?.keys.contains { active.expandIRI($0, vocab: true) == "@list" } ?? false
                if !isListObject { items = [.list(items)] }
            }
        }
        for item in items { try link(subject, predicate, item, reverse: reverse) }
    }

    /// A language map: `{"en": "Title", "de": ["Titel"]}`.
    private mutating func languageMap(_ map: JSONLDObject, active: JSONLDActiveContext) throws -> [Item] {
        var items: [Item] = []
        for language in map.keys.sorted() {
            let tag = active.expandIRI(language, vocab: true) == "@none" ? nil : language
            for entry in (map[language] ?? .null).asArray {
                switch entry {
                case .null: continue
                case .string(let text):
                    try checkLiteral(text)
                    items.append(.term(.literal(Literal(text, language: tag))))
                default:
                    throw processor.error("invalid language map value for \"\(language)\": expected strings, found \(entry.kindName)")
                }
            }
        }
        return items
    }

    /// An `@index`, `@id` or `@type` map.
    private mutating func indexedMap(
        _ map: JSONLDObject, key: String, container: Set<String>, definition: JSONLDTermDefinition?,
        active: JSONLDActiveContext, depth: Int
    ) throws -> [Item] {
        var items: [Item] = []
        for index in map.keys.sorted() {
            guard let entry = map[index] else { continue }
            var mapContext = active
            var injection = Injection()
            let isNone = active.expandIRI(index, vocab: true) == "@none"
            if container.contains("@type") {
                if let previous = mapContext.previousContext { mapContext = previous.context }
                if let scoped = mapContext.terms[index]?.localContext {
                    mapContext = try processor.process(mapContext, local: scoped, base: mapContext.terms[index]?.localContextBase, propagate: false)
                }
                if !isNone { injection.type = active.expandIRI(index, documentRelative: true, vocab: true) }
            } else if container.contains("@id") {
                if !isNone { injection.id = active.expandIRI(index, documentRelative: true) }
            } else if let indexProperty = definition?.indexProperty, !isNone,
                      let propertyIRI = active.expandIRI(indexProperty, vocab: true), propertyIRI.utf8.contains(UInt8(ascii: ":")) {
                injection.index = (propertyIRI, try expandValue(.string(index), property: indexProperty, active: active))
            }
            if container.contains("@graph") {
                let graphName: Term = try injection.id.map { try resource($0) } ?? freshBlank()
                _ = try expand(entry, active: mapContext, property: "@graph", depth: depth + 1)
                items.append(.term(graphName))
                continue
            }
            let hasInjection = injection.id != nil || injection.type != nil || injection.index != nil
            items += try expand(entry, active: mapContext, property: key, depth: depth + 1, fromMap: true,
                                injection: hasInjection ? injection : nil)
        }
        return items
    }
}
