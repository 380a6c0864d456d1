import Foundation
import KatalogRDF
import Testing

/// One W3C test: its name, kind, input file, expected N-Triples file and the IRI used as base.
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    enum Kind: String, Sendable {
        case positiveSyntax, negativeSyntax, eval, negativeEval
    }

    let suite: String
    let name: String
    let kind: Kind
    let format: RDFFormat
    let action: URL
    let actionIRI: String
    let result: URL?
    /// Set when the manifest itself could not be read, so the failure is reported as a test.
    let manifestError: String?

    var testDescription: String { "\(suite)/\(name)" }
}

/// Finds the shared W3C test data and turns each suite's `manifest.ttl` into ``ConformanceCase``s,
/// parsing the manifest with Katalog's own Turtle parser.
enum ConformanceManifest {
    static let testsNamespace = "http://www.w3.org/ns/rdftest#"
    static let manifestNamespace = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"

    /// `../shared/conformance/w3c-rdf-tests` next to the package root, when it exists.
    static let root: URL? = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                let shared = directory.deletingLastPathComponent()
                    .appendingPathComponent("shared/conformance/w3c-rdf-tests")
                return FileManager.default.fileExists(atPath: shared.path) ? shared : nil
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }()

    static var isAvailable: Bool { root != nil }

    static func baseIRI(suite: String) -> String { "https://w3c.github.io/rdf-tests/rdf/rdf11/\(suite)/" }

    /// All cases of one suite (empty when the shared data is absent).
    static func cases(suite: String) -> [ConformanceCase] {
        guard let root else { return [] }
        let directory = root.appendingPathComponent(suite)
        let base = baseIRI(suite: suite)
        var graph = Graph()
        do {
            try RDFParsing.parse(file: directory.appendingPathComponent("manifest.ttl"), format: .turtle,
                                 baseIRI: base + "manifest.ttl", into: &graph)
        } catch {
            return [ConformanceCase(suite: suite, name: "manifest", kind: .positiveSyntax, format: .turtle,
                                    action: directory, actionIRI: base, result: nil,
                                    manifestError: "manifest.ttl did not parse: \(error)")]
        }
        let manifest = Term.iri(base + "manifest.ttl")
        guard let list = graph.objects(of: manifest, manifestNamespace + "entries").first else {
            return [ConformanceCase(suite: suite, name: "manifest", kind: .positiveSyntax, format: .turtle,
                                    action: directory, actionIRI: base, result: nil,
                                    manifestError: "manifest has no mf:entries list")]
        }
        return listMembers(list, in: graph).compactMap { entry in
            makeCase(entry, suite: suite, directory: directory, base: base, graph: graph)
        }
    }

    private static func listMembers(_ head: Term, in graph: Graph) -> [Term] {
        var members: [Term] = []
        var node = head
        while node != .iri(Vocab.rdfNil), members.count < 100_000 {
            guard let first = graph.objects(of: node, Vocab.rdfFirst).first,
                  let rest = graph.objects(of: node, Vocab.rdfRest).first else { break }
            members.append(first)
            node = rest
        }
        return members
    }

    private static func makeCase(_ entry: Term, suite: String, directory: URL, base: String,
                                 graph: Graph) -> ConformanceCase? {
        guard let type = graph.objects(of: entry, Vocab.rdfType).first?.iriValue,
              type.hasPrefix(testsNamespace) else { return nil }
        let kind: ConformanceCase.Kind
        let format: RDFFormat
        switch String(type.dropFirst(testsNamespace.count)) {
        case "TestNTriplesPositiveSyntax": (kind, format) = (.positiveSyntax, .ntriples)
        case "TestNTriplesNegativeSyntax": (kind, format) = (.negativeSyntax, .ntriples)
        case "TestTurtlePositiveSyntax": (kind, format) = (.positiveSyntax, .turtle)
        case "TestTurtleNegativeSyntax": (kind, format) = (.negativeSyntax, .turtle)
        case "TestTurtleEval": (kind, format) = (.eval, .turtle)
        case "TestTurtleNegativeEval": (kind, format) = (.negativeEval, .turtle)
        case "TestXMLEval": (kind, format) = (.eval, .rdfxml)
        case "TestXMLNegativeSyntax": (kind, format) = (.negativeSyntax, .rdfxml)
        default: return nil
        }
        guard let actionIRI = graph.objects(of: entry, manifestNamespace + "action").first?.iriValue,
              actionIRI.hasPrefix(base) else { return nil }
        let name = graph.objects(of: entry, manifestNamespace + "name").first?.literalValue?.lexical
            ?? entry.iriValue ?? "unnamed"
        let result = graph.objects(of: entry, manifestNamespace + "result").first?.iriValue
            .flatMap { $0.hasPrefix(base) ? directory.appendingPathComponent(String($0.dropFirst(base.count))) : nil }
        return ConformanceCase(suite: suite, name: name, kind: kind, format: format,
                               action: directory.appendingPathComponent(String(actionIRI.dropFirst(base.count))),
                               actionIRI: actionIRI, result: result, manifestError: nil)
    }
}
