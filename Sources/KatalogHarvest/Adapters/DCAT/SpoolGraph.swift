import KatalogModel
import KatalogRDF
import KatalogStore

/// The DCAT mapper's view of a spooled document: lookups go to the spool's subject index, and the triples of
/// the subjects touched while mapping one dataset are kept until ``reset()``, so each node is read once.
///
/// Subjects with many triples are also kept across resets, up to ``maxLargeTriples`` in all: a node that many
/// datasets link to (a dataset series listing its thousands of members, whose title each member shows) is then
/// read from the spool once per lane, not once per dataset.
final class SpoolGraph: RDFGraphView {
    private let spool: TripleSpool
    /// Whether a triple may be in the spool twice (a catalogue of several pages that repeat a node).
    private let deduplicating: Bool
    private var cache: [Term: [Triple]] = [:]
    /// Most subjects cached before the cache is emptied (a dataset with thousands of nodes stays bounded).
    private let maxCached = 4_096
    /// Subjects of more than ``smallNode`` triples, kept across resets.
    private var large: [Term: [Triple]] = [:]
    /// The objects of each node in ``large`` by predicate, so asking such a node for its title does not scan it.
    private var largeObjects: [Term: [String: [Term]]] = [:]
    private var largeTriples = 0
    /// Most triples kept in ``large`` (about 10 MB). A node bigger than this is kept without its predicates of more
    /// than ``maxKeptValues`` values, which are read from the spool for each dataset that asks for them.
    static let maxLargeTriples = 50_000

    /// Most triples kept across resets; ``maxLargeTriples`` but in tests.
    private let largeBudget: Int

    init(spool: TripleSpool, deduplicating: Bool = false, largeBudget: Int = SpoolGraph.maxLargeTriples) {
        self.spool = spool
        self.deduplicating = deduplicating
        self.largeBudget = largeBudget
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
        if let kept = large[subject] { return kept }
        subjectReads += 1
        let triples = remember(try spool.triples(about: subject), about: subject)
        keepIfLarge(triples, about: subject)
        return triples
    }

    /// The subject's triples (each once, for a spool that may repeat them) when it has at most `limit`, else nil:
    /// the source digest asks this of the nodes at a dataset's edge, one of which may be a catalogue listing a
    /// hundred thousand datasets. From memory when the subject was read whole; else at most `limit + 1` rows from
    /// the spool, not kept. A subject found to have more rows is remembered with that bound for the rest of the run
    /// (the spool does not change while datasets are mapped), so the next dataset linking to it reads nothing.
    /// (Rows, not distinct triples: a repeating spool may answer nil for a node that fits once deduplicated, which
    /// only costs that dataset its digest.)
    func triples(about subject: Term, atMost limit: Int) throws -> [Triple]? {
        readSubjects.insert(subject)
        if let known = cache[subject] ?? large[subject] {
            return known.count <= limit ? known : nil
        }
        if let bound = exceeding[subject], bound >= limit { return nil }
        edgeReads += 1
        let rows = try spool.triples(about: subject, limit: limit + 1)
        guard rows.count <= limit else {
            if exceeding.count >= maxCached { exceeding.removeAll(keepingCapacity: true) }
            exceeding[subject] = limit
            return nil
        }
        return unique(rows)
    }

    /// Subjects found to have more spool rows than the bound given, kept across resets (see
    /// ``triples(about:atMost:)``).
    private var exceeding: [Term: Int] = [:]
    /// How many times ``triples(about:atMost:)`` read the spool (for tests).
    private(set) var edgeReads = 0
    /// How many times a subject was read whole from the spool (for tests).
    private(set) var subjectReads = 0

    private func keepIfLarge(_ triples: [Triple], about subject: Term) {
        guard triples.count > SpoolGraph.smallNode, largeObjects[subject] == nil else { return }
        var objects: [String: [Term]] = [:]
        for triple in triples { objects[triple.predicate, default: []].append(triple.object) }
        var kept = triples.count
        var dropped: Set<String> = []
        if triples.count > largeBudget {
            // Too big to keep whole (a series listing a hundred thousand members): keep the predicates with few
            // values, which are what datasets ask of it (its title), and read the rest from the spool when asked.
            for (predicate, values) in objects where values.count > SpoolGraph.maxKeptValues {
                objects[predicate] = nil
                dropped.insert(predicate)
                kept -= values.count
            }
            guard kept <= largeBudget else { return }
        }
        if largeTriples + kept > largeBudget {
            large.removeAll(keepingCapacity: true)
            largeObjects.removeAll(keepingCapacity: true)
            largeDropped.removeAll(keepingCapacity: true)
            largeTriples = 0
        }
        if dropped.isEmpty {
            large[subject] = triples
        } else {
            largeDropped[subject] = dropped
        }
        largeObjects[subject] = objects
        largeTriples += kept
    }

    /// For a node kept without some of its predicates (see ``keepIfLarge(_:about:)``), those predicates.
    private var largeDropped: [Term: Set<String>] = [:]
    /// Most values of one predicate kept for a node too big to keep whole.
    static let maxKeptValues = 1_024

    /// The rows each once, for a spool that may repeat them; as read otherwise.
    private func unique(_ rows: [Triple]) -> [Triple] {
        guard deduplicating, rows.count > 1 else { return rows }
        var seen = Set<Triple>()
        return rows.filter { seen.insert($0).inserted }
    }

    /// Keeps a subject's triples (each once, for a spool that may repeat them) until the next reset.
    private func remember(_ read: [Triple], about subject: Term) -> [Triple] {
        let triples = unique(read)
        if cache.count >= maxCached { cache.removeAll(keepingCapacity: true) }
        cache[subject] = triples
        return triples
    }

    func objects(of subject: Term, _ predicate: String) throws -> [Term] {
        // The mapper asks each node for dozens of predicates; most of a node's predicates differ from the one
        // asked for in length, which is cheaper to compare than the text.
        if cache[subject] == nil, let objects = largeObjects[subject], largeDropped[subject]?.contains(predicate) != true {
            readSubjects.insert(subject)
            return objects[predicate] ?? []
        }
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
        if let objects = largeObjects[subject], largeDropped[subject]?.contains(Vocab.rdfType) != true {
            return objects[Vocab.rdfType]?.contains { $0.iriValue.map(types.contains) == true } == true
        }
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
        if cache[subject] == nil, largeObjects[subject] != nil {
            readSubjects.insert(subject)
            return true
        }
        return try !triples(about: subject).isEmpty
    }
}
