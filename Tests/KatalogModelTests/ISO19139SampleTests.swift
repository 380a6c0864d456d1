import Foundation
import KatalogRDF
import Testing
@testable import KatalogModel

/// Maps the public ISO 19139 samples in `../shared/samples/csw` (skipped, with the reason, when that folder is absent).
@Suite(.enabled(if: ISO19139Fixture.sampleFolder != nil, "../shared/samples/csw is absent beside the package"))
struct ISO19139SampleTests {
    static var folder: URL? { ISO19139Fixture.sampleFolder }

    /// The `gmd:MD_Metadata` records of one sample file, mapped.
    static func datasets(_ name: String) throws -> [Dataset] {
        guard let folder else { return [] }
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        let root = try XMLDocumentReader.parse(data, location: name)
        let gmd = "http://www.isotc211.org/2005/gmd"
        let records = root.isNamed(gmd, "MD_Metadata") ? [root] : root.descendants(gmd, "MD_Metadata")
        return try records.map { element in
            guard case .dataset(let record) = try ISO19139Mapper.map(element, raw: element.serialized(), sourceURL: name,
                                                                     defaultLanguage: nil) else {
                throw ISO19139FixtureError.notADataset
            }
            #expect(record.rawFormat == "application/xml")
            #expect(!record.raw.isEmpty)
            return record.dataset
        }
    }

    static let somme = "DDTM 80 (Direction Départementale des Territoires et de la Mer de la Somme)"
    static let sommeBox = "POLYGON((3.28133559 49.38547516,3.28133559 50.48188019,1.31279111 50.48188019,1.31279111 49.38547516,3.28133559 49.38547516))"

    /// The ISO 19139 samples these tests know (the folder may gain others).
    static let names = [
        "udata--geoide-iso19139-single-dataset.xml", "udata--geonetwork-iso19139-page-1.xml",
        "udata--geonetwork-iso19139-page-3.xml", "udata--geonetwork-iso19139-page-5.xml",
        "udata--geoplateforme-iso19139-IGNF_RPG.xml",
    ]

    @Test func everySampleRecordMaps() throws {
        var count = 0
        for name in Self.names {
            for dataset in try Self.datasets(name) {
                #expect(!dataset.title.isEmpty, "\(name)")
                #expect(dataset.publisher != nil, "\(name): \(dataset.sourceIdentifier)")
                #expect(!dataset.distributions.isEmpty, "\(name): \(dataset.sourceIdentifier)")
                #expect(dataset.spatial.contains { $0.bbox?.hasPrefix("POLYGON((") == true }, "\(name)")
                #expect(dataset.languages.map(\.uri) == [Language.authority + "FRA"], "\(name)")
                count += 1
            }
        }
        #expect(count == 8)
    }

    @Test func geoideSingleDataset() throws {
        let datasets = try Self.datasets("udata--geoide-iso19139-single-dataset.xml")
        let dataset = try #require(datasets.first)
        #expect(datasets.count == 1)
        #expect(dataset.sourceIdentifier == "fr-120066022-ldd-3f4cc8c8-5c3e-4a0e-8b56-0a569a7e12f6")
        #expect(dataset.title.values == ["fr": "Plan local d'urbanisme de la commune de Combles"])
        #expect(dataset.iri == "http://catalogue.geo-ide.developpement-durable.gouv.fr/fr-120066022-orphan-residentifier-c46794fd-005d-499a-9a9b-0627761d31a4")
        #expect(dataset.publisher?.name.values == ["fr": Self.somme])
        #expect(dataset.publisher?.email == "ddtm-sap-bsig@somme.gouv.fr")
        #expect(dataset.contactPoints.count == 1)
        #expect(dataset.contactPoints.first?.telephone == "0364572400")
        #expect(dataset.issued?.normalized == "2017-10-07")
        #expect(dataset.modified?.normalized == "2019-03-25T21:56:15Z")
        #expect(dataset.spatial.first?.bbox == Self.sommeBox)
        #expect(dataset.spatial.first?.label?.values == ["fr": "département de la Somme, Département de la Somme"])
        let download = "https://atom.geo-ide.developpement-durable.gouv.fr/atomArchive/GetResource?id=fr-120066022-orphan-residentifier-c46794fd-005d-499a-9a9b-0627761d31a4&dataType=datasetAggregate"
        #expect(dataset.distributions.contains { $0.downloadURLs == [download] })
        #expect(dataset.themes.contains { $0.raw == "Usage des sols" })
        #expect(dataset.themes.contains { $0.raw == "planningCadastre" && $0.uri == DataTheme.authority + "REGI" })
        #expect(dataset.conformsTo.contains("http://www.opengis.net/def/crs/EPSG/0/2154"))
        #expect(dataset.extras["iso:referenceSystem"] == ["EPSG:2154"])
        #expect(dataset.rights?.contains("Licence Ouverte 1.0") == true)
        // The statement names Licence Ouverte 1.0 by its web address.
        #expect(dataset.license?.uri == "http://www.data.gouv.fr/Licence-Ouverte-Open-Licence")
        #expect(dataset.license?.label?.best() == "Licence Ouverte 1.0")
    }

