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
        var triples = try spool.triples(about: subject)
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

    func isDescribed(_ subject: Term) throws -> Bool {
        try !triples(about: subject).isEmpty
    }
}
