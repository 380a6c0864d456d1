import KatalogRDF
import Testing

@Suite("RDF/XML streaming and entities")
struct RDFXMLStreamingTests {
    /// A DCAT-AP catalogue as real dumps write it: entities in the DOCTYPE used in attribute values.
    static let catalogue = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE rdf:RDF [
          <!ENTITY dcat "http://www.w3.org/ns/dcat#">
          <!ENTITY dct "http://purl.org/dc/terms/">
          <!ENTITY xsd "http://www.w3.org/2001/XMLSchema#">
          <!ENTITY lic "http://publications.europa.eu/resource/authority/licence/">
        ]>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="&dcat;" xmlns:dct="&dct;"
                 xmlns:vcard="http://www.w3.org/2006/vcard/ns#" xmlns:foaf="http://xmlns.com/foaf/0.1/">
          <dcat:Catalog rdf:about="https://data.example.se/catalog">
            <dct:title xml:lang="sv">Öppna data från Malmö</dct:title>
            <dcat:dataset>
              <dcat:Dataset rdf:about="https://data.example.se/dataset/luftkvalitet">
                <dct:title xml:lang="sv">Luftkvalitet – mätvärden</dct:title>
                <dct:title xml:lang="en">Air quality &amp; measurements</dct:title>
                <dct:description xml:lang="da">Målinger af luftkvalitet, æøå</dct:description>
                <dcat:keyword xml:lang="sv">miljö</dcat:keyword>
                <dct:issued rdf:datatype="&xsd;date">2024-01-31</dct:issued>
                <dct:publisher><foaf:Agent rdf:about="https://data.example.se/org/miljo"><foaf:name>Miljöförvaltningen</foaf:name></foaf:Agent></dct:publisher>
                <dcat:contactPoint><vcard:Organization><vcard:hasEmail rdf:resource="mailto:miljo@example.se"/></vcard:Organization></dcat:contactPoint>
                <dcat:distribution>
                  <dcat:Distribution rdf:about="https://data.example.se/dataset/luftkvalitet/csv">
                    <dcat:downloadURL rdf:resource="https://data.example.se/files/luft.csv?year=2024&amp;format=csv"/>
                    <dct:license rdf:resource="&lic;CC_BY_4_0"/>
                    <rdf:type rdf:resource="&dcat;Distribution"/>
                  </dcat:Distribution>
                </dcat:distribution>
              </dcat:Dataset>
            </dcat:dataset>
          </dcat:Catalog>
        </rdf:RDF>
        """

    @Test func entitiesInAttributeValuesAreReplaced() throws {
        let triples = try RDFXMLTestSupport.parse(Self.catalogue)
        let distribution = Term.iri("https://data.example.se/dataset/luftkvalitet/csv")
        #expect(triples.contains(Triple(distribution, "http://purl.org/dc/terms/license",
                                        .iri("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"))))
        #expect(triples.contains(Triple(distribution, Vocab.rdfType, .iri("http://www.w3.org/ns/dcat#Distribution"))))
        #expect(triples.contains(Triple(distribution, "http://www.w3.org/ns/dcat#downloadURL",
                                        .iri("https://data.example.se/files/luft.csv?year=2024&format=csv"))))
        let dataset = Term.iri("https://data.example.se/dataset/luftkvalitet")
        #expect(triples.contains(Triple(dataset, "http://purl.org/dc/terms/issued",
                                        .literal(Literal("2024-01-31", datatype: "http://www.w3.org/2001/XMLSchema#date")))))
        #expect(triples.contains(Triple(dataset, "http://purl.org/dc/terms/title",
                                        .literal(Literal("Air quality & measurements", language: "en")))))
        #expect(triples.count == 20)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 4096])
    func chunkBoundariesDoNotChangeTheGraph(chunkSize: Int) throws {
        let whole = RDFXMLTestSupport.canonical(try RDFXMLTestSupport.parse(Self.catalogue))
        let chunked = RDFXMLTestSupport.canonical(try RDFXMLTestSupport.parse(Self.catalogue, chunkSize: chunkSize))
        #expect(chunked == whole)
    }

    @Test func entityTextInContentIsReplaced() throws {
        let triples = try RDFXMLTestSupport.parse("""
            <!DOCTYPE rdf:RDF [ <!ENTITY org "Länsstyrelsen &amp; kommunen"> ]>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/ns#">
              <rdf:Description rdf:about="a"><ex:p>&org; och &org;</ex:p></rdf:Description>
            </rdf:RDF>
            """)
        #expect(triples.first?.object.literalValue?.lexical == "Länsstyrelsen & kommunen och Länsstyrelsen & kommunen")
    }

    @Test func sinkErrorsPassThroughUnchanged() {
        struct Refusal: Error {}
        struct RefusingSink: TripleSink {
            mutating func consume(_ triple: Triple) throws { throw Refusal() }
        }
        var parser = RDFXMLParser(baseIRI: nil)
        var sink = RefusingSink()
        let bytes = Array(Self.catalogue.utf8)
        #expect(throws: Refusal.self) {
            try bytes.withUnsafeBytes { try parser.feed($0, into: &sink) }
            try parser.finish(into: &sink)
        }
    }

    @Test func truncatedDocumentFailsAtFinish() throws {
        var parser = RDFXMLParser(baseIRI: nil)
        var sink = RDFXMLCollectingSink()
        let bytes = Array(Self.catalogue.utf8.prefix(600))
        try bytes.withUnsafeBytes { try parser.feed($0, into: &sink) }
        let error = RDFXMLTestSupport.parseError { try parser.finish(into: &sink) }
        #expect(error?.code == .syntax)
    }
}
