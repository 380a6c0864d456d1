import Foundation
import Testing
@testable import KatalogModel

/// Licences, access rights, rights statements and distributions.
struct ISO19139MapperDistributionTests {
    typealias F = ISO19139Fixture

    static func legal(_ statements: String, codes: [String] = ["otherRestrictions"]) -> String {
        let restriction = codes.map { "<gmd:accessConstraints>\(F.codeList("MD_RestrictionCode", $0))</gmd:accessConstraints>" }.joined()
        return "<gmd:resourceConstraints><gmd:MD_LegalConstraints>\(restriction)\(statements)</gmd:MD_LegalConstraints></gmd:resourceConstraints>"
    }

    static func online(_ url: String, protocol name: String? = nil, function: String? = nil, title: String? = nil,
                       description: String? = nil) -> String {
        var xml = "<gmd:onLine><gmd:CI_OnlineResource><gmd:linkage><gmd:URL>\(url)</gmd:URL></gmd:linkage>"
        if let name { xml += "<gmd:protocol>\(F.cs(name))</gmd:protocol>" }
        if let title { xml += "<gmd:name>\(F.cs(title))</gmd:name>" }
        if let description { xml += "<gmd:description>\(F.cs(description))</gmd:description>" }
        if let function { xml += "<gmd:function>\(F.codeList("CI_OnLineFunctionCode", function))</gmd:function>" }
        return xml + "</gmd:CI_OnlineResource></gmd:onLine>"
    }

    static func distribution(formats: [String], _ onLine: [String]) -> String {
        let names = formats.map { "<gmd:distributionFormat><gmd:MD_Format><gmd:name>\(F.cs($0))</gmd:name></gmd:MD_Format></gmd:distributionFormat>" }
        return "<gmd:distributionInfo><gmd:MD_Distribution>\(names.joined())<gmd:transferOptions><gmd:MD_DigitalTransferOptions>"
            + onLine.joined() + "</gmd:MD_DigitalTransferOptions></gmd:transferOptions></gmd:MD_Distribution></gmd:distributionInfo>"
    }

    @Test func inspireAnchorsGiveAccessRightsAndLicenceAnchorsTheLicence() throws {
        let statements = """
            <gmd:otherConstraints>\(F.anchor("http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/noLimitations", "Inga begränsningar av allmänhetens tillgång"))</gmd:otherConstraints>\
            <gmd:otherConstraints>\(F.anchor("https://creativecommons.org/licenses/by/4.0/deed.sv", "CC BY 4.0"))</gmd:otherConstraints>\
            <gmd:useLimitation>\(F.cs("Ange källa: Länsstyrelsen."))</gmd:useLimitation>
            """
        let dataset = try F.dataset(F.record(identification: Self.legal(statements)))
        #expect(dataset.accessRights?.uri == AccessRights.authority + "PUBLIC")
        #expect(dataset.license?.uri == License.authority + "CC_BY_4_0")
        #expect(dataset.license?.raw == "https://creativecommons.org/licenses/by/4.0/deed.sv")
        #expect(dataset.rights == "Ange källa: Länsstyrelsen.")
        #expect(dataset.extras["iso:constraintCode"] == ["otherRestrictions"])
    }

    @Test(arguments: [
        ("CC0", License.authority + "CC0"),
        ("Creative Commons Erkännande 4.0", License.authority + "CC_BY_4_0"),
        ("Norsk lisens for offentlige data (NLOD) https://data.norge.no/nlod/no/2.0.", License.authority + "NLOD_2_0"),
        ("Licens: http://creativecommons.org/publicdomain/zero/1.0/", License.authority + "CC0"),
    ])
    func licencesAreFoundInFreeText(text: String, expected: String) throws {
        let dataset = try F.dataset(F.record(identification: Self.legal("<gmd:useLimitation>\(F.cs(text))</gmd:useLimitation>")))
        #expect(dataset.license?.uri == expected)
    }

    @Test func aLicenceAnchorIsUsedUpWhateverItsText() throws {
        let anchor = F.anchor("https://data.norge.no/nlod/no/2.0", "Norsk lisens for offentlige data (NLOD) 2.0, med kildehenvisning")
        let dataset = try F.dataset(F.record(language: "nob", identification: Self.legal("<gmd:otherConstraints>\(anchor)</gmd:otherConstraints>")))
        #expect(dataset.license?.uri == License.authority + "NLOD_2_0")
        #expect(dataset.license?.raw == "https://data.norge.no/nlod/no/2.0")
        #expect(dataset.rights == nil)
    }

