import Foundation
import KatalogRDF

/// Turns catalogue records back into DCAT-AP 3 triples, for `katalog export` and the hub's `/catalog.*` routes.
///
/// A dataset keeps its source IRI as its subject when it has one; otherwise (a CKAN package, a blank-node dataset)
/// it gets `<base>datasets/<id>`, the hub's own address for it. Distributions without an IRI get
/// `<base>datasets/<id>/distributions/<n>`. Values the DCAT-AP 3 shapes constrain to a class (licences, themes,
/// formats, languages, agents, periods …) are written as nodes typed with that class, so the export validates
/// without RDFS inference; a value that is not an IRI becomes a blank node of that class with the value as its
/// label. Texts keep every language; untagged texts stay untagged. Nothing is invented: a dataset without a
/// description is exported without one.
public struct DCATExporter {
    /// Prefixes for the Turtle and RDF/XML writers.
    public static let prefixes: [String: String] = [
        "dcat": DCATTerms.dcat, "dct": DCATTerms.dct, "foaf": DCATTerms.foaf, "vcard": DCATTerms.vcard,
        "skos": DCATTerms.skos, "adms": DCATTerms.adms, "spdx": DCATTerms.spdx, "xsd": Vocab.xsd,
        "rdfs": DCATTerms.rdfs, "locn": DCATTerms.locn, "hydra": DCATExporter.hydra,
    ]
    /// The Hydra vocabulary, for paged exports.
    public static let hydra = "http://www.w3.org/ns/hydra/core#"

    /// The base the hub's own IRIs are made from (ends in `/` or `:`).
    public let base: String
    private var blankCount = 0

    /// Creates an exporter minting IRIs under `base` (`http://host:port/`, or `urn:katalog:`).
    public init(base: String) {
        self.base = base
    }

    /// The catalogue node: `<base>catalog`, with a title, a description, a publisher and `dcat:dataset` links.
    public mutating func catalogue(datasets: [Term], title: String = "Katalog", into triples: inout [Triple]) {
        let catalogue = Term.iri(base + "catalog")
        triples.append(Triple(catalogue, Vocab.rdfType, .iri(DCATTerms.dcat + "Catalog")))
        triples.append(Triple(catalogue, DCATTerms.title, .literal(Literal(title, language: "en"))))
        triples.append(Triple(catalogue, DCATTerms.description, .literal(Literal(
            "Dataset metadata harvested by Katalog from open-data catalogues, normalised to DCAT-AP 3.", language: "en"))))
        let publisher = newBlank()
        triples.append(Triple(catalogue, DCATTerms.dct + "publisher", publisher))
        triples.append(Triple(publisher, Vocab.rdfType, .iri(DCATTerms.foaf + "Agent")))
        triples.append(Triple(publisher, DCATTerms.foaf + "name", .literal(Literal(title))))
        links(to: datasets, into: &triples)
    }

    /// The catalogue's `dcat:dataset` links to `datasets`.
    public func links(to datasets: [Term], into triples: inout [Triple]) {
        let catalogue = Term.iri(base + "catalog")
        for dataset in datasets {
            triples.append(Triple(catalogue, DCATTerms.dcat + "dataset", dataset))
        }
    }

    /// The subject a record is exported under.
    public func subject(of dataset: Dataset, id: String) -> Term {
        if let iri = dataset.iri.flatMap(DCATExporter.safeIRI) { return .iri(iri) }
        return .iri(base + "datasets/" + id)
    }

    /// Appends the triples of one record (its subject is ``subject(of:id:)``): the dataset's own first, then each
    /// node it links to, each triple once, so every node is one statement in Turtle and one description in RDF/XML.
    public mutating func dataset(_ dataset: Dataset, id: String, into triples: inout [Triple]) {
        var own: [Triple] = []
        write(dataset, id: id, into: &own)
        var order: [Term] = []
        var bySubject: [Term: [Triple]] = [:]
        var seen: Set<Triple> = []
        for triple in own where seen.insert(triple).inserted {
            if bySubject[triple.subject] == nil { order.append(triple.subject) }
            bySubject[triple.subject, default: []].append(triple)
        }
        for subject in order { triples += bySubject[subject] ?? [] }
    }

