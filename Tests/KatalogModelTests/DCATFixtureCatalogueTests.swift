import Foundation
import KatalogFixtures
import KatalogRDF
import Testing
@testable import KatalogModel

/// The bundled DCAT-AP-SE / -NO / -DK fixture catalogues: every page parses, every dataset maps, the Hydra
/// pages chain, and the hand-written datasets carry the values the fixtures README promises.
struct DCATFixtureCatalogueTests {
    /// One bundled catalogue: its folder, page extension and parser format.
    struct Catalogue: Sendable, CustomStringConvertible {
        let name: String
        let fileExtension: String
        let format: RDFFormat
        var description: String { name }
    }

    /// One parsed page.
    struct Page {
        let url: URL
        let graph: InMemoryGraph
    }

    static let catalogues = [
        Catalogue(name: "se", fileExtension: "rdf", format: .rdfxml),
        Catalogue(name: "no", fileExtension: "ttl", format: .turtle),
        Catalogue(name: "dk", fileExtension: "jsonld", format: .jsonld),
    ]

    static let hydraNext = "http://www.w3.org/ns/hydra/core#next"

    /// The catalogue's `page-N.<ext>` files in page order, each parsed on its own with its file URL as base.
    static func pages(_ catalogue: Catalogue) throws -> [Page] {
        let folder = KatalogFixtures.dcatRoot.appendingPathComponent(catalogue.name)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("page-") && $0.hasSuffix("." + catalogue.fileExtension) }
        let ordered = names.sorted { pageNumber($0) < pageNumber($1) }
        return try ordered.map { name in
            let url = folder.appendingPathComponent(name)
            var graph = InMemoryGraph()
            try RDFParsing.parse(file: url, format: catalogue.format, into: &graph)
            return Page(url: url, graph: graph)
        }
    }

    static func pageNumber(_ name: String) -> Int {
        Int(name.dropFirst(5).prefix { $0.isNumber }) ?? Int.max
    }

    /// Every dataset of every page, mapped, keyed by source identifier.
    static func datasets(_ catalogue: Catalogue) throws -> (count: Int, byID: [String: Dataset]) {
        var count = 0
        var byID: [String: Dataset] = [:]
        for page in try pages(catalogue) {
            for subject in try DCATMapper.datasetSubjects(in: page.graph) {
                let record = try DCATMapper.record(subject, in: page.graph)
                count += 1
                byID[record.dataset.sourceIdentifier] = record.dataset
            }
        }
        return (count, byID)
    }

    @Test(arguments: catalogues)
    func everyPageParsesAndEveryDatasetMaps(_ catalogue: Catalogue) throws {
        let pages = try Self.pages(catalogue)
        #expect(pages.count >= 2, "the catalogue is paged")
        for page in pages {
            let subjects = try DCATMapper.datasetSubjects(in: page.graph)
            #expect((20...25).contains(subjects.count), "\(page.url.lastPathComponent) holds \(subjects.count) datasets")
            #expect(page.graph.subjects(ofType: "http://www.w3.org/ns/dcat#Catalog").count == 1)
        }
        let (count, byID) = try Self.datasets(catalogue)
        #expect(count >= 50)
        #expect(byID.count == count, "no dataset appears on two pages")
        for dataset in byID.values {
            #expect(!dataset.title.isEmpty, "\(dataset.sourceIdentifier) has a title")
            #expect(!dataset.distributions.isEmpty, "\(dataset.sourceIdentifier) has a distribution")
        }
    }

    @Test(arguments: catalogues)
    func hydraNextChainsThePages(_ catalogue: Catalogue) throws {
        let pages = try Self.pages(catalogue)
        for (index, page) in pages.enumerated() {
            let next = page.graph.objects(of: .iri(page.url.absoluteString), Self.hydraNext)
            if index + 1 < pages.count {
                #expect(next == [.iri(pages[index + 1].url.absoluteString)], "\(page.url.lastPathComponent) links the next page")
            } else {
                #expect(next.isEmpty, "the last page has no hydra:next")
            }
        }
    }

    @Test func swedishHandWrittenDatasets() throws {
        let byID = try Self.datasets(Self.catalogues[0]).byID
        let air = try #require(byID["https://dataportal.norrvik.example/dataset/luftkvalitet-norrvik-h1"])
        #expect(air.title.values == ["sv": "Luftkvalitet i Norrviks tätort – dygnsmedelvärden",
                                     "en": "Air quality in Norrvik town – daily means"])
        #expect(air.publisher?.name.values["sv"] == "Norrviks kommun")
        #expect(air.publisher?.name.values["en"] == "Municipality of Norrvik")
        #expect(air.publisher?.type?.raw == "http://purl.org/adms/publishertype/LocalAuthority")
        #expect(air.contactPoints.first?.email == "oppnadata@norrvik.example")
        #expect(air.contactPoints.first?.telephone?.contains("+46-920-45000") == true)
        #expect(air.themes.map(\.raw) == ["http://publications.europa.eu/resource/authority/data-theme/ENVI",
                                          "http://publications.europa.eu/resource/authority/data-theme/HEAL"])
        #expect(air.spatial.first?.bbox?.hasPrefix("POLYGON((21.90 65.55") == true)
        #expect(air.temporal.first?.start?.raw == "2015-01-01")
        let csv = try #require(air.distributions.first)
        #expect(csv.downloadURLs == ["https://data.norrvik.example/miljo/luftkvalitet/dygnsmedel-2015-2024.csv"])
        #expect(csv.format?.raw == "http://publications.europa.eu/resource/authority/file-type/CSV")
        #expect(csv.mediaType == "text/csv")
        #expect(csv.license?.raw == "http://creativecommons.org/publicdomain/zero/1.0/")
        #expect(csv.checksum?.algorithm == "sha256")
        #expect(csv.checksum?.value.count == 64)

        // The publisher is only an IRI here and is described after the datasets in the same document.
        let plans = try #require(byID["https://dataportal.norrvik.example/dataset/detaljplaner-alstad-h2"])
        #expect(plans.publisher?.name.values["sv"] == "Ålstads kommun")
        #expect(plans.distributions.first?.license?.raw == "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")
        // Its map-service distribution names the county's WMS, which page 1 describes: on page 2 alone only the link.
        #expect(plans.distributions.last?.accessServices == [
            AccessService(identifier: "https://dataportal.norrvik.example/dataservice/kartor-wms"),
        ])

        // Blank-node contact point, a gYear and an untyped date.
        let birds = try #require(byID["https://dataportal.norrvik.example/dataset/fagelinventering-h3"])
        #expect(birds.contactPoints.first?.name.values[""] == "Karin Lindqvist")
        #expect(birds.issued?.raw == "2019")
        #expect(birds.modified?.raw == "2023-11-02")

        let restricted = try #require(byID["https://dataportal.norrvik.example/dataset/ekonomiskt-bistand-h4"])
        #expect(restricted.accessRights?.raw == "http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC")
        #expect(restricted.distributions.first?.downloadURLs == [])
    }

    @Test func norwegianHandWrittenDatasets() throws {
        let byID = try Self.datasets(Self.catalogues[1]).byID
        let bathing = try #require(byID["https://data.fjordvik.example/datasett/badevannskvalitet-h1"])
        #expect(bathing.title.values == ["nb": "Badevannskvalitet i Fjordvik", "nn": "Badevasskvalitet i Fjordvik",
                                         "en": "Bathing water quality in Fjordvik"])
        #expect(bathing.publisher?.name.values["nb"] == "Fjordvik kommune")
        #expect(bathing.publisher?.identifier == "990000101")
        #expect(bathing.themes.map(\.raw).contains("http://psi.norge.no/los/tema/friluftsliv"))
        #expect(bathing.themes.map(\.raw).contains("http://publications.europa.eu/resource/authority/data-theme/HEAL"))
        #expect(bathing.otherIdentifiers == ["FJV-0001"])
        #expect(bathing.extras["dct:subject"] == ["https://data.fjordvik.example/begrep/badevannsprove"])
        let quality = bathing.extras["dqv:hasQualityAnnotation"] ?? []
        #expect(quality.contains("https://data.norge.no/vocabulary/dqvno#isAuthoritative"))
        #expect(quality.count == 2)
        let csv = try #require(bathing.distributions.first)
        #expect(csv.downloadURLs == ["https://filer.fjordvik.example/fjordvik/badevann/prover-2019-2024.csv"])
        #expect(csv.format?.raw == "http://publications.europa.eu/resource/authority/file-type/CSV")
        #expect(csv.license?.raw == "http://data.norge.no/nlod/no/2.0")

        let absence = try #require(byID["https://data.fjordvik.example/datasett/elevfravaer-h2"])
        #expect(absence.accessRights?.raw == "http://publications.europa.eu/resource/authority/access-right/RESTRICTED")
        #expect(absence.extras["dcatno:legalBasisForRestriction"]?.isEmpty == false)
    }

    @Test func danishHandWrittenDatasets() throws {
        let byID = try Self.datasets(Self.catalogues[2]).byID
        let traffic = try #require(byID["https://datakatalog.havnstrup.example/datasaet/trafiktaellinger-h1"])
        #expect(traffic.title.values == ["da": "Trafiktællinger på kommuneveje", "en": "Traffic counts on municipal roads"])
        #expect(traffic.publisher?.name.values["da"] == "Havnstrup Kommune")
        #expect(traffic.publisher?.identifier == "99000011")
        #expect(traffic.license?.raw == "https://creativecommons.org/licenses/by/4.0/")
        let csv = try #require(traffic.distributions.first)
        #expect(csv.downloadURLs == ["https://data.havnstrup.example/havnstrup/trafik/aadt-2012-2023.csv"])
        #expect(csv.format?.raw == "http://publications.europa.eu/resource/authority/file-type/CSV")
        #expect(csv.byteSize != nil)

        // No dct:publisher: the responsible organisation stands in.
        let green = try #require(byID["https://datakatalog.havnstrup.example/datasaet/groenne-omraader-h2"])
        #expect(green.publisher?.name.values["da"] == "Lyngvig Kommune")
        #expect(green.extras["dcat-dk:hasConfidentialityType"]?.isEmpty == false)
    }
}
