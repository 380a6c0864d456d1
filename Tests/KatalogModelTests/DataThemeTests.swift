import Testing
@testable import KatalogModel

struct DataThemeTests {
    @Test(arguments: [
        ("http://publications.europa.eu/resource/authority/data-theme/ENVI", "ENVI"),
        ("https://publications.europa.eu/resource/authority/data-theme/tran", "TRAN"),
        ("ENVI", "ENVI"), ("educ", "EDUC"), ("miljo", "ENVI"), ("miljø", "ENVI"), ("Miljö", "ENVI"), ("ympäristö", "ENVI"),
        ("environment", "ENVI"), ("transport", "TRAN"), ("trafik", "TRAN"), ("liikenne", "TRAN"), ("befolkning", "SOCI"),
        ("health", "HEAL"), ("hälsa", "HEAL"), ("helse", "HEAL"), ("sundhed", "HEAL"), ("terveys", "HEAL"),
        ("economy", "ECON"), ("ekonomi", "ECON"), ("økonomi", "ECON"), ("talous", "ECON"), ("education", "EDUC"),
        ("utbildning", "EDUC"), ("utdanning", "EDUC"), ("uddannelse", "EDUC"), ("koulutus", "EDUC"), ("energy", "ENER"),
        ("energi", "ENER"), ("Miljö och natur", "ENVI"), ("trafik-och-transport", "TRAN"), ("Hälsa och sjukvård", "HEAL"),
        ("https://psi.norge.no/los/tema/ENVI", "ENVI"), ("OP_DATPRO", "OP_DATPRO"),
    ])
    func mapsOntoTheAuthority(raw: String, code: String) {
        #expect(DataTheme.normalize(raw).uri == DataTheme.authority + code, "\(raw)")
    }

    @Test func labelsInSwedishAndEnglish() throws {
        for entry in DataTheme.entries {
            #expect(entry.labels["sv"] != nil && entry.labels["en"] != nil, "\(entry.code)")
        }
        let label = try #require(DataTheme.normalize("miljo").label)
        #expect(label.best(["sv"]) == "Miljö")
        #expect(label.best(["en"]) == "Environment")
        #expect(DataTheme.codes.count == 14)
    }

    @Test func unknownGroupsKeepRawAndGroupTitle() {
        let concept = DataTheme.normalize("kommunfakta-2019", label: "Kommunfakta")
        #expect(concept.uri == nil)
        #expect(concept.raw == "kommunfakta-2019")
        #expect(concept.label?.best() == "Kommunfakta")
    }
}
