import KatalogRDF
import Testing
@testable import KatalogModel

struct DCATProfileTests: DCATTestSupport {
    /// DCAT-AP-SE: publisher as foaf:Agent with dct:type, legacy schema: periods, fee as schema:Offer,
    /// qualified attributions, rights holder, HVD category.
    @Test func swedishProfile() throws {
        var g = datasetBuilder(title: nil)
        g.add(ds, DCATNS.dct + "title", lit("Bibliotek i Sverige", "sv"))
        g.add(ds, DCATNS.dct + "title", lit("Libraries in Sweden", "en"))
        let publisher = iri("https://example.com/publisher1")
        g.add(ds, DCATNS.dct + "publisher", publisher)
        g.type(publisher, DCATNS.foaf + "Agent")
        g.add(publisher, DCATNS.foaf + "name", lit("Exempel organisation"))
        g.add(publisher, DCATNS.dct + "type", iri("http://purl.org/adms/publishertype/NonProfitOrganisation"))
        g.add(ds, DCATNS.dct + "temporal", bnode("p"))
        g.add(bnode("p"), DCATNS.schema + "startDate", typed("2010-01-01", DCATNS.xsd + "date"))
        g.add(bnode("p"), DCATNS.schema + "endDate", typed("2012-12-31", DCATNS.xsd + "date"))
        g.add(ds, DCATNS.schema + "offers", bnode("fee"))
        g.type(bnode("fee"), DCATNS.schema + "Offer")
        g.add(bnode("fee"), DCATNS.schema + "description", lit("Avgift enligt prislista", "sv"))
        g.add(bnode("fee"), DCATNS.schema + "url", iri("https://example.com/prices"))
        g.add(ds, DCATNS.prov + "qualifiedAttribution", bnode("attr"))
        g.add(bnode("attr"), DCATNS.prov + "agent", iri("https://example.com/org2"))
        g.add(iri("https://example.com/org2"), DCATNS.foaf + "name", lit("Förvaltaren", "sv"))
        g.add(bnode("attr"), DCATNS.dcat + "hadRole", iri("http://inspire.ec.europa.eu/metadata-codelist/ResponsiblePartyRole/custodian"))
        g.add(ds, DCATNS.dct + "rightsHolder", iri("https://example.com/org2"))
        g.add(ds, DCATNS.dcatap + "hvdCategory", iri("http://data.europa.eu/bna/c_ac64a52d"))
        g.add(ds, DCATNS.adms + "versionNotes", lit("Ny kolumn", "sv"))
        let dataset = try DCATMapper.dataset(ds, in: g.graph)
        #expect(dataset.title.values == ["sv": "Bibliotek i Sverige", "en": "Libraries in Sweden"])
        #expect(dataset.publisher?.type?.key == "NonProfitOrganisation")
        #expect(dataset.publisher?.name.values == ["": "Exempel organisation"])
        #expect(dataset.temporal == [TemporalRange(start: DateValue(raw: "2010-01-01"), end: DateValue(raw: "2012-12-31"))])
        #expect(dataset.extras["schema:offers"] == ["Avgift enligt prislista (https://example.com/prices)"])
        #expect(dataset.extras["prov:qualifiedAttribution"] == ["custodian: Förvaltaren"])
        #expect(dataset.extras["dct:rightsHolder"] == ["Förvaltaren"])
        #expect(dataset.extras["dcatap:hvdCategory"] == ["http://data.europa.eu/bna/c_ac64a52d"])
        #expect(dataset.extras["adms:versionNotes"] == ["Ny kolumn"])
    }

