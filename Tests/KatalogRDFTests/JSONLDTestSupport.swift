import Foundation
import KatalogRDF

/// Collects every triple a parser emits.
struct JSONLDCollector: TripleSink {
    var triples: [Triple] = []

    mutating func consume(_ triple: Triple) throws {
        triples.append(triple)
    }
}

/// Shared helpers for the JSON-LD tests.
enum JSONLDTestSupport {
    static let dct = "http://purl.org/dc/terms/"
    static let dcat = "http://www.w3.org/ns/dcat#"
    static let foaf = "http://xmlns.com/foaf/0.1/"

    /// Parses `json`, feeding it in chunks of `chunkSize` bytes (all at once when nil).
    static func parse(
        _ json: String, base: String? = "http://example.org/doc", limits: ParserLimits = ParserLimits(),
        contexts: JSONLDContextLoader = .bundled, chunkSize: Int? = nil
    ) throws -> [Triple] {
        try parse(bytes: Array(json.utf8), base: base, limits: limits, contexts: contexts, chunkSize: chunkSize)
    }

    /// Parses raw bytes, feeding them in chunks of `chunkSize` bytes (all at once when nil).
    static func parse(
        bytes: [UInt8], base: String? = "http://example.org/doc", limits: ParserLimits = ParserLimits(),
        contexts: JSONLDContextLoader = .bundled, chunkSize: Int? = nil
    ) throws -> [Triple] {
        var parser = JSONLDParser(baseIRI: base, limits: limits, contexts: contexts)
        var sink = JSONLDCollector()
        let size = max(1, chunkSize ?? bytes.count)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            try bytes[start..<end].withUnsafeBytes { try parser.feed($0, into: &sink) }
            start = end
        }
        try parser.finish(into: &sink)
        return sink.triples
    }

    static func iri(_ value: String) -> Term { .iri(value) }

    static func string(_ value: String) -> Term { .literal(Literal(value)) }

    static func lang(_ value: String, _ language: String) -> Term { .literal(Literal(value, language: language)) }

    static func typed(_ value: String, _ datatype: String) -> Term { .literal(Literal(value, datatype: datatype)) }

    /// The objects of `subject predicate ?`.
    static func objects(_ triples: [Triple], _ subject: Term, _ predicate: String) -> [Term] {
        triples.filter { $0.subject == subject && $0.predicate == predicate }.map(\.object)
    }

    /// The single object of `subject predicate ?`, or nil when there is not exactly one.
    static func object(_ triples: [Triple], _ subject: Term, _ predicate: String) -> Term? {
        let found = objects(triples, subject, predicate)
        return found.count == 1 ? found[0] : nil
    }

    /// The members of the RDF collection starting at `head`.
    static func list(_ triples: [Triple], _ head: Term) -> [Term]? {
        var members: [Term] = []
        var cell = head
        var steps = 0
        while cell != .iri(Vocab.rdfNil) {
            guard case .blank = cell, let first = object(triples, cell, Vocab.rdfFirst),
                  let rest = object(triples, cell, Vocab.rdfRest), steps < 10_000 else { return nil }
            members.append(first)
            cell = rest
            steps += 1
        }
        return members
    }

    /// `../shared/samples/dcat` next to the package root, when present.
    static func samplesDirectory(filePath: String = #filePath) -> URL? {
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                let samples = directory.deletingLastPathComponent().appendingPathComponent("shared/samples/dcat")
                return FileManager.default.fileExists(atPath: samples.path) ? samples : nil
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }
}
