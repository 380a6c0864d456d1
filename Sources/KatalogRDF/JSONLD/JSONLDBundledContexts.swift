/// The JSON-LD contexts Katalog ships, written for Katalog from the vocabularies they name, and the
/// URLs publishers reference them by.
///
/// Terms whose values are nearly always links (`accessURL`, `landingPage`, `dataset`, …) are typed
/// `@id`; terms that publishers fill with either a string or a link (`format`, `language`, `theme`,
/// `spatial`, …) are left untyped so a plain string stays a literal instead of becoming a relative IRI.
enum JSONLDBundledContexts {
    /// Context documents by every URL they are known under.
    static let documentsByURL: [String: String] = {
        var documents: [String: String] = [:]
        for url in [
            "https://www.w3.org/ns/dcat.jsonld", "https://www.w3.org/ns/dcat2.jsonld", "https://www.w3.org/ns/dcat3.jsonld",
        ] {
            documents[url] = dcat
        }
        documents["https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld"] = dcatUS
        documents["https://www.w3.org/ns/hydra/context.jsonld"] = hydra
        return documents
    }()

    /// Namespace prefixes of the vocabularies DCAT-AP catalogues use, as context entries.
    static let prefixes = """
        "adms": "http://www.w3.org/ns/adms#",
        "cnt": "http://www.w3.org/2011/content#",
        "dc": "http://purl.org/dc/elements/1.1/",
        "dcat": "http://www.w3.org/ns/dcat#",
        "dcatap": "http://data.europa.eu/r5r/",
        "dct": "http://purl.org/dc/terms/",
        "dcterms": "http://purl.org/dc/terms/",
        "dqv": "http://www.w3.org/ns/dqv#",
        "eli": "http://data.europa.eu/eli/ontology#",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "gsp": "http://www.opengis.net/ont/geosparql#",
        "hydra": "http://www.w3.org/ns/hydra/core#",
        "locn": "http://www.w3.org/ns/locn#",
        "odrl": "http://www.w3.org/ns/odrl/2/",
        "org": "http://www.w3.org/ns/org#",
        "owl": "http://www.w3.org/2002/07/owl#",
        "prov": "http://www.w3.org/ns/prov#",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "schema": "http://schema.org/",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "spdx": "http://spdx.org/rdf/terms#",
        "time": "http://www.w3.org/2006/time#",
        "vcard": "http://www.w3.org/2006/vcard/ns#",
        "xsd": "http://www.w3.org/2001/XMLSchema#"
        """
}
