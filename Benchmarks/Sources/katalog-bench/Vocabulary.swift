/// The word lists the catalogue generator and the query mix draw from, aligned across languages.
///
/// Every concept is one noun in the five languages (en, sv, nb, da, fi) plus the EU data theme it belongs to,
/// so a Swedish title and its English translation name the same things and themes follow the words.
enum Vocabulary {
    /// The generated languages, in the order the word tuples list them.
    static let languages = ["en", "sv", "nb", "da", "fi"]

    /// (theme, en, sv, nb, da, fi).
    static let concepts: [(theme: String, words: [String])] = [
        ("AGRI", ["agriculture", "jordbruk", "jordbruk", "landbrug", "maatalous"]),
        ("AGRI", ["forestry", "skogsbruk", "skogbruk", "skovbrug", "metsätalous"]),
        ("AGRI", ["harvest", "skörd", "avling", "høst", "sato"]),
        ("AGRI", ["livestock", "boskap", "husdyr", "husdyr", "karja"]),
        ("AGRI", ["fishing", "fiske", "fiske", "fiskeri", "kalastus"]),
        ("AGRI", ["crops", "grödor", "vekster", "afgrøder", "viljelykasvit"]),
        ("AGRI", ["farms", "gårdar", "gårder", "gårde", "tilat"]),
        ("ECON", ["economy", "ekonomi", "økonomi", "økonomi", "talous"]),
        ("ECON", ["budget", "budget", "budsjett", "budget", "talousarvio"]),
        ("ECON", ["taxes", "skatter", "skatter", "skatter", "verot"]),
        ("ECON", ["employment", "sysselsättning", "sysselsetting", "beskæftigelse", "työllisyys"]),
        ("ECON", ["unemployment", "arbetslöshet", "arbeidsledighet", "arbejdsløshed", "työttömyys"]),
        ("ECON", ["companies", "företag", "foretak", "virksomheder", "yritykset"]),
        ("ECON", ["income", "inkomster", "inntekt", "indkomst", "tulot"]),
        ("ECON", ["prices", "priser", "priser", "priser", "hinnat"]),
        ("ECON", ["procurement", "upphandling", "anskaffelser", "udbud", "hankinnat"]),
        ("ECON", ["trade", "handel", "handel", "handel", "kauppa"]),
        ("ECON", ["tourism", "turism", "turisme", "turisme", "matkailu"]),
        ("ECON", ["salaries", "löner", "lønn", "løn", "palkat"]),
        ("EDUC", ["schools", "skolor", "skoler", "skoler", "koulut"]),
        ("EDUC", ["pupils", "elever", "elever", "elever", "oppilaat"]),
        ("EDUC", ["education", "utbildning", "utdanning", "uddannelse", "koulutus"]),
        ("EDUC", ["libraries", "bibliotek", "bibliotek", "biblioteker", "kirjastot"]),
        ("EDUC", ["culture", "kultur", "kultur", "kultur", "kulttuuri"]),
        ("EDUC", ["museums", "museer", "museer", "museer", "museot"]),
        ("EDUC", ["sports", "idrott", "idrett", "idræt", "urheilu"]),
        ("EDUC", ["preschool", "förskola", "barnehage", "daginstitution", "varhaiskasvatus"]),
        ("EDUC", ["university", "universitet", "universitet", "universitet", "yliopisto"]),
        ("ENER", ["energy", "energi", "energi", "energi", "energia"]),
        ("ENER", ["electricity", "elektricitet", "strøm", "elektricitet", "sähkö"]),
        ("ENER", ["consumption", "förbrukning", "forbruk", "forbrug", "kulutus"]),
        ("ENER", ["heating", "uppvärmning", "oppvarming", "opvarmning", "lämmitys"]),
        ("ENER", ["windpower", "vindkraft", "vindkraft", "vindkraft", "tuulivoima"]),
        ("ENER", ["solar", "solenergi", "solenergi", "solenergi", "aurinkoenergia"]),
        ("ENER", ["emissions", "utsläpp", "utslipp", "udledning", "päästöt"]),
        ("ENVI", ["environment", "miljö", "miljø", "miljø", "ympäristö"]),
        ("ENVI", ["water", "vatten", "vann", "vand", "vesi"]),
        ("ENVI", ["air", "luft", "luft", "luft", "ilma"]),
        ("ENVI", ["quality", "kvalitet", "kvalitet", "kvalitet", "laatu"]),
        ("ENVI", ["climate", "klimat", "klima", "klima", "ilmasto"]),
        ("ENVI", ["temperature", "temperatur", "temperatur", "temperatur", "lämpötila"]),
        ("ENVI", ["precipitation", "nederbörd", "nedbør", "nedbør", "sademäärä"]),
        ("ENVI", ["noise", "buller", "støy", "støj", "melu"]),
        ("ENVI", ["nature", "natur", "natur", "natur", "luonto"]),
        ("ENVI", ["reserves", "naturreservat", "verneområder", "fredninger", "suojelualueet"]),
        ("ENVI", ["lakes", "sjöar", "innsjøer", "søer", "järvet"]),
        ("ENVI", ["forests", "skogar", "skoger", "skove", "metsät"]),
        ("ENVI", ["birds", "fåglar", "fugler", "fugle", "linnut"]),
        ("ENVI", ["waste", "avfall", "avfall", "affald", "jätteet"]),
        ("ENVI", ["recycling", "återvinning", "gjenvinning", "genbrug", "kierrätys"]),
        ("ENVI", ["soil", "mark", "jordsmonn", "jordbund", "maaperä"]),
        ("ENVI", ["groundwater", "grundvatten", "grunnvann", "grundvand", "pohjavesi"]),
        ("ENVI", ["species", "arter", "arter", "arter", "lajit"]),
        ("GOVE", ["municipality", "kommun", "kommune", "kommune", "kunta"]),
        ("GOVE", ["elections", "val", "valg", "valg", "vaalit"]),
        ("GOVE", ["decisions", "beslut", "vedtak", "beslutninger", "päätökset"]),
        ("GOVE", ["council", "fullmäktige", "kommunestyre", "byråd", "valtuusto"]),
        ("GOVE", ["documents", "handlingar", "dokumenter", "dokumenter", "asiakirjat"]),
        ("GOVE", ["register", "register", "register", "register", "rekisteri"]),
        ("GOVE", ["statistics", "statistik", "statistikk", "statistik", "tilastot"]),
        ("GOVE", ["population", "befolkning", "befolkning", "befolkning", "väestö"]),
        ("GOVE", ["addresses", "adresser", "adresser", "adresser", "osoitteet"]),
        ("HEAL", ["health", "hälsa", "helse", "sundhed", "terveys"]),
        ("HEAL", ["hospitals", "sjukhus", "sykehus", "hospitaler", "sairaalat"]),
        ("HEAL", ["care", "vård", "omsorg", "pleje", "hoito"]),
        ("HEAL", ["eldercare", "äldreomsorg", "eldreomsorg", "ældrepleje", "vanhustenhoito"]),
        ("HEAL", ["pharmacies", "apotek", "apotek", "apoteker", "apteekit"]),
        ("HEAL", ["vaccination", "vaccination", "vaksinasjon", "vaccination", "rokotus"]),
        ("HEAL", ["mortality", "dödlighet", "dødelighet", "dødelighed", "kuolleisuus"]),
        ("HEAL", ["diseases", "sjukdomar", "sykdommer", "sygdomme", "taudit"]),
        ("INTR", ["aid", "bistånd", "bistand", "bistand", "kehitysyhteistyö"]),
        ("INTR", ["migration", "migration", "migrasjon", "migration", "muuttoliike"]),
        ("INTR", ["embassies", "ambassader", "ambassader", "ambassader", "suurlähetystöt"]),
        ("JUST", ["crime", "brott", "kriminalitet", "kriminalitet", "rikokset"]),
        ("JUST", ["courts", "domstolar", "domstoler", "domstole", "tuomioistuimet"]),
        ("JUST", ["police", "polis", "politi", "politi", "poliisi"]),
        ("JUST", ["rescue", "räddningstjänst", "brannvesen", "brandvæsen", "pelastustoimi"]),
        ("REGI", ["maps", "kartor", "kart", "kort", "kartat"]),
        ("REGI", ["buildings", "byggnader", "bygninger", "bygninger", "rakennukset"]),
        ("REGI", ["housing", "bostäder", "boliger", "boliger", "asunnot"]),
        ("REGI", ["zoning", "detaljplaner", "reguleringsplaner", "lokalplaner", "asemakaavat"]),
        ("REGI", ["properties", "fastigheter", "eiendommer", "ejendomme", "kiinteistöt"]),
        ("REGI", ["parks", "parker", "parker", "parker", "puistot"]),
        ("REGI", ["roads", "vägar", "veier", "veje", "tiet"]),
        ("REGI", ["boundaries", "gränser", "grenser", "grænser", "rajat"]),
        ("REGI", ["orthophotos", "ortofoton", "ortofoto", "ortofotos", "ortokuvat"]),
        ("REGI", ["elevation", "höjddata", "høydedata", "højdedata", "korkeusmalli"]),
        ("SOCI", ["children", "barn", "barn", "børn", "lapset"]),
        ("SOCI", ["families", "familjer", "familier", "familier", "perheet"]),
        ("SOCI", ["welfare", "välfärd", "velferd", "velfærd", "hyvinvointi"]),
        ("SOCI", ["socialservices", "socialtjänst", "sosialtjenester", "socialområdet", "sosiaalipalvelut"]),
        ("SOCI", ["agegroups", "åldersgrupper", "aldersgrupper", "aldersgrupper", "ikäryhmät"]),
        ("SOCI", ["survey", "enkät", "undersøkelse", "undersøgelse", "kysely"]),
        ("SOCI", ["gender", "kön", "kjønn", "køn", "sukupuoli"]),
        ("TECH", ["broadband", "bredband", "bredbånd", "bredbånd", "laajakaista"]),
        ("TECH", ["sensors", "sensorer", "sensorer", "sensorer", "anturit"]),
        ("TECH", ["interfaces", "gränssnitt", "grensesnitt", "grænseflader", "rajapinnat"]),
        ("TECH", ["software", "programvara", "programvare", "software", "ohjelmistot"]),
        ("TECH", ["measurements", "mätningar", "målinger", "målinger", "mittaukset"]),
        ("TRAN", ["traffic", "trafik", "trafikk", "trafik", "liikenne"]),
        ("TRAN", ["timetables", "tidtabeller", "rutetabeller", "køreplaner", "aikataulut"]),
        ("TRAN", ["cycling", "cykling", "sykling", "cykling", "pyöräily"]),
        ("TRAN", ["parking", "parkering", "parkering", "parkering", "pysäköinti"]),
        ("TRAN", ["accidents", "olyckor", "ulykker", "ulykker", "onnettomuudet"]),
        ("TRAN", ["railways", "järnvägar", "jernbane", "jernbaner", "rautatiet"]),
        ("TRAN", ["airports", "flygplatser", "flyplasser", "lufthavne", "lentoasemat"]),
        ("TRAN", ["stops", "hållplatser", "holdeplasser", "stoppesteder", "pysäkit"]),
        ("TRAN", ["ports", "hamnar", "havner", "havne", "satamat"]),
        ("TRAN", ["chargers", "laddstolpar", "ladestasjoner", "ladestandere", "latauspisteet"]),
    ]

