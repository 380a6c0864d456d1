import KatalogRDF
@testable import KatalogModel

/// Namespaces for building test graphs.
enum DCATNS {
    static let dcat = "http://www.w3.org/ns/dcat#"
    static let dct = "http://purl.org/dc/terms/"
    static let foaf = "http://xmlns.com/foaf/0.1/"
    static let vcard = "http://www.w3.org/2006/vcard/ns#"
    static let skos = "http://www.w3.org/2004/02/skos/core#"
    static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"
    static let owl = "http://www.w3.org/2002/07/owl#"
    static let adms = "http://www.w3.org/ns/adms#"
    static let spdx = "http://spdx.org/rdf/terms#"
    static let locn = "http://www.w3.org/ns/locn#"
    static let schema = "http://schema.org/"
    static let time = "http://www.w3.org/2006/time#"
    static let prov = "http://www.w3.org/ns/prov#"
    static let dqv = "http://www.w3.org/ns/dqv#"
    static let oa = "http://www.w3.org/ns/oa#"
    static let dcatap = "http://data.europa.eu/r5r/"
    static let cv = "http://data.europa.eu/m8g/"
    static let dcatno = "https://data.norge.no/vocabulary/dcatno#"
    static let dcatnoLegacy = "http://difi.no/dcatno#"
    static let dcatdk = "https://data.gov.dk/model/core/dcat-dk/"
    static let geo = "http://www.opengis.net/ont/geosparql#"
}

/// Collects triples for a test graph.
struct DCATGraphBuilder {
    var triples: [Triple] = []

    /// Adds one triple; `p` may be a full IRI.
    mutating func add(_ s: Term, _ p: String, _ o: Term) {
        triples.append(Triple(s, p, o))
    }

    /// Adds several objects for one subject and predicate.
    mutating func add(_ s: Term, _ p: String, _ objects: [Term]) {
        for o in objects { add(s, p, o) }
    }

    /// Adds `rdf:type`.
    mutating func type(_ s: Term, _ type: String) {
        add(s, DCATNS.rdf + "type", .iri(type))
    }

    /// The graph.
    var graph: InMemoryGraph { InMemoryGraph(triples) }
}

/// Term constructors and graph builders for the DCAT test suites (a protocol so the names stay out of the module scope).
protocol DCATTestSupport {}

extension DCATTestSupport {
    /// An IRI term.
    func iri(_ value: String) -> Term { .iri(value) }
    /// A blank node term.
    func bnode(_ label: String) -> Term { .blank(label) }
    /// A plain or language-tagged literal.
    func lit(_ value: String, _ language: String? = nil) -> Term { .literal(Literal(value, language: language)) }
    /// A typed literal.
    func typed(_ value: String, _ datatype: String) -> Term { .literal(Literal(value, datatype: datatype)) }

    /// The default dataset subject, `<http://ex.org/ds>`.
    var ds: Term { .iri("http://ex.org/ds") }

    /// A builder holding `subject` (default ``ds``) typed dcat:Dataset, with an English title unless `title` is nil.
    func datasetBuilder(_ subject: Term? = nil, title: String? = "Title") -> DCATGraphBuilder {
        let subject = subject ?? ds
        var builder = DCATGraphBuilder()
        builder.type(subject, DCATNS.dcat + "Dataset")
        if let title { builder.add(subject, DCATNS.dct + "title", lit(title, "en")) }
        return builder
    }
}
