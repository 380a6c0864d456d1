import KatalogRDF
import Synchronization
import Testing
@testable import KatalogModel

struct DCATMapperDistributionTests: DCATTestSupport {
    @Test func formatIsInferredFromTheMediaTypeOrTheDownloadURLWhenAbsent() throws {
        var g = datasetBuilder()
        let byType = iri("https://example.com/d/by-type")
        let byURL = iri("https://example.com/d/by-url")
        let unknown = iri("https://example.com/d/unknown")
        for dist in [byType, byURL, unknown] {
            g.add(ds, DCATNS.dcat + "distribution", dist)
            g.type(dist, DCATNS.dcat + "Distribution")
        }
        g.add(byType, DCATNS.dcat + "accessURL", iri("https://example.com/api"))
        g.add(byType, DCATNS.dcat + "mediaType", iri("https://www.iana.org/assignments/media-types/application/json"))
        g.add(byURL, DCATNS.dcat + "downloadURL", iri("https://example.com/files/stations.xlsx?v=2"))
        g.add(unknown, DCATNS.dcat + "mediaType", lit("application/x-made-up"))
        g.add(unknown, DCATNS.dcat + "downloadURL", iri("https://example.com/files/readme"))
        let distributions = try DCATMapper.dataset(ds, in: g.graph).distributions
        let formats = Dictionary(uniqueKeysWithValues: distributions.map { ($0.identifier ?? "", $0.format?.key) })
        #expect(formats["https://example.com/d/by-type"] == "JSON")
        #expect(formats["https://example.com/d/by-url"] == "XLSX")
        #expect(formats["https://example.com/d/unknown"] == .some(nil), "nothing known to infer from")
    }

