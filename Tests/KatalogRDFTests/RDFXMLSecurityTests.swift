import Foundation
import KatalogRDF
import Testing

@Suite("RDF/XML hostile input")
struct RDFXMLSecurityTests {
    private func prolog(_ subset: String) -> String {
        """
        <?xml version="1.0"?>
        <!DOCTYPE rdf:RDF [
        \(subset)
        ]>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/ns#">
        """
    }

    private func scan(_ document: String) -> (error: RDFParseError?, sink: RDFXMLScanningSink) {
        var parser = RDFXMLParser(baseIRI: "http://example.org/doc")
        var sink = RDFXMLScanningSink(marker: "root:")
        let bytes = Array(document.utf8)
        let error = RDFXMLTestSupport.parseError {
            try bytes.withUnsafeBytes { try parser.feed($0, into: &sink) }
            try parser.finish(into: &sink)
        }
        return (error, sink)
    }

    @Test func billionLaughsIsRefused() {
        var subset = #"<!ENTITY lol0 "lol">"#
        for level in 1...9 {
            subset += "\n<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let started = ContinuousClock.now
        let inContent = scan(prolog(subset) + #"<rdf:Description rdf:about="a"><ex:p>&lol9;</ex:p></rdf:Description></rdf:RDF>"#)
        #expect(inContent.error?.code == .limitExceeded)
        let inAttribute = scan(prolog(subset) + #"<rdf:Description rdf:about="a" ex:p="&lol9;"/></rdf:RDF>"#)
        #expect(inAttribute.error?.code == .limitExceeded)
        // Expanded, the entity would be 10^9 "lol"s: an expansion would run for minutes, so this bound proves none
        // happened while leaving room for a machine loaded by the rest of the suite.
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    @Test(arguments: [
        #"<!ENTITY xxe SYSTEM "file:///etc/passwd">"#,
        #"<!ENTITY % xxe SYSTEM "file:///etc/passwd"> %xxe;"#,
        #"<!ENTITY xxe PUBLIC "-//X//Y" "file:///etc/passwd">"#,
    ])
    func externalFileEntitiesAreRefused(declaration: String) {
        let result = scan(prolog(declaration) + #"<rdf:Description rdf:about="a"><ex:p>&xxe;</ex:p></rdf:Description></rdf:RDF>"#)
        #expect(result.error?.code == .forbidden)
        #expect(!result.sink.markerSeen)
    }

    @Test func externalHTTPEntityIsRefusedWithoutAConnection() throws {
        let listener = try RDFXMLLoopbackListener()
        let document = prolog(#"<!ENTITY net SYSTEM "http://127.0.0.1:\#(listener.port)/secret">"#)
            + #"<rdf:Description rdf:about="a"><ex:p>&net;</ex:p></rdf:Description></rdf:RDF>"#
        let result = scan(document)
        #expect(result.error?.code == .forbidden)
        #expect(result.sink.count == 0)
        #expect(!listener.hasPendingConnection())
    }

    @Test func externalDTDIsNotLoaded() {
        let listener = try? RDFXMLLoopbackListener()
        let port = listener?.port ?? 9
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE rdf:RDF SYSTEM "http://127.0.0.1:\(port)/x.dtd">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/ns#">
              <rdf:Description rdf:about="a"><ex:p>v</ex:p></rdf:Description></rdf:RDF>
            """
        let result = scan(document)
        #expect(result.error == nil)
        #expect(result.sink.count == 1)
        #expect(listener?.hasPendingConnection() == false)
    }

    @Test func deepNestingIsRejectedQuickly() {
        let open = String(repeating: #"<ex:p rdf:parseType="Resource">"#, count: 10_000)
        let close = String(repeating: "</ex:p>", count: 10_000)
        let started = ContinuousClock.now
        let result = scan(#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/ns#"><rdf:Description>"#
            + open + close + "</rdf:Description></rdf:RDF>")
        #expect(result.error?.code == .limitExceeded)
        #expect(ContinuousClock.now - started < .seconds(60), "a quadratic walk of 10,000 levels would take far longer")
    }

    @Test func hugeLiteralIsRejectedWhileStreaming() throws {
        let before = try Self.residentBytes()
        var parser = RDFXMLParser(baseIRI: nil)
        var sink = RDFXMLScanningSink(marker: "never")
        let head = Array(#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/ns#"><rdf:Description rdf:about="http://a"><ex:p>"#.utf8)
        let block = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        var fed = 0
        let error = RDFXMLTestSupport.parseError {
            try head.withUnsafeBytes { try parser.feed($0, into: &sink) }
            for _ in 0..<200 {
                try block.withUnsafeBytes { try parser.feed($0, into: &sink) }
                fed += 1
            }
        }
        #expect(error?.code == .limitExceeded)
        #expect(fed < 40, "the limit should trip near 16 MiB, not after \(fed) MiB")
        let growth = try Self.residentBytes() - before
        #expect(growth < 100 << 20, "resident memory grew by \(growth >> 20) MiB")
    }

    @Test func invalidUTF8IsReportedWithPosition() {
        var bytes = Array("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://example.org/ns#\">\n<rdf:Description rdf:about=\"http://a\">\n  <ex:p>ok ".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(" bad</ex:p></rdf:Description></rdf:RDF>".utf8)
        var parser = RDFXMLParser(baseIRI: nil)
        var sink = RDFXMLCollectingSink()
        let error = RDFXMLTestSupport.parseError {
            try bytes.withUnsafeBytes { try parser.feed($0, into: &sink) }
            try parser.finish(into: &sink)
        }
        #expect(error?.code == .invalidUTF8)
        #expect(error?.line == 3)
        #expect((error?.column ?? 0) > 0)
    }

    /// VmRSS of this process, from /proc/self/status.
    static func residentBytes() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        let kilobytes = try #require(Int(line.split(separator: " ").dropFirst().first ?? ""))
        return kilobytes * 1024
    }
}