    @Test func aStatementThatSaysMoreThanTheLicenceStaysInRights() throws {
        let text = "Fri användning. Licens: http://creativecommons.org/publicdomain/zero/1.0/"
        let dataset = try F.dataset(F.record(identification: Self.legal("<gmd:otherConstraints>\(F.cs(text))</gmd:otherConstraints>")))
        #expect(dataset.license?.uri == License.authority + "CC0")
        #expect(dataset.license?.raw == "http://creativecommons.org/publicdomain/zero/1.0/")
        #expect(dataset.rights == text)
    }

    @Test func unrecognisedConstraintsAreJoinedIntoRights() throws {
        let statements = """
            <gmd:useLimitation>\(F.cs("Får ej användas för navigering."))</gmd:useLimitation>\
            <gmd:otherConstraints>\(F.anchor("https://example.se/villkor", "Särskilda villkor"))</gmd:otherConstraints>\
            <gmd:useLimitation>\(F.cs("Får ej användas för navigering."))</gmd:useLimitation>
            """
        let plain = "<gmd:resourceConstraints><gmd:MD_Constraints><gmd:useLimitation>\(F.cs("Endast för internt bruk."))</gmd:useLimitation></gmd:MD_Constraints></gmd:resourceConstraints>"
        let dataset = try F.dataset(F.record(identification: Self.legal(statements) + plain))
        #expect(dataset.license == nil)
        #expect(dataset.accessRights == nil)
        #expect(dataset.rights == "Får ej användas för navigering.\n\nSärskilda villkor (https://example.se/villkor)\n\nEndast för internt bruk.")
    }

    @Test func restrictedInspireAccessKeepsTheAnchor() throws {
        let href = "http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/INSPIRE_Directive_Article13_1b"
        let statements = "<gmd:otherConstraints>\(F.anchor(href, "Artikel 13.1 b"))</gmd:otherConstraints>"
        let dataset = try F.dataset(F.record(identification: Self.legal(statements)))
        #expect(dataset.accessRights?.raw == href)
        #expect(dataset.accessRights?.label?.values == ["sv": "Artikel 13.1 b"])
        #expect(dataset.rights == nil)
    }

