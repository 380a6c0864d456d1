import Foundation
import KatalogModel
import KatalogRDF
import KatalogStore

/// A harvested catalogue — one document, or every Hydra page of one — spooled to disk and mapped dataset
/// by dataset in bounded memory.
///
/// All pages of a run go into one spool, so a dataset on one page whose publisher, contact point or
/// distribution is described on another page is mapped whole. Blank nodes are scoped to their page (the same
/// label on two pages is two nodes), and a triple published on two pages counts once.
///
/// The subjects to map are listed from the spool by one caller at a time (the adapter awaits each call, which
/// runs on its own thread, ``OffPool``). Mapping runs in ``lanes``: each lane has a reader of the spool with a
/// connection of its own and its own cache of nodes, and takes one batch at a time, so two batches are mapped
/// on two cores at once without sharing anything but the (locked) vocabulary memory.
final class DCATPage: @unchecked Sendable {
    /// What one page says about paging, read while its triples stream into the spool.
    struct PageFacts: Sendable {
        /// The pages it links to with `hydra:next` (or the older `hydra:nextPage`), in document order.
        var nextLinks: [String] = []
        /// The links in `nextLinks`, so a page with many is not read in quadratic time.
        var nextLinkSet = Set<String>()
        /// The collection size it announces (`hydra:totalItems`), when it does.
        var totalItems: Int?
    }

    /// The Hydra namespace (both the 2013 `PagedCollection` terms and the current `PartialCollectionView` ones).
    static let hydra = "http://www.w3.org/ns/hydra/core#"

    private let spool: TripleSpool
    /// One graph per mapping lane, each over its own reader of the spool.
    private let graphs: [SpoolGraph]
    /// The vocabularies, with answers remembered across the catalogue's datasets (shared by the lanes; it locks).
    private let normalizer = DCATNormalizer.default.remembering()
    /// The source's mapping fingerprint (``SourceConfig/mappingFingerprint``), the first part of every source digest.
    private let fingerprint: String
    /// The source's record limits, checked as each dataset is mapped.
    private let limits: RecordLimits
    /// Triples in the catalogue.
    let tripleCount: Int
    private var typeIndex = 0
    private var cursor: Int64 = 0
    private static let dcatDataset = "http://www.w3.org/ns/dcat#Dataset"
    private static let dcatDatasetSeries = "http://www.w3.org/ns/dcat#DatasetSeries"
    private static let datasetTypes = [dcatDataset, dcatDatasetSeries]

    /// How many batches can be mapped at once.
    var lanes: Int { graphs.count }

    private init(spool: TripleSpool, pages: Int, lanes: Int, fingerprint: String, limits: RecordLimits) throws {
        self.spool = spool
        self.fingerprint = fingerprint
        self.limits = limits
        self.graphs = try (0..<max(lanes, 1)).map { _ in SpoolGraph(spool: try spool.reader(), deduplicating: pages > 1) }
        self.tripleCount = spool.count
    }

    /// Parses page number `page` (1, 2, …) of `file` into the run's `spool`, checking `cancellation` as triples
    /// arrive; returns what the page says about paging.
    static func load(file: URL, format: RDFFormat, baseIRI: String, limits: ParserLimits, page: Int,
                     into spool: TripleSpool, cancellation: CancellationFlag) throws -> PageFacts {
        var sink = PageSink(spool: spool, page: page, cancellation: cancellation)
        try RDFParsing.parse(file: file, format: format, baseIRI: baseIRI, limits: limits, into: &sink)
        return sink.facts
    }

    /// The catalogue of every page loaded into `spool` (which is finished here and takes no more pages), mapped in
    /// `lanes` lanes for a source with mapping fingerprint `fingerprint`.
    static func catalogue(of spool: TripleSpool, pages: Int, lanes: Int, fingerprint: String,
                          limits: RecordLimits) throws -> DCATPage {
        try spool.finish()
        return try DCATPage(spool: spool, pages: pages, lanes: lanes, fingerprint: fingerprint, limits: limits)
    }

    /// The next (at most) `limit` datasets to map, in document order (`dcat:Dataset`, then `dcat:DatasetSeries` not
    /// also typed `dcat:Dataset`); an empty answer means every dataset has been listed. One caller at a time.
    func nextSubjects(limit: Int, cancellation: CancellationFlag) throws -> [Term] {
        var subjects: [Term] = []
        while subjects.isEmpty, typeIndex < DCATPage.datasetTypes.count {
            try cancellation.check()
            let type = DCATPage.datasetTypes[typeIndex]
            let page = try spool.subjects(ofType: type, after: cursor, limit: limit)
            for subject in page.subjects {
                if type == DCATPage.dcatDatasetSeries, try spool.types(of: subject).contains(DCATPage.dcatDataset) { continue }
                guard subject.isResource else { continue }
                subjects.append(subject)
            }
            if let next = page.next {
                cursor = next
            } else {
                typeIndex += 1
                cursor = 0
            }
        }
        return subjects
    }

    /// Maps `subjects` in lane `lane` (0 ..< ``lanes``); a lane maps one batch at a time. `known` holds the source
    /// digests of the live records among them, by identifier: a dataset that reads the same is not mapped.
    func map(_ subjects: [Term], lane: Int, known: [String: String] = [:], cancellation: CancellationFlag) throws -> [MappedRecord] {
        var batch: [MappedRecord] = []
        batch.reserveCapacity(subjects.count)
        for subject in subjects {
            try cancellation.check()
            batch.append(map(subject, in: graphs[lane], known: known))
        }
        return batch
    }