    /// DCAT-AP-NO: dcatno extensions in both namespaces, dct:subject, quality annotations, cost, legislation.
    @Test func norwegianProfile() throws {
        var g = datasetBuilder(title: nil)
        g.add(ds, DCATNS.dct + "title", lit("Eksempeldatasett", "nb"))
        g.add(ds, DCATNS.dct + "title", lit("Eksempeldatasett nynorsk", "nn"))
        g.add(ds, DCATNS.dct + "title", lit("Example dataset", "en"))
        g.add(ds, DCATNS.dcatno + "accessRightsComment", iri("https://lovdata.no/lov/2006-05-19-16/§13"))
        g.add(ds, DCATNS.dcatnoLegacy + "legalBasisForRestriction", bnode("lb"))
        g.type(bnode("lb"), DCATNS.skos + "Concept")
        g.add(bnode("lb"), DCATNS.dct + "source", iri("https://lovdata.no/lov/2006-05-19-16/§13"))
        g.add(bnode("lb"), DCATNS.skos + "prefLabel", lit("Offentleglova § 13", "nb"))
        g.add(ds, DCATNS.dcatno + "informationModel", iri("https://ex.no/models/1"))
        g.add(ds, DCATNS.dcatnoLegacy + "objective", lit("Formålet er å vise eksempler", "nb"))
        g.add(ds, DCATNS.dct + "subject", iri("https://w3id.org/demo-resources/demo-concepts#demoCpt1"))
        g.add(ds, DCATNS.dqv + "hasQualityAnnotation", bnode("qa"))
        g.add(bnode("qa"), DCATNS.dqv + "inDimension", iri("http://iso.org/25012/2008/dataquality/Accuracy"))
        g.add(bnode("qa"), DCATNS.oa + "hasBody", bnode("body"))
        g.add(bnode("body"), DCATNS.rdf + "value", lit("Svært nøyaktig", "nb"))
        g.add(ds, DCATNS.dqv + "hasQualityAnnotation", iri("https://data.norge.no/vocabulary/dqvno#isAuthoritative"))
        g.add(ds, DCATNS.cv + "hasCost", bnode("cost"))
        g.add(bnode("cost"), DCATNS.cv + "hasValue", typed("100.00", DCATNS.xsd + "double"))
        g.add(bnode("cost"), DCATNS.cv + "currency", iri("http://publications.europa.eu/resource/authority/currency/NOK"))
        g.add(ds, DCATNS.dcatap + "applicableLegislation", iri("https://lovdata.no/eli/forskrift/2016/12/15/1600"))
        g.add(ds, DCATNS.prov + "wasGeneratedBy", iri("https://data.norge.no/vocabulary/provenance-activity-type#administrative-decision"))
        g.add(ds, DCATNS.dcat + "theme", iri("https://psi.norge.no/los/tema/naring"))
        let dataset = try DCATMapper.dataset(ds, in: g.graph)
        #expect(dataset.title.languages == ["en", "nb", "nn"])
        #expect(dataset.extras["dcatno:accessRightsComment"] == ["https://lovdata.no/lov/2006-05-19-16/§13"])
        #expect(dataset.extras["dcatno:legalBasisForRestriction"] == ["Offentleglova § 13 (https://lovdata.no/lov/2006-05-19-16/§13)"])
        #expect(dataset.extras["dcatno:informationModel"] == ["https://ex.no/models/1"])
        #expect(dataset.extras["dcatno:objective"] == ["Formålet er å vise eksempler"])
        #expect(dataset.extras["dct:subject"] == ["https://w3id.org/demo-resources/demo-concepts#demoCpt1"])
        #expect(dataset.extras["dqv:hasQualityAnnotation"] == ["Accuracy: Svært nøyaktig",
                                                                "https://data.norge.no/vocabulary/dqvno#isAuthoritative"])
        #expect(dataset.extras["cv:hasCost"] == ["100.00 NOK"])
        #expect(dataset.extras["dcatap:applicableLegislation"] == ["https://lovdata.no/eli/forskrift/2016/12/15/1600"])
        #expect(dataset.extras["prov:wasGeneratedBy"]?.count == 1)
        #expect(dataset.themes.map(\.raw) == ["https://psi.norge.no/los/tema/naring"])
    }

    /// DCAT-AP-DK: the DCAT-DK vocabulary (confidentiality, payment, personal data category) and dct:subject.
    @Test func danishProfile() throws {
        var g = datasetBuilder(title: nil)
        g.add(ds, DCATNS.dct + "title", lit("Adresser", "da"))
        g.add(ds, DCATNS.dcatdk + "hasConfidentialityType", iri("https://data.gov.dk/concept/core/confidentiality-type/Public"))
        g.add(ds, DCATNS.dcatdk + "paymentImposedContents", typed("false", DCATNS.xsd + "boolean"))
        g.add(ds, DCATNS.dcatdk + "personalDataCategory", iri("https://data.gov.dk/concept/core/personaldata/NoPersonalData"))
        g.add(ds, DCATNS.dct + "subject", bnode("begreb"))
        g.add(bnode("begreb"), DCATNS.skos + "prefLabel", lit("adresse", "da"))
        g.add(ds, DCATNS.dct + "publisher", iri("https://example.dk/udgiver"))
        g.add(ds, DCATNS.dcatdk + "datasetResponsibleOrganisation", iri("https://example.dk/ansvarlig"))
        let dataset = try DCATMapper.dataset(ds, in: g.graph)
        #expect(dataset.title.values == ["da": "Adresser"])
        #expect(dataset.extras["dcat-dk:hasConfidentialityType"] == ["https://data.gov.dk/concept/core/confidentiality-type/Public"])
        #expect(dataset.extras["dcat-dk:paymentImposedContents"] == ["false"])
        #expect(dataset.extras["dcat-dk:personalDataCategory"]?.count == 1)
        #expect(dataset.extras["dct:subject"] == ["adresse"])
        #expect(dataset.publisher?.iri == "https://example.dk/udgiver")
        #expect(dataset.extras["dcat-dk:datasetResponsibleOrganisation"] == ["https://example.dk/ansvarlig"])
    }

    @Test func compactNamesForExtrasKeys() {
        #expect(DCATTerms.compact("http://difi.no/dcatno#objective") == "dcatno:objective")
        #expect(DCATTerms.compact("https://data.gov.dk/model/core/dcat-dk/personalDataCategory") == "dcat-dk:personalDataCategory")
        #expect(DCATTerms.compact("https://schema.org/offers") == "schema:offers")
        #expect(DCATTerms.compact("http://unknown.example/p") == "http://unknown.example/p")
    }
}