    /// Qualifiers used in titles and descriptions, per language (same order).
    static let qualifiers: [[String]] = [
        ["annual", "årlig", "årlig", "årlig", "vuosittainen"],
        ["monthly", "månadsvis", "månedlig", "månedlig", "kuukausittainen"],
        ["daily", "daglig", "daglig", "daglig", "päivittäinen"],
        ["regional", "regional", "regional", "regional", "alueellinen"],
        ["local", "lokal", "lokal", "lokal", "paikallinen"],
        ["national", "nationell", "nasjonal", "national", "valtakunnallinen"],
        ["historical", "historisk", "historisk", "historisk", "historiallinen"],
        ["current", "aktuell", "aktuell", "aktuel", "ajantasainen"],
        ["preliminary", "preliminär", "foreløpig", "foreløbig", "alustava"],
        ["average", "genomsnittlig", "gjennomsnittlig", "gennemsnitlig", "keskimääräinen"],
    ]

    /// Measures ("number of …"), per language.
    static let measures: [[String]] = [
        ["Number", "Antal", "Antall", "Antal", "Lukumäärä"],
        ["Share", "Andel", "Andel", "Andel", "Osuus"],
        ["Changes", "Förändringar", "Endringer", "Ændringer", "Muutokset"],
        ["Locations", "Platser", "Steder", "Steder", "Sijainnit"],
        ["Results", "Resultat", "Resultater", "Resultater", "Tulokset"],
        ["Overview", "Översikt", "Oversikt", "Oversigt", "Yleiskatsaus"],
    ]

