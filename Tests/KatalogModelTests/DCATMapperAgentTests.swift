import KatalogRDF
import Testing
@testable import KatalogModel

struct DCATMapperAgentTests: DCATTestSupport {
    @Test func describedPublisherIRIWithNamesTypeMailAndHomepage() throws {
        var g = datasetBuilder()
        let org = iri("https://example.com/publisher1")
        g.add(ds, DCATNS.dct + "publisher", org)
        g.type(org, DCATNS.foaf + "Organization")
        g.add(org, DCATNS.foaf + "name", lit("Exempelmyndigheten", "sv"))
        g.add(org, DCATNS.foaf + "name", lit("Example Agency", "en"))
        g.add(org, DCATNS.dct + "type", iri("http://purl.org/adms/publishertype/NationalAuthority"))
        g.add(org, DCATNS.foaf + "mbox", iri("mailto:info@example.com"))
        g.add(org, DCATNS.foaf + "homepage", iri("https://example.com"))
        let publisher = try #require(try DCATMapper.dataset(ds, in: g.graph).publisher)
        #expect(publisher.iri == "https://example.com/publisher1")
        #expect(publisher.name.values == ["sv": "Exempelmyndigheten", "en": "Example Agency"])
        #expect(publisher.type?.uri == "http://purl.org/adms/publishertype/NationalAuthority")
        #expect(publisher.email == "info@example.com")
        #expect(publisher.homepage == "https://example.com")
    }

    @Test func undescribedPublisherIRIKeepsTheIRIWithEmptyName() throws {
        var g = datasetBuilder()
        g.add(ds, DCATNS.dct + "publisher", iri("http://publications.europa.eu/resource/authority/corporate-body/ESTAT"))
        let publisher = try #require(try DCATMapper.dataset(ds, in: g.graph).publisher)
        #expect(publisher.iri == "http://publications.europa.eu/resource/authority/corporate-body/ESTAT")
        #expect(publisher.name.isEmpty)
        #expect(publisher.key == publisher.iri)
    }

    @Test func blankNodePublisherWithSeveralLanguagesAndLiteralMailbox() throws {
        var g = datasetBuilder()
        g.add(ds, DCATNS.dct + "publisher", bnode("p"))
        g.type(bnode("p"), DCATNS.foaf + "Agent")
        g.add(bnode("p"), DCATNS.foaf + "name", lit("Digitaliseringsdirektoratet", "nb"))
        g.add(bnode("p"), DCATNS.foaf + "name", lit("Digitaliseringsdirektoratet", "nn"))
        g.add(bnode("p"), DCATNS.foaf + "name", lit("Norwegian Digitalisation Agency", "en"))
        g.add(bnode("p"), DCATNS.foaf + "mbox", lit("post@digdir.no"))
        g.add(bnode("p"), DCATNS.dct + "identifier", lit("991825827"))
        let publisher = try #require(try DCATMapper.dataset(ds, in: g.graph).publisher)
        #expect(publisher.iri == nil)
        #expect(publisher.name.languages == ["en", "nb", "nn"])
        #expect(publisher.email == "post@digdir.no")
        #expect(publisher.identifier == "991825827")
    }

    @Test func norwegianRegisterIRIGivesTheOrganisationNumber() throws {
        var g = datasetBuilder()
        g.add(ds, DCATNS.dct + "publisher", iri("https://organization-catalog.fellesdatakatalog.digdir.no/organizations/991825827"))
        g.add(ds, DCATNS.dct + "creator", iri("https://data.brreg.no/enhetsregisteret/api/enheter/974760673"))
        let dataset = try DCATMapper.dataset(ds, in: g.graph)
        #expect(dataset.publisher?.identifier == "991825827")
        #expect(dataset.creator?.identifier == "974760673")
    }

    @Test func creatorIsMappedLikeThePublisher() throws {
        var g = datasetBuilder()
        g.add(ds, DCATNS.dct + "creator", bnode("c"))
        g.add(bnode("c"), DCATNS.foaf + "name", lit("Statistikbyrån", "sv"))
        #expect(try DCATMapper.dataset(ds, in: g.graph).creator?.name.values == ["sv": "Statistikbyrån"])
    }

    @Test func vcardContactPointWithEmailTelephoneNodeAndURL() throws {
        var g = datasetBuilder()
        let cp = iri("https://example.com/contactpoint1")
        g.add(ds, DCATNS.dcat + "contactPoint", cp)
        g.type(cp, DCATNS.vcard + "Organization")
        g.add(cp, DCATNS.vcard + "fn", lit("Öppna data-gruppen", "sv"))
        g.add(cp, DCATNS.vcard + "hasEmail", iri("mailto:oppnadata@example.com"))
        g.add(cp, DCATNS.vcard + "hasTelephone", bnode("tel"))
        g.add(bnode("tel"), DCATNS.vcard + "hasValue", iri("tel:+46012345678"))
        g.add(cp, DCATNS.vcard + "hasURL", iri("https://example.com/contact"))
        let contact = try #require(try DCATMapper.dataset(ds, in: g.graph).contactPoints.first)
        #expect(contact.name.values == ["sv": "Öppna data-gruppen"])
        #expect(contact.email == "oppnadata@example.com")
        #expect(contact.telephone == "+46012345678")
        #expect(contact.url == "https://example.com/contact")
    }

