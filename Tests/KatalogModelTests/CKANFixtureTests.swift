import Foundation
import KatalogFixtures
import Testing
@testable import KatalogModel

/// Maps the bundled fictional portals in `Fixtures/ckan`.
struct CKANFixtureTests {
    static func portal(_ name: String) throws -> JSONValue {
        try JSONValue.decode(Data(contentsOf: KatalogFixtures.file("ckan/\(name)/packages.json")))
    }

    static func package(_ portal: JSONValue, id: String) throws -> JSONValue {
        try #require(portal["packages"]?.array?.first { $0["id"]?.string == id })
    }

    @Test(arguments: ["oppnadata-vastra", "avoindata-pohjola"])
    func everyPackageMaps(portalName: String) throws {
        let portal = try Self.portal(portalName)
        let packages = try #require(portal["packages"]?.array)
        #expect(packages.count >= 70)
        #expect((portal["organizations"]?.array?.count ?? 0) >= 8)
        var skipped = 0
        var formats = Set<String>()
        for package in packages {
            if !CKANMapper.isPublishable(package) { skipped += 1 }
            let record = try CKANMapper.record(from: package, portalURL: "https://portal.example")
            #expect(!record.dataset.title.isEmpty)
            #expect(RecordLimits().violation(of: record) == nil)
            formats.formUnion(record.dataset.formatKeys)
        }
        #expect(skipped == 4, "two private and two deleted packages leak into each portal")
        #expect(formats.isSuperset(of: ["CSV", "XLSX", "SHP", "WMS_SRVC", "JSON", "GEOJSON"]))
    }

    @Test func swedishAirQualityPackage() throws {
        let package = try Self.package(try Self.portal("oppnadata-vastra"), id: "5f3c2a10-7d4e-4b1a-9c2e-000000000001")
        let dataset = try CKANMapper.dataset(from: package, portalURL: "https://oppnadata.vastra-sjobygden.example/")
        #expect(dataset.title.values == ["sv": "Luftkvalitet i Strömsala – timvärden"])
        #expect(dataset.description.values["sv"]?.hasPrefix("Timvärden för kvävedioxid") == true)
        #expect(dataset.keywords.first == LangString("luftkvalitet", language: "sv"))
        #expect(dataset.license?.uri == License.authority + "CC0")
        #expect(dataset.accrualPeriodicity?.uri == Frequency.authority + "HOURLY")
        #expect(dataset.issued?.normalized == "2019-03-15")
        #expect(dataset.modified?.normalized == "2025-01-03T05:00:00Z")
        #expect(dataset.accessRights?.uri == AccessRights.authority + "PUBLIC")
        #expect(dataset.themes.compactMap(\.uri) == [DataTheme.authority + "ENVI"], "group miljo and theme ENVI are one theme")
        #expect(dataset.spatial.first?.geometry == "{\"type\":\"Point\",\"coordinates\":[13.0021,58.3912]}")
        let publisher = try #require(dataset.publisher)
        #expect(publisher.name.best() == "Miljöförbundet Sjöbygden")
        #expect(publisher.homepage == "https://oppnadata.vastra-sjobygden.example/organization/miljoforbundet-sjobygden")
        #expect(publisher.identifier != nil)
        #expect(dataset.contactPoints.count == 1, "contact and maintainer share an address")
        #expect(dataset.contactPoints.first?.name.best() == "Luftgruppen")
        let resources = dataset.distributions
        #expect(resources.count == 3)
        #expect(resources[0].format?.raw == "CSV")
        #expect(resources[0].format?.uri == FileFormat.authority + "CSV")
        #expect(resources[0].byteSize == 2_483_211)
        #expect(resources[0].checksum?.algorithm == "md5")
        #expect(resources[0].downloadURLs == ["https://oppnadata.vastra-sjobygden.example/dataset/luft/resource/timvarden-2024.csv"])
        #expect(resources[1].format?.uri == FileFormat.authority + "WMS_SRVC")
        #expect(resources[1].downloadURLs.isEmpty)
        #expect(resources[2].format?.uri == FileFormat.authority + "JSON", "no format: taken from the mimetype")
    }

