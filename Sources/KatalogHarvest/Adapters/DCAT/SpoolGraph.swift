import KatalogModel
import KatalogRDF
import KatalogStore

/// The DCAT mapper's view of a spooled document: lookups go to the spool's subject index, and the triples of
/// the subjects touched while mapping one dataset are kept until ``reset()``, so each node is read once.
final class SpoolGraph: RDFGraphView {
    private let spool: TripleSpool
    /// Whether a triple may be in the spool twice (a catalogue of several pages that repeat a node).
    private let deduplicating: Bool
    private var cache: [Term: [Triple]] = [:]
    /// Most subjects cached before the cache is emptied (a dataset with thousands of nodes stays bounded).
    private let maxCached = 4_096

    init(spool: TripleSpool, deduplicating: Bool = false) {
        self.spool = spool
        self.deduplicating = deduplicating
    }

    /// The subjects whose triples were asked for since the last ``reset()``.
    private(set) var readSubjects: Set<Term> = []

    /// Forgets cached subjects and the subjects read; call between datasets.
    func reset() {
        cache.removeAll(keepingCapacity: true)
        readSubjects.removeAll(keepingCapacity: true)
    }

    func triples(about subject: Term) throws -> [Triple] {
        if let cached = cache[subject] { return cached }
        // A subject read earlier since the reset is cached, unless the cache was emptied since: noting it again
        // then changes nothing.
        readSubjects.insert(subject)
        return remember(try spool.triples(about: subject), about: subject)
    }

    /// Keeps a subject's triples (each once, for a spool that may repeat them) until the next reset.
    private func remember(_ read: [Triple], about subject: Term) -> [Triple] {
        var triples = read
        if deduplicating, triples.count > 1 {
            var seen = Set<Triple>()
            triples = triples.filter { seen.insert($0).inserted }
        }
        if cache.count >= maxCached { cache.removeAll(keepingCapacity: true) }
        cache[subject] = triples
        return triples
    }

    func objects(of subject: Term, _ predicate: String) throws -> [Term] {
        // The mapper asks each node for dozens of predicates; most of a node's predicates differ from the one
        // asked for in length, which is cheaper to compare than the text.
        let length = predicate.utf8.count
        return try triples(about: subject).compactMap { triple in
            triple.predicate.utf8.count == length && triple.predicate == predicate ? triple.object : nil
        }
    }

    func subjects(ofType type: String) throws -> [Term] {
        try spool.subjects(ofType: type)
    }

    /// Answered from the subject's triples when it has few (they are read and kept, as ``triples(about:)`` would:
    /// the walk reads them next anyway), and from the spool's index of types when it has many, without reading
    /// them or counting the subject among ``readSubjects``: the subgraph walk asks this of every node it links to,
    /// and a data service may list every dataset of the catalogue.
    func hasType(_ subject: Term, in types: Set<String>) throws -> Bool {
        if let cached = cache[subject] { return Self.has(cached, typeIn: types) }
        let head = try spool.triples(about: subject, limit: SpoolGraph.smallNode + 1)
        guard head.count > SpoolGraph.smallNode else {
            readSubjects.insert(subject)
            return Self.has(remember(head, about: subject), typeIn: types)
        }
        return try spool.types(of: subject).contains(where: types.contains)
    }

    /// Most triples a subject may have for ``hasType(_:in:)`` to read them all.
    static let smallNode = 64

    private static func has(_ triples: [Triple], typeIn types: Set<String>) -> Bool {
        triples.contains { $0.predicate == Vocab.rdfType && $0.object.iriValue.map(types.contains) == true }
    }

    func isDescribed(_ subject: Term) throws -> Bool {
        try !triples(about: subject).isEmpty
    }
}
