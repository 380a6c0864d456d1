import KatalogRDF

extension DCATMapper {
    /// The triples describing one dataset: its own, and those of every node reachable from it through blank
    /// nodes and through IRIs the graph describes (distributions, agents, contact points, periods, locations …).
    ///
    /// Other datasets, dataset series and catalogues are not entered (a link to them is kept, their
    /// description is not), so one dataset never drags in its neighbours. Each node is visited once, so cycles
    /// terminate; after `maxNodes` nodes no further node is entered. Triples come in visiting order (breadth first).
    public static func subgraph(of subject: Term, in graph: some RDFGraphView,
                                maxNodes: Int = defaultMaxNodes) throws -> [Triple] {
        guard subject.isResource, maxNodes > 0 else { return [] }
        let stopTypes: Set<String> = [DCATTerms.dataset, DCATTerms.datasetSeries, DCATTerms.catalog,
                                      DCATTerms.catalogRecord]
        var visited: Set<Term> = [subject]
        var queue: [Term] = [subject]
        var next = 0
        var result: [Triple] = []
        while next < queue.count {
            let node = queue[next]
            next += 1
            for triple in try graph.triples(about: node) {
                result.append(triple)
                let object = triple.object
                guard object.isResource, triple.predicate != Vocab.rdfType, visited.count < maxNodes,
                      !visited.contains(object) else { continue }
                guard try graph.isDescribed(object) else { continue }
                if try graph.types(of: object).contains(where: stopTypes.contains) { continue }
                visited.insert(object)
                queue.append(object)
            }
        }
        return result
    }
}
