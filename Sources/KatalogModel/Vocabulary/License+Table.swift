extension License {
    struct Entry {
        let code: String?
        let uri: String?
        let label: String
        let isOpen: Bool?
        let aliases: [String]

        var match: Match { Match(uri: uri ?? code.map { License.authority + $0 }, label: label, isOpen: isOpen) }
    }

    /// Licences that are not Creative Commons (those are parsed), with their ids, URLs and names.
    static let entries: [Entry] = [
        Entry(code: "ODC_BL", uri: nil, label: "ODbL 1.0", isOpen: true,
              aliases: ["odc-odbl", "odbl", "odbl-1.0", "odc-odbl-1.0", "Open Database License", "Open Data Commons Open Database License",
                        "opendatacommons.org/licenses/odbl", "opendatacommons.org/licenses/odbl/1.0", "opendatacommons.org/licenses/odbl/1-0"]),
        Entry(code: "ODC_BY", uri: nil, label: "ODC-By 1.0", isOpen: true,
              aliases: ["odc-by", "odc-by-1.0", "Open Data Commons Attribution License",
                        "opendatacommons.org/licenses/by", "opendatacommons.org/licenses/by/1.0", "opendatacommons.org/licenses/by/1-0"]),
        Entry(code: "ODC_PDDL", uri: nil, label: "PDDL 1.0", isOpen: true,
              aliases: ["odc-pddl", "pddl", "pddl-1.0", "Open Data Commons Public Domain Dedication and License",
                        "opendatacommons.org/licenses/pddl", "opendatacommons.org/licenses/pddl/1.0", "opendatacommons.org/licenses/pddl/1-0"]),
        Entry(code: "NLOD_2_0", uri: nil, label: "NLOD 2.0", isOpen: true,
              aliases: ["nlod", "nlod-2.0", "nlod 2.0", "nlod20", "Norsk lisens for offentlige data", "Norwegian Licence for Open Government Data",
                        "data.norge.no/nlod/no/2.0", "data.norge.no/nlod/en/2.0", "data.norge.no/nlod/no", "data.norge.no/nlod/en",
                        "data.norge.no/nlod"]),
        Entry(code: "NLOD_1_0", uri: nil, label: "NLOD 1.0", isOpen: true,
              aliases: ["nlod-1.0", "nlod 1.0", "data.norge.no/nlod/no/1.0", "data.norge.no/nlod/en/1.0"]),
        Entry(code: "OGL_3_0", uri: nil, label: "OGL 3.0", isOpen: true,
              aliases: ["uk-ogl", "ogl", "ogl-uk-3.0", "ogl-3.0", "Open Government Licence",
                        "nationalarchives.gov.uk/doc/open-government-licence/version/3",
                        "nationalarchives.gov.uk/doc/open-government-licence"]),
        Entry(code: "DL_DE_BY_2_0", uri: nil, label: "DL-DE-BY 2.0", isOpen: true,
              aliases: ["dl-de-by-2.0", "dl-by-de/2.0", "govdata.de/dl-de/by-2-0"]),
        Entry(code: "DL_DE_ZERO_2_0", uri: nil, label: "DL-DE-Zero 2.0", isOpen: true,
              aliases: ["dl-de-zero-2.0", "dl-zero-de/2.0", "govdata.de/dl-de/zero-2-0"]),
        Entry(code: "EUPL_1_2", uri: nil, label: "EUPL 1.2", isOpen: true, aliases: ["eupl-1.2", "eupl"]),
        Entry(code: "APACHE_2_0", uri: nil, label: "Apache 2.0", isOpen: true,
              aliases: ["apache-2.0", "apache", "apache.org/licenses/license-2.0"]),
        Entry(code: "GPL_3_0", uri: nil, label: "GPL 3.0", isOpen: true, aliases: ["gpl-3.0", "gplv3", "gnu.org/licenses/gpl-3.0"]),
        Entry(code: nil, uri: "https://opensource.org/licenses/MIT", label: "MIT", isOpen: true,
              aliases: ["mit", "mit-license", "opensource.org/licenses/mit"]),
        Entry(code: nil, uri: "https://www.gnu.org/licenses/fdl-1.3.html", label: "GFDL 1.3", isOpen: true,
              aliases: ["gfdl", "gfdl-1.3", "gnu free documentation license", "gnu.org/licenses/fdl-1.3.html", "gnu.org/copyleft/fdl.html"]),
        Entry(code: nil, uri: "https://www.etalab.gouv.fr/licence-ouverte-open-licence", label: "Licence Ouverte 2.0", isOpen: true,
              aliases: ["etalab-2.0", "lo-2.0", "licence ouverte", "fr-lo", "etalab.gouv.fr/licence-ouverte-open-licence",
                        "etalab.gouv.fr/pages/Licence_ouverte_Open_licence-5899923.html",
                        "Licence Ouverte / Open Licence Version 2.0", "Licence Ouverte / Open Licence 2.0",
                        "etalab.gouv.fr/wp-content/uploads/2017/04/ETALAB-Licence-Ouverte-v2.0.pdf",
                        "etalab.gouv.fr/wp-content/uploads/2018/11/open-licence.pdf"]),
        // Version 1.0 (2011), which French geodata records still cite by data.gouv.fr's old address.
        Entry(code: nil, uri: "http://www.data.gouv.fr/Licence-Ouverte-Open-Licence", label: "Licence Ouverte 1.0", isOpen: true,
              aliases: ["etalab-1.0", "lo-1.0", "Licence Ouverte / Open Licence 1.0", "data.gouv.fr/Licence-Ouverte-Open-Licence",
                        "etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf"]),
        Entry(code: nil, uri: nil, label: "Other (open)", isOpen: true, aliases: ["other-open", "other open"]),
        Entry(code: nil, uri: nil, label: "Other (public domain)", isOpen: true, aliases: ["other-pd", "other pd"]),
        Entry(code: nil, uri: nil, label: "Other (attribution)", isOpen: true, aliases: ["other-at", "other at"]),
        Entry(code: nil, uri: nil, label: "Other (non-commercial)", isOpen: false, aliases: ["other-nc", "cc-nc", "other nc"]),
        Entry(code: nil, uri: nil, label: "Other (not open)", isOpen: false, aliases: ["other-closed", "other closed"]),
        Entry(code: nil, uri: nil, label: "Licence not specified", isOpen: nil,
              aliases: ["notspecified", "not specified", "license not specified", "unknown", "ukjent", "okänd", "ei määritelty"]),
    ]

    static let byCode: [String: Entry] = {
        var map: [String: Entry] = [:]
        for entry in entries { if let code = entry.code, map[code] == nil { map[code] = entry } }
        return map
    }()

    static let byAlias: [String: Entry] = {
        var map: [String: Entry] = [:]
        for entry in entries {
            for alias in entry.aliases + [entry.label] + (entry.code.map { [$0] } ?? []) {
                let folded = VocabularyKey.fold(stripScheme(alias))
                if map[folded] == nil { map[folded] = entry }
                let compact = compactKey(folded)
                if map[compact] == nil { map[compact] = entry }
            }
        }
        return map
    }()
}