    @Test func geonetworkPagesHoldTwoRecordsEach() throws {
        let first = try Self.datasets("udata--geonetwork-iso19139-page-1.xml")
        #expect(first.map { $0.title.best() } == ["Plan local d'urbanisme de la commune de Cartigny",
                                                   "Plan local d'urbanisme de la commune de Flesselles"])
        #expect(first.first?.identifiers == ["fr-120066022-orphan-residentifier-140d31c6-643d-42a9-85df-2737a118e144"])
        #expect(first.first?.iri == nil)
        #expect(first.first?.spatial.first?.bbox == Self.sommeBox)
        // The atom link carries function `download` with a WWW:LINK protocol: a download all the same.
        let atom = "http://atom.geo-ide.developpement-durable.gouv.fr/atomArchive/GetResource?id=fr-120066022-ldd-cab63273-b3ae-4e8a-ae1c-6192e45faa94&datasetAggregate=true"
        #expect(first.first?.distributions.contains { $0.downloadURLs == [atom] } == true)

        let third = try Self.datasets("udata--geonetwork-iso19139-page-3.xml")
        let servitude = try #require(third.first)
        #expect(servitude.sourceIdentifier == "fr-120066022-jdd-585c9cd3-d542-407a-b6a5-885f062b0024")
        #expect(servitude.title.values == ["fr": "Table contenant les générateurs surfaciques liés aux servitudes de la catégorie JS1 en Pas-de-Calais"])
        #expect(servitude.issued?.normalized == "2021-06-18")
        #expect(servitude.modified?.normalized == "2021-11-19")
        #expect(servitude.spatial.contains { $0.iri == "http://id.insee.fr/geo/departement/62" })
        #expect(servitude.license?.label?.best() == "Licence Ouverte 2.0")
        #expect(servitude.publisher?.name.best()?.hasPrefix("DDTM 62") == true)

        let fifth = try Self.datasets("udata--geonetwork-iso19139-page-5.xml")
        #expect(fifth.map(\.sourceIdentifier) == ["fr-120066022-ldd-3f4cc8c8-5c3e-4a0e-8b56-0a569a7e12f6",
                                                  "fr-120066022-ldd-1d31b525-5f0e-4fd2-8ab4-cad099333b5c"])
        #expect(fifth.last?.title.best() == "Plan local d'urbanisme de la commune de Naours")
        #expect(fifth.last?.distributions.first?.accessURLs.first?.hasPrefix("http://catalogue.geo-ide.developpement-durable.gouv.fr/") == true)
    }

    @Test func geoplateformeSeries() throws {
        let dataset = try #require(try Self.datasets("udata--geoplateforme-iso19139-IGNF_RPG.xml").first)
        #expect(dataset.sourceIdentifier == "IGNF_RPG")
        #expect(dataset.title.values == ["fr": "RPG"])
        #expect(dataset.extras["iso:hierarchyLevel"] == ["series"])
        // Its parties are points of contact, a custodian and a distributor: the custodian comes first in the order.
        #expect(dataset.publisher?.name.values == ["fr": "Institut national de l'information géographique et forestière (IGN-F)"])
        #expect(dataset.publisher?.email == "contact.geoservices@ign.fr")
        #expect(dataset.accrualPeriodicity?.uri == Frequency.authority + "ANNUAL")
        #expect(dataset.accessRights?.uri == AccessRights.authority + "PUBLIC")
        #expect(dataset.temporal == [TemporalRange(start: DateValue(raw: "2007-01-01"), end: DateValue(raw: "2025-01-01"))])
        #expect(dataset.issued?.normalized == "2007-01-01")
        #expect(dataset.modified?.normalized == "2025-01-01")
        #expect(dataset.spatial.first?.bbox == "POLYGON((-5.15 41.32,-5.15 51.10,9.57 51.10,9.57 41.32,-5.15 41.32))")
        #expect(dataset.spatial.first?.label?.values == ["fr": "France métropolitaine"])
        #expect(dataset.spatial.contains { $0.label?.values == ["": "FXX"] })
        let download = try #require(dataset.distributions.first { $0.downloadURLs == ["https://data.geopf.fr/telechargement/resource/RPG"] })
        #expect(download.format?.uri == FileFormat.authority + "GPKG")
        let wms = try #require(dataset.distributions.first { $0.accessURLs.first?.hasPrefix("https://data.geopf.fr/wms-r") == true })
        #expect(wms.format?.uri == FileFormat.authority + "WMS_SRVC")
        #expect(wms.downloadURLs.isEmpty)
        let capabilities = "https://data.geopf.fr/wms-r/wms?service=wms&version=1.3.0&request=GetCapabilities"
        let service = try #require(dataset.distributions.first { $0.accessURLs == [capabilities] }?.accessServices.first)
        #expect(service.endpoints == ["https://data.geopf.fr/wms-r/wms"])
        #expect(service.endpointDescriptions == [capabilities])
        #expect(service.conformsTo == ["http://www.opengeospatial.org/standards/wms"])
        #expect(dataset.distributions.contains { $0.format?.uri == FileFormat.authority + "CSV" })
        #expect(dataset.conformsTo.first?.hasPrefix("Commission Regulation (EU) No 1089/2010") == true)
        #expect(dataset.conformsTo.contains("http://www.opengis.net/def/crs/EPSG/0/2154"))
        #expect(dataset.themes.contains { $0.raw == "farming" && $0.uri == DataTheme.authority + "AGRI" })
    }

    @Test func aMappedRecordExportsAsDCATWithItsBoxAsWKT() throws {
        let dataset = try #require(try Self.datasets("udata--geoplateforme-iso19139-IGNF_RPG.xml").first)
        var exporter = DCATExporter(base: "https://hub.example/")
        var triples: [Triple] = []
        exporter.dataset(dataset, id: "0123456789abcdef0123", into: &triples)
        let boxes = triples.filter { $0.predicate == "http://www.w3.org/ns/dcat#bbox" }.compactMap(\.object.literalValue)
        #expect(boxes.count == 6)
        #expect(boxes.allSatisfy { $0.datatype == "http://www.opengis.net/ont/geosparql#wktLiteral" })
        #expect(boxes.contains { $0.lexical == "POLYGON((-5.15 41.32,-5.15 51.10,9.57 51.10,9.57 41.32,-5.15 41.32))" })
    }
}
