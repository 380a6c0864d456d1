import Foundation
import KatalogModel
import KatalogRDF
import KatalogStore

/// One downloaded catalogue document (a whole dump or one Hydra page), spooled to disk and mapped dataset by
/// dataset in bounded memory.
///
/// A page is used from one thread at a time: the adapter awaits each call, which runs on its own thread
/// (``OffPool``), so there is never concurrent access to the spool.
final class DCATPage: @unchecked Sendable {
    /// One dataset's outcome: its record, or why it could not be mapped.
    struct Mapped: Sendable {
        /// The dataset's IRI or blank node, for error messages.
        var subject: String
        /// The mapped record, or the mapping error's description.
        var result: Result<SourceRecord, MappingFailure>
    }

    /// A mapping error as a value that can cross threads.
    struct MappingFailure: Error, Sendable {
        var identifier: String?
        var message: String
    }

    /// The Hydra namespace (both the 2013 `PagedCollection` terms and the current `PartialCollectionView` ones).
    static let hydra = "http://www.w3.org/ns/hydra/core#"

    private let spool: TripleSpool
    private let graph: SpoolGraph
    /// Triples in the document.
    let tripleCount: Int
    private var typeIndex = 0
    private var cursor: Int64 = 0
    private static let dcatDataset = "http://www.w3.org/ns/dcat#Dataset"
    private static let dcatDatasetSeries = "http://www.w3.org/ns/dcat#DatasetSeries"
    private static let datasetTypes = [dcatDataset, dcatDatasetSeries]

    private init(spool: TripleSpool) {
        self.spool = spool
        self.graph = SpoolGraph(spool: spool)
        self.tripleCount = spool.count
    }

    /// Parses `file` into a new spool (checking `cancellation` as triples arrive).
    static func load(file: URL, format: RDFFormat, baseIRI: String, limits: ParserLimits,
                     cancellation: CancellationFlag) throws -> DCATPage {
        let spool = try TripleSpool(directory: file.deletingLastPathComponent())
        var sink = CancellableSink(spool: spool, cancellation: cancellation)
        try RDFParsing.parse(file: file, format: format, baseIRI: baseIRI, limits: limits, into: &sink)
        try spool.finish()
        return DCATPage(spool: spool)
    }

    /// The pages this page links to with `hydra:next` (or the older `hydra:nextPage`), in document order.
    func nextLinks() throws -> [String] {
        var links: [String] = []
        for predicate in [DCATPage.hydra + "next", DCATPage.hydra + "nextPage"] {
            for (_, object) in try spool.objects(ofPredicate: predicate) {
                if case .iri(let iri) = object, !links.contains(iri) { links.append(iri) }
            }
        }
        return links
    }

    /// The collection size the page announces (`hydra:totalItems`), when it does.
    func totalItems() throws -> Int? {
        for (_, object) in try spool.objects(ofPredicate: DCATPage.hydra + "totalItems") {
            if case .literal(let literal) = object, let value = Int(literal.lexical.trimmingCharacters(in: .whitespaces)) {
                return value
            }
        }
        return nil
    }

    /// Maps the next `limit` datasets (`dcat:Dataset`, then `dcat:DatasetSeries` not also typed `dcat:Dataset`);
    /// an empty answer means every dataset has been mapped.
    func nextBatch(limit: Int, cancellation: CancellationFlag) throws -> [Mapped] {
        var batch: [Mapped] = []
        while batch.isEmpty, typeIndex < DCATPage.datasetTypes.count {
            try cancellation.check()
            let type = DCATPage.datasetTypes[typeIndex]
            let page = try spool.subjects(ofType: type, after: cursor, limit: limit)
            for subject in page.subjects {
                if type == DCATPage.dcatDatasetSeries, try spool.types(of: subject).contains(DCATPage.dcatDataset) { continue }
                guard subject.isResource else { continue }
                batch.append(map(subject))
            }
            if let next = page.next {
                cursor = next
            } else {
                typeIndex += 1
                cursor = 0
            }
        }
        return batch
    }

    private func map(_ subject: Term) -> Mapped {
        graph.reset()
        let name = DCATPage.describe(subject)
        do {
            return Mapped(subject: name, result: .success(try DCATMapper.record(subject, in: graph)))
        } catch {
            let identifier: String? = if case .iri(let iri) = subject { iri } else { nil }
            return Mapped(subject: name, result: .failure(MappingFailure(identifier: identifier, message: String(describing: error))))
        }
    }

    static func describe(_ term: Term) -> String {
        switch term {
        case .iri(let iri): return iri
        case .blank(let label): return "_:" + label
        case .literal(let literal): return "\"\(literal.lexical)\""
        }
    }
}

/// Feeds parsed triples into a spool, stopping the parse when the run is cancelled.
private struct CancellableSink: TripleSink {
    let spool: TripleSpool
    let cancellation: CancellationFlag
    private var sinceCheck = 0

    init(spool: TripleSpool, cancellation: CancellationFlag) {
        self.spool = spool
        self.cancellation = cancellation
    }

    mutating func consume(_ triple: Triple) throws {
        sinceCheck += 1
        if sinceCheck >= 4_096 {
            sinceCheck = 0
            try cancellation.check()
        }
        try spool.consume(triple)
    }
}