    private mutating func write(_ dataset: Dataset, id: String, into triples: inout [Triple]) {
        let s = subject(of: dataset, id: id)
        func add(_ predicate: String, _ object: Term) { triples.append(Triple(s, predicate, object)) }
        add(Vocab.rdfType, .iri(DCATTerms.dcat + "Dataset"))
        texts(dataset.title, s, DCATTerms.title, &triples)
        texts(dataset.description, s, DCATTerms.description, &triples)
        for keyword in dataset.keywords where !keyword.value.isEmpty {
            add(DCATTerms.dcat + "keyword", .literal(Literal(keyword.value, language: keyword.language)))
        }
        for theme in dataset.themes {
            concept(theme, s, DCATTerms.dcat + "theme", DCATTerms.skos + "Concept", &triples)
            // A theme the source gave in its own scheme (Los, say) and Katalog mapped onto an EU data theme: both.
            if let uri = theme.uri, uri != theme.raw, DCATExporter.safeIRI(theme.raw) != nil {
                concept(Concept(raw: theme.raw), s, DCATTerms.dcat + "theme", DCATTerms.skos + "Concept", &triples)
            }
        }
        if let publisher = dataset.publisher { agent(publisher, s, DCATTerms.dct + "publisher", &triples) }
        if let creator = dataset.creator { agent(creator, s, DCATTerms.dct + "creator", &triples) }
        for contact in dataset.contactPoints { contactPoint(contact, s, &triples) }
        date(dataset.issued, s, DCATTerms.issued, &triples)
        date(dataset.modified, s, DCATTerms.modified, &triples)
        for range in dataset.temporal { temporal(range, s, &triples) }
        for place in dataset.spatial { spatial(place, s, &triples) }
        if let rights = dataset.accessRights { concept(rights, s, DCATTerms.accessRights, DCATTerms.dct + "RightsStatement", &triples) }
        if let license = dataset.license { concept(license, s, DCATTerms.license, DCATTerms.dct + "LicenseDocument", &triples) }
        if let rights = dataset.rights { statement(rights, s, &triples) }
        for page in dataset.landingPages { resource(page, s, DCATTerms.dcat + "landingPage", DCATTerms.foaf + "Document", &triples) }
        for language in dataset.languages {
            concept(language, s, DCATTerms.dct + "language", DCATTerms.dct + "LinguisticSystem", &triples)
        }
        if let frequency = dataset.accrualPeriodicity {
            concept(frequency, s, DCATTerms.dct + "accrualPeriodicity", DCATTerms.dct + "Frequency", &triples)
        }
        for standard in dataset.conformsTo { resource(standard, s, DCATTerms.conformsTo, DCATTerms.dct + "Standard", &triples) }
        for identifier in DCATValues.distinct([dataset.sourceIdentifier] + dataset.identifiers) {
            add(DCATTerms.identifier, .literal(Literal(identifier)))
        }
        for other in dataset.otherIdentifiers {
            let node = newBlank()
            add(DCATTerms.adms + "identifier", node)
            triples.append(Triple(node, Vocab.rdfType, .iri(DCATTerms.adms + "Identifier")))
            triples.append(Triple(node, DCATTerms.notation, .literal(Literal(other))))
        }
        if let version = dataset.version { add(DCATTerms.dcat + "version", .literal(Literal(version))) }
        for (index, distribution) in dataset.distributions.enumerated() {
            let node = distribution.identifier.flatMap(DCATExporter.safeIRI).map(Term.iri)
                ?? .iri(base + "datasets/" + id + "/distributions/" + String(index + 1))
            add(DCATTerms.dcat + "distribution", node)
            self.distribution(distribution, node, &triples)
        }
    }

