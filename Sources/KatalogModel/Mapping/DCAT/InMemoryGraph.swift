import KatalogRDF

/// An ``RDFGraphView`` held in memory, indexed by subject and by predicate.
///
/// Duplicate triples are stored once (an RDF graph is a set); otherwise insertion order is kept.
/// It is also a `TripleSink`, so a parser can fill it directly.
public struct InMemoryGraph: RDFGraphView, TripleSink, Sendable {
    private struct Node: Sendable {
        var triples: [Triple] = []
        var byPredicate: [String: [Term]] = [:]
    }

    private var nodes: [Term: Node] = [:]
    private var typed: [String: [Term]] = [:]
    private var seen: Set<Triple> = []

    /// An empty graph.
    public init() {}

    /// A graph holding `triples`.
    public init<Triples: Sequence>(_ triples: Triples) where Triples.Element == Triple {
        for triple in triples { insert(triple) }
    }

    /// Number of distinct triples.
    public var count: Int { seen.count }

    /// Adds a triple; returns false when the graph already held it.
    @discardableResult
    public mutating func insert(_ triple: Triple) -> Bool {
        guard seen.insert(triple).inserted else { return false }
        nodes[triple.subject, default: Node()].triples.append(triple)
        nodes[triple.subject, default: Node()].byPredicate[triple.predicate, default: []].append(triple.object)
        if triple.predicate == Vocab.rdfType, case .iri(let type) = triple.object {
            typed[type, default: []].append(triple.subject)
        }
        return true
    }

    /// Adds a parsed triple (the `TripleSink` requirement).
    public mutating func consume(_ triple: Triple) {
        insert(triple)
    }

    /// The objects of `subject` under `predicate`, in insertion order.
    public func objects(of subject: Term, _ predicate: String) -> [Term] {
        nodes[subject]?.byPredicate[predicate] ?? []
    }

    /// Every triple about `subject`, in insertion order.
    public func triples(about subject: Term) -> [Triple] {
        nodes[subject]?.triples ?? []
    }

    /// The subjects typed `type`, in insertion order.
    public func subjects(ofType type: String) -> [Term] {
        typed[type] ?? []
    }

    /// True when `subject` has at least one triple.
    public func isDescribed(_ subject: Term) -> Bool {
        nodes[subject] != nil
    }
}
