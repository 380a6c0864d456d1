import Foundation
import KatalogRDF
import Testing

/// `katalog export`: the whole catalogue as one DCAT-AP 3 document on standard output.
struct CLIExportTests {
    @Test func theDemoCatalogueIsExportedWholeInEachSyntax() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = try await KatalogProcess.run(["demo", "--harvest-only", "--db", "demo.sqlite"], in: folder)
        #expect(demo.status == 0, "\(demo.stderr)")
        var graphs: [Graph] = []
        for (name, format) in [("ntriples", RDFFormat.ntriples), ("turtle", .turtle), ("rdfxml", .rdfxml), ("jsonld", .jsonld)] {
            let export = try await KatalogProcess.run(["export", "--db", "demo.sqlite", "--format", name,
                                                       "--base-url", "https://hub.example/"], in: folder)
            #expect(export.status == 0, "\(name): \(export.stderr)")
            var graph = Graph()
            try RDFParsing.parse(data: Data(export.stdout.utf8), format: format, into: &graph)
            graphs.append(graph)
        }
        let datasets = graphs[0].subjects(Vocab.rdfType, .iri("http://www.w3.org/ns/dcat#Dataset"))
        #expect(datasets.count == 435)
        #expect(graphs[0].objects(of: .iri("https://hub.example/catalog"), "http://www.w3.org/ns/dcat#dataset").count == 435)
        #expect(datasets.contains { $0.iriValue?.hasPrefix("https://hub.example/datasets/") == true }, "CKAN packages get the hub's IRIs")
        for graph in graphs.dropFirst() {
            let same = graph.isIsomorphic(to: graphs[0])
            #expect(same)
        }

        let oneSource = try await KatalogProcess.run(["export", "--db", "demo.sqlite", "--format", "ntriples", "--source", "dcat-ap-se"], in: folder)
        #expect(oneSource.status == 0, "\(oneSource.stderr)")
        var se = Graph()
        try RDFParsing.parse(data: Data(oneSource.stdout.utf8), format: .ntriples, into: &se)
        #expect(se.subjects(Vocab.rdfType, .iri("http://www.w3.org/ns/dcat#Dataset")).count == 66)
        let unknownSource = try await KatalogProcess.run(["export", "--db", "demo.sqlite", "--format", "turtle", "--source", "nope"], in: folder)
        #expect(unknownSource.status != 0)
        #expect(unknownSource.stderr.contains("no source 'nope'"))

        let badFormat = try await KatalogProcess.run(["export", "--db", "demo.sqlite", "--format", "csv"], in: folder)
        #expect(badFormat.status != 0)
        #expect(badFormat.stderr.contains("--format: 'csv' is not one of turtle, rdfxml, jsonld, ntriples"))
        let badBase = try await KatalogProcess.run(["export", "--db", "demo.sqlite", "--format", "turtle", "--base-url", "not an iri"], in: folder)
        #expect(badBase.status != 0)
        #expect(badBase.stderr.contains("--base-url"))
    }
}
