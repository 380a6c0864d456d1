import Foundation
import Synchronization
import KatalogRDF
import Testing
@testable import KatalogStore

/// The spool is written on a thread of its own while the parser goes on, and a finished spool hands out readers
/// with connections of their own, so two threads can map from it at once.
struct TripleSpoolReaderTests {
    static let dcatDataset = "http://www.w3.org/ns/dcat#Dataset"

    private func filledSpool(in directory: URL, datasets: Int) throws -> TripleSpool {
        let spool = try TripleSpool(directory: directory)
        for index in 0..<datasets {
            let subject = Term.iri("https://data.example.org/dataset/\(index)")
            try spool.consume(Triple(subject, Vocab.rdfType, .iri(Self.dcatDataset)))
            try spool.consume(Triple(subject, "http://purl.org/dc/terms/title", .literal(Literal("Dataset \(index)", language: "en"))))
            try spool.consume(Triple(subject, "http://www.w3.org/ns/dcat#distribution", .blank("d\(index)")))
            try spool.consume(Triple(.blank("d\(index)"), "http://www.w3.org/ns/dcat#downloadURL",
                                     .iri("https://data.example.org/files/\(index).csv")))
        }
        try spool.finish()
        return spool
    }

    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spool-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func aReaderReadsWhatTheSpoolHolds() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let spool = try filledSpool(in: directory, datasets: 50)
        let reader = try spool.reader()
        let again = try reader.reader()
        let subject = Term.iri("https://data.example.org/dataset/7")
        #expect(try reader.triples(about: subject) == spool.triples(about: subject))
        #expect(try again.triples(about: .blank("d7")) == spool.triples(about: .blank("d7")))
        #expect(try reader.subjects(ofType: Self.dcatDataset) == spool.subjects(ofType: Self.dcatDataset))
        #expect(try reader.types(of: subject) == [Self.dcatDataset])
        #expect(try reader.types(of: .blank("d7")).isEmpty, "described, but without a type")
        #expect(try reader.types(of: .iri("https://data.example.org/nowhere")).isEmpty)
        #expect(reader.count == 200)
    }

    @Test func theFileLastsAsLongAsAReaderAndIsDeletedAfterTheLast() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        var spool: TripleSpool? = try filledSpool(in: directory, datasets: 5)
        var reader: TripleSpool? = try spool?.reader()
        spool = nil
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 1)
        #expect(try reader?.triples(about: .iri("https://data.example.org/dataset/3")).count == 3)
        reader = nil
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func twoReadersReadAtOnceFromTwoThreads() async throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let spool = try filledSpool(in: directory, datasets: 2_000)
        let readers = try [spool.reader(), spool.reader()]
        let expected = try (0..<2_000).map { try spool.triples(about: .iri("https://data.example.org/dataset/\($0)")).count }
        let counts = try await withThrowingTaskGroup(of: [Int].self) { group in
            for reader in readers {
                let box = UncheckedBox(reader)
                group.addTask {
                    try (0..<2_000).map { try box.value.triples(about: .iri("https://data.example.org/dataset/\($0)")).count }
                }
            }
            return try await group.reduce(into: [[Int]]()) { $0.append($1) }
        }
        #expect(counts == [expected, expected])
        #expect(expected.allSatisfy { $0 == 3 })
    }
}

