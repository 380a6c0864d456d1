import Foundation
import KatalogModel
import Testing
@testable import KatalogHarvest

extension DCATSampleSuites {
    /// Mapped values of the Turtle samples after a harvest through the DCAT adapter; every expected value is read
    /// off the document.
    @Suite
    struct DCATSampleTurtleTests {
        static let license = License.authority
        static let fileType = FileFormat.authority

        @Test func multilingualDatasetKeepsEveryLanguage() async throws {
            let harvested = try await DCATSampleHarness.harvest("ckanext-dcat--dataset_multilingual.ttl")
            let dataset = try harvested.dataset("https://example.org/dataset/0112cf32-bce0-4071-9504-923375f9f2ad")
            #expect(dataset.title.values == ["ca": "Conjunt de dades de prova DCAT", "en": "Test DCAT dataset",
                                             "es": "Conjunto de datos de prueba DCAT"])
            #expect(dataset.description.values == ["ca": "Una descripció qualsevol", "en": "Some description",
                                                   "es": "Una descripción cualquiera"])
            #expect(Set(dataset.keywords) == [LangString("Pins", language: "ca"), LangString("Roures", language: "ca"),
                                              LangString("Oaks", language: "en"), LangString("Pines", language: "en"),
                                              LangString("Pinos", language: "es"), LangString("Robles", language: "es")])
            #expect(dataset.identifiers == ["0112cf32-bce0-4071-9504-923375f9f2ad"])
            #expect(dataset.issued?.normalized == "2024-05-01")
            #expect(dataset.modified?.normalized == "2024-05-05")
            #expect(Set(dataset.languages.map(\.key)) == ["CAT", "ENG", "SPA"])
            #expect(dataset.version == "1.0b")
            #expect(dataset.landingPages == ["http://example.org/ds1"])
            // Two vCard contacts, each named in three languages.
            #expect(Set(dataset.contactPoints) == [
                ContactPoint(name: LocalizedText(["en": "Contact 1", "ca": "Contacte 1", "es": "Contacto 1"]), email: "contact1@example.org"),
                ContactPoint(name: LocalizedText(["en": "Contact 2", "ca": "Contacte 2", "es": "Contacto 2"]), email: "contact2@example.org"),
            ])
            #expect(dataset.extras["dct:provenance"] == ["Statement about provenance"])
            #expect(Set(dataset.extras["adms:versionNotes"] ?? []) == ["Notes sobre la versió", "Some version notes", "Notas sobre la versión"])
            #expect(dataset.extras["foaf:page"] == ["https://example.org/some-doc.html"])

            let distribution = try #require(dataset.distributions.first)
            #expect(dataset.distributions.count == 1)
            #expect(distribution.identifier
                    == "https://example.org/dataset/0112cf32-bce0-4071-9504-923375f9f2ad/resource/db416e08-1efd-46ae-8ca6-7bc6aaba9e10")
            #expect(distribution.title.values == ["ca": "Recurs 1", "en": "Resource 1", "es": "Recurso 1"])
            #expect(distribution.format?.raw == "CSV")
            #expect(distribution.format?.uri == Self.fileType + "CSV")
            #expect(distribution.accessURLs == ["https://example.com/data.csv"])
            #expect(distribution.downloadURLs == ["https://example.com/data.csv"])
            #expect(distribution.rights == "Some stament about rights")
            #expect(distribution.issued?.raw == "2024-05-01T01:20:33")
            #expect(Set(distribution.languages.map(\.raw)) == ["ca", "en", "es"])
        }

        @Test func healthDCATAPDataset() async throws {
            let harvested = try await DCATSampleHarness.harvest("ckanext-dcat--dataset_health.ttl")
            let dataset = try harvested.dataset("http://example.healthdata.nl/set/dataset")
            #expect(dataset.title.values == ["": "HealthDCAT-AP test dataset"])
            #expect(dataset.description.values == ["": "This dataset is an example of using HealthDCAT-AP in CKAN"])
            #expect(dataset.identifiers == ["http://example.com/dataset/1234567890"])
            #expect(dataset.otherIdentifiers
                    == ["https://www.healthinformationportal.eu/health-information-sources/linking-registers-covid-19-vaccine-surveillance"])
            #expect(dataset.accessRights?.uri == AccessRights.authority + "NON_PUBLIC")
            #expect(dataset.accrualPeriodicity?.uri == Frequency.authority + "DAILY")
            #expect(dataset.conformsTo == ["http://www.wikidata.org/entity/Q19597236"])
            #expect(dataset.issued?.normalized == "2024-01-01T00:00:00Z")
            #expect(dataset.modified?.normalized == "2024-12-31T23:59:59Z")
            #expect(Set(dataset.languages.map(\.key)) == ["ENG", "NLD", "FRA"])
            #expect(dataset.keywords.map(\.value) == ["Test 1", "Test 2", "Test 3"])
            #expect(dataset.themes.map(\.uri) == ["http://publications.europa.eu/resource/authority/data-theme/HEAL"])
            #expect(dataset.spatial == [SpatialCoverage(iri: "http://publications.europa.eu/resource/authority/country/BEL")])
            // The dataset's dct:temporal, not the health extension's retention period.
            #expect(dataset.temporal == [TemporalRange(start: DateValue(raw: "2020-03-01"), end: DateValue(raw: "2024-12-31"))])
            #expect(dataset.publisher == Agent(name: LocalizedText(["en": "Contact Point", "nl": "Contactpunt"]),
                                               homepage: "https://healthdata.nl", email: "info@example.com"))
            #expect(dataset.creator?.iri == "internalURI:creator0")
            #expect(dataset.creator?.name.values == ["en": "Contact Point", "nl": "Contactpunt"])
            #expect(dataset.contactPoints == [ContactPoint(name: LocalizedText("Contact Point"), email: "contact@example.com",
                                                           url: "https://healthdata.nl")])
            #expect(dataset.extras["dct:provenance"] == ["This example dataset is partly sourced from TEHDAS2"])
            #expect(dataset.extras["dct:type"] == ["Personal Data"])
            #expect(dataset.extras["dcat:hasVersion"] == ["http://example.com/dataset/1234567890"])
            #expect(dataset.extras["dct:isReferencedBy"] == ["https://doi.org/10.1038/sdata.2016.18", "https://dx.doi.org/10.1002/jmri.28679"])
            #expect(dataset.extras["prov:qualifiedAttribution"] == ["processor: Contact Point"])
            #expect(dataset.extras["dcat:temporalResolution"] == ["P1D"])

            // dcat:distribution names one distribution; the adms:sample one is not a distribution.
            #expect(dataset.distributions.count == 1)
            let distribution = try #require(dataset.distributions.first)
            #expect(distribution.identifier == "http://example.com/analytics")
            #expect(distribution.accessURLs == ["https://www.dummy.com/"])
            #expect(distribution.downloadURLs.first?.hasSuffix("Technical_report_number_of_unique_study_subjects_available_by_environment_for_project_HDBP0250.csv") == true)
            #expect(distribution.mediaType == "text/csv")
            #expect(distribution.format?.uri == Self.fileType + "CSV")
            #expect(distribution.license?.raw == Self.license + "CC_BYNCND_3_0")
            #expect(distribution.license?.uri == Self.license + "CC_BYNCND_3_0")
            #expect(distribution.issued?.normalized == "2024-06-03T08:51:00Z")
        }

        @Test func healthDatasetWithTitlesInTwoLanguages() async throws {
            let harvested = try await DCATSampleHarness.harvest("ckanext-dcat--dataset_health_multilingual.ttl")
            let dataset = try harvested.dataset("http://example.test/dataset/1")
            #expect(dataset.title.values == ["en": "Health dataset", "nl": "Gezondheidsdataset"])
            #expect(dataset.description.values == ["en": "A dataset with multilingual metadata", "nl": "Een dataset met meertalige metadata"])
            #expect(Set(dataset.keywords) == [LangString("health", language: "en"), LangString("gezondheid", language: "nl")])
            #expect(dataset.publisher == Agent(name: LocalizedText(["en": "Health Institute", "nl": "Gezondheidsinstituut"]),
                                               homepage: "https://healthdata.nl", email: "info@example.com"))
            #expect(dataset.creator == Agent(name: LocalizedText(["en": "Health Creator", "nl": "Gezondheidsmaker"]),
                                             email: "creator@example.com"))
            #expect(dataset.issued?.normalized == "2024-01-01T00:00:00Z")
            let distribution = try #require(dataset.distributions.first)
            #expect(distribution.title.values == ["en": "CSV extract", "nl": "CSV-uitvoer"])
            #expect(distribution.downloadURLs == ["http://example.test/dataset/1/resource/1.csv"])
            #expect(distribution.format?.uri == Self.fileType + "CSV")
            #expect(distribution.rights == "Rights statement")
        }

        @Test func healthDatasetWithoutBlankNodes() async throws {
            let harvested = try await DCATSampleHarness.harvest("ckanext-dcat--dataset_health_no_blank.ttl")
            let dataset = try harvested.dataset("http://example.healthdata.nl/set/dataset")
            #expect(dataset.title.values == ["": "HealthDCAT-AP test dataset"])
            // dct:identifier given as an IRI.
            #expect(dataset.identifiers == ["http://example.com/dataset/1234567890"])
            #expect(dataset.issued?.raw == "2024-01-01T00:00:00+00:00")
            #expect(dataset.issued?.normalized == "2024-01-01T00:00:00Z")
            #expect(dataset.accessRights?.uri == AccessRights.authority + "NON_PUBLIC")
            #expect(dataset.extras["dct:type"] == ["n1049372e768c4429a6b2200c22f5f1a4b7"])
            #expect(dataset.publisher == nil)
            #expect(dataset.contactPoints.isEmpty)
            #expect(dataset.distributions.isEmpty)
        }

        @Test func spanishDatasetFromDatosGobEs() async throws {
            let harvested = try await DCATSampleHarness.harvest("ckanext-dcat--dataset_gob_es.ttl")
            let dataset = try harvested.only()
            #expect(dataset.title.values == ["es": "Estudio de Satisfacción con el Programa de Escuelas Municipales de Promoción Deportiva en centros escolares"])
            #expect(dataset.description.languages == ["es"])
            #expect(dataset.identifiers == ["https://datos.madrid.es/egob/catalogo/300676-0-deporte-encuesta-escuelas"])
            #expect(dataset.issued?.raw == "2024-04-15T09:08:02+02:00")
            #expect(dataset.issued?.normalized == "2024-04-15T07:08:02Z")
            #expect(dataset.languages.map(\.key) == ["SPA"])
            #expect(dataset.license?.raw == "https://datos.madrid.es/egob/catalogo/aviso-legal")
            // The frequency is a dct:Frequency whose rdf:value is a time:DurationDescription of one year.
            #expect(dataset.accrualPeriodicity?.key == "ANNUAL")
            // The publisher is a skos:Concept in the datos.gob.es organisation register.
            #expect(dataset.publisher?.iri == "http://datos.gob.es/recurso/sector-publico/org/Organismo/L01280796")
            #expect(dataset.publisher?.name.values == ["": "Ayuntamiento de Madrid"])
            #expect(dataset.publisher?.identifier == "L01280796")
            #expect(Set(dataset.keywords) == [LangString("deporte escolar", language: "es"), LangString("escuelas", language: "es"),
                                              LangString("promoción", language: "es")])
            #expect(dataset.themes.map(\.raw) == ["http://datos.gob.es/kos/sector-publico/sector/deporte"])
            let distribution = try #require(dataset.distributions.first)
            #expect(distribution.title.values == ["es": "Estudio de satisfacción temporada 2023-2024"])
            #expect(distribution.accessURLs == ["https://datos.madrid.es/egob/catalogo/300676-0-deporte-encuesta-escuelas.xlsx"])
            #expect(distribution.byteSize == 43_008)
            // The format is a local dct:IMT node whose rdf:value is the media type.
            #expect(distribution.format?.uri == Self.fileType + "XLS")
            #expect(distribution.mediaType == "application/vnd.ms-excel")
            #expect(dataset.formatKeys == ["XLS"])
        }

        @Test func catalogueSampleWithDublinCoreLanguages() async throws {
            let harvested = try await DCATSampleHarness.harvest("ckanext-dcat--dataset_afs.ttl")
            let dataset = try harvested.dataset("http://example.com/data/test-dataset-1")
            #expect(dataset.title.values == ["": "A test dataset on your catalogue"])
            #expect(dataset.description.values == ["": "A longer description of the dataset"])
            #expect(dataset.identifiers == ["http://example.com/data/test-dataset-1"])
            #expect(dataset.issued?.normalized == "2012-05-10")
            #expect(dataset.modified?.raw == "2012-05-10T21:04")
            #expect(Set(dataset.languages.map(\.raw)) == ["ca", "en", "es"])
            #expect(dataset.publisher == Agent(name: LocalizedText("Name of the Publishing Organization"), email: "contact@some.org"))
            #expect(Set(dataset.keywords.map(\.value)) == ["pollution", "stats"])
            #expect(dataset.landingPages == ["http://url.to.dataset.home"])
            #expect(dataset.distributions.count == 2)
            let csv = try #require(dataset.distributions.first { $0.title.best() == "Test resource CSV file" })
            #expect(csv.format?.uri == Self.fileType + "CSV")
            #expect(csv.mediaType == "text/csv")
            #expect(csv.downloadURLs == ["http://url.to.csv.file"])
            #expect(csv.license?.raw == "https://url.to.license")
            let html = try #require(dataset.distributions.first { $0.title.best() == "Test resource HTML file" })
            #expect(html.mediaType == "text/html")
            #expect(html.accessURLs == ["http://url.to.html.page"])
        }

        @Test func londonDatastoreDataset() async throws {
            let harvested = try await DCATSampleHarness.harvest("ckanext-dcat--dataset_deri.ttl")
            let dataset = try harvested.dataset("http://data.london.gov.uk/dataset/Abandoned_Vehicles")
            #expect(dataset.title.values == ["": "Abandoned Vehicles"])
            #expect(dataset.description.best()?.hasPrefix("Number of abandoned vehicles.To estimate missing data") == true)
            #expect(dataset.accrualPeriodicity?.raw == "Annual")
            #expect(dataset.accrualPeriodicity?.uri == Frequency.authority + "ANNUAL")
            // A London portal writes day first: 6 May 2009.
            #expect(dataset.issued == DateValue(raw: "06/05/2009"))
            #expect(dataset.issued?.normalized == "2009-05-06")
            #expect(dataset.spatial == [SpatialCoverage(label: LocalizedText("Greater London"))])
            let distribution = try #require(dataset.distributions.first)
            #expect(distribution.identifier == "http://data.london.gov.uk/dataset/Abandoned_Vehicles/csv")
            #expect(distribution.title.values == ["": "CSV distribution of: Abandoned Vehicles"])
            #expect(distribution.accessURLs == ["http://data.london.gov.uk/datafiles/environment/abandoned-vehicles-borough.csv"])
            #expect(distribution.mediaType == "text/plain")
            #expect(distribution.format?.raw == "text/plain")
        }
    }
}
