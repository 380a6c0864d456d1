import KatalogRDF

extension DCATMapper {
    /// The triples describing one dataset: its own, and those of every node reachable from it through blank
    /// nodes and through IRIs the graph describes (distributions, agents, contact points, periods, locations …).
    ///
    /// Other datasets, dataset series, catalogues, catalogue records and data services are not entered (a link to
    /// them is kept, their description is not), so one dataset never drags in its neighbours — nor, through a
    /// distribution's `dcat:accessService`, a service's `dcat:servesDataset` list of every dataset it serves, which
    /// would make each dataset's subgraph as big as the catalogue. The walk asks a linked node's types
    /// (``RDFGraphView/hasType(_:in:)``) before it reads the node. Each node is visited once, so cycles terminate;
    /// after `maxNodes` nodes no further node is entered, and a node other than the dataset adds at most its first
    /// ``maxNodeTriples`` triples. Triples come in visiting order (breadth first).
    public static func subgraph(of subject: Term, in graph: some RDFGraphView,
                                maxNodes: Int = defaultMaxNodes) throws -> [Triple] {
        try neighbourhood(of: subject, in: graph, maxNodes: maxNodes).triples
    }

    /// A dataset's subgraph (see ``subgraph(of:in:maxNodes:)``) with the nodes it was collected from and the
    /// nodes at its edge.
    public struct Neighbourhood: Sendable {
        /// The subgraph, as ``subgraph(of:in:maxNodes:)`` returns it.
        public var triples: [Triple]
        /// The dataset and every node whose triples are in ``triples``.
        public var nodes: Set<Term>
        /// The IRIs and blank nodes that objects of ``triples`` (other than `rdf:type`'s) name but that are not in
        /// ``nodes``: nodes the graph does not describe, and the datasets, series, catalogues and catalogue records
        /// the walk does not enter (whose titles the mapper may read). Each once, in order of first appearance.
        /// Data services are not entered and not at the edge (see ``services``).
        public var edge: [Term]
        /// The data services the subgraph links to (typed `dcat:DataService`, not entered, since one may list every
        /// dataset it serves), each once, in order of first appearance. The mapper reads only
        /// ``DCATMapper/accessServicePredicates`` of them.
        public var services: [Term]
        /// True when the walk stopped entering nodes at `maxNodes`, or left out triples of a node over
        /// ``DCATMapper/maxNodeTriples``: the subgraph is then not all the mapper may read.
        public var isCapped: Bool
        /// ``edge`` as a set.
        let edgeSet: Set<Term>
        /// ``services`` as a set.
        let serviceSet: Set<Term>

        /// Whether `node` is in ``nodes``, in ``edge`` or in ``services``.
        public func covers(_ node: Term) -> Bool {
            nodes.contains(node) || edgeSet.contains(node) || serviceSet.contains(node)
        }
    }

    /// The dataset's ``Neighbourhood``: one walk gives the subgraph and what surrounds it.
    public static func neighbourhood(of subject: Term, in graph: some RDFGraphView,
                                     maxNodes: Int = defaultMaxNodes) throws -> Neighbourhood {
        guard subject.isResource, maxNodes > 0 else {
            return Neighbourhood(triples: [], nodes: [], edge: [], services: [], isCapped: false, edgeSet: [], serviceSet: [])
        }
        var visited: Set<Term> = [subject]
        var queue: [Term] = [subject]
        var next = 0
        var result: [Triple] = []
        var outside: Set<Term> = []
        var edge: [Term] = []
        var services: Set<Term> = []
        var serviceList: [Term] = []
        var isCapped = false
        while next < queue.count {
            let node = queue[next]
            next += 1
            var triples = try graph.triples(about: node)
            if node != subject, triples.count > maxNodeTriples {
                triples = Array(triples.prefix(maxNodeTriples))
                isCapped = true
            }
            for triple in triples {
                result.append(triple)
                let object = triple.object
                guard object.isResource, triple.predicate != Vocab.rdfType, !visited.contains(object),
                      !outside.contains(object), !services.contains(object) else { continue }
                guard visited.count < maxNodes else {
                    isCapped = true
                    continue
                }
                if try graph.hasType(object, in: linkedResourceTypes) {
                    outside.insert(object)
                    edge.append(object)
                } else if try graph.hasType(object, in: serviceTypes) {
                    services.insert(object)
                    serviceList.append(object)
                } else if try graph.isDescribed(object) {
                    visited.insert(object)
                    queue.append(object)
                } else {
                    outside.insert(object)
                    edge.append(object)
                }
            }
        }
        return Neighbourhood(triples: result, nodes: visited, edge: edge, services: serviceList, isCapped: isCapped,
                             edgeSet: outside, serviceSet: services)
    }

    /// The catalogued resources a dataset's subgraph links to without entering, and whose triples count for its
    /// source digest (the mapper reads their titles).
    static let linkedResourceTypes: Set<String> = [DCATTerms.dataset, DCATTerms.datasetSeries, DCATTerms.catalog,
                                                   DCATTerms.catalogRecord]
    /// Resources the walk neither enters nor puts at the edge: a data service may serve every dataset of a
    /// catalogue. They are listed in ``Neighbourhood/services``; the mapper reads only
    /// ``accessServicePredicates`` of them.
    static let serviceTypes: Set<String> = [DCATTerms.dataService]

    /// The predicates the mapper reads of a data service a distribution links to (`dcat:accessService`), and
    /// nothing beyond their values (no node they link to): a dataset's source digest covers exactly these triples
    /// of each of its ``Neighbourhood/services``.
    public static let accessServicePredicates = [DCATTerms.title, DCATTerms.label, DCATTerms.dcat + "endpointURL",
                                                 DCATTerms.dcat + "endpointDescription", DCATTerms.conformsTo]
}
