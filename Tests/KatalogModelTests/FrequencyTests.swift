import Testing
@testable import KatalogModel

struct FrequencyTests {
    @Test(arguments: [
        ("http://publications.europa.eu/resource/authority/frequency/DAILY", "DAILY"), ("DAILY", "DAILY"), ("daily", "DAILY"),
        ("R/P1D", "DAILY"), ("P1D", "DAILY"), ("R/P1W", "WEEKLY"), ("R/P1M", "MONTHLY"), ("R/P3M", "QUARTERLY"),
        ("R/P1Y", "ANNUAL"), ("R/PT1H", "HOURLY"), ("monthly", "MONTHLY"), ("årligen", "ANNUAL"), ("årlig", "ANNUAL"),
        ("vuosittain", "ANNUAL"), ("månedlig", "MONTHLY"), ("kvartalsvis", "QUARTERLY"), ("kuukausittain", "MONTHLY"),
        ("viikoittain", "WEEKLY"), ("ugentlig", "WEEKLY"), ("IRREG", "IRREG"), ("oregelbundet", "IRREG"), ("CONT", "CONT"),
        ("kontinuerligt", "CONT"), ("NEVER", "NEVER"), ("notPlanned", "NEVER"), ("UNKNOWN", "UNKNOWN"), ("okänd", "UNKNOWN"),
        ("http://purl.org/cld/freq/monthly", "MONTHLY"), ("ei päivitetä", "NEVER"),
    ])
    func mapsOntoTheAuthority(raw: String, code: String) {
        #expect(Frequency.normalize(raw).uri == Frequency.authority + code, "\(raw)")
    }

    @Test func unknownFrequenciesStayRaw() {
        #expect(Frequency.normalize("when we feel like it").uri == nil)
        #expect(Frequency.normalize("R/P5D").uri == nil)
    }
}

struct AccessRightsTests {
    @Test(arguments: [
        ("http://publications.europa.eu/resource/authority/access-right/PUBLIC", "PUBLIC"), ("PUBLIC", "PUBLIC"),
        ("public", "PUBLIC"), ("offentlig", "PUBLIC"), ("julkinen", "PUBLIC"), ("restricted", "RESTRICTED"),
        ("begränsad", "RESTRICTED"), ("NON_PUBLIC", "NON_PUBLIC"), ("non-public", "NON_PUBLIC"), ("icke-offentlig", "NON_PUBLIC"),
        ("https://publications.europa.eu/resource/authority/access-right/non_public", "NON_PUBLIC"),
    ])
    func mapsOntoTheAuthority(raw: String, code: String) {
        #expect(AccessRights.normalize(raw).uri == AccessRights.authority + code, "\(raw)")
    }

    @Test func statementsStayRaw() {
        let concept = AccessRights.normalize("Statement about access rights")
        #expect(concept.uri == nil)
        #expect(concept.raw == "Statement about access rights")
    }
}
