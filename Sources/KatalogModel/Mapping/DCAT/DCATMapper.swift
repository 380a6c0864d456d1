import Foundation
import KatalogRDF

/// Maps DCAT-AP 2.x / 3 datasets (with the DCAT-AP-SE, -NO and -DK extensions) from an RDF graph into ``Dataset``.
///
/// See `docs/dcat-mapping.md` for the property table.
public enum DCATMapper {
    /// The most nodes ``subgraph(of:in:maxNodes:)`` collects for one dataset by default.
    public static let defaultMaxNodes = 10_000

    /// The most triples a node other than the dataset itself adds to the dataset's subgraph (its raw record). A
    /// publisher or contact point has a few dozen; one with thousands (a hostile document giving one publisher of
    /// every dataset 10,000 names) would otherwise be copied into every dataset's record: quadratic in time and
    /// storage. The mapper still reads the whole node from the graph.
    public static let maxNodeTriples = 256

    /// The media type of the raw records ``record(_:in:normalizer:maxNodes:)`` produces.
    public static let rawFormat = "application/n-triples"

    /// The subjects typed `dcat:Dataset`, then those typed `dcat:DatasetSeries` (a series is catalogued and
    /// searched like a dataset; DCAT 3 makes it a subclass of `dcat:Dataset`), each once, in graph order.
    public static func datasetSubjects(in graph: some RDFGraphView) throws -> [Term] {
        var seen = Set<Term>()
        let all = try graph.subjects(ofType: DCATTerms.dataset) + graph.subjects(ofType: DCATTerms.datasetSeries)
        return all.filter { $0.isResource && seen.insert($0).inserted }
    }

    /// Maps one dataset.
    ///
    /// `sourceIdentifier` is the dataset IRI; for a blank-node dataset its first `dct:identifier`, else
    /// `urn:katalog:dcat:sha256:` + the SHA-256 of its canonical subgraph (see ``contentHash(of:)``).
    /// Throws ``DCATMappingError`` when the subject is a literal, is not described at all, or has neither a
    /// title in any language nor a `dct:identifier`.
    public static func dataset(_ subject: Term, in graph: some RDFGraphView,
                               normalizer: DCATNormalizer = .default) throws -> Dataset {
        try mapped(subject, in: graph, normalizer: normalizer, subgraph: nil)
    }

    /// Maps one dataset and returns it with its subgraph as canonical N-Triples, ready to store.
    public static func record(_ subject: Term, in graph: some RDFGraphView, normalizer: DCATNormalizer = .default,
                              maxNodes: Int = defaultMaxNodes) throws -> SourceRecord {
        let triples = try subgraph(of: subject, in: graph, maxNodes: maxNodes)
        return try record(subject, in: graph, normalizer: normalizer, subgraph: triples, raw: Data(canonicalNTriples(triples).utf8))
    }

    /// Maps one dataset whose subgraph the caller has collected (``neighbourhood(of:in:maxNodes:)``) and written as
    /// canonical N-Triples (``canonicalNTriples(_:)``), so work done to decide whether to map it is not repeated.
    public static func record(_ subject: Term, in graph: some RDFGraphView, normalizer: DCATNormalizer,
                              subgraph triples: [Triple], raw: Data) throws -> SourceRecord {
        let dataset = try mapped(subject, in: graph, normalizer: normalizer, subgraph: triples)
        return SourceRecord(dataset: dataset, raw: raw, rawFormat: rawFormat)
    }

    /// The SHA-256 (hex) of a subgraph's canonical N-Triples: independent of blank-node labels and triple order
    /// as long as the graph lists each node's triples in the same order.
    public static func contentHash(of triples: [Triple]) -> String {
        SHA256.hex(canonicalNTriples(triples).utf8)
    }

    private static func mapped(_ subject: Term, in graph: some RDFGraphView, normalizer: DCATNormalizer,
                               subgraph: [Triple]?) throws -> Dataset {
        let name = describe(subject)
        guard subject.isResource else {
            throw DCATMappingError(.invalidSubject, "a literal cannot be a dataset", subject: name)
        }
        guard try graph.isDescribed(subject) else {
            throw DCATMappingError(.notDescribed, "the graph holds no statement about this dataset", subject: name)
        }
        var dataset = try DCATReader(graph: graph, normalizer: normalizer).dataset(subject)
        if dataset.title.isEmpty, dataset.identifiers.isEmpty {
            throw DCATMappingError(.unusable, "the dataset has no dct:title in any language and no dct:identifier",
                                   subject: name)
        }
        switch subject {
        case .iri(let iri):
            dataset.sourceIdentifier = iri
        default:
            if let identifier = dataset.identifiers.first {
                dataset.sourceIdentifier = identifier
            } else {
                let triples = try subgraph ?? Self.subgraph(of: subject, in: graph, maxNodes: defaultMaxNodes)
                dataset.sourceIdentifier = "urn:katalog:dcat:sha256:" + contentHash(of: triples)
            }
        }
        return dataset
    }

    /// `subject` in N-Triples form, for error messages.
    static func describe(_ subject: Term) -> String {
        switch subject {
        case .iri(let iri): return "<\(iri)>"
        case .blank(let label): return "_:\(label)"
        case .literal(let literal): return "\"\(literal.lexical.prefix(80))\""
        }
    }
}
