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

    @Test func losThemesWithoutAnEUCounterpartKeepTheirIRIAndGetTheVocabularysLabels() throws {
        let outdoor = DataTheme.normalize("http://psi.norge.no/los/tema/friluftsliv")
        #expect(outdoor.uri == nil)
        #expect(outdoor.key == "http://psi.norge.no/los/tema/friluftsliv")
        let labels = try #require(outdoor.label)
        #expect(labels.best(["nb"]) == "Friluftsliv")
        #expect(labels.best(["nn"]) == "Friluftsliv")
        #expect(labels.best(["en"]) == "Outdoor life")
        // https, letter case and a trailing slash name the same theme; the raw value is kept as given.
        let boat = DataTheme.normalize(" HTTPS://psi.norge.no/los/tema/bat-havn-og-kyst/ ")
        #expect(boat.raw == "HTTPS://psi.norge.no/los/tema/bat-havn-og-kyst/")
        #expect(boat.label?.best(["nb"]) == "Båt, havn og kyst")
        #expect(boat.label?.best(["nn"]) == "Båt, hamn og kyst")
        // The two English labels that are another theme's name are left out: Bokmål shows instead.
        #expect(DataTheme.normalize("https://psi.norge.no/los/tema/varslingstjenester").label?.best(["en"]) == "Varslingstjenester")
        // A Los theme whose words name an EU theme is mapped onto it, as before, with the EU labels.
        let nature = DataTheme.normalize("https://psi.norge.no/los/tema/natur-klima-og-miljo")
        #expect(nature.uri == DataTheme.authority + "ENVI")
        #expect(nature.label?.best(["en"]) == "Environment")
        // Not a theme of the vocabulary, or not a Los theme IRI: no labels.
        for raw in ["https://psi.norge.no/los/tema/no-such-theme", "https://psi.norge.no/los/ord/friluftsliv",
                    "https://example.org/los/tema/friluftsliv", "https://psi.norge.no/los/tema/", "friluftsliv-2020"] {
            #expect(DataTheme.normalize(raw).label == nil, "\(raw)")
        }
    }

    @Test func theLosTableIsWhole() {
        #expect(LOSTheme.entries.count == 92)
        #expect(Set(LOSTheme.entries.map(\.slug)).count == 92)
        let main = LOSTheme.entries.filter { $0.broader == nil }
        #expect(main.count == 14)
        // Every theme's parent is a main theme, and every theme has Bokmål and Nynorsk labels.
        for entry in LOSTheme.entries {
            if let broader = entry.broader { #expect(main.contains { $0.slug == broader }, "\(entry.slug)") }
            #expect(entry.labels["nb"]?.isEmpty == false && entry.labels["nn"]?.isEmpty == false, "\(entry.slug)")
        }
    }

    @Test func unknownGroupsKeepRawAndGroupTitle() {
        let concept = DataTheme.normalize("kommunfakta-2019", label: "Kommunfakta")
        #expect(concept.uri == nil)
        #expect(concept.raw == "kommunfakta-2019")
        #expect(concept.label?.best() == "Kommunfakta")
    }
}