    @Test func contactPointVariants() throws {
        var g = datasetBuilder()
        g.add(ds, DCATNS.dcat + "contactPoint", bnode("k"))
        g.type(bnode("k"), DCATNS.vcard + "Individual")
        g.add(bnode("k"), DCATNS.vcard + "fn", lit("Kari Nordmann"))
        g.add(bnode("k"), DCATNS.vcard + "hasEmail", lit("MAILTO:kari@example.no"))
        g.add(bnode("k"), DCATNS.vcard + "hasTelephone", iri("tel:+4722334455"))
        g.add(ds, DCATNS.dcat + "contactPoint", bnode("o"))
        g.type(bnode("o"), DCATNS.vcard + "Kind")
        g.add(bnode("o"), DCATNS.vcard + "hasOrganizationName", lit("Kundesenter", "nb"))
        g.add(bnode("o"), DCATNS.vcard + "hasEmail", bnode("mail"))
        g.add(bnode("mail"), DCATNS.vcard + "hasValue", lit("kunde@example.no"))
        g.add(ds, DCATNS.dcat + "contactPoint", iri("mailto:bare@example.org"))
        g.add(ds, DCATNS.dcat + "contactPoint", bnode("empty"))
        g.type(bnode("empty"), DCATNS.vcard + "Kind")
        let contacts = try DCATMapper.dataset(ds, in: g.graph).contactPoints
        #expect(contacts.count == 3)
        #expect(contacts[0] == ContactPoint(name: LocalizedText("Kari Nordmann"), email: "kari@example.no",
                                            telephone: "+4722334455"))
        #expect(contacts[1].name.values == ["nb": "Kundesenter"])
        #expect(contacts[1].email == "kunde@example.no")
        #expect(contacts[2].email == "bare@example.org")
    }

    @Test func admsContactPointOfDCATAP1IsReadBesideDCATContactPoint() throws {
        // DCAT-AP 1.0 (and the Swedish profile built on it) named the property adms:contactPoint.
        var g = datasetBuilder()
        g.add(ds, DCATNS.adms + "contactPoint", bnode("org"))
        g.type(bnode("org"), DCATNS.vcard + "Organization")
        g.add(bnode("org"), DCATNS.vcard + "fn", lit("Nobel Media AB"))
        g.add(bnode("org"), DCATNS.vcard + "hasTelephone", bnode("tel"))
        g.add(bnode("tel"), DCATNS.vcard + "hasValue", iri("tel:086631722"))
        g.add(bnode("org"), DCATNS.vcard + "hasEmail", iri("mailto:info@nobelmedia.org"))
        let contacts = try DCATMapper.dataset(ds, in: g.graph).contactPoints
        #expect(contacts == [ContactPoint(name: LocalizedText("Nobel Media AB"), email: "info@nobelmedia.org",
                                          telephone: "086631722")])

        // Both properties: the DCAT one first, a contact given under both only once.
        g.add(ds, DCATNS.dcat + "contactPoint", bnode("desk"))
        g.add(bnode("desk"), DCATNS.vcard + "fn", lit("Servicedesk"))
        g.add(ds, DCATNS.dcat + "contactPoint", bnode("org"))
        let both = try DCATMapper.dataset(ds, in: g.graph).contactPoints
        #expect(both.map { $0.name.best() } == ["Servicedesk", "Nobel Media AB"])
    }

    @Test func publisherConceptOfARegisterGivesItsNotationAsIdentifier() throws {
        var g = datasetBuilder()
        let org = iri("http://datos.gob.es/recurso/sector-publico/org/Organismo/L01280796")
        g.add(ds, DCATNS.dct + "publisher", org)
        g.type(org, DCATNS.skos + "Concept")
        g.add(org, DCATNS.skos + "notation", lit("L01280796"))
        g.add(org, DCATNS.skos + "prefLabel", lit("Ayuntamiento de Madrid"))
        let publisher = try #require(try DCATMapper.dataset(ds, in: g.graph).publisher)
        #expect(publisher.identifier == "L01280796")
        #expect(publisher.name.values == ["": "Ayuntamiento de Madrid"])
        // dct:identifier wins over the notation.
        g.add(org, DCATNS.dct + "identifier", lit("ES-L01280796"))
        #expect(try DCATMapper.dataset(ds, in: g.graph).publisher?.identifier == "ES-L01280796")
    }

    @Test func danishResponsibleOrganisationStandsInForAMissingPublisher() throws {
        var g = datasetBuilder()
        let org = iri("https://example.dk/org/1")
        g.add(ds, DCATNS.dcatdk + "datasetResponsibleOrganisation", org)
        g.add(org, DCATNS.skos + "prefLabel", lit("Digitaliseringsstyrelsen", "da"))
        let dataset = try DCATMapper.dataset(ds, in: g.graph)
        #expect(dataset.publisher?.iri == "https://example.dk/org/1")
        #expect(dataset.publisher?.name.values == ["da": "Digitaliseringsstyrelsen"])
        #expect(dataset.extras["dcat-dk:datasetResponsibleOrganisation"] == ["Digitaliseringsstyrelsen"])
    }
}
