import Foundation
import Testing

/// `katalog parse` prints N-Triples, and on bad input exits non-zero with `file:line:column: cause`.
struct CLIParseTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-parse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func turtleBecomesNTriples() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            @prefix dct: <http://purl.org/dc/terms/> .
            <dataset/1> dct:title "Badplatser"@sv, "Bathing sites"@en .
            """.write(to: folder.appendingPathComponent("a.ttl"), atomically: true, encoding: .utf8)
        let output = try await KatalogProcess.run(["parse", "--format", "turtle", "--base", "https://example.se/", "a.ttl"], in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        let lines = Set(output.stdout.split(separator: "\n").map(String.init))
        #expect(lines == [
            "<https://example.se/dataset/1> <http://purl.org/dc/terms/title> \"Badplatser\"@sv .",
            "<https://example.se/dataset/1> <http://purl.org/dc/terms/title> \"Bathing sites\"@en .",
        ])
    }

    /// A depth the parser's thread cannot recurse to is refused before parsing, not met with a stack overflow.
    @Test func maxDepthIsBounded() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let depth = 1_024
        let nested = String(repeating: "[ <http://e/p> ", count: depth) + "<http://e/o>" + String(repeating: " ]", count: depth)
        try "<http://e/s> <http://e/p> \(nested) .\n".write(to: folder.appendingPathComponent("deep.ttl"), atomically: true, encoding: .utf8)
        let refused = try await KatalogProcess.run(["parse", "--format", "turtle", "--max-depth", "100000", "deep.ttl"], in: folder)
        #expect(refused.status == 64, "\(refused.stderr)")
        #expect(refused.stderr.contains("--max-depth must be from 1 to 1024"), "\(refused.stderr)")
        let deepest = try await KatalogProcess.run(["parse", "--format", "turtle", "--max-depth", "1024", "deep.ttl"], in: folder)
        #expect(deepest.status == 0, "\(deepest.stderr)")
        #expect(deepest.stdout.split(separator: "\n").count == depth + 1)
    }

    @Test func rdfXMLBecomesNTriples() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="http://www.w3.org/ns/dcat#"
                     xmlns:dct="http://purl.org/dc/terms/">
              <dcat:Dataset rdf:about="https://example.se/d/1"><dct:title xml:lang="sv">Skolor</dct:title></dcat:Dataset>
            </rdf:RDF>
            """.write(to: folder.appendingPathComponent("a.rdf"), atomically: true, encoding: .utf8)
        let output = try await KatalogProcess.run(["parse", "--format", "rdfxml", "a.rdf"], in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("<https://example.se/d/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> ."))
        #expect(output.stdout.contains("<https://example.se/d/1> <http://purl.org/dc/terms/title> \"Skolor\"@sv ."))
    }

    @Test(arguments: [
        ("bad.ttl", "turtle", "<a> <b> \"unterminated .\n"),
        ("bad.nt", "ntriples", "<http://a> <http://b> <http://c> .\n<relative> <http://b> <http://c> .\n"),
        ("bad.rdf", "rdfxml", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n<rdf:Description>\n</rdf:RDF>\n"),
    ])
    func badInputExitsWithFileLineColumn(name: String, format: String, text: String) async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        let output = try await KatalogProcess.run(["parse", "--format", format, name], in: folder)
        #expect(output.status == 1)
        let line = output.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.hasPrefix("\(name):"), "\(line)")
        let parts = line.split(separator: ":", maxSplits: 3)
        #expect(parts.count == 4)
        #expect(Int(parts[1]) ?? 0 >= 1, "line number in \(line)")
        #expect(Int(parts[2]) != nil, "column in \(line)")
    }

    @Test func invalidUTF8IsAnErrorNotACrash() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = Array("<http://a> <http://b> \"caf".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\" .\n".utf8)
        try Data(bytes).write(to: folder.appendingPathComponent("bad.nt"))
        let output = try await KatalogProcess.run(["parse", "--format", "ntriples", "bad.nt"], in: folder)
        #expect(output.status == 1)
        #expect(output.stderr.contains("bad.nt:1:"))
        #expect(output.stderr.lowercased().contains("utf-8"))
    }
}
