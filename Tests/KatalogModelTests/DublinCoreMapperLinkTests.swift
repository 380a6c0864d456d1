import Testing
@testable import KatalogModel

/// Identifiers, landing pages, distributions and dates of the Dublin Core mapper.
struct DublinCoreMapperLinkTests {
    typealias F = DublinCoreFixture

    @Test func identifiersGiveTheIRITheLandingPageAndAFile() throws {
        let body = F.dc("identifier", "oai:repo.example:123") + F.dc("identifier", "https://repo.example/handle/123")
            + F.dc("identifier", "doi:10.5878/abc-123") + F.dc("identifier", "https://repo.example/files/data.csv")
            + F.dc("identifier", "doi:10.5878/abc-123")
        let dataset = try F.dataset(body)
        #expect(dataset.identifiers == ["oai:repo.example:123", "https://repo.example/handle/123", "doi:10.5878/abc-123",
                                        "https://repo.example/files/data.csv"])
        // A persistent identifier wins the IRI; the first web address that is no file is the landing page.
        #expect(dataset.iri == "https://doi.org/10.5878/abc-123")
        #expect(dataset.landingPages == ["https://repo.example/handle/123"])
        #expect(dataset.distributions == [Distribution(accessURLs: ["https://repo.example/files/data.csv"],
                                                       downloadURLs: ["https://repo.example/files/data.csv"],
                                                       format: FileFormat.infer(fromURL: "https://repo.example/files/data.csv"))])
        #expect(dataset.distributions.first?.format?.uri == FileFormat.authority + "CSV")
    }

    @Test func withoutPersistentIdentifierTheFirstWebAddressIsTheIRI() throws {
        let body = F.dc("identifier", "urn:nbn:se:su:diva-1") + F.dc("identifier", "http://repo.example/record/9")
            + F.dc("identifier", "https://repo.example/record/9/other")
        let dataset = try F.dataset(body)
        #expect(dataset.iri == "http://repo.example/record/9")
        #expect(dataset.landingPages == ["http://repo.example/record/9"])
        #expect(try F.dataset(F.dc("identifier", "urn:nbn:se:su:diva-1")).iri == nil)
        // A DOI alone is both the IRI and the landing page.
        let doi = try F.dataset(F.dc("identifier", "10.17045/sthlmuni.4"))
        #expect(doi.iri == "https://doi.org/10.17045/sthlmuni.4")
        #expect(doi.landingPages == ["https://doi.org/10.17045/sthlmuni.4"])
    }

    @Test func persistentIdentifiersAreWrittenAsResolverIRIs() {
        let cases: [(String, String?)] = [
            ("10.1234/x.y", "https://doi.org/10.1234/x.y"),
            ("doi:10.1234/x", "https://doi.org/10.1234/x"),
            ("DOI:10.1234/x", "https://doi.org/10.1234/x"),
            ("info:doi/10.1234/x", "https://doi.org/10.1234/x"),
            ("https://dx.doi.org/10.1000.10/ABC", "https://doi.org/10.1000.10/ABC"),
            ("http://doi.org/10.1234/x", "https://doi.org/10.1234/x"),
            ("hdl:2077/12345", "https://hdl.handle.net/2077/12345"),
            ("http://hdl.handle.net/2077/12345", "http://hdl.handle.net/2077/12345"),
            ("https://urn.kb.se/resolve?urn=urn:nbn:se:su:diva-1", "https://urn.kb.se/resolve?urn=urn:nbn:se:su:diva-1"),
            ("10.abc/x", nil), ("10.1234", nil), ("10.1234/", nil), ("doi:", nil), ("hdl:", nil),
            ("10.1234/with space", nil), ("https://example.org/10.1234/x", nil), ("https://example.org/hdl.handle.net/1", nil),
        ]
        for (value, expected) in cases {
            #expect(DublinCoreMapper.persistentIRI(value) == expected, "\(value)")
        }
    }

    @Test func fileRelationsBecomeDistributionsAndOtherRelationsExtras() throws {
        let body = F.dc("relation", "https://repo.example/files/map.geojson") + F.dc("relation", "https://repo.example/about.html")
            + F.dc("relation", "Ingår i serien Luft") + F.dc("relation", "https://repo.example/files/map.geojson")
            + F.dc("relation", "https://repo.example/collection/7")
        let dataset = try F.dataset(body)
        #expect(dataset.distributions.map(\.downloadURLs) == [["https://repo.example/files/map.geojson"]])
        #expect(dataset.distributions.first?.format?.uri == FileFormat.authority + "GEOJSON")
        #expect(dataset.extras["dc:relation"] == ["https://repo.example/about.html", "Ingår i serien Luft",
                                                  "https://repo.example/collection/7"])
    }

    @Test func anArchiveOrUnknownExtensionTakesTheRecordsFormat() throws {
        let body = F.dc("format", "2 MB") + F.dc("format", "text/csv")
            + F.dc("identifier", "https://repo.example/bitstream/1/data.zip") + F.dc("relation", "https://repo.example/f/raw.qqq")
            + F.dc("relation", "https://repo.example/f/report.pdf")
        let distributions = try F.dataset(body).distributions
        #expect(distributions.map(\.accessURLs) == [["https://repo.example/bitstream/1/data.zip"],
                                                    ["https://repo.example/f/raw.qqq"], ["https://repo.example/f/report.pdf"]])
        #expect(distributions.map { $0.format?.uri } == [FileFormat.authority + "CSV", FileFormat.authority + "CSV",
                                                          FileFormat.authority + "PDF"])
        #expect(distributions.map(\.mediaType) == ["text/csv", "text/csv", nil])
        // Without a recognised dc:format an archive stays an archive.
        let zip = try F.dataset(F.dc("identifier", "https://repo.example/data.zip")).distributions
        #expect(zip.first?.format?.uri == FileFormat.authority + "ZIP")
    }

    @Test func oneDateIsTheIssueDate() throws {
        let dataset = try F.dataset(F.dc("date", "2020-05-01"))
        #expect(dataset.issued?.normalized == "2020-05-01")
        #expect(dataset.modified == nil)
        #expect(dataset.extras["dc:date"] == nil)
    }

    @Test func ofSeveralDatesTheEarliestIsIssuedAndTheLatestModified() throws {
        let body = ["2020-01-01T10:00:00+02:00", "not a date", "2019-03-15", "2021"].map { F.dc("date", $0) }.joined()
        let dataset = try F.dataset(body)
        #expect(dataset.issued?.raw == "2019-03-15")
        #expect(dataset.modified?.raw == "2021")
        #expect(dataset.extras["dc:date"] == ["2020-01-01T10:00:00+02:00", "not a date", "2019-03-15", "2021"])
        // Equal dates give no modification date; unreadable ones stay raw.
        let same = try F.dataset(F.dc("date", "2019") + F.dc("date", "2019"))
        #expect(same.issued?.normalized == "2019")
        #expect(same.modified == nil)
        let malformed = try F.dataset(F.dc("date", "ca. 1900") + F.dc("date", "okänt"))
        #expect(malformed.issued == DateValue(raw: "ca. 1900"))
        #expect(malformed.issued?.normalized == nil)
        #expect(malformed.modified == nil)
    }
}