    /// Maps one dataset and prepares it for the store, unless its source digest equals the live record's; a failure
    /// is reported under the dataset's IRI, or its blank node's label.
    private func map(_ subject: Term, in graph: SpoolGraph, known: [String: String]) -> MappedRecord {
        graph.reset()
        do {
            let around = try DCATMapper.neighbourhood(of: subject, in: graph)
            let raw = Data(DCATMapper.canonicalNTriples(around.triples).utf8)
            let digest = try sourceDigest(of: subject, around: around, raw: raw, in: graph)
            if let digest, let iri = subject.iriValue, known[iri] == digest { return .unchanged(identifier: iri) }
            let record = try DCATMapper.record(subject, in: graph, normalizer: normalizer, subgraph: around.triples, raw: raw)
            // The digest stands for the record only when the mapper read no node beyond the ones it covers (the
            // mapper may follow a link out of the subgraph, say to a series' title, and further).
            let covered = graph.readSubjects.allSatisfy(around.covers)
            return .mapped(record, sourceDigest: covered ? digest : nil, limits: limits)
        } catch {
            return .failed(identifier: DCATPage.describe(subject), cause: String(describing: error))
        }
    }

    /// Most triples the nodes at a dataset's edge may have for it to get a source digest: a dataset that links to a
    /// big node (its whole catalogue, say) is mapped on every run instead.
    static let maxEdgeTriples = 1_024

    /// The source digest of an IRI-named dataset: SHA-256 of the mapping fingerprint, the dataset's subgraph (`raw`,
    /// its canonical N-Triples), the triples of the nodes at its edge (the datasets, series and catalogues it links
    /// to, whose titles the mapper reads) and, of its data services, the triples the mapper reads. Nil when it cannot
    /// stand for everything the mapper reads: for a blank-node dataset (its identifier is known only once mapped), a
    /// subgraph cut at the node limit, or too big an edge.
    private func sourceDigest(of subject: Term, around: DCATMapper.Neighbourhood, raw: Data, in graph: SpoolGraph) throws -> String? {
        guard subject.iriValue != nil, !around.isCapped else { return nil }
        var edgeTriples: [Triple] = []
        for node in around.edge {
            let room = DCATPage.maxEdgeTriples - edgeTriples.count
            guard let triples = try graph.triples(about: node, atMost: room) else { return nil }
            edgeTriples += triples
        }
        // Of a data service, only what the mapper reads: its title and endpoints, not the datasets it serves.
        for service in around.services {
            for predicate in DCATMapper.accessServicePredicates {
                for object in try graph.objects(of: service, predicate) {
                    guard edgeTriples.count < DCATPage.maxEdgeTriples else { return nil }
                    edgeTriples.append(Triple(service, predicate, object))
                }
            }
        }
        var hasher = SHA256()
        hasher.update(Data(fingerprint.utf8))
        hasher.update([0])
        hasher.update(raw)
        if !edgeTriples.isEmpty {
            hasher.update([0])
            hasher.update(Data(DCATMapper.canonicalNTriples(edgeTriples).utf8))
        }
        return SHA256.hexString(hasher.finalize())
    }

    static func describe(_ term: Term) -> String {
        switch term {
        case .iri(let iri): return iri
        case .blank(let label): return "_:" + label
        case .literal(let literal): return "\"\(literal.lexical)\""
        }
    }
}

/// The run's spool, handed to the parsing and mapping threads one call at a time (the adapter awaits each), so
/// it is never used by two threads at once.
final class RunSpool: @unchecked Sendable {
    let spool: TripleSpool

    init(directory: URL) throws {
        spool = try TripleSpool(directory: directory)
    }
}

/// Feeds one page's triples into the run's spool: blank nodes get the page's prefix, Hydra paging facts are
/// noted, and the parse stops when the run is cancelled.
private struct PageSink: TripleSink {
    let spool: TripleSpool
    let cancellation: CancellationFlag
    let prefix: String
    private(set) var facts = DCATPage.PageFacts()
    private var sinceCheck = 0
    private static let next = DCATPage.hydra + "next"
    private static let nextPage = DCATPage.hydra + "nextPage"
    private static let totalItems = DCATPage.hydra + "totalItems"

    init(spool: TripleSpool, page: Int, cancellation: CancellationFlag) {
        self.spool = spool
        self.cancellation = cancellation
        prefix = "p\(page)-"
    }

    mutating func consume(_ triple: Triple) throws {
        sinceCheck += 1
        if sinceCheck >= 4_096 {
            sinceCheck = 0
            try cancellation.check()
        }
        var triple = triple
        if case .blank(let label) = triple.subject { triple.subject = .blank(prefix + label) }
        if case .blank(let label) = triple.object { triple.object = .blank(prefix + label) }
        switch triple.predicate {
        case PageSink.next, PageSink.nextPage:
            if case .iri(let iri) = triple.object, facts.nextLinkSet.insert(iri).inserted { facts.nextLinks.append(iri) }
        case PageSink.totalItems:
            if facts.totalItems == nil, case .literal(let literal) = triple.object {
                facts.totalItems = Int(literal.lexical.trimmingCharacters(in: .whitespaces))
            }
        default:
            break
        }
        try spool.consume(triple)
    }
}