    private mutating func distribution(_ d: Distribution, _ s: Term, _ triples: inout [Triple]) {
        triples.append(Triple(s, Vocab.rdfType, .iri(DCATTerms.dcat + "Distribution")))
        texts(d.title, s, DCATTerms.title, &triples)
        texts(d.description, s, DCATTerms.description, &triples)
        // DCAT-AP requires an access URL; a distribution published with only a download URL is reached there.
        let access = d.accessURLs.isEmpty ? Array(d.downloadURLs.prefix(1)) : d.accessURLs
        for url in access { resource(url, s, DCATTerms.dcat + "accessURL", DCATTerms.rdfs + "Resource", &triples) }
        for url in d.downloadURLs { resource(url, s, DCATTerms.dcat + "downloadURL", DCATTerms.rdfs + "Resource", &triples) }
        if let format = d.format { concept(format, s, DCATTerms.format, DCATTerms.dct + "MediaTypeOrExtent", &triples) }
        if let mediaType = d.mediaType, DCATValues.looksLikeMediaType(mediaType),
           let iri = DCATExporter.safeIRI("https://www.iana.org/assignments/media-types/" + mediaType) {
            triples.append(Triple(s, DCATTerms.dcat + "mediaType", .iri(iri)))
            triples.append(Triple(.iri(iri), Vocab.rdfType, .iri(DCATTerms.dct + "MediaType")))
        }
        if let size = d.byteSize, size >= 0 {
            triples.append(Triple(s, DCATTerms.dcat + "byteSize", .literal(Literal(String(size), datatype: Vocab.xsd + "nonNegativeInteger"))))
        }
        if let checksum = d.checksum, DCATExporter.isHex(checksum.value),
           let algorithm = DCATExporter.spdxAlgorithms[checksum.algorithm] {
            let node = newBlank()
            triples.append(Triple(s, DCATTerms.spdx + "checksum", node))
            triples.append(Triple(node, Vocab.rdfType, .iri(DCATTerms.spdx + "Checksum")))
            triples.append(Triple(node, DCATTerms.spdx + "algorithm", .iri(algorithm)))
            triples.append(Triple(.iri(algorithm), Vocab.rdfType, .iri(DCATTerms.spdx + "ChecksumAlgorithm")))
            triples.append(Triple(node, DCATTerms.spdx + "checksumValue", .literal(Literal(checksum.value.lowercased(), datatype: Vocab.xsd + "hexBinary"))))
        }
        if let license = d.license { concept(license, s, DCATTerms.license, DCATTerms.dct + "LicenseDocument", &triples) }
        if let rights = d.accessRights { concept(rights, s, DCATTerms.accessRights, DCATTerms.dct + "RightsStatement", &triples) }
        if let rights = d.rights { statement(rights, s, &triples) }
        for standard in d.conformsTo { resource(standard, s, DCATTerms.conformsTo, DCATTerms.dct + "Standard", &triples) }
        for language in d.languages { concept(language, s, DCATTerms.dct + "language", DCATTerms.dct + "LinguisticSystem", &triples) }
        date(d.issued, s, DCATTerms.issued, &triples)
        date(d.modified, s, DCATTerms.modified, &triples)
        if let status = d.status { concept(status, s, DCATTerms.adms + "status", DCATTerms.skos + "Concept", &triples) }
        for service in d.accessServices { accessService(service, s, &triples) }
    }

    /// A data service is written only with what DCAT-AP requires of one: a title and an endpoint.
    private mutating func accessService(_ service: AccessService, _ s: Term, _ triples: inout [Triple]) {
        let endpoints = service.endpoints.compactMap(DCATExporter.safeIRI)
        guard !service.title.isEmpty, !endpoints.isEmpty else { return }
        let node = service.identifier.flatMap(DCATExporter.safeIRI).map(Term.iri) ?? newBlank()
        triples.append(Triple(s, DCATTerms.dcat + "accessService", node))
        triples.append(Triple(node, Vocab.rdfType, .iri(DCATTerms.dcat + "DataService")))
        texts(service.title, node, DCATTerms.title, &triples)
        for url in endpoints { resource(url, node, DCATTerms.dcat + "endpointURL", DCATTerms.rdfs + "Resource", &triples) }
        for url in service.endpointDescriptions {
            resource(url, node, DCATTerms.dcat + "endpointDescription", DCATTerms.rdfs + "Resource", &triples)
        }
        for standard in service.conformsTo { resource(standard, node, DCATTerms.conformsTo, DCATTerms.dct + "Standard", &triples) }
    }

    private func texts(_ text: LocalizedText, _ s: Term, _ predicate: String, _ triples: inout [Triple]) {
        for (language, value) in text.values.sorted(by: { $0.key < $1.key }) where !value.isEmpty {
            triples.append(Triple(s, predicate, .literal(Literal(value, language: language.isEmpty ? nil : language))))
        }
    }

    private mutating func agent(_ agent: Agent, _ s: Term, _ predicate: String, _ triples: inout [Triple]) {
        // An agent needs a name (foaf:name is mandatory); one known by nothing else is left out.
        let name = agent.name.isEmpty ? (agent.identifier ?? agent.iri).map { LocalizedText($0) } : agent.name
        guard let name, !name.isEmpty else { return }
        let node = agent.iri.flatMap(DCATExporter.safeIRI).map(Term.iri) ?? newBlank()
        triples.append(Triple(s, predicate, node))
        triples.append(Triple(node, Vocab.rdfType, .iri(DCATTerms.foaf + "Agent")))
        texts(name, node, DCATTerms.foaf + "name", &triples)
        if let type = agent.type { concept(type, node, DCATTerms.dct + "type", DCATTerms.skos + "Concept", &triples) }
        if let homepage = agent.homepage { resource(homepage, node, DCATTerms.foaf + "homepage", DCATTerms.foaf + "Document", &triples) }
        if let email = agent.email, let iri = DCATExporter.mailtoIRI(email) {
            triples.append(Triple(node, DCATTerms.foaf + "mbox", .iri(iri)))
        }
        if let identifier = agent.identifier { triples.append(Triple(node, DCATTerms.identifier, .literal(Literal(identifier)))) }
    }

