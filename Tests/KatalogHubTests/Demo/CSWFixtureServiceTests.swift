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

    private func getRecords(_ service: CSWFixtureService, start: Int, max: Int, more: [String: String] = [:]) throws -> XMLElement {
        let query = ["SERVICE": "CSW", "request": "GetRecords", "version": "2.0.2", "outputSchema": "http://www.isotc211.org/2005/gmd",
                     "resultType": "results", "elementSetName": "full", "startPosition": String(start), "maxRecords": String(max)]
        let reply = service.handle(query: query.merging(more) { $1 })
        #expect(reply.status == 200, "\(reply.body)")
        return try XMLDocumentReader.parse(Data(reply.body.utf8), location: "reply")
    }

    @Test func hitsBriefRecordsAndDateConstraints() throws {
        let service = try service()
        let hits = try #require(try getRecords(service, start: 1, max: 10, more: ["resultType": "hits"]).child(csw, "SearchResults"))
        #expect(hits.attribute("numberOfRecordsMatched") == "60")
        #expect(hits.children.isEmpty)
        let brief = try #require(try getRecords(service, start: 1, max: 100, more: ["elementSetName": "brief"]).child(csw, "SearchResults"))
        #expect(brief.children.count == 60)
        let gmd = "http://www.isotc211.org/2005/gmd"
        #expect(brief.children.allSatisfy { $0.children.map(\.localName) == ["fileIdentifier", "hierarchyLevel"] })
        #expect(brief.children.first?.child(gmd, "fileIdentifier")?.children.first?.text == "7a1c0001-5e2b-4c1d-9f00-000000000001")
        // The fixture's records are stamped 2022–2023.
        func matched(_ language: String, _ constraint: String) throws -> String? {
            let root = try getRecords(service, start: 1, max: 1, more: ["resultType": "hits", "constraintLanguage": language, "constraint": constraint])
            return root.child(csw, "SearchResults")?.attribute("numberOfRecordsMatched")
        }
        let filter = { (name: String, day: String) in
            "<ogc:Filter xmlns:ogc=\"http://www.opengis.net/ogc\"><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>\(name)</ogc:PropertyName><ogc:Literal>\(day)</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo></ogc:Filter>"
        }
        #expect(try matched("FILTER", filter("Modified", "1000-01-01")) == "60")
        #expect(try matched("FILTER", filter("apiso:Modified", "9999-12-31")) == "0")
        let fromMidway = try #require(Int(try matched("CQL_TEXT", "dct:modified >= '2023-01-01'") ?? ""))
        #expect(fromMidway > 0 && fromMidway < 60)
        #expect(try matched("CQL_TEXT", "Modified >= '2023-01-01'") == String(fromMidway))
        for (language, constraint) in [("FILTER", filter("Title", "x")), ("CQL_TEXT", "Title like 'x'"), ("SQL", "1=1"), ("FILTER", "<oops")] {
            let reply = service.handle(query: ["service": "CSW", "request": "GetRecords", "outputSchema": "http://www.isotc211.org/2005/gmd",
                                               "elementSetName": "full", "constraintLanguage": language, "constraint": constraint])
            #expect(reply.status == 400)
            #expect(reply.body.contains("locator=\"constraint\""))
        }
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

    @Test func getRecordByIdGivesTheRecordsAskedFor() throws {
        let service = try service()
        let page = try getRecords(service, start: 1, max: 3)
        let gmd = "http://www.isotc211.org/2005/gmd", gco = "http://www.isotc211.org/2005/gco"
        let ids = try #require(page.child(csw, "SearchResults")?.children.compactMap {
            $0.child(gmd, "fileIdentifier")?.child(gco, "CharacterString")?.text
        })
        #expect(ids.count == 3)
        let reply = service.handle(query: ["service": "CSW", "request": "GetRecordById", "id": "\(ids[2]),no-such-record,\(ids[0])",
                                           "elementSetName": "full", "outputSchema": gmd])
        #expect(reply.status == 200)
        let root = try XMLDocumentReader.parse(Data(reply.body.utf8), location: "reply")
        #expect(root.isNamed(csw, "GetRecordByIdResponse"))
        let returned = root.children.compactMap { $0.child(gmd, "fileIdentifier")?.child(gco, "CharacterString")?.text }
        #expect(returned == [ids[0], ids[2]], "in the file's order, without the unknown one")
        for query in [["service": "CSW", "request": "GetRecordById", "outputSchema": gmd],
                      ["service": "CSW", "request": "GetRecordById", "id": ids[0], "outputSchema": "http://www.opengis.net/cat/csw/2.0.2"]] {
            #expect(service.handle(query: query).status == 400)
        }
    }

    @Test func otherRequestsAreOWSExceptions() throws {
        let service = try service()
        #expect(service.handle(query: ["service": "CSW", "request": "GetCapabilities"]).body.contains("csw:Capabilities"))
        for query in [["request": "GetRecords"], ["service": "CSW", "request": "DescribeRecord"],
                      ["service": "CSW", "request": "GetRecords", "outputSchema": "http://www.opengis.net/cat/csw/2.0.2"],
                      ["service": "CSW", "request": "GetRecords", "outputSchema": "http://www.isotc211.org/2005/gmd", "startPosition": "0"],
                      ["service": "CSW", "request": "GetRecords", "outputSchema": "http://www.isotc211.org/2005/gmd", "elementSetName": "summary"],
                      ["service": "CSW", "request": "GetRecords", "outputSchema": "http://www.isotc211.org/2005/gmd", "resultType": "validate"]] {
            let reply = service.handle(query: query)
            #expect(reply.status == 400)
            let root = try XMLDocumentReader.parse(Data(reply.body.utf8), location: "reply")
            #expect(root.localName == "ExceptionReport")
        }
    }
}
