/// The namespaces and property IRIs the DCAT mapper reads (DCAT-AP 2.x / 3 and the SE, NO and DK profiles).
enum DCATTerms {
    static let dcat = "http://www.w3.org/ns/dcat#"
    static let dct = "http://purl.org/dc/terms/"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let foaf = "http://xmlns.com/foaf/0.1/"
    static let vcard = "http://www.w3.org/2006/vcard/ns#"
    static let skos = "http://www.w3.org/2004/02/skos/core#"
    static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let owl = "http://www.w3.org/2002/07/owl#"
    static let adms = "http://www.w3.org/ns/adms#"
    static let spdx = "http://spdx.org/rdf/terms#"
    static let locn = "http://www.w3.org/ns/locn#"
    static let schema = "http://schema.org/"
    static let schemaHTTPS = "https://schema.org/"
    static let time = "http://www.w3.org/2006/time#"
    static let prov = "http://www.w3.org/ns/prov#"
    static let dqv = "http://www.w3.org/ns/dqv#"
    static let oa = "http://www.w3.org/ns/oa#"
    static let dcatap = "http://data.europa.eu/r5r/"
    static let cv = "http://data.europa.eu/m8g/"
    static let geo = "http://www.opengis.net/ont/geosparql#"
    /// DCAT-AP-NO extensions, current namespace.
    static let dcatno = "https://data.norge.no/vocabulary/dcatno#"
    /// DCAT-AP-NO extensions, the namespace of version 1.1 (still served by older Norwegian catalogues).
    static let dcatnoLegacy = "http://difi.no/dcatno#"
    /// DCAT-DK, the Danish extension vocabulary of DCAT-AP-DK 2.
    static let dcatdk = "https://data.gov.dk/model/core/dcat-dk/"

    // Classes.
    static let dataset = dcat + "Dataset"
    static let datasetSeries = dcat + "DatasetSeries"
    static let catalog = dcat + "Catalog"
    static let catalogRecord = dcat + "CatalogRecord"
    static let dataService = dcat + "DataService"

    // Literal-valued and link properties used more than once.
    static let title = dct + "title"
    static let description = dct + "description"
    static let identifier = dct + "identifier"
    static let type = dct + "type"
    static let license = dct + "license"
    static let rights = dct + "rights"
    static let accessRights = dct + "accessRights"
    static let conformsTo = dct + "conformsTo"
    static let language = dct + "language"
    static let issued = dct + "issued"
    static let modified = dct + "modified"
    static let format = dct + "format"
    static let prefLabel = skos + "prefLabel"
    static let altLabel = skos + "altLabel"
    static let notation = skos + "notation"
    static let label = rdfs + "label"
    static let value = rdf + "value"
    static let foafName = foaf + "name"
    static let vcardFN = vcard + "fn"
    static let vcardHasValue = vcard + "hasValue"

    /// Prefixes for the compact keys of `Dataset.extras`, longest namespace first where one is a prefix of another.
    static let prefixes: [(prefix: String, namespace: String)] = [
        ("dcat", dcat), ("dct", dct), ("dc", dc), ("foaf", foaf), ("vcard", vcard), ("skos", skos),
        ("rdfs", rdfs), ("rdf", rdf), ("owl", owl), ("adms", adms), ("spdx", spdx), ("locn", locn),
        ("schema", schema), ("schema", schemaHTTPS), ("time", time), ("prov", prov), ("dqv", dqv), ("oa", oa),
        ("dcatap", dcatap), ("cv", cv), ("geo", geo), ("dcatno", dcatno), ("dcatno", dcatnoLegacy),
        ("dcat-dk", dcatdk),
    ]

    /// An IRI's compact form (`dcat:keyword`) when its namespace is known, else the IRI itself.
    static func compact(_ iri: String) -> String {
        for (prefix, namespace) in prefixes where iri.hasPrefix(namespace) && iri.count > namespace.count {
            return prefix + ":" + iri.dropFirst(namespace.count)
        }
        return iri
    }
}
