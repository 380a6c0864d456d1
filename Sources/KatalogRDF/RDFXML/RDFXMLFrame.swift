/// One open XML element as the RDF/XML grammar sees it, with the `xml:base` and `xml:lang` in scope.
struct RDFXMLFrame {
    /// Which production the element matched, and what its children may be.
    enum Kind {
        /// Nothing open yet: the root must be `rdf:RDF` or a node element.
        case document
        /// Inside `rdf:RDF`: children are node elements.
        case rdfRoot
        /// Inside a node element or a `parseType="Resource"` property: children are property elements.
        case node(subject: Term, liCounter: Int)
        /// Inside a property element without `rdf:parseType`: text, one node element, or nothing.
        case property(RDFXMLPendingProperty)
        /// Inside a `parseType="Collection"` property: children are node elements, the list's items.
        case collection(RDFXMLStatement, lastCell: Term?)
        /// Inside a `parseType="Literal"` property: children are the XML literal's content.
        case xmlLiteral(RDFXMLStatement)
    }

    /// The production and its state.
    var kind: Kind
    /// The base IRI in scope (document base or `xml:base`), without fragment.
    var base: String?
    /// The language in scope; empty when none.
    var language: String
}

/// The subject and predicate of a property element, with the reification IRI from its `rdf:ID`.
struct RDFXMLStatement {
    /// The subject of the enclosing node element.
    var subject: Term
    /// The property IRI (after `rdf:li` numbering).
    var predicate: String
    /// The statement IRI when the property element carries `rdf:ID`.
    var reification: String?
}

/// A property element whose kind is known only at its end tag or first child element.
struct RDFXMLPendingProperty {
    /// Subject, predicate and reification.
    var statement: RDFXMLStatement
    /// The `rdf:datatype` IRI, when present.
    var datatype: String?
    /// The object named by `rdf:resource` or `rdf:nodeID`, when present.
    var namedObject: Term?
    /// Property attributes (predicate, object) that describe the empty element's object.
    var propertyAttributes: [(predicate: String, object: Term)]
    /// True once a node element child has been seen.
    var hasNodeChild: Bool

    /// True when attributes make this an empty property element with a resource object.
    var describesResource: Bool { namedObject != nil || !propertyAttributes.isEmpty }
}
