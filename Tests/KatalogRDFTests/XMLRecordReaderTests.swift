import Foundation
import KatalogRDF
import Testing

@Suite("XML records read as a stream")
struct XMLRecordReaderTests {
    private let csw = "http://www.opengis.net/cat/csw/2.0.2"

    private func read(_ text: String, depth: Int = 2) throws -> (rest: XMLElement, records: [XMLElement]) {
        var records: [XMLElement] = []
        let rest = try XMLRecordReader.read(Data(text.utf8), location: "page.xml", recordDepth: depth) { parent, element in
            guard parent.localName == "SearchResults" else { return false }
            records.append(element)
            return true
        }
        return (rest, records)
    }

    @Test func recordsAreHandedOverAndTheRestIsKept() throws {
        let page = """
        <?xml version="1.0"?>
        <csw:GetRecordsResponse xmlns:csw="\(csw)">
          <csw:SearchStatus timestamp="2026-12-07T00:00:00Z"/>
          <csw:SearchResults numberOfRecordsMatched="3" nextRecord="0">
            <a:r xmlns:a="urn:one" id="1"><a:t>ett &amp; två</a:t></a:r>
            <a:r xmlns:a="urn:two" id="2"><a:t><![CDATA[<tre>]]></a:t></a:r>
            <r id="3"/>
          </csw:SearchResults>
        </csw:GetRecordsResponse>
        """
        let (rest, records) = try read(page)
        #expect(records.count == 3)
        // The same prefix bound to another namespace in the next record is read as that namespace.
        #expect(records.map(\.namespace) == ["urn:one", "urn:two", nil])
        #expect(records.map { $0.attribute("id") } == ["1", "2", "3"])
        #expect(records[0].children.first?.text == "ett & två")
        #expect(records[1].children.first?.text == "<tre>")
        #expect(rest.localName == "GetRecordsResponse")
        let results = try #require(rest.child(csw, "SearchResults"))
        #expect(results.attribute("numberOfRecordsMatched") == "3")
        #expect(results.children.isEmpty)
        #expect(rest.child(csw, "SearchStatus")?.attribute("timestamp") == "2026-12-07T00:00:00Z")
        // A record cut out reads back the same, on its own.
        let again = try XMLDocumentReader.parse(records[1].serialized(), location: "record.xml")
        #expect(again == records[1])
    }

    @Test func elementsNotTakenStayInTheRest() throws {
        let report = """
        <ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows"><ows:Exception exceptionCode="X">\
        <ows:ExceptionText>broken</ows:ExceptionText></ows:Exception></ows:ExceptionReport>
        """
        let (rest, records) = try read(report)
        #expect(records.isEmpty)
        #expect(rest.descendants("http://www.opengis.net/ows", "ExceptionText").first?.text == "broken")
    }

    @Test func malformedXMLIsAnErrorWithItsLine() {
        let page = "<csw:GetRecordsResponse xmlns:csw=\"\(csw)\">\n<csw:SearchResults>\n<r/>\n<r>\n</csw:SearchResults>"
        do {
            _ = try read(page)
            Issue.record("a malformed page was read")
        } catch let error as RDFParseError {
            #expect(error.code == .syntax)
            #expect(error.line >= 4)
            #expect(error.location == "page.xml")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func declaredEntitiesAreRefused() {
        let page = """
        <?xml version="1.0"?>
        <!DOCTYPE a [<!ENTITY x "y">]>
        <a><b><r>&x;</r></b></a>
        """
        for depth in [1, 2] {
            do {
                _ = try read(page, depth: depth)
                Issue.record("an entity reference was accepted at depth \(depth)")
            } catch let error as RDFParseError {
                #expect(error.code == .forbidden)
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func anErrorFromTheCallbackStopsTheRead() {
        struct Stop: Error {}
        let page = "<x:a xmlns:x=\"urn:x\"><x:SearchResults><r/><r/></x:SearchResults></x:a>"
        var seen = 0
        #expect(throws: Stop.self) {
            _ = try XMLRecordReader.read(Data(page.utf8), location: "p", recordDepth: 2) { _, _ in
                seen += 1
                throw Stop()
            }
        }
        #expect(seen == 1)
    }
}
