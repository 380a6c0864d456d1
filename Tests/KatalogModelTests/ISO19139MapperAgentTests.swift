import Foundation
import Testing
@testable import KatalogModel

/// Publisher, creator and contact points from `gmd:CI_ResponsibleParty`.
struct ISO19139MapperAgentTests {
    typealias F = ISO19139Fixture

    @Test func thePublisherRoleWinsWhereverItIs() throws {
        let identification = """
            <gmd:pointOfContact>\(F.party("pointOfContact", name: F.cs("Kommunen"), email: "gis@kommunen.se"))</gmd:pointOfContact>\
            <gmd:pointOfContact>\(F.party("owner", name: F.cs("Ägaren AB")))</gmd:pointOfContact>
            """
        let head = "<gmd:contact>\(F.party("publisher", name: F.cs("Lantmäteriet"), email: "mailto:geodata@lm.se", url: "https://www.lantmateriet.se"))</gmd:contact>"
        let dataset = try F.dataset(F.record(head: head, identification: identification))
        let publisher = try #require(dataset.publisher)
        #expect(publisher.name.values == ["sv": "Lantmäteriet"])
        #expect(publisher.email == "geodata@lm.se")
        #expect(publisher.homepage == "https://www.lantmateriet.se")
    }

    @Test func thePublisherFallsBackThroughOwnerCustodianDistributorContactOriginator() throws {
        func publisher(_ roles: [String]) throws -> String? {
            let parties = roles.map { "<gmd:pointOfContact>\(F.party($0, name: F.cs("org-\($0)")))</gmd:pointOfContact>" }.joined()
            return try F.dataset(F.record(identification: parties)).publisher?.name.best()
        }
        #expect(try publisher(["originator", "pointOfContact", "distributor", "custodian", "owner"]) == "org-owner")
        #expect(try publisher(["originator", "pointOfContact", "distributor", "custodian"]) == "org-custodian")
        #expect(try publisher(["originator", "pointOfContact", "distributor"]) == "org-distributor")
        #expect(try publisher(["originator", "pointOfContact"]) == "org-pointOfContact")
        #expect(try publisher(["originator", "user"]) == "org-originator")
        #expect(try publisher(["user", "processor"]) == nil)
    }

    @Test func resourceContactsComeBeforeTheMetadataContact() throws {
        let head = "<gmd:contact>\(F.party("pointOfContact", name: F.cs("Metadata-kontakt")))</gmd:contact>"
        let identification = "<gmd:pointOfContact>\(F.party("pointOfContact", name: F.cs("Resurskontakt"), phone: "+46 8 123 45"))</gmd:pointOfContact>"
        let dataset = try F.dataset(F.record(head: head, identification: identification))
        #expect(dataset.publisher?.name.best() == "Resurskontakt")
        #expect(dataset.contactPoints.map { $0.name.best() } == ["Resurskontakt", "Metadata-kontakt"])
        #expect(dataset.contactPoints.first?.telephone == "+46 8 123 45")
    }

    @Test func multilingualOrganisationNamesAndAnchorsAreKept() throws {
        let head = """
            <gmd:locale><gmd:PT_Locale id="EN"><gmd:languageCode>\(F.codeList("LanguageCode", "eng"))</gmd:languageCode>\
            </gmd:PT_Locale></gmd:locale>
            """
        let name = """
            \(F.anchor("https://org.example.fi/id/syke", "Suomen ympäristökeskus"))<gmd:PT_FreeText><gmd:textGroup>\
            <gmd:LocalisedCharacterString locale="#EN">Finnish Environment Institute</gmd:LocalisedCharacterString>\
            </gmd:textGroup></gmd:PT_FreeText>
            """
        let identification = "<gmd:pointOfContact>\(F.party("owner", name: name, email: "kirjaamo@syke.fi"))</gmd:pointOfContact>"
        let dataset = try F.dataset(F.record(language: "fin", head: head, identification: identification))
        let publisher = try #require(dataset.publisher)
        #expect(publisher.name.values == ["fi": "Suomen ympäristökeskus", "en": "Finnish Environment Institute"])
        #expect(publisher.iri == "https://org.example.fi/id/syke")
        #expect(publisher.email == "kirjaamo@syke.fi")
        #expect(dataset.contactPoints.isEmpty)
    }

    @Test func authorThenOriginatorIsTheCreator() throws {
        let both = """
            <gmd:pointOfContact>\(F.party("originator", name: F.cs("Upphovet")))</gmd:pointOfContact>\
            <gmd:pointOfContact>\(F.party("author", name: F.cs("Författaren")))</gmd:pointOfContact>
            """
        #expect(try F.dataset(F.record(identification: both)).creator?.name.best() == "Författaren")
        let cited = """
            <gmd:citedResponsibleParty>\(F.party("originator", name: F.cs("SMHI")))</gmd:citedResponsibleParty>
            """
        let dataset = try F.dataset(F.record(citation: cited))
        #expect(dataset.creator?.name.values == ["sv": "SMHI"])
        #expect(dataset.publisher?.name.values == ["sv": "SMHI"])
    }

    @Test func aPersonWithoutOrganisationStillNamesTheContact() throws {
        let party = F.party("pointOfContact", name: "", email: "anna@example.dk", individual: "Anna Jensen")
        let dataset = try F.dataset(F.record(identification: "<gmd:pointOfContact>\(party)</gmd:pointOfContact>"))
        #expect(dataset.contactPoints == [ContactPoint(name: LocalizedText("Anna Jensen"), email: "anna@example.dk")])
        #expect(dataset.publisher?.name.values == ["": "Anna Jensen"])
    }
}