    @Test func accessServicesGiveTheirTitleAndEndpointsButNotWhatTheyServe() throws {
        var g = datasetBuilder()
        let dist = iri("https://example.com/distribution/api")
        g.add(ds, DCATNS.dcat + "distribution", dist)
        g.type(dist, DCATNS.dcat + "Distribution")
        g.add(dist, DCATNS.dcat + "accessURL", iri("https://api.example.com/v2"))
        let api = iri("https://example.com/service/api")
        g.add(dist, DCATNS.dcat + "accessService", api)
        g.type(api, DCATNS.dcat + "DataService")
        g.add(api, DCATNS.dct + "title", lit("Realtids-API", "sv"))
        g.add(api, DCATNS.dct + "title", lit("Real-time API", "en"))
        g.add(api, DCATNS.dcat + "endpointURL", iri("https://api.example.com/v2"))
        g.add(api, DCATNS.dcat + "endpointDescription", iri("https://api.example.com/v2/openapi.json"))
        g.add(api, DCATNS.dct + "conformsTo", iri("https://spec.openapis.org/oas/v3.1.0"))
        g.add(api, DCATNS.dct + "conformsTo", bnode("std"))
        g.add(bnode("std"), DCATNS.rdfs + "label", lit("a standard described by a node"))
        g.add(api, DCATNS.dcat + "servesDataset", ds)
        g.add(api, DCATNS.dct + "publisher", iri("https://example.com/org/other"))
        // A service known only by its IRI, and an endpoint given as a literal.
        g.add(dist, DCATNS.dcat + "accessService", iri("https://example.com/service/undescribed"))
        g.add(dist, DCATNS.dcat + "accessService", lit("https://wms.example.com/ows"))

        let graph = g.graph
        let distribution = try #require(try DCATMapper.dataset(ds, in: graph).distributions.first)
        #expect(distribution.accessServices == [
            AccessService(identifier: "https://example.com/service/api",
                          title: LocalizedText(["sv": "Realtids-API", "en": "Real-time API"]),
                          endpoints: ["https://api.example.com/v2"],
                          endpointDescriptions: ["https://api.example.com/v2/openapi.json"],
                          conformsTo: ["https://spec.openapis.org/oas/v3.1.0"]),
            AccessService(identifier: "https://example.com/service/undescribed"),
            AccessService(endpoints: ["https://wms.example.com/ows"]),
        ])
        // The service stays out of the raw record, and what the mapper read of it is all the digest needs.
        let around = try DCATMapper.neighbourhood(of: ds, in: graph)
        #expect(!around.triples.contains { $0.subject == api })
        #expect(around.services == [api])
        let recording = RecordingGraph(graph)
        _ = try DCATMapper.dataset(ds, in: recording)
        #expect(recording.read(of: api).isSubset(of: Set(DCATMapper.accessServicePredicates + [Vocab.rdfType])),
                "\(recording.read(of: api))")
    }

    @Test func aBigServiceNamedByManyDistributionsIsCopiedWithinABudget() throws {
        var g = datasetBuilder()
        let api = iri("https://example.com/service/big")
        g.type(api, DCATNS.dcat + "DataService")
        g.add(api, DCATNS.dct + "title", lit(String(repeating: "t", count: 300_000), "en"))
        g.add(api, DCATNS.dcat + "endpointURL", lit("https://example.com/" + String(repeating: "e", count: 10_000)))
        g.add(api, DCATNS.dcat + "endpointURL", iri("https://example.com/api"))
        for index in 0..<500 {
            let dist = iri("https://example.com/distribution/\(index)")
            g.add(ds, DCATNS.dcat + "distribution", dist)
            g.add(dist, DCATNS.dcat + "accessURL", iri("https://example.com/api"))
            g.add(dist, DCATNS.dcat + "accessService", api)
        }
        let distributions = try DCATMapper.dataset(ds, in: g.graph).distributions
        #expect(distributions.count == 500)
        let full = distributions.filter { !$0.accessServices.first!.title.isEmpty }
        #expect(full.count == 3, "three copies of a 300 KB title fit in the 1 MiB budget")
        #expect(full.first?.accessServices.first?.endpoints == ["https://example.com/api"], "a 10 KB endpoint is left out")
        #expect(distributions.last?.accessServices == [AccessService(identifier: "https://example.com/service/big")])
    }

    @Test func fullDistribution() throws {
        var g = datasetBuilder()
        let dist = iri("https://example.com/distribution1")
        g.add(ds, DCATNS.dcat + "distribution", dist)
        g.type(dist, DCATNS.dcat + "Distribution")
        g.add(dist, DCATNS.dct + "title", lit("CSV-fil", "sv"))
        g.add(dist, DCATNS.dct + "title", lit("CSV file", "en"))
        g.add(dist, DCATNS.dct + "description", lit("En förteckning", "sv"))
        g.add(dist, DCATNS.dcat + "accessURL", iri("http://example.com/download"))
        g.add(dist, DCATNS.dcat + "downloadURL", iri("http://example.com/download.csv"))
        g.add(dist, DCATNS.dct + "format", iri("http://publications.europa.eu/resource/authority/file-type/CSV"))
        g.add(dist, DCATNS.dcat + "mediaType", iri("https://www.iana.org/assignments/media-types/text/csv"))
        g.add(dist, DCATNS.dcat + "byteSize", typed("1024", DCATNS.xsd + "nonNegativeInteger"))
        g.add(dist, DCATNS.spdx + "checksum", bnode("sum"))
        g.add(bnode("sum"), DCATNS.spdx + "algorithm", iri(DCATNS.spdx + "checksumAlgorithm_sha256"))
        g.add(bnode("sum"), DCATNS.spdx + "checksumValue", typed("abc123", DCATNS.xsd + "hexBinary"))
        g.add(dist, DCATNS.dct + "license", iri("http://creativecommons.org/licenses/by/4.0/"))
        g.add(dist, DCATNS.dct + "rights", lit("Attribution required"))
        g.add(dist, DCATNS.dct + "accessRights", iri("http://publications.europa.eu/resource/authority/access-right/PUBLIC"))
        g.add(dist, DCATNS.dct + "conformsTo", iri("http://ex.org/schema"))
        g.add(dist, DCATNS.dct + "language", iri("http://publications.europa.eu/resource/authority/language/SWE"))
        g.add(dist, DCATNS.dct + "issued", typed("2020-01-01", DCATNS.xsd + "date"))
        g.add(dist, DCATNS.dct + "modified", typed("2021-02-03T04:05:06Z", DCATNS.xsd + "dateTime"))
        g.add(dist, DCATNS.adms + "status", iri("http://purl.org/adms/status/Completed"))
        let d = try #require(try DCATMapper.dataset(ds, in: g.graph).distributions.first)
        #expect(d.identifier == "https://example.com/distribution1")
        #expect(d.title.values == ["sv": "CSV-fil", "en": "CSV file"])
        #expect(d.description.values == ["sv": "En förteckning"])
        #expect(d.accessURLs == ["http://example.com/download"])
        #expect(d.downloadURLs == ["http://example.com/download.csv"])
        #expect(d.format?.key == "CSV")
        #expect(d.mediaType == "text/csv")
        #expect(d.byteSize == 1024)
        #expect(d.checksum == Checksum(algorithm: "sha256", value: "abc123"))
        #expect(d.license?.raw == "http://creativecommons.org/licenses/by/4.0/")
        #expect(d.license?.uri == "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")
        #expect(d.rights == "Attribution required")
        #expect(d.accessRights?.key == "PUBLIC")
        #expect(d.conformsTo == ["http://ex.org/schema"])
        #expect(d.languages.map(\.key) == ["SWE"])
        #expect(d.issued?.normalized == "2020-01-01")
        #expect(d.modified?.normalized == "2021-02-03T04:05:06Z")
        #expect(d.status?.key == "Completed")
    }

    @Test func formatsFromLiteralsAndMediaTypeNodes() throws {
        var g = datasetBuilder()
        g.add(ds, DCATNS.dcat + "distribution", bnode("se"))
        g.add(bnode("se"), DCATNS.dct + "format", lit("text/csv"))
        g.add(ds, DCATNS.dcat + "distribution", bnode("imt"))
        g.add(bnode("imt"), DCATNS.dct + "format", bnode("fmt"))
        g.type(bnode("fmt"), DCATNS.dct + "IMT")
        g.add(bnode("fmt"), DCATNS.rdf + "value", lit("application/json"))
        g.add(bnode("fmt"), DCATNS.rdfs + "label", lit("JSON"))
        g.add(ds, DCATNS.dcat + "distribution", bnode("plain"))
        g.add(bnode("plain"), DCATNS.dct + "format", lit("XLSX"))
        g.add(bnode("plain"), DCATNS.dcat + "mediaType", lit("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        let distributions = try DCATMapper.dataset(ds, in: g.graph).distributions
        #expect(distributions.count == 3)
        #expect(distributions[0].format?.raw == "text/csv")
        #expect(distributions[0].mediaType == "text/csv")
        #expect(distributions[1].format?.raw == "application/json")
        #expect(distributions[1].format?.label?.best() == "JSON")
        #expect(distributions[1].mediaType == "application/json")
        #expect(distributions[2].format?.raw == "XLSX")
        #expect(distributions[2].mediaType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        #expect(distributions[0].identifier == nil)
    }

    @Test(arguments: [
        ("1024", Int64(1024)), (" 42 ", 42), ("1.0E3", 1000), ("2048.0", 2048), ("0", 0),
    ])
    func byteSizesOfAnyNumericForm(text: String, expected: Int64) {
        #expect(DCATValues.byteSize(text) == expected)
    }

    @Test(arguments: ["-1", "1.5", "12 MB", "", "NaN", "inf", "0x10", "1e400", "1,024"])
    func malformedByteSizesAreNil(text: String) {
        #expect(DCATValues.byteSize(text) == nil)
    }

    @Test func malformedByteSizeLeavesTheRestOfTheDistribution() throws {
        var g = datasetBuilder()
        g.add(ds, DCATNS.dcat + "distribution", bnode("d"))
        g.add(bnode("d"), DCATNS.dcat + "byteSize", typed("about 3 MB", DCATNS.xsd + "decimal"))
        g.add(bnode("d"), DCATNS.dcat + "accessURL", iri("http://ex.org/x"))
        let d = try #require(try DCATMapper.dataset(ds, in: g.graph).distributions.first)
        #expect(d.byteSize == nil)
        #expect(d.accessURLs == ["http://ex.org/x"])
    }

    @Test(arguments: [
        ("http://spdx.org/rdf/terms#checksumAlgorithm_sha1", "sha1"),
        ("http://spdx.org/rdf/terms#checksumAlgorithm_md5", "md5"),
        ("SHA-256", "sha256"),
        ("https://example.org/algorithms/sha512", "sha512"),
        // DCAT-AP.de names the family and the size as two path segments.
        ("http://dcat-ap.de/def/hashAlgorithms/sha/256", "sha256"),
        ("http://dcat-ap.de/def/hashAlgorithms/md/5", "md5"),
        ("https://example.org/algorithms/256", "256"),
    ])
    func checksumAlgorithmNames(raw: String, expected: String) {
        #expect(DCATValues.checksumAlgorithm(raw) == expected)
    }

    @Test func bareDistributionIRIKeepsItsIdentifierAndAvailabilityIsAStatus() throws {
        var g = datasetBuilder()
        g.add(ds, DCATNS.dcat + "distribution", iri("http://ex.org/undescribed"))
        g.add(ds, DCATNS.dcat + "distribution", bnode("d"))
        g.add(bnode("d"), DCATNS.dct + "identifier", lit("dist-7"))
        g.add(bnode("d"), DCATNS.dcatap + "availability", iri("http://data.europa.eu/r5r/availability/stable"))
        let distributions = try DCATMapper.dataset(ds, in: g.graph).distributions
        #expect(distributions.map(\.identifier) == ["http://ex.org/undescribed", "dist-7"])
        #expect(distributions[1].status?.key == "stable")
    }

    @Test func localFormatIRIDescribedWithAValueIsMappedByThatValue() throws {
        // datos.gob.es: the format is a dataset-local IRI typed dct:IMT, with the media type as rdf:value.
        var g = datasetBuilder()
        let format = iri("https://datos.gob.es/catalogo/ds/resource/1/format")
        g.add(ds, DCATNS.dcat + "distribution", bnode("d"))
        g.add(bnode("d"), DCATNS.dcat + "accessURL", iri("https://example.es/encuesta.xlsx"))
        g.add(bnode("d"), DCATNS.dct + "format", format)
        g.type(format, DCATNS.dct + "IMT")
        g.add(format, DCATNS.rdfs + "label", lit("XLS"))
        g.add(format, DCATNS.rdf + "value", lit("application/vnd.ms-excel"))
        let d = try #require(try DCATMapper.dataset(ds, in: g.graph).distributions.first)
        #expect(d.format?.raw == "https://datos.gob.es/catalogo/ds/resource/1/format")
        #expect(d.format?.uri == "http://publications.europa.eu/resource/authority/file-type/XLS")
        #expect(d.format?.key == "XLS")
        #expect(d.mediaType == "application/vnd.ms-excel")
    }

    @Test func localFormatIRIWithAnUnknownValueKeepsTheIRI() throws {
        var g = datasetBuilder()
        let format = iri("https://example.org/formats/house-format")
        g.add(ds, DCATNS.dcat + "distribution", bnode("d"))
        g.add(bnode("d"), DCATNS.dct + "format", format)
        g.add(format, DCATNS.rdf + "value", lit("house format 3"))
        g.add(format, DCATNS.rdfs + "label", lit("House format"))
        let d = try #require(try DCATMapper.dataset(ds, in: g.graph).distributions.first)
        #expect(d.format?.raw == "https://example.org/formats/house-format")
        #expect(d.format?.uri == nil)
        #expect(d.format?.label?.values == ["": "House format"])
        #expect(d.mediaType == nil)
    }
}

struct DCATNormalizerMemoryTests {
    @Test func aRememberingNormalizerAnswersLikeTheOriginalAndAsksOncePerValue() {
        let calls = Mutex(0)
        let counting = DCATNormalizer(license: { raw in
            calls.withLock { $0 += 1 }
            return DCATNormalizer.default.license(raw)
        })
        let remembering = counting.remembering(limit: 2)
        let values = ["http://creativecommons.org/licenses/by/4.0/", "CC0", "http://creativecommons.org/licenses/by/4.0/", "CC0"]
        for value in values {
            #expect(remembering.license(value) == DCATNormalizer.default.license(value))
        }
        #expect(calls.withLock { $0 } == 2, "each distinct value is normalised once")
        _ = remembering.license("odc-by")
        _ = remembering.license("odc-by")
        #expect(calls.withLock { $0 } == 4, "over the limit, values are normalised each time (nothing more is kept)")
        #expect(remembering.format("CSV") == DCATNormalizer.identity.format("CSV"), "the other vocabularies are the original's")
    }
}

/// A graph view that records which predicates of which subjects were asked for.
final class RecordingGraph<Base: RDFGraphView>: RDFGraphView, @unchecked Sendable {
    private let base: Base
    private let asked = Mutex<[Term: Set<String>]>([:])

    init(_ base: Base) { self.base = base }

    /// The predicates asked of `subject`; `*` when its whole description was read.
    func read(of subject: Term) -> Set<String> { asked.withLock { $0[subject] ?? [] } }

    func objects(of subject: Term, _ predicate: String) throws -> [Term] {
        asked.withLock { _ = $0[subject, default: []].insert(predicate) }
        return try base.objects(of: subject, predicate)
    }

    func triples(about subject: Term) throws -> [Triple] {
        asked.withLock { _ = $0[subject, default: []].insert("*") }
        return try base.triples(about: subject)
    }

    func subjects(ofType type: String) throws -> [Term] { try base.subjects(ofType: type) }

    func isDescribed(_ subject: Term) throws -> Bool { try base.isDescribed(subject) }

    func hasType(_ subject: Term, in types: Set<String>) throws -> Bool { try base.hasType(subject, in: types) }
}
