import Foundation
import KatalogModel

extension CatalogueGenerator {
    /// The choices behind one dataset's text, rendered in its language and, for some, in English too.
    struct TextChoices {
        var concepts: [Int]
        var qualifiers: [Int]
        var measure: Int
        var places: [String]
        var year: Int
        var titleShape: Int
        var longDescription: Bool
        var listSentence: Bool
        var publisherName: String
    }

    /// Dataset `index` as the source record a harvester would stage, with its source's name.
    func record(index: Int) -> (source: String, record: SourceRecord) {
        var random = SplitMix64(seed: seed, index: index)
        let publisher = publishers[publisherZipf.sample(&random)]
        let language = publisher.language
        let ranks = conceptRanks[language] ?? []
        let names = places[language] ?? []
        let placeSampler = placeZipf[language] ?? ZipfSampler(count: 1, exponent: 1)
        var concepts: [Int] = []
        while concepts.count < 5 {
            let concept = ranks[conceptZipf.sample(&random)]
            if !concepts.contains(concept) { concepts.append(concept) }
        }
        let choices = TextChoices(
            concepts: concepts,
            qualifiers: [random.int(in: 0..<Vocabulary.qualifiers.count), random.int(in: 0..<Vocabulary.qualifiers.count)],
            measure: random.int(in: 0..<Vocabulary.measures.count),
            places: [names[placeSampler.sample(&random)], names[placeSampler.sample(&random)]],
            year: 2025 - Int(pow(random.unit(), 2) * 25),
            titleShape: random.int(in: 0..<4),
            longDescription: random.chance(0.7),
            listSentence: random.chance(0.6),
            publisherName: publisher.name)
        var titles = [language: title(choices, language: language)]
        var descriptions = [language: description(choices, language: language)]
        if language != "en", random.chance(0.25) {
            titles["en"] = title(choices, language: "en")
            descriptions["en"] = description(choices, language: "en")
        }
        let wordIndex = Vocabulary.languages.firstIndex(of: language) ?? 0
        var keywordConcepts = Array(concepts.prefix(2))
        for _ in 0..<random.int(in: 0..<4) {
            let extra = ranks[conceptZipf.sample(&random)]
            if !keywordConcepts.contains(extra) { keywordConcepts.append(extra) }
        }
        let keywords = keywordConcepts.map { LangString(Vocabulary.concepts[$0].words[wordIndex], language: language) }
            + (random.chance(0.3) ? [LangString(choices.places[0].lowercased(), language: language)] : [])
        var themeCodes = [Vocabulary.concepts[concepts[0]].theme]
        if random.chance(0.4), !themeCodes.contains(Vocabulary.concepts[concepts[1]].theme) {
            themeCodes.append(Vocabulary.concepts[concepts[1]].theme)
        }
        let modifiedYear = 2026 - Int(pow(random.unit(), 1.6) * 14)
        let modified = String(format: "%04d-%02d-%02d", modifiedYear, random.int(in: 1..<13), random.int(in: 1..<29))
        let issued = String(format: "%04d-%02d-%02d", modifiedYear - random.int(in: 0..<6), random.int(in: 1..<13),
                            random.int(in: 1..<29))
        let licence = licenceCode(language: language, &random)
        let identifier = "\(publisher.source)-\(String(index, radix: 36))"
        let base = "https://data.\(publisher.source).bench.example/dataset/\(identifier)"
        var distributions: [Distribution] = []
        for position in 0..<(1 + Int(pow(random.unit(), 2) * 3)) {
            let format = formats.pick(&random)
            let file = "\(base)/files/\(position).\(format.lowercased())"
            distributions.append(Distribution(
                identifier: "\(identifier)-\(position)",
                title: LocalizedText("\(titles[language] ?? "") (\(format))", language: language),
                accessURLs: [base],
                downloadURLs: random.chance(0.8) ? [file] : [],
                format: Concept(raw: format, uri: CatalogueGenerator.formatBase + format),
                license: Concept(raw: licence, uri: CatalogueGenerator.licenceBase + licence)))
        }
        let dataset = Dataset(
            sourceIdentifier: identifier,
            iri: publisher.source == "sverige" || publisher.source == "suomi" ? nil : base,
            title: LocalizedText(titles),
            description: LocalizedText(descriptions),
            keywords: keywords,
            themes: themeCodes.map { Concept(raw: $0, uri: CatalogueGenerator.themeBase + $0) },
            publisher: Agent(iri: "https://org.bench.example/\(publisher.index)", name: LocalizedText(publisher.name, language: language)),
            issued: DateValue(raw: issued),
            modified: DateValue(raw: modified),
            license: Concept(raw: licence, uri: CatalogueGenerator.licenceBase + licence),
            landingPages: [base],
            languages: titles.keys.sorted().map { code in
                let authority = CatalogueGenerator.languageCodes[code] ?? "MUL"
                return Concept(raw: authority, uri: CatalogueGenerator.languageBase + authority)
            },
            distributions: distributions)
        let raw = "{\"id\":\"\(identifier)\",\"publisher\":\(publisher.index),\"seed\":\(seed)}"
        return (publisher.source, SourceRecord(dataset: dataset, raw: Data(raw.utf8), rawFormat: "application/json"))
    }

