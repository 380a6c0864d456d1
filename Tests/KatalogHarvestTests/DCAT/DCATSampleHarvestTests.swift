import Foundation
import KatalogModel
import KatalogStore
import Testing
@testable import KatalogHarvest

extension DCATSampleSuites {
    /// Every document of `../shared/samples/dcat`, served from 127.0.0.1 with the Content-Type its extension implies
    /// and harvested as a `.dcat` source: the run's status and what it stored, read off each document.
    @Suite
    struct DCATSampleHarvestTests {
        /// How a harvest of one sample must end.
        struct Outcome: Sendable {
            /// The run's status.
            var status: RunStatus
            /// Datasets stored (`dcat:Dataset` subjects, plus `dcat:DatasetSeries` ones).
            var datasets: Int
            /// Text the failed run's message must contain.
            var failure: String?
        }

        /// The outcome each sample deserves. None of the valid documents holds a dataset without both a title and a
        /// `dct:identifier` (the only content the mapper refuses), so no run here is partial: every valid document
        /// succeeds with no per-record error.
        static let outcomes: [String: Outcome] = [
            // A dcat:Catalog holding two nested dcat:Dataset elements (the catalogue itself is not a dataset).
            "ckanext-dcat--catalog.rdf": Outcome(status: .succeeded, datasets: 2),
            // The same two datasets as top-level elements, without a catalogue.
            "ckanext-dcat--catalog_datasets_list.rdf": Outcome(status: .succeeded, datasets: 2),
            // DCAT-US data.json as JSON-LD with a context per node: one dataset.
            "ckanext-dcat--catalog_pod.jsonld": Outcome(status: .succeeded, datasets: 1),
            // A catalogue, its publisher, one dataset, its contact and distribution in one @graph.
            "ckanext-dcat--catalog_with_at_graph.jsonld": Outcome(status: .succeeded, datasets: 1),
            "ckanext-dcat--dataset.rdf": Outcome(status: .succeeded, datasets: 1),
            // Not valid Turtle: line 149 uses the prefix `healthdcatap:`, which the document never declares (line
            // 153 also writes a datatype as `^^<<…>`). A syntax error leaves no graph to trust, so the whole run
            // fails, names the line and column, and stores nothing; there is no record to blame it on.
            "ckanext-dcat--dataset.ttl": Outcome(status: .failed, datasets: 0,
                                                 failure: "line 149, column 17: prefix 'healthdcatap:' is not declared"),
            "ckanext-dcat--dataset_afs.ttl": Outcome(status: .succeeded, datasets: 1),
            // The distribution is typed dcat:Download, not dcat:Distribution; it is still the dataset's distribution.
            "ckanext-dcat--dataset_deri.ttl": Outcome(status: .succeeded, datasets: 1),
            "ckanext-dcat--dataset_gob_es.ttl": Outcome(status: .succeeded, datasets: 1),
            "ckanext-dcat--dataset_gov_de.rdf": Outcome(status: .succeeded, datasets: 1),
            // One dataset; the catalogue record, the sample distribution (adms:sample) and the vocabulary nodes
            // beside it are not datasets.
            "ckanext-dcat--dataset_health.ttl": Outcome(status: .succeeded, datasets: 1),
            "ckanext-dcat--dataset_health_multilingual.ttl": Outcome(status: .succeeded, datasets: 1),
            "ckanext-dcat--dataset_health_no_blank.ttl": Outcome(status: .succeeded, datasets: 1),
            "ckanext-dcat--dataset_multilingual.ttl": Outcome(status: .succeeded, datasets: 1),
            "ckanext-dcat--dataset_sweden.rdf": Outcome(status: .succeeded, datasets: 1),
        ]

        @Test func everySampleHasAnExpectedOutcome() {
            let names = DCATSampleHarness.sampleNames
            #expect(names.count >= 15)
            #expect(Set(names) == Set(Self.outcomes.keys), "a sample was added or removed: decide its outcome")
        }

        @Test(arguments: DCATSampleHarness.sampleNames)
        func harvestsWithTheOutcomeItsContentDeserves(_ name: String) async throws {
            let outcome = try #require(Self.outcomes[name], "no expected outcome for \(name)")
            let harvested = try await DCATSampleHarness.harvest(name)
            #expect(harvested.summary.status == outcome.status, "\(name): \(harvested.run.message ?? "")")
            #expect(harvested.run.status == outcome.status)
            #expect(harvested.datasets.count == outcome.datasets)
            #expect(harvested.run.counts.errored == 0)
            #expect(harvested.run.errors.isEmpty, "\(name): \(harvested.run.errors)")
            if outcome.status == .succeeded {
                #expect(harvested.summary.counts.fetched == outcome.datasets)
                #expect(harvested.summary.counts.added == outcome.datasets)
                #expect(harvested.run.isComplete == true)
            }
            if let failure = outcome.failure {
                let message = try #require(harvested.run.message)
                #expect(message.contains(failure), "\(message)")
                #expect(message.contains(harvested.summary.source) || message.contains("/samples/\(name)"))
            }
            // One GET, asking for RDF.
            #expect(harvested.requests.count == 1)
            #expect(harvested.requests.first?.header("Accept")?.contains("application/rdf+xml") == true)
        }

        /// One sample per syntax (and one starting with a comment), with the dataset each holds.
        static let sniffed: [(name: String, dataset: String, title: String)] = [
            ("ckanext-dcat--dataset_sweden.rdf", "http://nobelprize.org/datasets/dcat#ds1", "Linked Nobel prizes"),
            ("ckanext-dcat--dataset_multilingual.ttl", "https://example.org/dataset/0112cf32-bce0-4071-9504-923375f9f2ad",
             "Test DCAT dataset"),
            ("ckanext-dcat--dataset_health_no_blank.ttl", "http://example.healthdata.nl/set/dataset", "HealthDCAT-AP test dataset"),
            ("ckanext-dcat--catalog_with_at_graph.jsonld",
             "https://ckan.example.org/dataset/d4ce4e6e-ab89-44cb-bf5c-33a162c234de#dataset", "Title dataset"),
        ]

        @Test(arguments: sniffed, [DCATSampleHarness.ContentType.declared("application/octet-stream"), .absent,
                                   .declared("text/plain; charset=utf-8")])
        func theSyntaxIsSniffedWhenTheContentTypeDoesNotNameIt(
            sample: (name: String, dataset: String, title: String), contentType: DCATSampleHarness.ContentType
        ) async throws {
            // Served at a path without an extension, so only the document's first bytes can tell the syntax.
            let harvested = try await DCATSampleHarness.harvest(sample.name, contentType: contentType, path: "/catalogue")
            #expect(harvested.summary.status == .succeeded, "\(harvested.run.message ?? "")")
            #expect(harvested.datasets.count == 1)
            #expect(try harvested.dataset(sample.dataset).title.best() == sample.title)
        }
    }
}
