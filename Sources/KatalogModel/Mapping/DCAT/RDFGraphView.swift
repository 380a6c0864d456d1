import KatalogRDF

/// Read access to the triples of an RDF graph, one subject at a time.
///
/// The DCAT mapper needs nothing else: it never scans the whole graph while mapping one dataset.
/// ``InMemoryGraph`` serves tests and small documents; a store for huge dumps can implement the same
/// four lookups over a spooled table. Every method returns values in the order the graph holds them
/// (document order for ``InMemoryGraph``), so mapping is deterministic.
public protocol RDFGraphView {
    /// The objects of the triples with this subject and predicate IRI, in graph order.
    func objects(of subject: Term, _ predicate: String) throws -> [Term]
    /// Every triple whose subject is `subject`, in graph order.
    func triples(about subject: Term) throws -> [Triple]
    /// The subjects that have `rdf:type` `type`, in graph order, each once.
    func subjects(ofType type: String) throws -> [Term]
    /// True when the graph holds at least one triple with this subject.
    func isDescribed(_ subject: Term) throws -> Bool
    /// True when `subject` has an `rdf:type` among `types`. The subgraph walk asks this of every node it links to,
    /// before reading the node, to stop at datasets, catalogues and services; a graph with an index of types may
    /// answer from it without reading the node's other triples.
    func hasType(_ subject: Term, in types: Set<String>) throws -> Bool
}

extension RDFGraphView {
    /// The `rdf:type` IRIs of a subject.
    public func types(of subject: Term) throws -> [String] {
        try objects(of: subject, Vocab.rdfType).compactMap(\.iriValue)
    }

    /// True when the subject has `rdf:type` `type`.
    public func hasType(_ subject: Term, _ type: String) throws -> Bool {
        try objects(of: subject, Vocab.rdfType).contains(.iri(type))
    }

    /// Default: reads the subject's types.
    public func hasType(_ subject: Term, in types: Set<String>) throws -> Bool {
        try self.types(of: subject).contains(where: types.contains)
    }

    /// Default: a subject is described when it has at least one triple.
    public func isDescribed(_ subject: Term) throws -> Bool {
        try !triples(about: subject).isEmpty
    }
}
