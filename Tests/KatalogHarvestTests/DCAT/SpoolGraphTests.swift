import Foundation
import KatalogModel
import KatalogRDF
import KatalogStore
import Testing
@testable import KatalogHarvest

/// The mapper's view of a spool: what it answers must not depend on what it keeps between datasets.
struct SpoolGraphTests {
    static let dcat = "http://www.w3.org/ns/dcat#"
    static let title = "http://purl.org/dc/terms/title"
    static let series = Term.iri("https://data.example.org/series/daily")
    static let service = Term.iri("https://data.example.org/api")

    /// A series listing `members` datasets, a service serving them, and the datasets.
    private func withSpool(members: Int, _ body: (TripleSpool) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spool-graph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let spool = try TripleSpool(directory: directory)
        try spool.consume(Triple(Self.series, Vocab.rdfType, .iri(Self.dcat + "DatasetSeries")))
        try spool.consume(Triple(Self.series, Self.title, .literal(Literal("Daily", language: "en"))))
        try spool.consume(Triple(Self.service, Vocab.rdfType, .iri(Self.dcat + "DataService")))
        for index in 0..<members {
            let dataset = Term.iri("https://data.example.org/dataset/\(index)")
            try spool.consume(Triple(Self.series, Self.dcat + "seriesMember", dataset))
            try spool.consume(Triple(Self.service, Self.dcat + "servesDataset", dataset))
            try spool.consume(Triple(dataset, Vocab.rdfType, .iri(Self.dcat + "Dataset")))
            try spool.consume(Triple(dataset, Self.dcat + "inSeries", Self.series))
        }
        try spool.finish()
        try body(spool)
    }

    @Test("a node of many triples answers the same before and after a reset, and counts as read each time")
    func aLargeNodeIsKeptAcrossResets() throws {
        try withSpool(members: 500) { spool in
            let graph = SpoolGraph(spool: try spool.reader())
            let reference = try spool.triples(about: Self.series)
            #expect(reference.count == 502)
            for _ in 0..<3 {
                graph.reset()
                #expect(graph.readSubjects.isEmpty)
                #expect(try graph.objects(of: Self.series, Self.title) == [.literal(Literal("Daily", language: "en"))])
                #expect(graph.readSubjects == [Self.series], "a kept node still counts as read, for the source digest")
                #expect(try graph.objects(of: Self.series, Self.dcat + "seriesMember").count == 500)
                #expect(try graph.triples(about: Self.series) == reference)
                #expect(try graph.hasType(Self.series, in: [Self.dcat + "DatasetSeries"]))
            }
        }
    }

    @Test("the types of a node of many triples come from the index, without reading it")
    func typesOfABigNodeDoNotReadIt() throws {
        try withSpool(members: 200) { spool in
            let graph = SpoolGraph(spool: try spool.reader())
            #expect(try graph.hasType(Self.service, in: [Self.dcat + "DataService"]))
            #expect(try !graph.hasType(Self.service, in: [Self.dcat + "Dataset"]))
            #expect(graph.readSubjects.isEmpty)
            // A small node is read whole, as the walk would read it next.
            let member = Term.iri("https://data.example.org/dataset/3")
            #expect(try graph.hasType(member, in: [Self.dcat + "Dataset"]))
            #expect(graph.readSubjects == [member])
            #expect(try !graph.hasType(.iri("https://data.example.org/nowhere"), in: [Self.dcat + "Dataset"]))
        }
    }

    @Test("a node too big for a dataset's edge is read from the spool once per lane, not once per dataset")
    func aNodeTooBigForTheEdgeIsReadOnce() throws {
        try withSpool(members: 1_200) { spool in
            let graph = SpoolGraph(spool: try spool.reader())
            let member = Term.iri("https://data.example.org/dataset/7")
            for round in 0..<3 {
                graph.reset()
                #expect(try graph.triples(about: Self.service, atMost: 1_024) == nil)
                #expect(graph.edgeReads == 1, "round \(round): the bound found in round 0 answers")
                #expect(graph.readSubjects.contains(Self.service))
            }
            // A smaller limit is answered from the bound too; a bigger one reads again, and gets every triple.
            #expect(try graph.triples(about: Self.service, atMost: 10) == nil)
            #expect(graph.edgeReads == 1)
            let all = try #require(try graph.triples(about: Self.service, atMost: 2_000))
            #expect(all.count == 1_201)
            #expect(graph.edgeReads == 2)
            // A small node fits, read each time it is asked for outside the cache.
            #expect(try graph.triples(about: member, atMost: 1_024)?.count == 2)
            #expect(try graph.triples(about: member, atMost: 1) == nil)
        }
    }

    @Test("a node too big to keep whole keeps its predicates of few values, and reads the others when asked")
    func aHugeNodeKeepsItsFewValuedPredicates() throws {
        try withSpool(members: 1_500) { spool in
            // 1,502 triples: over this budget, so the 1,500 members (over 1,024 values) are not kept.
            let graph = SpoolGraph(spool: try spool.reader(), largeBudget: 600)
            let title = [Term.literal(Literal("Daily", language: "en"))]
            #expect(try graph.objects(of: Self.series, Self.title) == title)
            #expect(graph.subjectReads == 1)
            for _ in 0..<3 {
                graph.reset()
                #expect(try graph.objects(of: Self.series, Self.title) == title)
                #expect(try graph.hasType(Self.series, in: [Self.dcat + "DatasetSeries"]))
                #expect(try graph.isDescribed(Self.series))
                #expect(graph.readSubjects == [Self.series], "a kept node still counts as read, for the source digest")
            }
            #expect(graph.subjectReads == 1, "the title, type and description come from what was kept")
            // The dropped predicate is read again, in full.
            #expect(try graph.objects(of: Self.series, Self.dcat + "seriesMember").count == 1_500)
            #expect(graph.subjectReads == 2)
            #expect(try graph.triples(about: Self.series).count == 1_502)
        }
    }
}
