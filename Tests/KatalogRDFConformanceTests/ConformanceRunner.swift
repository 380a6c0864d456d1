import Foundation
import KatalogRDF

/// Runs one ``ConformanceCase`` and says whether it passed, and why not.
enum ConformanceRunner {
    enum Outcome: Equatable {
        case passed
        case failed(String)
        /// The parser for this format is not part of this build.
        case unsupported
    }

    static func run(_ testCase: ConformanceCase) -> Outcome {
        if let problem = testCase.manifestError { return .failed(problem) }
        let parsed: Result<Graph, any Error> = Result {
            var graph = Graph()
            try RDFParsing.parse(file: testCase.action, format: testCase.format, baseIRI: testCase.actionIRI, into: &graph)
            return graph
        }
        if case .failure(let error as RDFParseError) = parsed, error.code == .unsupported { return .unsupported }
        switch (testCase.kind, parsed) {
        case (.positiveSyntax, .success):
            return .passed
        case (.negativeSyntax, .failure(let error)), (.negativeEval, .failure(let error)):
            return error is RDFParseError ? .passed : .failed("threw a non-parse error: \(error)")
        case (.negativeSyntax, .success), (.negativeEval, .success):
            return .failed("parsed without error, but the input is invalid")
        case (.positiveSyntax, .failure(let error)), (.eval, .failure(let error)):
            return .failed("parse failed: \(error)")
        case (.eval, .success(let graph)):
            guard let resultFile = testCase.result else { return .failed("eval test without mf:result") }
            var expected = Graph()
            do {
                try RDFParsing.parse(file: resultFile, format: .ntriples, into: &expected)
            } catch {
                return .failed("expected result did not parse: \(error)")
            }
            if Isomorphism.areIsomorphic(graph.triples, expected.triples) { return .passed }
            return .failed("graph differs from the expected result.\nGot:\n"
                + NTriplesWriter.string(from: graph.triples) + "Expected:\n"
                + NTriplesWriter.string(from: expected.triples))
        }
    }
}
