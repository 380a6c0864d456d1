import KatalogRDF

extension ISO19139Mapper {
    /// Selects every element `path` reaches from `element`.
    static func all(_ element: XMLElement?, _ path: String) -> [XMLElement] {
        guard let element else { return [] }
        return ISO19139Path(path).select(from: element)
    }

    /// The first element `path` reaches from `element`, or nil.
    static func first(_ element: XMLElement?, _ path: String) -> XMLElement? {
        guard let element else { return nil }
        return ISO19139Path(path).first(from: element)
    }

    /// The namespaces a property's value element may be in.
    static let valueNamespaces: Set<String> = [ISO19139Namespace.gco, ISO19139Namespace.gmx, ISO19139Namespace.gmd]

    /// The value element of a property: its first child in the `gco`, `gmx` or `gmd` namespace that is not a
    /// `gmd:PT_FreeText` (a `gco:CharacterString`, `gmx:Anchor`, `gco:Date`, `gmd:URL`, a code list value …).
    static func valueElement(_ property: XMLElement?) -> XMLElement? {
        property?.children.first { child in
            guard let namespace = child.namespace, valueNamespaces.contains(namespace) else { return false }
            return !(child.localName == "PT_FreeText" && namespace == ISO19139Namespace.gmd)
        }
    }

    /// A property's plain value: the trimmed text of its value element, nil when empty. A property that holds no
    /// element at all but text of its own (`<gmd:URL>` read as a property) gives that text.
    static func text(_ property: XMLElement?) -> String? {
        guard let property else { return nil }
        if let value = valueElement(property) { return nonEmpty(value.text) }
        return property.children.isEmpty ? nonEmpty(property.text) : nil
    }

    /// The `xlink:href` of a property's value element (a `gmx:Anchor`), nil when absent or empty.
    static func href(_ property: XMLElement?) -> String? {
        guard let value = valueElement(property) else { return nil }
        return value.attribute("href", namespace: ISO19139Namespace.xlink).flatMap(nonEmpty)
    }

    /// A code list property's value: the `codeListValue` attribute of its value element, else that element's text.
    static func code(_ property: XMLElement?) -> String? {
        guard let value = valueElement(property) else { return nil }
        return value.attribute("codeListValue").flatMap(nonEmpty) ?? nonEmpty(value.text)
    }

    /// Text trimmed of white space, nil when nothing is left.
    static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// True for an absolute `http` or `https` IRI without white space.
    static func isWebIRI(_ text: String) -> Bool {
        CKANFields.isWebURL(text) && !text.unicodeScalars.contains { $0.properties.isWhitespace }
    }

    /// Appends `value` unless an equal one is already there (`seen` keeps the check linear).
    static func appendDistinct<Value: Hashable>(_ value: Value, to list: inout [Value], seen: inout Set<Value>) {
        if seen.insert(value).inserted { list.append(value) }
    }
}
