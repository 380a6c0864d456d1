/// A small in-memory set of triples: a sink that collects everything it is given, for tests and small documents.
///
/// Harvesting never needs this (parsers stream); use it when a whole graph is small enough to hold.
public struct Graph: TripleSink, Sendable, Hashable {
    /// The triples in arrival order (duplicates kept; comparisons treat the graph as a set).
    public var triples: [Triple]

    /// Creates a graph from triples.
    public init(_ triples: [Triple] = []) {
        self.triples = triples
    }

    /// Appends a triple.
    public mutating func consume(_ triple: Triple) {
        triples.append(triple)
    }

    /// The objects of every triple with this subject and predicate, in arrival order.
    public func objects(of subject: Term, _ predicate: String) -> [Term] {
        triples.compactMap { $0.subject == subject && $0.predicate == predicate ? $0.object : nil }
    }

    /// The subjects of every triple with this predicate and object, in arrival order.
    public func subjects(_ predicate: String, _ object: Term) -> [Term] {
        triples.compactMap { $0.predicate == predicate && $0.object == object ? $0.subject : nil }
    }

    /// True when both graphs are the same up to blank node renaming.
    public func isIsomorphic(to other: Graph) -> Bool {
        Isomorphism.areIsomorphic(triples, other.triples)
    }
}
