import Foundation
import KatalogRDF
import Testing
@testable import KatalogStore

/// The spool's filter of subjects: never says "not there" of a subject it was given, rarely says "maybe" of
/// one it was not, and grows with the number of distinct subjects rather than of triples.
struct SubjectFilterTests {
    private func insert(_ filter: SubjectFilter, _ key: String) {
        var key = key
        filter.insert(hash: key.withUTF8 { SubjectFilter.hash(UnsafeRawBufferPointer($0)) })
    }

    private func mayContain(_ filter: SubjectFilter, _ key: String) -> Bool {
        var key = key
        return filter.mayContain(hash: key.withUTF8 { SubjectFilter.hash(UnsafeRawBufferPointer($0)) })
    }

    @Test("every inserted key is found, across several layers, and few others are")
    func noFalseNegatives() {
        let filter = SubjectFilter()
        let count = SubjectFilter.firstCapacity * 5
        for index in 0..<count { insert(filter, "<https://data.example.org/dataset/\(index)") }
        #expect((0..<count).allSatisfy { mayContain(filter, "<https://data.example.org/dataset/\($0)") })
        let absent = 100_000
        let falsePositives = (0..<absent).filter { mayContain(filter, "<https://files.example.org/\($0).csv") }.count
        #expect(Double(falsePositives) / Double(absent) < 0.05, "\(falsePositives) false positives in \(absent)")
    }

    @Test("repeating keys does not grow the filter")
    func repeatsDoNotGrowIt() {
        let filter = SubjectFilter()
        let empty = filter.byteCount
        for _ in 0..<20 {
            for index in 0..<SubjectFilter.firstCapacity / 2 { insert(filter, "_:b\(index)") }
        }
        #expect(filter.byteCount == empty)
        #expect(mayContain(filter, "_:b\(SubjectFilter.firstCapacity / 2 - 1)"))
    }

    @Test("a spool answers every subject it holds and nothing for one it does not")
    func spoolAnswers() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("subject-filter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let spool = try TripleSpool(directory: directory)
        let count = 20_000
        for index in 0..<count {
            try spool.consume(Triple(.iri("https://data.example.org/d/\(index)"), "http://purl.org/dc/terms/title",
                                     .literal(Literal("T\(index)"))))
            try spool.consume(Triple(.blank("n\(index)"), "http://purl.org/dc/terms/title", .literal(Literal("B\(index)"))))
        }
        try spool.finish()
        let reader = try spool.reader()
        for index in stride(from: 0, to: count, by: 97) {
            #expect(try reader.triples(about: .iri("https://data.example.org/d/\(index)")).count == 1)
            #expect(try reader.triples(about: .blank("n\(index)")).count == 1)
            #expect(try spool.triples(about: .iri("https://data.example.org/d/\(index)")).count == 1)
        }
        #expect(try reader.triples(about: .iri("https://files.example.org/1.csv")).isEmpty)
        #expect(try reader.triples(about: .literal(Literal("https://data.example.org/d/1"))).isEmpty)
    }
}
