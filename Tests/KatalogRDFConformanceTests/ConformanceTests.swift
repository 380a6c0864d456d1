import Foundation
import KatalogRDF
import Testing

/// The W3C RDF 1.1 test suites, read from `../shared/conformance/w3c-rdf-tests` when present.
@Suite("W3C RDF 1.1 conformance")
struct ConformanceTests {
    static let nTriplesCases = ConformanceManifest.cases(suite: "rdf-n-triples")
    static let turtleCases = ConformanceManifest.cases(suite: "rdf-turtle")
    static let rdfXMLCases = ConformanceManifest.cases(suite: "rdf-xml")

    @Test("conformance data location")
    func dataLocation() {
        if let root = ConformanceManifest.root {
            print("W3C RDF tests at \(root.path)")
            #expect(!Self.nTriplesCases.isEmpty && !Self.turtleCases.isEmpty)
        } else {
            print("W3C RDF tests not found (../shared/conformance/w3c-rdf-tests): conformance tests skipped")
        }
    }

    @Test("N-Triples", .enabled(if: ConformanceManifest.isAvailable), arguments: nTriplesCases)
    func nTriples(_ testCase: ConformanceCase) {
        let outcome = ConformanceRunner.run(testCase)
        #expect(outcome == .passed, "\(testCase.testDescription): \(outcome)")
    }

    @Test("Turtle", .enabled(if: ConformanceManifest.isAvailable), arguments: turtleCases)
    func turtle(_ testCase: ConformanceCase) {
        let outcome = ConformanceRunner.run(testCase)
        #expect(outcome == .passed, "\(testCase.testDescription): \(outcome)")
    }

    @Test("RDF/XML", .enabled(if: ConformanceManifest.isAvailable), arguments: rdfXMLCases)
    func rdfXML(_ testCase: ConformanceCase) {
        let outcome = ConformanceRunner.run(testCase)
        #expect(outcome == .passed, "\(testCase.testDescription): \(outcome)")
    }

    @Test("pass counts per suite", .enabled(if: ConformanceManifest.isAvailable))
    func summary() {
        for (suite, cases) in [("rdf-n-triples", Self.nTriplesCases), ("rdf-turtle", Self.turtleCases),
                               ("rdf-xml", Self.rdfXMLCases)] {
            let outcomes = cases.map(ConformanceRunner.run)
            let passed = outcomes.filter { $0 == .passed }.count
            let unsupported = outcomes.filter { $0 == .unsupported }.count
            print("W3C \(suite): \(passed)/\(cases.count) passed\(unsupported > 0 ? ", \(unsupported) without a parser" : "")")
            #expect(passed == cases.count, "\(suite): \(cases.count - passed) failing")
        }
    }
}