    @Test func bilingualSwedishPackageAndSizeAsText() throws {
        let portal = try Self.portal("oppnadata-vastra")
        let dataset = try CKANMapper.dataset(from: try Self.package(portal, id: "5f3c2a10-7d4e-4b1a-9c2e-000000000003"))
        #expect(dataset.title.values["en"] == "Population by urban area 1990–2024")
        #expect(dataset.title.values["sv"] == "Befolkning per tätort 1990–2024")
        #expect(dataset.title.values[""] == nil)
        #expect(dataset.languages.count == 2)
        #expect(dataset.accrualPeriodicity?.uri == Frequency.authority + "ANNUAL")
        #expect(dataset.version == "2024.1")
        let transit = try CKANMapper.dataset(from: try Self.package(portal, id: "5f3c2a10-7d4e-4b1a-9c2e-000000000002"))
        #expect(transit.distributions[0].byteSize == 1_048_576)
        #expect(transit.accrualPeriodicity?.uri == Frequency.authority + "DAILY")
        #expect(transit.temporal.first?.end?.normalized == "2025-12-31")
        #expect(transit.landingPages == ["https://www.lanstrafiken-vastra.example/oppna-data"])
    }

    @Test func untidyPackageWithNullsAndNumbers() throws {
        let portal = try Self.portal("oppnadata-vastra")
        let dataset = try CKANMapper.dataset(from: try Self.package(portal, id: "5f3c2a10-7d4e-4b1a-9c2e-000000000007"))
        #expect(dataset.description.isEmpty)
        #expect(dataset.license == nil)
        #expect(dataset.version == "3", "a number where text belongs is read as text")
        #expect(dataset.landingPages.isEmpty)
        #expect(dataset.issued?.normalized == "2023-01-05")
        #expect(dataset.distributions[0].format == nil)
        #expect(dataset.distributions[1].byteSize == nil)
        #expect(dataset.distributions[1].format?.uri == FileFormat.authority + "CSV")
    }

    @Test func leakedPackagesAreFlagged() throws {
        let portal = try Self.portal("oppnadata-vastra")
        #expect(CKANMapper.unpublishableReason(try Self.package(portal, id: "5f3c2a10-7d4e-4b1a-9c2e-000000000008")) == .private)
        #expect(CKANMapper.unpublishableReason(try Self.package(portal, id: "5f3c2a10-7d4e-4b1a-9c2e-000000000009")) == .deleted)
        #expect(CKANMapper.isPublishable(try Self.package(portal, id: "5f3c2a10-7d4e-4b1a-9c2e-000000000001")))
    }

    @Test func finnishSamiFluentPackage() throws {
        let portal = try Self.portal("avoindata-pohjola")
        let dataset = try CKANMapper.dataset(from: try Self.package(portal, id: "8a1d0c55-2b3e-4f6a-8d9c-000000000001"))
        #expect(dataset.title.values["se"] == "Boazoguohtumat 2024")
        #expect(dataset.title.values["fi"] == "Porolaitumet 2024")
        #expect(dataset.title.best(["sv"]) == "Renbeten 2024")
        #expect(dataset.keywords.contains(LangString("boazodoallu", language: "se")))
        #expect(dataset.keywords.contains(LangString("reindeer herding", language: "en")))
        #expect(dataset.languages.compactMap(\.uri).contains(Language.authority + "SME"))
        #expect(Set(dataset.themeKeys) == ["AGRI", "ENVI"])
        #expect(dataset.license?.uri == License.authority + "CC_BY_4_0")
        #expect(dataset.publisher?.name.best() == "Jäämeren luontokeskus")
        #expect(dataset.distributions[0].byteSize == 15_728_640)
        #expect(dataset.distributions[0].format?.uri == FileFormat.authority + "GPKG")
    }

    @Test func norwegianPackagesUseNLOD() throws {
        let portal = try Self.portal("avoindata-pohjola")
        let water = try CKANMapper.dataset(from: try Self.package(portal, id: "8a1d0c55-2b3e-4f6a-8d9c-000000000003"))
        #expect(water.license?.uri == License.authority + "NLOD_2_0")
        #expect(water.title.values["nb"] == "Vannkvalitet i drikkevannskilder")
        #expect(water.accrualPeriodicity?.uri == Frequency.authority + "MONTHLY")
        let power = try CKANMapper.dataset(from: try Self.package(portal, id: "8a1d0c55-2b3e-4f6a-8d9c-000000000004"))
        #expect(power.license?.uri == License.authority + "NLOD_2_0")
        #expect(power.accrualPeriodicity?.uri == Frequency.authority + "HOURLY")
        #expect(power.distributions[1].format?.uri == FileFormat.authority + "PARQUET")
        let stops = try CKANMapper.dataset(from: try Self.package(portal, id: "8a1d0c55-2b3e-4f6a-8d9c-000000000002"))
        #expect(stops.distributions[0].checksum == Checksum(algorithm: "sha256", value: String(repeating: "ab", count: 32)))
        #expect(stops.distributions[0].byteSize == 204_800)
    }
}
