import Foundation
import KatalogModel

/// Builds a deterministic, realistic multilingual catalogue: publishers, sources and datasets.
///
/// Dataset `i` depends only on the seed and `i`, so sources can be generated one at a time in any order.
struct CatalogueGenerator: Sendable {
    /// One publishing organisation.
    struct Publisher: Sendable {
        var index: Int
        var language: String
        var name: String
        var source: String
    }

    /// A harvest source of the generated catalogue.
    struct Source: Sendable {
        var name: String
        var kind: String
        var url: String
    }

    static let sources = [
        Source(name: "sverige", kind: "ckan", url: "https://ckan.sverige.bench.example/"),
        Source(name: "stockholm-datajson", kind: "datajson", url: "https://data.stockholm.bench.example/data.json"),
        Source(name: "norge", kind: "dcat", url: "https://data.norge.bench.example/catalog.rdf"),
        Source(name: "danmark", kind: "dcat", url: "https://data.danmark.bench.example/catalog.ttl"),
        Source(name: "suomi", kind: "ckan", url: "https://ckan.suomi.bench.example/"),
        Source(name: "eu-portal", kind: "dcat", url: "https://data.europa.bench.example/catalog.rdf"),
    ]

    static let themeBase = "http://publications.europa.eu/resource/authority/data-theme/"
    static let formatBase = "http://publications.europa.eu/resource/authority/file-type/"
    static let licenceBase = "http://publications.europa.eu/resource/authority/licence/"
    static let languageBase = "http://publications.europa.eu/resource/authority/language/"
    static let languageCodes = ["en": "ENG", "sv": "SWE", "nb": "NOB", "da": "DAN", "fi": "FIN"]

    let seed: UInt64
    let publishers: [Publisher]
    let places: [String: [String]]
    /// Concept order per language (Zipf rank → concept index); each language favours different subjects.
    let conceptRanks: [String: [Int]]
    let conceptZipf: ZipfSampler
    let placeZipf: [String: ZipfSampler]
    let publisherZipf: ZipfSampler

    let formats = WeightedChoice<String>([("CSV", 35), ("JSON", 15), ("XLSX", 12), ("PDF", 10), ("XML", 8),
                                          ("GEOJSON", 6), ("SHP", 5), ("ZIP", 4), ("HTML", 3), ("WMS_SRVC", 2)])

    /// A generator for `seed` with `publisherCount` publishers.
    init(seed: UInt64, publisherCount: Int = 2_000) {
        self.seed = seed
        var places: [String: [String]] = [:]
        var placeZipf: [String: ZipfSampler] = [:]
        var conceptRanks: [String: [Int]] = [:]
        for language in Vocabulary.languages {
            let names = Vocabulary.places(language)
            places[language] = names
            placeZipf[language] = ZipfSampler(count: names.count, exponent: 1.15)
            // One popularity order for all languages, shuffled within bands of 12 so each language differs a little.
            var base = Array(Vocabulary.concepts.indices)
            var shared = SplitMix64(seed: seed, index: -1)
            shared.shuffle(&base)
            var random = SplitMix64(seed: seed, index: -2 - (Vocabulary.languages.firstIndex(of: language) ?? 0))
            var banded: [Int] = []
            for band in stride(from: 0, to: base.count, by: 12) {
                var slice = Array(base[band..<min(band + 12, base.count)])
                random.shuffle(&slice)
                banded += slice
            }
            conceptRanks[language] = banded
        }
        self.places = places
        self.placeZipf = placeZipf
        self.conceptRanks = conceptRanks
        conceptZipf = ZipfSampler(count: Vocabulary.concepts.count, exponent: 1.0)
        publisherZipf = ZipfSampler(count: publisherCount, exponent: 0.9)
        var random = SplitMix64(seed: seed, index: -100)
        let languageChoice = WeightedChoice<String>([("sv", 35), ("en", 20), ("fi", 15), ("nb", 17), ("da", 13)])
        var publishers: [Publisher] = []
        for index in 0..<publisherCount {
            let language = languageChoice.pick(&random)
            let names = places[language] ?? []
            let place = names[random.int(in: 0..<names.count)]
            let concept = Vocabulary.concepts[random.int(in: 0..<Vocabulary.concepts.count)].words
            let name: String
            switch language {
            case "sv": name = [place + " kommun", "Region " + place, "Länsstyrelsen i " + place,
                               place + " Energi AB", "Myndigheten för " + concept[1]][random.int(in: 0..<5)]
            case "nb": name = [place + " kommune", place + " fylkeskommune", place + " havn KF",
                               "Direktoratet for " + concept[2]][random.int(in: 0..<4)]
            case "da": name = [place + " Kommune", "Region " + place, place + " Forsyning",
                               "Styrelsen for " + concept[3]][random.int(in: 0..<4)]
            case "fi": name = [place + " kaupunki", place + " kunta", place + " Vesi Oy",
                               concept[4].capitalized + "virasto"][random.int(in: 0..<4)]
            default: name = ["European Agency for " + concept[0].capitalized, place + " Research Institute",
                             "Nordic Council of " + concept[0].capitalized][random.int(in: 0..<3)]
            }
            let source: String
            switch language {
            case "sv": source = index % 7 == 0 ? "stockholm-datajson" : "sverige"
            case "nb": source = "norge"
            case "da": source = "danmark"
            case "fi": source = "suomi"
            default: source = "eu-portal"
            }
            publishers.append(Publisher(index: index, language: language, name: name, source: source))
        }
        self.publishers = publishers
    }

    /// The publisher of dataset `index`.
    func publisher(of index: Int) -> Publisher {
        var random = SplitMix64(seed: seed, index: index)
        return publishers[publisherZipf.sample(&random)]
    }
}