    /// Place-name parts per language; English datasets name places of every country.
    static let placeParts: [String: (prefixes: [String], suffixes: [String])] = [
        "sv": (["Al", "Ask", "Berg", "Björk", "Bor", "Dal", "Ek", "Fal", "Gran", "Hag", "Hall", "Kal", "Kung", "Lid",
                "Lind", "Lund", "Mal", "Mark", "Norr", "Ny", "Os", "Ro", "Sand", "Sig", "Sköv", "Sol", "Stor", "Sund",
                "Tid", "Tor", "Ulv", "Upp", "Vall", "Vim", "Väs", "Ål", "Ör"],
               ["by", "holm", "köping", "vik", "torp", "hult", "sjö", "berg", "dal", "näs", "stad", "ås", "ryd", "fors",
                "sund", "ö"]),
        "nb": (["Ber", "Bod", "Drøb", "Eid", "Fla", "Gjø", "Ham", "Hol", "Kongs", "Kris", "Lar", "Lil", "Mol", "Nar",
                "Nes", "Oppe", "Rak", "Ring", "Sand", "Ski", "Sol", "Stav", "Sten", "Tøn", "Ulle", "Vad", "Ves", "Ørs"],
               ["vik", "dal", "by", "berg", "nes", "fjord", "strand", "heim", "øy", "sund", "stad", "haug", "mo", "vang"]),
        "da": (["Aa", "Bal", "Bjer", "Fre", "Gen", "Gre", "Hads", "Hel", "Hor", "Kal", "Kol", "Lem", "Mar", "Nak", "Ny",
                "Od", "Ran", "Rin", "Ros", "Sil", "Sla", "Sønder", "Thi", "Tøn", "Var", "Vej", "Vi"],
               ["borg", "by", "købing", "rup", "sted", "lev", "toft", "strup", "løse", "holm", "bæk", "skov", "havn",
                "vig"]),
        "fi": (["Haa", "Hyvin", "Ii", "Jär", "Kan", "Kau", "Ke", "Kok", "Kuo", "Lah", "Lap", "Lie", "Loi", "Nur", "Ori",
                "Pie", "Por", "Rau", "Sal", "Sei", "Suo", "Tam", "Toi", "Uusi", "Vaa", "Var", "Yli"],
               ["järvi", "lahti", "niemi", "koski", "salmi", "vaara", "mäki", "joki", "saari", "linna", "harju", "kylä",
                "pää", "vesi"]),
    ]

    /// Every place name of a language, in a fixed shuffled order (its Zipf rank order).
    static func places(_ language: String) -> [String] {
        if language == "en" {
            return interleave(["sv", "nb", "da", "fi"].map { places($0) })
        }
        guard let parts = placeParts[language] else { return [] }
        var names: [String] = []
        for prefix in parts.prefixes {
            for suffix in parts.suffixes {
                names.append(prefix + suffix)
            }
        }
        var random = SplitMix64(seed: UInt64(truncatingIfNeeded: language.unicodeScalars.reduce(7) { $0 &* 31 &+ Int($1.value) }))
        random.shuffle(&names)
        return names
    }

    private static func interleave(_ lists: [[String]]) -> [String] {
        var result: [String] = []
        let longest = lists.map(\.count).max() ?? 0
        for index in 0..<longest {
            for list in lists where index < list.count {
                result.append(list[index])
            }
        }
        return result
    }
}
