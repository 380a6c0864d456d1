extension DataTheme {
    /// INSPIRE themes (`http://inspire.ec.europa.eu/theme/<code>`, as GeoDCAT-AP and ISO 19139 records name them) mapped
    /// onto the EU data theme that covers each, so geodata filters with the other sources' themes. Katalog's own
    /// alignment, documented in docs/iso19139-mapping.md.
    static let inspireThemes: [String: String] = [
        "ac": "ENVI", "ad": "REGI", "af": "AGRI", "am": "ENVI", "au": "REGI", "br": "ENVI", "bu": "REGI", "cp": "REGI",
        "ef": "ENVI", "el": "ENVI", "er": "ENER", "ge": "ENVI", "gg": "REGI", "gn": "REGI", "hb": "ENVI", "hh": "HEAL",
        "hy": "ENVI", "lc": "ENVI", "lu": "REGI", "mf": "ENVI", "mr": "ECON", "nz": "ENVI", "of": "ENVI", "oi": "REGI",
        "pd": "SOCI", "pf": "ECON", "ps": "ENVI", "rs": "TECH", "sd": "ENVI", "so": "ENVI", "sr": "ENVI", "su": "REGI",
        "tn": "TRAN", "us": "GOVE",
    ]

    /// The EU data-theme code of an INSPIRE theme IRI (http or https, with or without a trailing slash), when
    /// ``inspireThemes`` has one.
    static func code(ofINSPIRETheme iri: String) -> String? {
        for prefix in ["http://inspire.ec.europa.eu/theme/", "https://inspire.ec.europa.eu/theme/"] where iri.hasPrefix(prefix) {
            var rest = iri.dropFirst(prefix.count)
            while rest.hasSuffix("/") { rest = rest.dropLast() }
            return inspireThemes[rest.lowercased()]
        }
        return nil
    }
}