    private func licenceCode(language: String, _ random: inout SplitMix64) -> String {
        let roll = random.unit()
        switch language {
        case "sv": return roll < 0.5 ? "CC0" : (roll < 0.92 ? "CC_BY_4_0" : "ODC_BY")
        case "nb": return roll < 0.6 ? "NLOD_2_0" : (roll < 0.9 ? "CC_BY_4_0" : "CC0")
        case "da": return roll < 0.55 ? "CC_BY_4_0" : (roll < 0.9 ? "CC0" : "ODC_ODBL")
        case "fi": return roll < 0.85 ? "CC_BY_4_0" : "CC0"
        default: return roll < 0.7 ? "CC_BY_4_0" : (roll < 0.85 ? "ODC_ODBL" : "CC_BY_SA_4_0")
        }
    }

    /// The word of concept `concept` in `language`.
    func word(_ concept: Int, _ language: String) -> String {
        Vocabulary.concepts[concept].words[Vocabulary.languages.firstIndex(of: language) ?? 0]
    }

    func title(_ choices: TextChoices, language: String) -> String {
        let li = Vocabulary.languages.firstIndex(of: language) ?? 0
        let (a, b) = (word(choices.concepts[0], language), word(choices.concepts[1], language))
        let measure = Vocabulary.measures[choices.measure][li]
        let qualifier = Vocabulary.qualifiers[choices.qualifiers[0]][li]
        let (place, year) = (choices.places[0], choices.year)
        let (of, and, inside) = [("of", "and", "in"), ("av", "och", "i"), ("av", "og", "i"), ("af", "og", "i"),
                                 ("", "ja", "")][li]
        switch (choices.titleShape, language) {
        case (0, "fi"): return "\(a.capitalized) ja \(b): \(measure.lowercased()), \(place) \(year)"
        case (0, _): return "\(measure) \(of) \(a) \(and) \(b) \(inside) \(place) \(year)"
        case (1, "fi"): return "\(a.capitalized), \(place) \(year), \(qualifier)"
        case (1, _): return "\(a.capitalized) \(inside) \(place), \(qualifier) \(year)"
        case (2, _): return "\(qualifier.capitalized) \(a) \(year)"
        default: return "\(a.capitalized) \(and) \(b), \(place)"
        }
    }

    func description(_ choices: TextChoices, language: String) -> String {
        let li = Vocabulary.languages.firstIndex(of: language) ?? 0
        let w = choices.concepts.map { word($0, language) }
        let measure = Vocabulary.measures[choices.measure][li]
        let (q1, q2) = (Vocabulary.qualifiers[choices.qualifiers[0]][li], Vocabulary.qualifiers[choices.qualifiers[1]][li])
        let (p1, p2, year, publisher) = (choices.places[0], choices.places[1], choices.year, choices.publisherName)
        var sentences: [String]
        switch language {
        case "sv":
            sentences = ["\(measure) av \(w[0]) och \(w[1]) i \(p1), \(q1) uppgifter från \(year).",
                         "Datamängden innehåller \(q2) \(w[2]) för \(p2) med omnejd.",
                         "Uppgifterna omfattar \(w[3]), \(w[4]) och \(w[0]).", "Publicerad av \(publisher)."]
        case "nb":
            sentences = ["\(measure) av \(w[0]) og \(w[1]) i \(p1), \(q1) data fra \(year).",
                         "Datasettet inneholder \(q2) \(w[2]) for \(p2) og omegn.",
                         "Dataene omfatter \(w[3]), \(w[4]) og \(w[0]).", "Publisert av \(publisher)."]
        case "da":
            sentences = ["\(measure) af \(w[0]) og \(w[1]) i \(p1), \(q1) data fra \(year).",
                         "Datasættet indeholder \(q2) \(w[2]) for \(p2) og omegn.",
                         "Data omfatter \(w[3]), \(w[4]) og \(w[0]).", "Udgivet af \(publisher)."]
        case "fi":
            sentences = ["\(measure): \(w[0]) ja \(w[1]), \(p1), \(q1) tiedot vuodesta \(year).",
                         "Aineisto sisältää \(q2) tietoja aiheesta \(w[2]) alueelta \(p2).",
                         "Tiedot kattavat aiheet \(w[3]), \(w[4]) ja \(w[0]).", "Julkaisija: \(publisher)."]
        default:
            sentences = ["\(measure) of \(w[0]) and \(w[1]) in \(p1), \(q1) data from \(year).",
                         "The dataset contains \(q2) \(w[2]) for \(p2) and surrounding areas.",
                         "The figures cover \(w[3]), \(w[4]) and \(w[0]).", "Published by \(publisher)."]
        }
        if !choices.listSentence { sentences.remove(at: 2) }
        if !choices.longDescription { sentences.remove(at: 1) }
        return sentences.joined(separator: " ")
    }
}
