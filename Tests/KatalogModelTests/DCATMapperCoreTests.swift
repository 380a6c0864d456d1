import KatalogRDF
import Testing
@testable import KatalogModel

struct DCATMapperCoreTests: DCATTestSupport {
    @Test func multilingualTitlesAndDescriptionsKeepEveryLanguage() throws {
        var g = datasetBuilder(title: nil)
        for (text, language) in [("Bibliotek", "sv"), ("Libraries", "en"), ("Bibliotek NB", "nb"), ("Bibliotek NN", "nn"),
                                 ("Biblioteker", "da"), ("Kirjastot", "fi")] {
            g.add(ds, DCATNS.dct + "title", lit(text, language))
        }
        g.add(ds, DCATNS.dct + "title", lit("Untagged"))
        g.add(ds, DCATNS.dct + "description", lit("Beskrivning", "sv"))
        g.add(ds, DCATNS.dct + "description", lit("Description", "EN"))
        let dataset = try DCATMapper.dataset(ds, in: g.graph)
        #expect(dataset.title.values == ["sv": "Bibliotek", "en": "Libraries", "nb": "Bibliotek NB", "nn": "Bibliotek NN",
                                         "da": "Biblioteker", "fi": "Kirjastot", "": "Untagged"])
        #expect(dataset.description.values == ["sv": "Beskrivning", "en": "Description"])
        #expect(dataset.sourceIdentifier == "http://ex.org/ds")
        #expect(dataset.iri == "http://ex.org/ds")
    }

    @Test func aFrequencyGivenAsADurationIsRecognised() throws {
        let time = "http://www.w3.org/2006/time#"
        var g = datasetBuilder()
        // The DCAT 2 example: [ a dct:Frequency ; rdf:value [ a time:DurationDescription ; time:days 1 ] ].
        g.add(ds, DCATNS.dct + "accrualPeriodicity", bnode("f"))
        g.type(bnode("f"), DCATNS.dct + "Frequency")
        g.add(bnode("f"), "http://www.w3.org/1999/02/22-rdf-syntax-ns#value", bnode("d"))
        g.type(bnode("d"), time + "DurationDescription")
        g.add(bnode("d"), time + "days", typed("1", "http://www.w3.org/2001/XMLSchema#decimal"))
        #expect(try DCATMapper.dataset(ds, in: g.graph).accrualPeriodicity?.key == "DAILY")

        // Six months on a described IRI with no vocabulary match: P6M, semiannual.
        var h = datasetBuilder()
        let node = iri("https://example.org/freq/half-year")
        h.add(ds, DCATNS.dct + "accrualPeriodicity", node)
        h.add(node, "http://www.w3.org/1999/02/22-rdf-syntax-ns#value", bnode("d"))
        h.add(bnode("d"), time + "months", lit("6.0"))
        let semiannual = try DCATMapper.dataset(ds, in: h.graph).accrualPeriodicity
        #expect(semiannual?.raw == "https://example.org/freq/half-year", "the published value is kept")
        #expect(semiannual?.uri == Frequency.normalize("P6M").uri)
        #expect(semiannual?.uri != nil)
    }

    @Test func titleFallsBackToDublinCoreElementsAndLabel() throws {
        var g = datasetBuilder(title: nil)
        g.add(ds, "http://purl.org/dc/elements/1.1/title", lit("Old style", "de"))
        #expect(try DCATMapper.dataset(ds, in: g.graph).title.values == ["de": "Old style"])
    }

    @Test func keywordsKeepLanguagesAndDropRepeats() throws {
        var g = datasetBuilder()
        g.add(ds, DCATNS.dcat + "keyword", [lit("bibliotek", "sv"), lit("library", "en"), lit("bibliotek", "sv"),
                                        lit("bibliotek", "nb"), lit("plain"), lit("  ")])
        let keywords = try DCATMapper.dataset(ds, in: g.graph).keywords
        #expect(keywords == [LangString("bibliotek", language: "sv"), LangString("library", language: "en"),
                             LangString("bibliotek", language: "nb"), LangString("plain")])
    }

    @Test func themesFromIRIsLiteralsAndConceptNodes() throws {
        var g = datasetBuilder()
        let educ = iri("http://publications.europa.eu/resource/authority/data-theme/EDUC")
        g.add(ds, DCATNS.dcat + "theme", educ)
        g.type(educ, DCATNS.skos + "Concept")
        g.add(educ, DCATNS.skos + "prefLabel", lit("Utbildning", "sv"))
        g.add(educ, DCATNS.skos + "prefLabel", lit("Education", "en"))
        g.add(ds, DCATNS.dcat + "theme", iri("http://publications.europa.eu/resource/authority/data-theme/ENVI"))
        g.add(ds, DCATNS.dcat + "theme", lit("Transport"))
        g.add(ds, DCATNS.dcat + "theme", bnode("c"))
        g.add(bnode("c"), DCATNS.skos + "prefLabel", lit("Local theme", "en"))
        let themes = try DCATMapper.dataset(ds, in: g.graph, normalizer: .identity).themes
        #expect(themes.count == 4)
        #expect(themes[0].raw == "http://publications.europa.eu/resource/authority/data-theme/EDUC")
        #expect(themes[0].uri == themes[0].raw)
        #expect(themes[0].label?.values == ["sv": "Utbildning", "en": "Education"])
        #expect(themes[1].label == nil)
        #expect(themes[2] == Concept(raw: "Transport"))
        #expect(themes[3].raw == "Local theme")
        #expect(themes[3].label?.best() == "Local theme")
        // The default normalizer puts the EU data themes' own labels on known themes, also for a bare word.
        let normalized = try DCATMapper.dataset(ds, in: g.graph).themes
        #expect(normalized[1].label?.values["sv"] == "Miljö")
        #expect(normalized[2].uri == "http://publications.europa.eu/resource/authority/data-theme/TRAN")
        #expect(normalized[2].raw == "Transport")
    }

    @Test func normalizerIsCalledForEachVocabulary() throws {
        var g = datasetBuilder()
        g.add(ds, DCATNS.dcat + "theme", lit("t"))
        g.add(ds, DCATNS.dct + "language", iri("http://publications.europa.eu/resource/authority/language/SWE"))
        g.add(ds, DCATNS.dct + "accrualPeriodicity", iri("http://publications.europa.eu/resource/authority/frequency/ANNUAL"))
        g.add(ds, DCATNS.dct + "accessRights", lit("public"))
        g.add(ds, DCATNS.dct + "license", lit("cc-by"))
        let tag: (String) -> @Sendable (String) -> Concept = { prefix in { Concept(raw: $0, uri: "urn:\(prefix):" + $0) } }
        let normalizer = DCATNormalizer(format: tag("format"), license: tag("license"), theme: tag("theme"),
                                        language: tag("language"), frequency: tag("frequency"),
                                        accessRights: tag("access"))
        let dataset = try DCATMapper.dataset(ds, in: g.graph, normalizer: normalizer)
        #expect(dataset.themes.first?.uri == "urn:theme:t")
        #expect(dataset.languages.first?.uri == "urn:language:http://publications.europa.eu/resource/authority/language/SWE")
        #expect(dataset.accrualPeriodicity?.uri?.hasPrefix("urn:frequency:") == true)
        #expect(dataset.accessRights?.uri == "urn:access:public")
        #expect(dataset.license?.uri == "urn:license:cc-by")
    }

    @Test func datesOfAnyDatatypeKeepTheRawText() throws {
        var g = datasetBuilder()
        g.add(ds, DCATNS.dct + "issued", typed("2020-01-01", DCATNS.xsd + "date"))
        g.add(ds, DCATNS.dct + "modified", typed("not a date", DCATNS.xsd + "dateTime"))
        let dataset = try DCATMapper.dataset(ds, in: g.graph)
        #expect(dataset.issued?.normalized == "2020-01-01")
        #expect(dataset.modified?.raw == "not a date")
        #expect(dataset.modified?.normalized == nil)

        var h = datasetBuilder()
        h.add(ds, DCATNS.dct + "modified", lit("garbage"))
        h.add(ds, DCATNS.dct + "modified", typed("2021", DCATNS.xsd + "gYear"))
        #expect(try DCATMapper.dataset(ds, in: h.graph).modified?.normalized == "2021")
    }

    @Test func rightsLicencesAccessRightsFromIRIsAndNodes() throws {
        var g = datasetBuilder()
        g.add(ds, DCATNS.dct + "license", bnode("lic"))
        g.type(bnode("lic"), DCATNS.dct + "LicenseDocument")
        g.add(bnode("lic"), DCATNS.dct + "title", lit("Creative Commons BY 4.0", "en"))
        g.add(ds, DCATNS.dct + "rights", bnode("r"))
        g.add(bnode("r"), DCATNS.rdfs + "label", lit("Free to reuse", "en"))
        g.add(ds, DCATNS.dct + "accessRights", iri("http://publications.europa.eu/resource/authority/access-right/PUBLIC"))
        let dataset = try DCATMapper.dataset(ds, in: g.graph, normalizer: .identity)
        #expect(dataset.license?.raw == "Creative Commons BY 4.0")
        #expect(dataset.license?.uri == nil)
        // The default normalizer recognises the licence by its title.
        let normalized = try DCATMapper.dataset(ds, in: g.graph)
        #expect(normalized.license?.uri == "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")
        #expect(dataset.rights == "Free to reuse")
        #expect(dataset.accessRights?.uri == "http://publications.europa.eu/resource/authority/access-right/PUBLIC")

        var h = datasetBuilder()
        h.add(ds, DCATNS.dct + "rights", lit("All rights reserved"))
        h.add(ds, DCATNS.dct + "license", iri("http://creativecommons.org/publicdomain/zero/1.0/"))
        let other = try DCATMapper.dataset(ds, in: h.graph, normalizer: .identity)
        #expect(other.rights == "All rights reserved")
        #expect(other.license?.uri == "http://creativecommons.org/publicdomain/zero/1.0/")
    }

    @Test func linksIdentifiersVersionsAndStandards() throws {
        var g = datasetBuilder()
        g.add(ds, DCATNS.dcat + "landingPage", iri("http://ex.org/page"))
        g.add(ds, DCATNS.dcat + "landingPage", lit("http://ex.org/literal-page"))
        g.add(iri("http://ex.org/page"), DCATNS.rdf + "type", iri(DCATNS.foaf + "Document"))
        g.add(ds, DCATNS.dct + "identifier", lit("ds-1"))
        g.add(ds, DCATNS.dct + "identifier", typed("http://ex.org/ds", DCATNS.xsd + "anyURI"))
        g.add(ds, DCATNS.adms + "identifier", bnode("id"))
        g.add(bnode("id"), DCATNS.skos + "notation", lit("doi:10.1234/abc"))
        g.add(ds, DCATNS.adms + "identifier", lit("urn:other"))
        g.add(ds, DCATNS.dcat + "version", lit("2.0"))
        g.add(ds, DCATNS.dct + "conformsTo", iri("http://ex.org/spec"))
        g.add(ds, DCATNS.dct + "conformsTo", bnode("std"))
        g.add(bnode("std"), DCATNS.dct + "title", lit("Local standard"))
        g.add(ds, DCATNS.dct + "language", iri("http://publications.europa.eu/resource/authority/language/NOR"))
        g.add(ds, DCATNS.dct + "accrualPeriodicity", iri("http://publications.europa.eu/resource/authority/frequency/DAILY"))
        g.add(ds, DCATNS.dct + "type", iri("http://publications.europa.eu/resource/authority/dataset-type/CODE_LIST"))
        let dataset = try DCATMapper.dataset(ds, in: g.graph)
        #expect(dataset.landingPages == ["http://ex.org/page", "http://ex.org/literal-page"])
        #expect(dataset.identifiers == ["ds-1", "http://ex.org/ds"])
        #expect(dataset.otherIdentifiers == ["doi:10.1234/abc", "urn:other"])
        #expect(dataset.version == "2.0")
        #expect(dataset.conformsTo == ["http://ex.org/spec", "Local standard"])
        #expect(dataset.languages.map(\.key) == ["NOR"])
        #expect(dataset.accrualPeriodicity?.key == "DAILY")
        #expect(dataset.extras["dct:type"] == ["http://publications.europa.eu/resource/authority/dataset-type/CODE_LIST"])
    }

    @Test func owlVersionInfoWinsOverDcatVersion() throws {
        var g = datasetBuilder()
        g.add(ds, DCATNS.dcat + "version", lit("3"))
        g.add(ds, DCATNS.owl + "versionInfo", lit("1.1"))
        #expect(try DCATMapper.dataset(ds, in: g.graph).version == "1.1")
    }

    @Test func wrongTermKindsAreTolerated() throws {
        var g = datasetBuilder(title: nil)
        g.add(ds, DCATNS.dct + "title", iri("http://ex.org/a-title-iri"))
        g.add(ds, DCATNS.dcat + "landingPage", lit("www.example.org"))
        g.add(ds, DCATNS.dct + "publisher", lit("Kommunen"))
        g.add(ds, DCATNS.dct + "issued", iri("http://ex.org/2020"))
        g.add(ds, DCATNS.dct + "spatial", lit("Uppsala", "sv"))
        g.add(ds, DCATNS.dcat + "distribution", lit("http://ex.org/file.csv"))
        let dataset = try DCATMapper.dataset(ds, in: g.graph)
        #expect(dataset.title.values == ["": "http://ex.org/a-title-iri"])
        #expect(dataset.landingPages == ["www.example.org"])
        #expect(dataset.publisher?.name.best() == "Kommunen")
        #expect(dataset.issued?.raw == "http://ex.org/2020")
        #expect(dataset.spatial.first?.label?.values == ["sv": "Uppsala"])
        #expect(dataset.distributions.first?.accessURLs == ["http://ex.org/file.csv"])
    }

    @Test func unusableDatasetsThrowTypedErrors() throws {
        let untitled = datasetBuilder(title: nil)
        let error = #expect(throws: DCATMappingError.self) { try DCATMapper.dataset(ds, in: untitled.graph) }
        #expect(error?.code == .unusable)
        #expect(error?.subject == "<http://ex.org/ds>")

        let missing = #expect(throws: DCATMappingError.self) {
            try DCATMapper.dataset(iri("http://ex.org/nothing"), in: untitled.graph)
        }
        #expect(missing?.code == .notDescribed)

        let literal = #expect(throws: DCATMappingError.self) { try DCATMapper.dataset(lit("x"), in: untitled.graph) }
        #expect(literal?.code == .invalidSubject)

        var identified = datasetBuilder(title: nil)
        identified.add(ds, DCATNS.dct + "identifier", lit("only-an-id"))
        #expect(try DCATMapper.dataset(ds, in: identified.graph).identifiers == ["only-an-id"])
    }

    @Test func datasetSubjectsIncludeSeriesOnce() throws {
        var g = DCATGraphBuilder()
        g.type(iri("http://ex.org/a"), DCATNS.dcat + "Dataset")
        g.type(bnode("b"), DCATNS.dcat + "Dataset")
        g.type(iri("http://ex.org/series"), DCATNS.dcat + "DatasetSeries")
        g.type(iri("http://ex.org/a"), DCATNS.dcat + "DatasetSeries")
        g.type(iri("http://ex.org/cat"), DCATNS.dcat + "Catalog")
        let subjects = try DCATMapper.datasetSubjects(in: g.graph)
        #expect(subjects == [iri("http://ex.org/a"), bnode("b"), iri("http://ex.org/series")])
    }

    @Test func seriesAreMarkedInExtras() throws {
        var g = datasetBuilder()
        g.type(ds, DCATNS.dcat + "DatasetSeries")
        let extras = try DCATMapper.dataset(ds, in: g.graph).extras
        #expect(extras["rdf:type"] == ["dcat:Dataset", "dcat:DatasetSeries"])
    }

    @Test func dublinCoreElementsLanguageStandsInForAMissingDCTLanguage() throws {
        let dc = "http://purl.org/dc/elements/1.1/"
        var g = datasetBuilder()
        g.add(ds, dc + "language", [lit("ca"), lit("en")])
        g.add(ds, DCATNS.dcat + "distribution", bnode("d"))
        g.add(bnode("d"), DCATNS.dcat + "accessURL", iri("https://example.org/data.csv"))
        g.add(bnode("d"), dc + "language", lit("es"))
        let dataset = try DCATMapper.dataset(ds, in: g.graph)
        #expect(dataset.languages.map(\.raw) == ["ca", "en"])
        #expect(dataset.languages.map(\.key) == ["CAT", "ENG"])
        #expect(dataset.distributions.first?.languages.map(\.key) == ["SPA"])

        // With dct:language present, dc:language is not mixed in.
        g.add(ds, DCATNS.dct + "language", iri("http://publications.europa.eu/resource/authority/language/SWE"))
        #expect(try DCATMapper.dataset(ds, in: g.graph).languages.map(\.key) == ["SWE"])
    }
}