extension TripleSpoolReaderTests {
    @Test func batchesWrittenOnTheWriterThreadKeepDocumentOrder() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let spool = try TripleSpool(directory: directory)
        let subject = Term.iri("https://data.example.org/catalogue")
        let count = TripleSpool.batchSize * 4 + 17
        for index in 0..<count {
            try spool.consume(Triple(subject, "http://www.w3.org/ns/dcat#dataset", .iri("https://data.example.org/dataset/\(index)")))
        }
        try spool.finish()
        let objects = try spool.objects(ofPredicate: "http://www.w3.org/ns/dcat#dataset").map(\.object)
        #expect(objects.count == count)
        #expect(objects == (0..<count).map { .iri("https://data.example.org/dataset/\($0)") })
    }

    @Test func aSpoolReleasedUnfinishedStopsItsWriterAndLeavesNoFile() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        var spool: TripleSpool? = try TripleSpool(directory: directory)
        for index in 0..<(TripleSpool.batchSize * 3) {
            try spool?.consume(Triple(.iri("https://data.example.org/d/\(index)"), "http://purl.org/dc/terms/title", .literal(Literal("T"))))
        }
        spool = nil
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    struct WriteFailed: Error, Equatable {}

    @Test func aWriteErrorReachesTheProducerAndEveryLaterCall() throws {
        let written = Mutex(0)
        let writer = SpoolWriter { _ in
            let done = written.withLock { count -> Int in
                count += 1
                return count
            }
            if done == 2 { throw WriteFailed() }
        }
        var thrown: (any Error)?
        for _ in 0..<50 where thrown == nil {
            do { try writer.submit([]) } catch { thrown = error }
        }
        if thrown == nil {
            #expect(throws: WriteFailed.self) { try writer.finish() }
        } else {
            #expect(thrown is WriteFailed)
            #expect(throws: WriteFailed.self) { try writer.finish() }
        }
        #expect(written.withLock { $0 } == 2, "nothing is written after the failed batch")
        writer.close()
    }

    @Test func finishWaitsForEveryQueuedBatch() throws {
        let written = Mutex(0)
        let writer = SpoolWriter { batch in written.withLock { $0 += batch.count } }
        let triple = Triple(.iri("https://x.example/s"), "https://x.example/p", .iri("https://x.example/o"))
        for _ in 0..<20 { try writer.submit(Array(repeating: triple, count: 10)) }
        try writer.finish()
        #expect(written.withLock { $0 } == 200)
    }
}

/// Hands a reader (used by one task only) to a task.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

extension TripleSpoolReaderTests {
    /// Text is bound and read through SQLite's C interface: empty text stays empty (not NULL), a missing language
    /// stays missing, and non-ASCII text comes back byte for byte.
    @Test func everyKindOfTermRoundTripsThroughTheSpool() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let spool = try TripleSpool(directory: directory)
        let subject = Term.iri("https://data.example.org/dataset/åäö-ø-€")
        let triples = [
            Triple(subject, Vocab.rdfType, .iri(Self.dcatDataset)),
            Triple(subject, "http://purl.org/dc/terms/title", .literal(Literal("Sjöar och älvar 🌊", language: "sv"))),
            Triple(subject, "http://purl.org/dc/terms/description", .literal(Literal(""))),
            Triple(subject, "http://purl.org/dc/terms/description", .literal(Literal("", language: "en"))),
            Triple(subject, "http://www.w3.org/ns/dcat#byteSize",
                   .literal(Literal("1024", datatype: "http://www.w3.org/2001/XMLSchema#decimal"))),
            Triple(subject, "http://www.w3.org/ns/dcat#distribution", .blank("b0")),
            Triple(subject, "http://www.w3.org/ns/dcat#keyword", .literal(Literal("tab\tnew\nline \"quoted\""))),
        ]
        let blankTriple = Triple(.blank("b0"), "http://www.w3.org/ns/dcat#accessURL", .iri(""))
        for triple in triples + [blankTriple] { try spool.consume(triple) }
        try spool.finish()
        let reader = try spool.reader()
        #expect(try reader.triples(about: subject) == triples)
        #expect(try reader.triples(about: .blank("b0")) == [blankTriple])
        #expect(try reader.triples(about: .iri("https://data.example.org/dataset/other")).isEmpty)
        #expect(try reader.subjects(ofType: Self.dcatDataset) == [subject])
        // Reading again gives the same answer: the statement is reset between lookups.
        #expect(try reader.triples(about: subject) == triples)
    }
}
