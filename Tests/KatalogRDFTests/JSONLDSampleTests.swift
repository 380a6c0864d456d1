import Foundation
import KatalogRDF
import Testing

@Suite("JSON-LD catalogue samples")
struct JSONLDSampleTests {
    typealias T = JSONLDTestSupport

    private func sample(_ name: String) throws -> [Triple]? {
        guard let directory = T.samplesDirectory() else {
            Issue.record("skipped: ../shared/samples/dcat is not present next to the package")
            return nil
        }
        let url = directory.appendingPathComponent(name)
        let bytes = try [UInt8](Data(contentsOf: url))
        return try T.parse(bytes: bytes, base: url.absoluteString, chunkSize: 1000)
    }

    @Test("every JSON-LD sample converts without error")
    func allSamplesConvert() throws {
        guard let directory = T.samplesDirectory() else {
            Issue.record("skipped: ../shared/samples/dcat is not present next to the package")
            return
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".jsonld") }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let triples = try #require(try sample(name))
            #expect(!triples.isEmpty, "\(name)")
        }
    }

    @Test("catalog_with_at_graph: catalogue, dataset and distribution")
    func catalogWithGraph() throws {
        guard let triples = try sample("ckanext-dcat--catalog_with_at_graph.jsonld") else { return }
        let catalog = T.iri("https://example.org#catalog")
        let dataset = T.iri("https://ckan.example.org/dataset/d4ce4e6e-ab89-44cb-bf5c-33a162c234de#dataset")
        let distribution = T.iri("https://ckan.example.org/dataset/d4ce4e6e-ab89-44cb-bf5c-33a162c234de/resource/a289c289-55c9-410f-b4c7-f88e5f6f4e47#distribution")
        #expect(triples.count == 21)
        #expect(T.object(triples, catalog, Vocab.rdfType) == T.iri(T.dcat + "Catalog"))
        #expect(T.object(triples, catalog, T.dct + "title") == T.string("Title example.org"))
        #expect(T.object(triples, catalog, T.dcat + "dataset") == dataset)
        #expect(T.object(triples, dataset, T.dct + "title") == T.string("Title dataset"))
        #expect(T.object(triples, dataset, T.dcat + "distribution") == distribution)
        #expect(T.object(triples, distribution, T.dcat + "downloadURL") == T.iri("http://example2.org/files/download.zip"))
        #expect(T.object(triples, distribution, T.dcat + "accessURL")
                == T.iri("https://ckan.example.org/dataset/d4ce4e6e-ab89-44cb-bf5c-33a162c234de/resource/a289c289-55c9-410f-b4c7-f88e5f6f4e47"))
        let contact = try #require(T.object(triples, dataset, T.dcat + "contactPoint"))
        guard case .blank = contact else { Issue.record("contact point should be a blank node"); return }
        #expect(T.object(triples, contact, "http://www.w3.org/2006/vcard/ns#fn") == T.string("Jane Doe"))
    }

    @Test("catalog_pod: nested contexts per dataset, distribution and publisher")
    func catalogPOD() throws {
        guard let triples = try sample("ckanext-dcat--catalog_pod.jsonld") else { return }
        let catalog = T.iri("http://www.agency.gov/data.json")
        let dataset = T.iri("http://www.agency.gov/datasets/widgets-data")
        #expect(T.object(triples, catalog, T.dct + "title") == T.string("Test Catalog"))
        #expect(T.object(triples, catalog, T.dcat + "dataset") == dataset)
        #expect(T.object(triples, dataset, T.dct + "title") == T.string("U.S. Widget Manufacturing Statistics"))
        #expect(T.object(triples, dataset, T.dct + "modified")
                == T.typed("2011-11-19T12:00:00Z", "xsd:dateTime"))
        #expect(Set(T.objects(triples, dataset, T.dcat + "keyword")) == [T.string("widget"), T.string("manufacturing"), T.string("factory")])
        let distributions = T.objects(triples, dataset, T.dcat + "distribution")
        #expect(distributions.count == 4)
        let downloads = Set(distributions.compactMap { T.object(triples, $0, T.dcat + "downloadURL") })
        #expect(downloads == [
            T.string("https://data.agency.gov/datasets/widgets-statistics/widgets.csv"),
            T.string("https://data.agency.gov/datasets/widgets-statistics/widgets-all.zip"),
            T.string("http://www.agency.gov/feeds/widgets-all.json"),
        ])
        #expect(distributions.compactMap { T.object(triples, $0, T.dcat + "accessURL") }
                == [T.string("https://data.agency.gov/api/widgets-statistics/")])
        let publisher = try #require(T.object(triples, dataset, T.dct + "publisher"))
        #expect(T.object(triples, publisher, T.foaf + "name") == T.string("Widget Services"))
        #expect(T.object(triples, dataset, "http://purl.org/dc/terms/#license")
                == T.iri("http://creativecommons.org/publicdomain/zero/1.0/"))
    }
}
