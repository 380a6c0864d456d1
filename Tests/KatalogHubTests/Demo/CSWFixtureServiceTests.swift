import Foundation
import KatalogFixtures
import KatalogRDF
import Testing
@testable import KatalogHub

struct CSWFixtureServiceTests {
    private let csw = "http://www.opengis.net/cat/csw/2.0.2"

    private func service() throws -> CSWFixtureService {
        try #require(try CSWFixtureService.loadAll(from: KatalogFixtures.cswRoot).first)
    }

    private func getRecords(_ service: CSWFixtureService, start: Int, max: Int) throws -> XMLElement {
        let reply = service.handle(query: ["SERVICE": "CSW", "request": "GetRecords", "version": "2.0.2",
                                           "outputSchema": "http://www.isotc211.org/2005/gmd",
                                           "startPosition": String(start), "maxRecords": String(max)])
        #expect(reply.status == 200)
        return try XMLDocumentReader.parse(Data(reply.body.utf8), location: "reply")
    }

    @Test func getRecordsPagesOverTheRecords() throws {
        let service = try service()
        #expect(service.name == "geodata-norrviken")
        let first = try getRecords(service, start: 1, max: 25)
        let results = try #require(first.child(csw, "SearchResults"))
        #expect(results.attribute("numberOfRecordsMatched") == "60")
        #expect(results.attribute("numberOfRecordsReturned") == "25")
        #expect(results.attribute("nextRecord") == "26")
        #expect(results.children.count == 25)
        let last = try #require(try getRecords(service, start: 51, max: 25).child(csw, "SearchResults"))
        #expect(last.attribute("numberOfRecordsReturned") == "10")
        #expect(last.attribute("nextRecord") == "0")
        // maxRecords is capped, as GeoNetwork caps it.
        let capped = try #require(try getRecords(service, start: 1, max: 1000).child(csw, "SearchResults"))
        #expect(capped.children.count == 60)
        let beyond = try #require(try getRecords(service, start: 61, max: 10).child(csw, "SearchResults"))
        #expect(beyond.children.isEmpty)
    }

    @Test func otherRequestsAreOWSExceptions() throws {
        let service = try service()
        #expect(service.handle(query: ["service": "CSW", "request": "GetCapabilities"]).body.contains("csw:Capabilities"))
        for query in [["request": "GetRecords"], ["service": "CSW", "request": "DescribeRecord"],
                      ["service": "CSW", "request": "GetRecords", "outputSchema": "http://www.opengis.net/cat/csw/2.0.2"],
                      ["service": "CSW", "request": "GetRecords", "outputSchema": "http://www.isotc211.org/2005/gmd", "startPosition": "0"]] {
            let reply = service.handle(query: query)
            #expect(reply.status == 400)
            let root = try XMLDocumentReader.parse(Data(reply.body.utf8), location: "reply")
            #expect(root.localName == "ExceptionReport")
        }
    }
}