    @Test func downloadsServicesAndLinksAreTold() throws {
        let tail = Self.distribution(formats: ["ESRI Shapefile", "WMS"], [
            Self.online("https://geodata.example.se/dl/vatten.zip", protocol: "WWW:DOWNLOAD-1.0-http--download",
                        title: "Nedladdning", description: "Zippad shape"),
            Self.online("https://geodata.example.se/wms?", protocol: "OGC:WMS", title: "Visningstjänst"),
            Self.online("https://geodata.example.se/wfs", protocol: "OGC:WFS-1.1.0-http-get-capabilities"),
            Self.online("https://geodata.example.se/atom.xml", protocol: "INSPIRE Atom", function: "download"),
            Self.online("https://geodata.example.se/info", protocol: "WWW:LINK-1.0-http--link"),
            Self.online("https://geodata.example.se/fil", function: "download"),
            Self.online("https://geodata.example.se/data.csv"),
            Self.online(" "),
        ])
        let distributions = try F.dataset(F.record(tail: tail)).distributions
        #expect(distributions.count == 7)
        guard distributions.count == 7 else { return }
        #expect(distributions[0].downloadURLs == ["https://geodata.example.se/dl/vatten.zip"])
        #expect(distributions[0].accessURLs == ["https://geodata.example.se/dl/vatten.zip"])
        // A zipped download is told by what the archive holds: the record's first format that is not a service.
        #expect(distributions[0].format?.uri == FileFormat.authority + "SHP")
        #expect(distributions[0].title.values == ["sv": "Nedladdning"])
        #expect(distributions[0].description.values == ["sv": "Zippad shape"])
        #expect(distributions[1].downloadURLs.isEmpty)
        #expect(distributions[1].accessURLs == ["https://geodata.example.se/wms?"])
        #expect(distributions[1].format?.uri == FileFormat.authority + "WMS_SRVC")
        #expect(distributions[1].accessServices == [AccessService(title: LocalizedText("Visningstjänst", language: "sv"),
                                                                  endpoints: ["https://geodata.example.se/wms?"],
                                                                  conformsTo: ["http://www.opengeospatial.org/standards/wms"])])
        #expect(distributions[3].accessServices.first?.conformsTo == [])
        #expect(distributions[0].accessServices.isEmpty)
        #expect(distributions[2].format?.uri == FileFormat.authority + "WFS_SRVC")
        #expect(distributions[2].downloadURLs.isEmpty)
        #expect(distributions[3].format?.uri == FileFormat.authority + "ATOM")
        #expect(distributions[3].downloadURLs.isEmpty)
        #expect(distributions[4].downloadURLs.isEmpty)
        #expect(distributions[4].format == nil)
        // A download without a file extension takes the record's first format that is not a service.
        #expect(distributions[5].downloadURLs == ["https://geodata.example.se/fil"])
        #expect(distributions[5].format?.uri == FileFormat.authority + "SHP")
        #expect(distributions[5].format?.raw == "ESRI Shapefile")
        // A link to a file, with no function saying otherwise, is a download, as a CKAN resource's URL is read.
        #expect(distributions[6].downloadURLs == ["https://geodata.example.se/data.csv"])
        #expect(distributions[6].format?.uri == FileFormat.authority + "CSV")
    }

    @Test func informationLinksAreDocumentationNotDistributions() throws {
        let tail = Self.distribution(formats: ["GML"], [
            Self.online("https://geodata.example.se/produktbeskrivning.pdf", protocol: "WWW:LINK-1.0-http--link", function: "information"),
            Self.online("https://geodata.example.se/wms?request=GetCapabilities", protocol: "OGC:WMS", function: "information"),
            Self.online("https://geodata.example.se/dl/data.gml", protocol: "WWW:LINK-1.0-http--link", function: "download"),
        ])
        let dataset = try F.dataset(F.record(tail: tail))
        #expect(dataset.distributions.map(\.accessURLs) == [["https://geodata.example.se/wms?request=GetCapabilities"],
                                                            ["https://geodata.example.se/dl/data.gml"]])
        #expect(dataset.distributions.last?.downloadURLs == ["https://geodata.example.se/dl/data.gml"])
        #expect(dataset.extras["foaf:page"] == ["https://geodata.example.se/produktbeskrivning.pdf"])
    }

    @Test func aZippedDownloadWithoutARecordFormatIsAZip() throws {
        let tail = Self.distribution(formats: [], [
            Self.online("https://geodata.example.se/dl/vatten.zip", protocol: "WWW:DOWNLOAD-1.0-http--download"),
            Self.online("https://geodata.example.se/dl/vatten.gpkg", protocol: "WWW:DOWNLOAD-1.0-http--download"),
        ])
        let distributions = try F.dataset(F.record(tail: tail)).distributions
        #expect(distributions.map(\.format?.uri) == [FileFormat.authority + "ZIP", FileFormat.authority + "GPKG"])
    }

    @Test func distributorTransferOptionsAndFormatsAreRead() throws {
        let tail = """
            <gmd:distributionInfo><gmd:MD_Distribution><gmd:distributor><gmd:MD_Distributor>\
            <gmd:distributorFormat><gmd:MD_Format><gmd:name>\(F.cs("GeoPackage"))</gmd:name></gmd:MD_Format></gmd:distributorFormat>\
            <gmd:distributorTransferOptions><gmd:MD_DigitalTransferOptions>\
            \(Self.online("https://data.example.dk/hent", protocol: "WWW:DOWNLOAD-1.0-http--download"))\
            </gmd:MD_DigitalTransferOptions></gmd:distributorTransferOptions></gmd:MD_Distributor></gmd:distributor>\
            </gmd:MD_Distribution></gmd:distributionInfo>
            """
        let distributions = try F.dataset(F.record(tail: tail)).distributions
        #expect(distributions.map(\.downloadURLs) == [["https://data.example.dk/hent"]])
        #expect(distributions.first?.format?.uri == FileFormat.authority + "GPKG")
    }

    @Test func repeatedIdenticalResourcesAreKeptOnce() throws {
        let same = Self.online("https://example.org/wms", protocol: "OGC:WMS", title: "Lager")
        let tail = Self.distribution(formats: [], [same, same, Self.online("https://example.org/wms", protocol: "OGC:WMS", title: "Annat lager")])
        let distributions = try F.dataset(F.record(tail: tail)).distributions
        #expect(distributions.map { $0.title.best() } == ["Lager", "Annat lager"])
    }
}
