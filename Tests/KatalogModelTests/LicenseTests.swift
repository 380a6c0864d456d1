import Testing
@testable import KatalogModel

struct LicenseTests {
    static let eu = License.authority

    @Test(arguments: [
        ("cc-by", "CC_BY_4_0", "CC BY 4.0"), ("cc-by-4.0", "CC_BY_4_0", "CC BY 4.0"), ("CC-BY-4.0", "CC_BY_4_0", "CC BY 4.0"),
        ("CC BY 4.0", "CC_BY_4_0", "CC BY 4.0"), ("cc-by-sa", "CC_BYSA_4_0", "CC BY-SA 4.0"), ("CC-BY-SA-3.0", "CC_BYSA_3_0", "CC BY-SA 3.0"),
        ("cc-zero", "CC0", "CC0 1.0"), ("cc0-1.0", "CC0", "CC0 1.0"), ("CC0", "CC0", "CC0 1.0"),
        ("odc-odbl", "ODC_BL", "ODbL 1.0"), ("ODbL-1.0", "ODC_BL", "ODbL 1.0"), ("odc-by", "ODC_BY", "ODC-By 1.0"),
        ("odc-pddl", "ODC_PDDL", "PDDL 1.0"), ("uk-ogl", "OGL_3_0", "OGL 3.0"), ("nlod", "NLOD_2_0", "NLOD 2.0"),
        ("https://data.norge.no/nlod/no/2.0", "NLOD_2_0", "NLOD 2.0"), ("http://data.norge.no/nlod/en/2.0/", "NLOD_2_0", "NLOD 2.0"),
        ("https://creativecommons.org/licenses/by/4.0/", "CC_BY_4_0", "CC BY 4.0"),
        ("http://creativecommons.org/licenses/by/4.0", "CC_BY_4_0", "CC BY 4.0"),
        ("https://creativecommons.org/licenses/by/4.0/legalcode", "CC_BY_4_0", "CC BY 4.0"),
        ("https://creativecommons.org/licenses/by/4.0/deed.sv", "CC_BY_4_0", "CC BY 4.0"),
        ("http://creativecommons.org/licenses/by/3.0/", "CC_BY_3_0", "CC BY 3.0"),
        ("https://creativecommons.org/licenses/by-nc-nd/4.0/", "CC_BYNCND_4_0", "CC BY-NC-ND 4.0"),
        // The authority's own code for a combined licence is kept (HealthDCAT-AP sample).
        ("http://publications.europa.eu/resource/authority/licence/CC_BYNCND_3_0", "CC_BYNCND_3_0", "CC BY-NC-ND 3.0"),
        ("http://creativecommons.org/licenses/by-nc/3.0/", "CC_BYNC_3_0", "CC BY-NC 3.0"),
        // Licence registers whose IRIs end in a licence id (CKAN, DCAT-AP.de).
        ("http://www.opendefinition.org/licenses/cc-zero", "CC0", "CC0 1.0"),
        ("http://dcat-ap.de/def/licenses/cc-zero", "CC0", "CC0 1.0"),
        ("http://dcat-ap.de/def/licenses/dl-by-de/2.0", "DL_DE_BY_2_0", "DL-DE-BY 2.0"),
        ("http://dcat-ap.de/def/licenses/cc-by/4.0", "CC_BY_4_0", "CC BY 4.0"),
        ("https://creativecommons.org/publicdomain/zero/1.0/deed.da", "CC0", "CC0 1.0"),
        ("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0", "CC_BY_4_0", "CC BY 4.0"),
        ("https://publications.europa.eu/resource/authority/licence/cc0 ", "CC0", "CC0 1.0"),
        ("Creative Commons Attribution 4.0 International", "CC_BY_4_0", "CC BY 4.0"),
        ("Creative Commons Erkännande 4.0", "CC_BY_4_0", "CC BY 4.0"),
        ("Creative Commons Navngivelse 4.0 International", "CC_BY_4_0", "CC BY 4.0"),
        ("Creative Commons Nimeä 4.0", "CC_BY_4_0", "CC BY 4.0"),
    ])
    func mapsOntoTheEUAuthority(raw: String, code: String, label: String) {
        let concept = License.normalize(raw)
        #expect(concept.uri == Self.eu + code, "\(raw)")
        #expect(concept.label?.best() == label, "\(raw)")
        #expect(concept.raw == raw.trimmingWhitespace())
    }

    @Test func openness() {
        #expect(License.isOpen("cc-by") == true)
        #expect(License.isOpen("CC-BY-NC-4.0") == false)
        #expect(License.isOpen("other-open") == true)
        #expect(License.isOpen("other-closed") == false)
        #expect(License.isOpen("notspecified") == nil)
        #expect(License.isOpen("something we never heard of") == nil)
    }

    @Test func ckanOtherLicencesHaveLabelsButNoIRI() {
        let concept = License.normalize("other-open")
        #expect(concept.uri == nil)
        #expect(concept.label?.best() == "Other (open)")
        #expect(License.normalize("gfdl").uri == "https://www.gnu.org/licenses/fdl-1.3.html")
        #expect(License.normalize("MIT").uri == "https://opensource.org/licenses/MIT")
    }

    @Test func theFrenchOpenLicenceIsKnownInBothVersions() {
        let one = "http://www.data.gouv.fr/Licence-Ouverte-Open-Licence"
        let two = "https://www.etalab.gouv.fr/licence-ouverte-open-licence"
        for (raw, uri, label) in [
            ("http://www.data.gouv.fr/Licence-Ouverte-Open-Licence", one, "Licence Ouverte 1.0"),
            ("Licence Ouverte 1.0", one, "Licence Ouverte 1.0"),
            ("lo-1.0", one, "Licence Ouverte 1.0"),
            ("https://www.etalab.gouv.fr/wp-content/uploads/2017/04/ETALAB-Licence-Ouverte-v2.0.pdf", two, "Licence Ouverte 2.0"),
            ("Licence Ouverte / Open Licence Version 2.0", two, "Licence Ouverte 2.0"),
            ("Licence Ouverte version 2.0", two, "Licence Ouverte 2.0"),
            ("etalab-2.0", two, "Licence Ouverte 2.0"),
        ] {
            let concept = License.normalize(raw)
            #expect(concept.uri == uri, "\(raw)")
            #expect(concept.label?.best() == label, "\(raw)")
            #expect(License.isOpen(raw) == true)
        }
        // Without a version it is not guessed.
        #expect(License.normalize("Licence Ouverte / Open License (compatible ODC-BY, CC-BY 2.0)").uri == nil)
    }

    @Test func unknownValuesStayRaw() {
        let concept = License.normalize("https://data.some.org/link/to/license")
        #expect(concept.uri == nil)
        #expect(concept.label == nil)
        #expect(License.normalize("cc-by-9.9").uri == nil)
        #expect(License.normalize("").uri == nil)
    }
}