    private mutating func contactPoint(_ contact: ContactPoint, _ s: Term, _ triples: inout [Triple]) {
        let node = newBlank()
        triples.append(Triple(s, DCATTerms.dcat + "contactPoint", node))
        triples.append(Triple(node, Vocab.rdfType, .iri(DCATTerms.vcard + "Kind")))
        texts(contact.name, node, DCATTerms.vcard + "fn", &triples)
        if let email = contact.email {
            let iri = DCATExporter.mailtoIRI(email)
            triples.append(Triple(node, DCATTerms.vcard + "hasEmail", iri.map(Term.iri) ?? .literal(Literal(email))))
        }
        if let telephone = contact.telephone {
            // A `tel:` IRI only when the number is plain (digits, `+`, spaces, dashes); "+46 (0)920-450 00" stays text,
            // as dropping the brackets would dial the trunk prefix.
            let plain = telephone.hasPrefix("tel:") ? String(telephone.dropFirst(4)) : telephone
            let digits = plain.filter { $0.isNumber || $0 == "+" }
            let isPlain = plain.allSatisfy { $0.isNumber || $0 == "+" || $0 == " " || $0 == "-" } && digits.count > 2
            if isPlain, let iri = DCATExporter.safeIRI("tel:" + digits) {
                triples.append(Triple(node, DCATTerms.vcard + "hasTelephone", .iri(iri)))
            } else {
                triples.append(Triple(node, DCATTerms.vcard + "hasTelephone", .literal(Literal(telephone))))
            }
        }
        if let url = contact.url, let iri = DCATExporter.safeIRI(url) {
            triples.append(Triple(node, DCATTerms.vcard + "hasURL", .iri(iri)))
        }
    }

    private func date(_ value: DateValue?, _ s: Term, _ predicate: String, _ triples: inout [Triple]) {
        guard let value else { return }
        triples.append(Triple(s, predicate, .literal(DCATExporter.dateLiteral(value))))
    }

    /// A date as DCAT-AP writes one: `xsd:gYear`, `xsd:gYearMonth`, `xsd:date` or `xsd:dateTime` from the normalised
    /// form, the raw text untyped when it could not be read.
    static func dateLiteral(_ value: DateValue) -> Literal {
        guard let normalized = value.normalized, let precision = value.precision else { return Literal(value.raw) }
        let type: String
        switch precision {
        case .year: type = "gYear"
        case .month: type = "gYearMonth"
        case .day: type = "date"
        case .time: type = "dateTime"
        }
        return Literal(normalized, datatype: Vocab.xsd + type)
    }

    private mutating func temporal(_ range: TemporalRange, _ s: Term, _ triples: inout [Triple]) {
        guard range.start != nil || range.end != nil else { return }
        let node = newBlank()
        triples.append(Triple(s, DCATTerms.dct + "temporal", node))
        triples.append(Triple(node, Vocab.rdfType, .iri(DCATTerms.dct + "PeriodOfTime")))
        date(range.start, node, DCATTerms.dcat + "startDate", &triples)
        date(range.end, node, DCATTerms.dcat + "endDate", &triples)
    }

    private mutating func spatial(_ place: SpatialCoverage, _ s: Term, _ triples: inout [Triple]) {
        let node = place.iri.flatMap(DCATExporter.safeIRI).map(Term.iri) ?? newBlank()
        triples.append(Triple(s, DCATTerms.dct + "spatial", node))
        triples.append(Triple(node, Vocab.rdfType, .iri(DCATTerms.dct + "Location")))
        if let label = place.label { texts(label, node, DCATTerms.skos + "prefLabel", &triples) }
        if let bbox = place.bbox { triples.append(Triple(node, DCATTerms.dcat + "bbox", .literal(DCATExporter.geometryLiteral(bbox)))) }
        if let geometry = place.geometry {
            // DCAT-AP 3 wants a locn:Geometry node; the text goes in GeoSPARQL's asWKT / asGeoJSON.
            let shape = newBlank()
            let literal = DCATExporter.geometryLiteral(geometry)
            triples.append(Triple(node, DCATTerms.locn + "geometry", shape))
            triples.append(Triple(shape, Vocab.rdfType, .iri(DCATTerms.locn + "Geometry")))
            let predicate = literal.datatype.hasSuffix("geoJSONLiteral") ? "asGeoJSON" : "asWKT"
            triples.append(Triple(shape, DCATTerms.geo + predicate, .literal(literal)))
        }
    }

