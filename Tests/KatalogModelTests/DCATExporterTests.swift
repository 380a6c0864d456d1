import KatalogRDF
import Testing
@testable import KatalogModel

/// What `DCATExporter` writes for the values the model holds.
struct DCATExporterTests {
    static let dct = "http://purl.org/dc/terms/"
    static let dcat = "http://www.w3.org/ns/dcat#"
    static let vcard = "http://www.w3.org/2006/vcard/ns#"

    static func export(_ dataset: Dataset, id: String = "0123456789abcdef0123") -> Graph {
        var exporter = DCATExporter(base: "https://hub.example/")
        var triples: [Triple] = []
        exporter.dataset(dataset, id: id, into: &triples)
        return Graph(triples)
    }

    @Test func aRecordWithoutAnIRIIsNamedAfterItsHubPageAndKeepsItsIdentifier() {
        let graph = Self.export(Dataset(sourceIdentifier: "ckan-package-1", title: LocalizedText(["sv": "Skolor", "": "Schools"])))
        let subject = Term.iri("https://hub.example/datasets/0123456789abcdef0123")
        #expect(graph.objects(of: subject, Vocab.rdfType) == [.iri(Self.dcat + "Dataset")])
        #expect(Set(graph.objects(of: subject, Self.dct + "title")) == [.literal(Literal("Skolor", language: "sv")), .literal(Literal("Schools"))])
        #expect(graph.objects(of: subject, Self.dct + "identifier") == [.literal(Literal("ckan-package-1"))])
        #expect(graph.objects(of: subject, Self.dct + "description").isEmpty, "nothing is invented")
    }

    @Test func valuesAreTypedWithTheClassesDCATAPAsksFor() throws {
        var dataset = Dataset(sourceIdentifier: "https://data.example/ds/1", iri: "https://data.example/ds/1", title: LocalizedText("T"))
        dataset.themes = [Concept(raw: "http://psi.norge.no/los/tema/barnehage",
                                  uri: "http://publications.europa.eu/resource/authority/data-theme/EDUC")]
        dataset.license = Concept(raw: "Fri att använda")
        dataset.issued = DateValue(raw: "2019")
        dataset.modified = DateValue(raw: "2024-05")
        dataset.spatial = [SpatialCoverage(geometry: "POINT(18 59)")]
        dataset.contactPoints = [
            ContactPoint(name: LocalizedText("Desk"), email: "not an address", telephone: "+46 (0)920-450 00"),
            ContactPoint(name: LocalizedText("Desk 2"), email: "desk@data.example", telephone: "+46 920 45000"),
        ]
        dataset.distributions = [
            Distribution(downloadURLs: ["https://data.example/file.csv"], checksum: Checksum(algorithm: "sha256", value: "not hex"),
                         accessServices: [AccessService(identifier: "https://data.example/api", title: LocalizedText("API"))]),
        ]
        let graph = Self.export(dataset)
        let s = Term.iri("https://data.example/ds/1")
        // The source's own theme and the EU data theme it was mapped onto, both as labelled concepts.
        let themes = graph.objects(of: s, Self.dcat + "theme")
        #expect(Set(themes) == [.iri("http://publications.europa.eu/resource/authority/data-theme/EDUC"),
                                .iri("http://psi.norge.no/los/tema/barnehage")])
        #expect(graph.objects(of: .iri("http://psi.norge.no/los/tema/barnehage"), "http://www.w3.org/2004/02/skos/core#prefLabel")
                == [.literal(Literal("barnehage"))])
        // A licence that is not an IRI: a blank licence document labelled with it.
        let licence = try #require(graph.objects(of: s, Self.dct + "license").first)
        #expect(graph.objects(of: licence, Vocab.rdfType) == [.iri(Self.dct + "LicenseDocument")])
        #expect(graph.objects(of: licence, "http://www.w3.org/2000/01/rdf-schema#label") == [.literal(Literal("Fri att använda"))])
        #expect(graph.objects(of: s, Self.dct + "issued") == [.literal(Literal("2019", datatype: Vocab.xsd + "gYear"))])
        #expect(graph.objects(of: s, Self.dct + "modified") == [.literal(Literal("2024-05", datatype: Vocab.xsd + "gYearMonth"))])
        let place = try #require(graph.objects(of: s, Self.dct + "spatial").first)
        let geometry = try #require(graph.objects(of: place, "http://www.w3.org/ns/locn#geometry").first)
        #expect(graph.objects(of: geometry, "http://www.opengis.net/ont/geosparql#asWKT")
                == [.literal(Literal("POINT(18 59)", datatype: "http://www.opengis.net/ont/geosparql#wktLiteral"))])
        // Contacts: a bracketed number stays text, a plain one becomes a tel: IRI; an unusable address stays text.
        let contacts = graph.objects(of: s, Self.dcat + "contactPoint")
        let phones = Set(contacts.flatMap { graph.objects(of: $0, Self.vcard + "hasTelephone") })
        #expect(phones == [.literal(Literal("+46 (0)920-450 00")), .iri("tel:+4692045000")])
        let emails = Set(contacts.flatMap { graph.objects(of: $0, Self.vcard + "hasEmail") })
        #expect(emails == [.literal(Literal("not an address")), .iri("mailto:desk@data.example")])
        // A distribution with only a download URL is reached there; a checksum that is not hex and a service
        // without an endpoint are left out.
        let distribution = try #require(graph.objects(of: s, Self.dcat + "distribution").first)
        #expect(distribution == .iri("https://hub.example/datasets/0123456789abcdef0123/distributions/1"))
        #expect(graph.objects(of: distribution, Self.dcat + "accessURL") == [.iri("https://data.example/file.csv")])
        #expect(graph.objects(of: distribution, "http://spdx.org/rdf/terms#checksum").isEmpty)
        #expect(graph.objects(of: distribution, Self.dcat + "accessService").isEmpty)
    }

    @Test func unsafeIRIsAreNotWrittenAsIRIs() {
        #expect(DCATExporter.safeIRI("https://data.example/a b") == nil)
        #expect(DCATExporter.safeIRI("https://data.example/\"x\"") == nil)
        #expect(DCATExporter.safeIRI("relative/path") == nil)
        #expect(DCATExporter.safeIRI("https://data.example/ok?x=1") == "https://data.example/ok?x=1")
    }
}
