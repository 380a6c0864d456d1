/// An attribute of an ``XMLElement``: its namespace, the prefix the document wrote, its local name and its value.
public struct XMLAttribute: Sendable, Hashable {
    /// The namespace IRI, or nil for an unqualified attribute.
    public var namespace: String?
    /// The prefix the document used, or nil.
    public var prefix: String?
    /// The local name.
    public var localName: String
    /// The value, with entities and character references resolved.
    public var value: String

    /// Creates an attribute.
    public init(namespace: String? = nil, prefix: String? = nil, localName: String, value: String) {
        self.namespace = namespace
        self.prefix = prefix
        self.localName = localName
        self.value = value
    }
}

/// An element of an XML document read into memory by ``XMLDocumentReader``: its name, attributes, child elements and
/// own text. Comments and processing instructions are not kept.
///
/// Meant for documents of bounded size read as trees (one ISO 19139 record; a page of records goes through
/// ``XMLRecordReader`` one record at a time); RDF/XML is read by the streaming ``RDFXMLParser`` instead.
public struct XMLElement: Sendable, Hashable {
    /// The namespace IRI, or nil for an element in no namespace.
    public var namespace: String?
    /// The prefix the document used, or nil for the default namespace.
    public var prefix: String?
    /// The local name.
    public var localName: String
    /// The attributes, in document order (namespace declarations are not attributes here).
    public var attributes: [XMLAttribute]
    /// The child elements, in document order.
    public var children: [XMLElement]
    /// The element's own text and CDATA content (not its descendants'), untrimmed.
    public var text: String

    /// Creates an element.
    public init(namespace: String? = nil, prefix: String? = nil, localName: String, attributes: [XMLAttribute] = [],
                children: [XMLElement] = [], text: String = "") {
        self.namespace = namespace
        self.prefix = prefix
        self.localName = localName
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The value of the attribute `localName` in `namespace` (nil: an unqualified attribute), if present.
    public func attribute(_ localName: String, namespace: String? = nil) -> String? {
        attributes.first { $0.localName == localName && $0.namespace == namespace }?.value
    }

    /// Whether the element is `localName` in `namespace`.
    public func isNamed(_ namespace: String?, _ localName: String) -> Bool {
        self.localName == localName && self.namespace == namespace
    }

    /// The direct children named `localName` in `namespace`, in document order.
    public func children(_ namespace: String?, _ localName: String) -> [XMLElement] {
        children.filter { $0.isNamed(namespace, localName) }
    }

    /// The first direct child named `localName` in `namespace`.
    public func child(_ namespace: String?, _ localName: String) -> XMLElement? {
        children.first { $0.isNamed(namespace, localName) }
    }

    /// Every descendant (children, their children, …) named `localName` in `namespace`, in document order. The
    /// element itself is not included.
    public func descendants(_ namespace: String?, _ localName: String) -> [XMLElement] {
        var found: [XMLElement] = []
        var stack: [(element: XMLElement, next: Int)] = [(self, 0)]
        while let top = stack.last {
            if top.next == top.element.children.count {
                stack.removeLast()
                continue
            }
            let child = top.element.children[top.next]
            stack[stack.count - 1].next += 1
            if child.isNamed(namespace, localName) { found.append(child) }
            stack.append((child, 0))
        }
        return found
    }
}
