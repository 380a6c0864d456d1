import Testing
@testable import KatalogModel

/// Licences, access rights and coverage of the Dublin Core mapper.
struct DublinCoreMapperRightsTests {
    typealias F = DublinCoreFixture

    @Test func rightsGiveLicenceAccessRightsAndTheRestAsText() throws {
        let body = F.dc("rights", "info:eu-repo/semantics/openAccess") + F.dc("rights", "CC BY 4.0")
            + F.dc("rights", "© Stockholms universitet") + F.dc("rights", "Citera datasetet vid användning.")
        let dataset = try F.dataset(body)
        #expect(dataset.accessRights == Concept(raw: "info:eu-repo/semantics/openAccess", uri: AccessRights.authority + "PUBLIC",
                                                label: LocalizedText(["en": "Public", "sv": "Offentlig"])))
        #expect(dataset.license == Concept(raw: "CC BY 4.0", uri: License.authority + "CC_BY_4_0", label: LocalizedText("CC BY 4.0")))
        #expect(dataset.rights == "© Stockholms universitet\n\nCitera datasetet vid användning.")
    }

    @Test func openAIREAccessTermsMapWhenTheVocabularyHasThem() throws {
        let cases: [(String, String?)] = [
            ("info:eu-repo/semantics/closedAccess", AccessRights.authority + "NON_PUBLIC"),
            ("info:eu-repo/semantics/restrictedAccess", AccessRights.authority + "RESTRICTED"),
            ("INFO:EU-REPO/SEMANTICS/OPENACCESS", AccessRights.authority + "PUBLIC"),
            ("info:eu-repo/semantics/embargoedAccess", nil),
        ]
        for (value, uri) in cases {
            let dataset = try F.dataset(F.dc("rights", value))
            #expect(dataset.accessRights?.raw == value)
            #expect(dataset.accessRights?.uri == uri, "\(value)")
            #expect(dataset.rights == nil, "\(value)")
        }
        // An unknown OpenAIRE term names no access level and stays a statement.
        let unknown = try F.dataset(F.dc("rights", "info:eu-repo/semantics/somethingElse"))
        #expect(unknown.accessRights == nil)
        #expect(unknown.rights == "info:eu-repo/semantics/somethingElse")
    }

    @Test func aLicenceAddressInsideAStatementIsFoundAndTheStatementKept() throws {
        let statement = "Fri att använda, se https://creativecommons.org/publicdomain/zero/1.0/."
        let body = F.dc("rights", statement) + F.dc("rights", "https://creativecommons.org/licenses/by/4.0/")
        let dataset = try F.dataset(body)
        #expect(dataset.license?.uri == License.authority + "CC0")
        #expect(dataset.license?.raw == "https://creativecommons.org/publicdomain/zero/1.0/")
        // The first licence wins; the second statement is kept as text.
        #expect(dataset.rights == statement + "\n\nhttps://creativecommons.org/licenses/by/4.0/")
        #expect(try F.dataset(F.dc("rights", "CC0")).license?.uri == License.authority + "CC0")
        #expect(try F.dataset(F.dc("rights", "Alla rättigheter förbehållna")).license == nil)
    }

    @Test func aDCMIBoxBecomesAPolygonAndAPointAGeometry() throws {
        let body = F.dc("coverage", "northlimit=69.1; southlimit=55.3; eastlimit=24.2; westlimit=10.9; name=Sverige", language: "sv")
            + F.dc("coverage", "east=18.07; north=59.33; name=Stockholm")
            + F.dc("coverage", "northlimit=1; southlimit=0; eastlimit=1; westlimit=0; projection=WGS84")
        let spatial = try F.dataset(body).spatial
        #expect(spatial == [
            SpatialCoverage(label: LocalizedText("Sverige", language: "sv"),
                            bbox: "POLYGON((10.9 55.3,10.9 69.1,24.2 69.1,24.2 55.3,10.9 55.3))"),
            SpatialCoverage(label: LocalizedText("Stockholm"), geometry: "POINT(18.07 59.33)"),
            SpatialCoverage(bbox: "POLYGON((0 0,0 1,1 1,1 0,0 0))"),
        ])
    }

    @Test func unreadableBoxesPlaceIRIsAndNamesStayPlaces() throws {
        let badNumber = "northlimit=abc; southlimit=1; eastlimit=2; westlimit=3"
        let otherProjection = "northlimit=7000000; southlimit=6000000; eastlimit=700000; westlimit=300000; projection=EPSG:3006"
        let body = F.dc("coverage", badNumber) + F.dc("coverage", otherProjection)
            + F.dc("coverage", "https://sws.geonames.org/2673730/") + F.dc("coverage", "Uppsala län", language: "sv")
            + F.dc("coverage", "Uppsala län", language: "sv")
        let dataset = try F.dataset(body, defaultLanguage: "en")
        #expect(dataset.spatial == [
            SpatialCoverage(label: LocalizedText(badNumber, language: "en")),
            SpatialCoverage(label: LocalizedText(otherProjection, language: "en")),
            SpatialCoverage(iri: "https://sws.geonames.org/2673730/"),
            SpatialCoverage(label: LocalizedText("Uppsala län", language: "sv")),
        ])
        #expect(dataset.temporal.isEmpty)
    }

    @Test func periodsRangesIntervalsAndDatesBecomeTemporalCoverage() throws {
        let values = ["start=2001-01-01; end=2005-12-31; scheme=W3C-DTF", "1990-2000", "1850 – 1899", "2010/..",
                      "2015-03-01/2015-06-30", "2015", "end=2030"]
        let dataset = try F.dataset(values.map { F.dc("coverage", $0) }.joined())
        let ranges = dataset.temporal.map { [$0.start?.normalized, $0.end?.normalized] }
        #expect(ranges == [["2001-01-01", "2005-12-31"], ["1990", "2000"], ["1850", "1899"], ["2010", nil],
                           ["2015-03-01", "2015-06-30"], ["2015", "2015"], [nil, "2030"]])
        #expect(dataset.spatial.isEmpty)
    }

    @Test func textThatOnlyLooksLikeAPeriodIsAPlace() throws {
        let values = ["E4-E20", "Område 12/B", "19-20", "name=Gotland"]
        let dataset = try F.dataset(values.map { F.dc("coverage", $0) }.joined())
        #expect(dataset.temporal.isEmpty)
        #expect(dataset.spatial.map { $0.label?.values[""] } == values)
    }
}