    /// WKT as `geo:wktLiteral`, GeoJSON as `geo:geoJSONLiteral`, anything else untyped.
    static func geometryLiteral(_ text: String) -> Literal {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasPrefix("{") { return Literal(trimmed, datatype: "http://www.opengis.net/ont/geosparql#geoJSONLiteral") }
        if let first = trimmed.first, first.isLetter { return Literal(trimmed, datatype: "http://www.opengis.net/ont/geosparql#wktLiteral") }
        return Literal(trimmed)
    }

    private mutating func statement(_ text: String, _ s: Term, _ triples: inout [Triple]) {
        let node = newBlank()
        triples.append(Triple(s, DCATTerms.rights, node))
        triples.append(Triple(node, Vocab.rdfType, .iri(DCATTerms.dct + "RightsStatement")))
        triples.append(Triple(node, DCATTerms.label, .literal(Literal(text))))
    }

    /// A controlled value: its vocabulary IRI (or the raw value when that is an IRI) typed `type`, with the label
    /// Katalog knows; else a blank node of `type` labelled with the raw value.
    private mutating func concept(_ concept: Concept, _ s: Term, _ predicate: String, _ type: String, _ triples: inout [Triple]) {
        // A skos:Concept must have a skos:prefLabel (DCAT-AP 3); other classes get an rdfs:label where one is needed.
        let isConcept = type == DCATTerms.skos + "Concept"
        let node: Term
        if let iri = (concept.uri ?? concept.raw).nonEmpty.flatMap(DCATExporter.safeIRI) {
            node = .iri(iri)
            if let label = concept.label, !label.isEmpty {
                texts(label, node, DCATTerms.skos + "prefLabel", &triples)
            } else if isConcept {
                // Katalog knows no label: the IRI's last segment (`…/los/tema/barnehage` → `barnehage`) is the name.
                let name = iri.split(whereSeparator: { "/#".contains($0) }).last.map(String.init) ?? iri
                triples.append(Triple(node, DCATTerms.skos + "prefLabel", .literal(Literal(name.removingPercentEncoding ?? name))))
            }
        } else {
            guard !concept.raw.isEmpty else { return }
            node = newBlank()
            triples.append(Triple(node, isConcept ? DCATTerms.skos + "prefLabel" : DCATTerms.label, .literal(Literal(concept.raw))))
        }
        triples.append(Triple(s, predicate, node))
        triples.append(Triple(node, Vocab.rdfType, .iri(type)))
    }

    /// A link to a resource of class `type`: the IRI when the value is one, else a blank node labelled with it.
    private mutating func resource(_ value: String, _ s: Term, _ predicate: String, _ type: String, _ triples: inout [Triple]) {
        let node: Term
        if let iri = DCATExporter.safeIRI(value) {
            node = .iri(iri)
        } else {
            guard !value.isEmpty else { return }
            node = newBlank()
            triples.append(Triple(node, DCATTerms.label, .literal(Literal(value))))
        }
        triples.append(Triple(s, predicate, node))
        triples.append(Triple(node, Vocab.rdfType, .iri(type)))
    }

    private mutating func newBlank() -> Term {
        blankCount += 1
        return .blank("n\(blankCount)")
    }

    /// The `mailto:` IRI of an e-mail address (given with or without the scheme), when it makes a safe IRI.
    static func mailtoIRI(_ email: String) -> String? {
        safeIRI(email.hasPrefix("mailto:") ? email : "mailto:" + email)
    }

    /// `value` when it is an absolute IRI with nothing IRIs may not hold (spaces, quotes, angle brackets …).
    public static func safeIRI(_ value: String) -> String? {
        guard IRI.isAbsolute(value), value.utf8.count <= 8_192, TermSyntax.isWrittenRaw(iri: value) else { return nil }
        return value
    }

    static func isHex(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.count % 2 == 0 && value.utf8.allSatisfy {
            ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) || ($0 >= 97 && $0 <= 102)
        }
    }

    /// The SPDX algorithm IRIs by Katalog's algorithm names.
    static let spdxAlgorithms: [String: String] = [
        "sha1": DCATTerms.spdx + "checksumAlgorithm_sha1", "sha224": DCATTerms.spdx + "checksumAlgorithm_sha224",
        "sha256": DCATTerms.spdx + "checksumAlgorithm_sha256", "sha384": DCATTerms.spdx + "checksumAlgorithm_sha384",
        "sha512": DCATTerms.spdx + "checksumAlgorithm_sha512", "md5": DCATTerms.spdx + "checksumAlgorithm_md5",
    ]
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
