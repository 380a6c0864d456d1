import Foundation
import KatalogFixtures
import KatalogRDF
import Testing
@testable import KatalogHub

struct OAIPMHFixtureRepositoryTests {
    private let oai = "http://www.openarchives.org/OAI/2.0/"

    private func repository() throws -> OAIPMHFixtureRepository {
        try #require(try OAIPMHFixtureRepository.loadAll(from: KatalogFixtures.oaiRoot).first)
    }

    private func ask(_ repository: OAIPMHFixtureRepository, _ query: [String: String]) throws -> XMLElement {
        try XMLDocumentReader.parse(Data(repository.handle(query: query, baseURL: "http://127.0.0.1/oai/x").utf8), location: "reply")
    }

    @Test func listRecordsPagesWithResumptionTokens() throws {
        let repository = try repository()
        #expect(repository.name == "forskningsdata-nord")
        var query = ["verb": "ListRecords", "metadataPrefix": "oai_dc"]
        var identifiers: [String] = []
        var deleted = 0
        var pages = 0
        while true {
            let list = try #require(try ask(repository, query).child(oai, "ListRecords"))
            pages += 1
            for record in list.children(oai, "record") {
                let header = try #require(record.child(oai, "header"))
                identifiers.append(header.child(oai, "identifier")?.text ?? "")
                if header.attribute("status") == "deleted" { deleted += 1 }
            }
            guard let token = list.child(oai, "resumptionToken"), !token.text.isEmpty else { break }
            #expect(token.attribute("completeListSize") == "44")
            query = ["verb": "ListRecords", "resumptionToken": token.text]
        }
        #expect(pages == 3)
        #expect(identifiers.count == 44)
        #expect(Set(identifiers).count == 44)
        #expect(deleted == 4)
    }

    @Test func setsFilterTheList() throws {
        let list = try #require(try ask(try repository(), ["verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "fjall"])
            .child(oai, "ListRecords"))
        let sets = list.children(oai, "record").flatMap { $0.child(oai, "header")?.children(oai, "setSpec").map(\.text) ?? [] }
        #expect(!sets.isEmpty)
        #expect(sets.allSatisfy { $0 == "fjall" })
    }

    /// The header identifiers of every page of `query`'s list, followed through its resumption tokens.
    private func listAll(_ repository: OAIPMHFixtureRepository, _ first: [String: String]) throws -> [(String, String)] {
        var query = first
        var headers: [(String, String)] = []
        while true {
            let list = try #require(try ask(repository, query).child(oai, "ListRecords"))
            for record in list.children(oai, "record") {
                let header = try #require(record.child(oai, "header"))
                headers.append((header.child(oai, "identifier")?.text ?? "", header.child(oai, "datestamp")?.text ?? ""))
            }
            guard let token = list.child(oai, "resumptionToken"), !token.text.isEmpty else { return headers }
            query = ["verb": "ListRecords", "resumptionToken": token.text]
        }
    }

    @Test func fromAndUntilSelectByDatestampAcrossPages() throws {
        let repository = try repository()
        let all = try listAll(repository, ["verb": "ListRecords", "metadataPrefix": "oai_dc"])
        let from = "2021-01-01"
        let since = try listAll(repository, ["verb": "ListRecords", "metadataPrefix": "oai_dc", "from": from])
        #expect(!since.isEmpty)
        #expect(since.count < all.count)
        #expect(since.map(\.0) == all.filter { $0.1 >= from }.map(\.0))
        let window = try listAll(repository, ["verb": "ListRecords", "metadataPrefix": "oai_dc",
                                              "from": "2019-01-01T00:00:00Z", "until": "2022-12-31"])
        #expect(window.map(\.0) == all.filter { $0.1 >= "2019-01-01T00:00:00Z" && $0.1.prefix(10) <= "2022-12-31" }.map(\.0))
        let none = try ask(repository, ["verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2030-01-01"])
        #expect(none.child(oai, "error")?.attribute("code") == "noRecordsMatch")
    }

    @Test(arguments: [
        (["verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "last week"], "badArgument"),
        (["verb": "Nonsense"], "badVerb"),
        (["verb": "ListRecords"], "badArgument"),
        (["verb": "ListRecords", "metadataPrefix": "mods"], "cannotDisseminateFormat"),
        (["verb": "ListRecords", "resumptionToken": "999"], "badResumptionToken"),
        (["verb": "ListRecords", "resumptionToken": "15|", "metadataPrefix": "oai_dc"], "badArgument"),
        (["verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "none"], "noRecordsMatch"),
        (["verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:nowhere:1"], "idDoesNotExist"),
    ])
    func errorsAreOAIPMHErrors(query: [String: String], code: String) throws {
        let root = try ask(try repository(), query)
        #expect(root.child(oai, "error")?.attribute("code") == code)
    }

    @Test func identifyAndFormats() throws {
        let repository = try repository()
        #expect(try ask(repository, ["verb": "Identify"]).child(oai, "Identify")?.child(oai, "deletedRecord")?.text == "persistent")
        let formats = try #require(try ask(repository, ["verb": "ListMetadataFormats"]).child(oai, "ListMetadataFormats"))
        #expect(formats.children(oai, "metadataFormat").compactMap { $0.child(oai, "metadataPrefix")?.text } == ["oai_dc"])
    }
}
