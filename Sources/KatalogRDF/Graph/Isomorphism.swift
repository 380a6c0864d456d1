/// RDF graph isomorphism: equality up to a bijective renaming of blank nodes (RDF 1.1 Concepts §3.6).
///
/// Blank nodes are coloured by iterative refinement (each colour hashes the node's neighbourhood), then a
/// backtracking search maps nodes only within equal colours and checks every triple as it goes. That is
/// fast for the documents this is meant for (tests, small records); pathological symmetric graphs may take longer.
public enum Isomorphism {
    /// True when `a` and `b`, read as sets of triples, are isomorphic.
    public static func areIsomorphic(_ a: [Triple], _ b: [Triple]) -> Bool {
        let setA = Set(a), setB = Set(b)
        guard setA.count == setB.count else { return false }
        let groundA = setA.filter { !hasBlank($0) }, groundB = setB.filter { !hasBlank($0) }
        guard groundA == groundB else { return false }
        let blankA = Array(setA.subtracting(groundA)), blankB = Array(setB.subtracting(groundB))
        guard blankA.count == blankB.count else { return false }
        if blankA.isEmpty { return true }
        let colorsA = refine(blankA), colorsB = refine(blankB)
        guard colorsA.count == colorsB.count,
              histogram(colorsA) == histogram(colorsB) else { return false }
        var search = MappingSearch(triplesA: blankA, setB: Set(blankB), colorsA: colorsA, colorsB: colorsB)
        return search.run()
    }

    private static func hasBlank(_ t: Triple) -> Bool {
        if case .blank = t.subject { return true }
        if case .blank = t.object { return true }
        return false
    }

    static func blankLabel(_ term: Term) -> String? {
        if case .blank(let label) = term { return label }
        return nil
    }

    private static func histogram(_ colors: [String: Int]) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for color in colors.values { counts[color, default: 0] += 1 }
        return counts
    }

    /// Colours every blank node of `triples` until the partition stops getting finer.
    static func refine(_ triples: [Triple]) -> [String: Int] {
        var colors: [String: Int] = [:]
        for t in triples {
            if let s = blankLabel(t.subject) { colors[s] = 0 }
            if let o = blankLabel(t.object) { colors[o] = 0 }
        }
        var distinct = 1
        for _ in 0..<(colors.count + 1) {
            var signatures: [String: [Int]] = [:]
            for t in triples {
                if let s = blankLabel(t.subject) {
                    signatures[s, default: []].append(edgeHash(1, t.predicate, t.object, colors))
                }
                if let o = blankLabel(t.object) {
                    signatures[o, default: []].append(edgeHash(2, t.predicate, t.subject, colors))
                }
            }
            var next: [String: Int] = [:]
            for (node, edges) in signatures {
                var hasher = Hasher()
                hasher.combine(colors[node])
                hasher.combine(edges.sorted())
                next[node] = hasher.finalize()
            }
            let count = Set(next.values).count
            colors = next
            if count == distinct { break }
            distinct = count
        }
        return colors
    }

    private static func edgeHash(_ role: Int, _ predicate: String, _ other: Term, _ colors: [String: Int]) -> Int {
        var hasher = Hasher()
        hasher.combine(role)
        hasher.combine(predicate)
        if let label = blankLabel(other) {
            hasher.combine("_:")
            hasher.combine(colors[label])
        } else {
            hasher.combine(other)
        }
        return hasher.finalize()
    }
}

/// Backtracking search for a colour-preserving bijection that maps every triple of A onto one of B.
private struct MappingSearch {
    let triplesA: [Triple]
    let setB: Set<Triple>
    let order: [String]
    let candidates: [String: [String]]
    /// Triples of A that mention each node.
    let incident: [String: [Triple]]
    var mapping: [String: String] = [:]
    var used: Set<String> = []

    init(triplesA: [Triple], setB: Set<Triple>, colorsA: [String: Int], colorsB: [String: Int]) {
        self.triplesA = triplesA
        self.setB = setB
        var byColorB: [Int: [String]] = [:]
        for (node, color) in colorsB { byColorB[color, default: []].append(node) }
        var candidates: [String: [String]] = [:]
        for (node, color) in colorsA { candidates[node] = byColorB[color] ?? [] }
        self.candidates = candidates
        // Most constrained nodes first.
        self.order = colorsA.keys.sorted { (candidates[$0]!.count, $0) < (candidates[$1]!.count, $1) }
        var incident: [String: [Triple]] = [:]
        for t in triplesA {
            if let s = Isomorphism.blankLabel(t.subject) { incident[s, default: []].append(t) }
            if let o = Isomorphism.blankLabel(t.object), o != Isomorphism.blankLabel(t.subject) {
                incident[o, default: []].append(t)
            }
        }
        self.incident = incident
    }

    mutating func run() -> Bool { assign(0) }

    private mutating func assign(_ index: Int) -> Bool {
        if index == order.count { return true }
        let node = order[index]
        for candidate in candidates[node] ?? [] where !used.contains(candidate) {
            mapping[node] = candidate
            used.insert(candidate)
            if consistent(node), assign(index + 1) { return true }
            mapping[node] = nil
            used.remove(candidate)
        }
        return false
    }

    /// Every triple touching `node` whose blank nodes are all mapped must exist in B.
    private func consistent(_ node: String) -> Bool {
        for t in incident[node] ?? [] {
            guard let subject = map(t.subject), let object = map(t.object) else { continue }
            if !setB.contains(Triple(subject, t.predicate, object)) { return false }
        }
        return true
    }

    private func map(_ term: Term) -> Term? {
        guard case .blank(let label) = term else { return term }
        return mapping[label].map { .blank($0) }
    }
}
