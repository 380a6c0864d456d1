import Foundation

/// `katalog-bench make-queries --out FILE [--count N] [--seed S]`: writes the hub benchmark's query mix,
/// one request path a line (`/api/v1/search?q=…&…`), drawn from the catalogue generator's vocabulary.
///
/// 1–3 words per query: common subject words, rarer ones, place names (mostly rare) and qualifiers; about a
/// third of the queries add a filter. Facets are left at the hub's default (on).
enum MakeQueries {
    static func run(_ options: Options) throws {
        let out = try options.required("out")
        let count = try options.int("count", default: 200)
        let seed = UInt64(try options.int("seed", default: 1))
        let lines = queries(count: count, seed: seed)
        do {
            try (lines.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
        } catch {
            throw Options.UsageError(description: "cannot write \(out): \(error)")
        }
        print("wrote \(lines.count) queries to \(out)")
    }

    static func queries(count: Int, seed: UInt64) -> [String] {
        let generator = CatalogueGenerator(seed: seed)
        var random = SplitMix64(seed: seed, index: -1_000)
        let languageChoice = WeightedChoice<String>([("sv", 35), ("en", 25), ("fi", 15), ("nb", 15), ("da", 10)])
        let wordCount = WeightedChoice<Int>([(1, 45), (2, 35), (3, 20)])
        var lines: [String] = []
        while lines.count < count {
            let language = languageChoice.pick(&random)
            let li = Vocabulary.languages.firstIndex(of: language) ?? 0
            let ranks = generator.conceptRanks[language] ?? []
            let names = generator.places[language] ?? []
            var words: [String] = []
            for _ in 0..<wordCount.pick(&random) {
                let roll = random.unit()
                if roll < 0.45 {
                    words.append(Vocabulary.concepts[ranks[random.int(in: 0..<15)]].words[li])
                } else if roll < 0.8 {
                    words.append(Vocabulary.concepts[ranks[random.int(in: 15..<ranks.count)]].words[li])
                } else if roll < 0.92 {
                    words.append(names[random.int(in: 0..<names.count)])
                } else {
                    words.append(Vocabulary.qualifiers[random.int(in: 0..<Vocabulary.qualifiers.count)][li])
                }
            }
            var parameters = [("q", words.joined(separator: " "))]
            let filter = random.unit()
            if filter < 0.08 {
                parameters.append(("theme", Vocabulary.concepts[ranks[random.int(in: 0..<20)]].theme))
            } else if filter < 0.15 {
                parameters.append(("format", ["CSV", "JSON", "GEOJSON", "XLSX"][random.int(in: 0..<4)]))
            } else if filter < 0.21 {
                parameters.append(("licence", ["CC_BY_4_0", "CC0", "NLOD_2_0"][random.int(in: 0..<3)]))
            } else if filter < 0.27 {
                parameters.append(("language", language))
            } else if filter < 0.31 {
                let source = CatalogueGenerator.sources[random.int(in: 0..<CatalogueGenerator.sources.count)].name
                parameters.append(("source", source))
            } else if filter < 0.35 {
                parameters.append(("publisher", "https://org.bench.example/\(random.int(in: 0..<50))"))
            }
            if random.chance(0.3) { parameters.append(("lang", language)) }
            lines.append("/api/v1/search?" + parameters.map { "\($0.0)=\(encode($0.1))" }.joined(separator: "&"))
        }
        return lines
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    static func encode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }
}
