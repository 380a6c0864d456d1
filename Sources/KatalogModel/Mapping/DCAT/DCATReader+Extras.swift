import KatalogRDF

/// How a property without a model field is rendered into `Dataset.extras`.
enum DCATExtraKind: Sendable {
    /// Literal text, an IRI, or a node's label (with its link, when it has one).
    case text
    /// An agent: its name, else its IRI.
    case agent
    /// A `dqv:QualityAnnotation`: `dimension: body text`, or the IRI of a predefined annotation.
    case qualityAnnotation
    /// A `cv:Cost`: `value currency`, else its description.
    case cost
    /// A `prov:Attribution`: `role: agent`.
    case attribution
}

extension DCATReader {
    /// `Dataset.extras`: compact property name → distinct values as text.
    func extras(_ subject: Term) throws -> [String: [String]] {
        var extras: [String: [String]] = [:]
        for (predicate, kind) in DCATExtraProperties.all {
            let values = try objects(subject, predicate).compactMap { try extraValue($0, kind) }
            guard !values.isEmpty else { continue }
            let key = DCATTerms.compact(predicate)
            extras[key] = DCATValues.distinct((extras[key] ?? []) + values)
        }
        let types = try graph.types(of: subject)
        if types.contains(DCATTerms.datasetSeries) {
            extras["rdf:type"] = DCATValues.distinct(types.map(DCATTerms.compact))
        }
        return extras
    }

    /// One value of an extra property as display text.
    func extraValue(_ term: Term, _ kind: DCATExtraKind) throws -> String? {
        switch kind {
        case .text:
            return try describedText(term)
        case .agent:
            return try agent(term).flatMap { $0.name.best() ?? $0.iri ?? $0.identifier }
        case .qualityAnnotation:
            guard term.isResource, try graph.isDescribed(term) else { return DCATValues.text(term) }
            let body = try firstValue(objects(term, DCATTerms.oa + "hasBody")) { body in
                body.literalValue != nil ? DCATValues.text(body) : try localized(body, [DCATTerms.value]).best()
            }
            let dimension = try first(term, DCATTerms.dqv + "inDimension").flatMap(DCATValues.text).map(DCATValues.lastSegment)
            switch (dimension, body) {
            case (let dimension?, let body?): return "\(dimension): \(body)"
            case (nil, let body?): return body
            case (let dimension?, nil): return dimension
            case (nil, nil): return term.iriValue
            }
        case .cost:
            guard term.isResource, try graph.isDescribed(term) else { return DCATValues.text(term) }
            if let value = try firstText(term, [DCATTerms.cv + "hasValue"]) {
                let currency = try firstText(term, [DCATTerms.cv + "currency"]).map(DCATValues.lastSegment)
                return currency.map { "\(value) \($0)" } ?? value
            }
            return try localized(term, [DCATTerms.description]).best() ?? term.iriValue
        case .attribution:
            guard term.isResource, try graph.isDescribed(term) else { return DCATValues.text(term) }
            let agentName = try firstValue(objects(term, DCATTerms.prov + "agent")) { try extraValue($0, .agent) }
            let role = try firstText(term, [DCATTerms.dcat + "hadRole"]).map(DCATValues.lastSegment)
            guard let agentName else { return role }
            return role.map { "\($0): \(agentName)" } ?? agentName
        }
    }

    /// Text for a literal or IRI; for a node its label or description, followed by its link in parentheses.
    func describedText(_ term: Term) throws -> String? {
        guard term.isResource, try graph.isDescribed(term) else { return DCATValues.text(term) }
        let link = try firstText(term, [DCATTerms.dct + "source", DCATTerms.foaf + "page", DCATTerms.schema + "url",
                                        DCATTerms.schemaHTTPS + "url"])
        let text = try label(of: term).best()
            ?? localized(term, [DCATTerms.description, DCATTerms.schema + "description",
                                DCATTerms.schemaHTTPS + "description", DCATTerms.value]).best()
        switch (text, link ?? term.iriValue) {
        case (let text?, let link?): return "\(text) (\(link))"
        case (let text?, nil): return text
        case (nil, let link): return link
        }
    }
}

/// Dataset properties of DCAT-AP and of the SE, NO and DK profiles that have no field in the model, for
/// ``DCATReader/extras(_:)``: built once here (a generic type cannot hold a stored static, and the table is read for
/// every dataset mapped).
enum DCATExtraProperties {
    static let all: [(predicate: String, kind: DCATExtraKind)] = {
        let dct = DCATTerms.dct, dcat = DCATTerms.dcat, dcatno = DCATTerms.dcatno, legacy = DCATTerms.dcatnoLegacy
        let norwegian = ["accessRightsComment", "legalBasisForRestriction", "legalBasisForProcessing",
                         "legalBasisForAccess", "informationModel", "objective"]
        var table: [(String, DCATExtraKind)] = [
            // DCAT-AP 2.x / 3 optional properties.
            (dct + "type", .text), (dct + "subject", .text), (DCATTerms.foaf + "page", .text),
            (dct + "provenance", .text), (dct + "source", .text), (dct + "relation", .text),
            (dct + "isReferencedBy", .text), (dct + "hasVersion", .text), (dct + "isVersionOf", .text),
            (dct + "replaces", .text), (dcat + "hasVersion", .text), (dcat + "inSeries", .text), (dcat + "prev", .text),
            (dcat + "previousVersion", .text), (DCATTerms.adms + "versionNotes", .text),
            (dcat + "spatialResolutionInMeters", .text), (dcat + "temporalResolution", .text),
            (DCATTerms.prov + "wasGeneratedBy", .text), (DCATTerms.dcatap + "applicableLegislation", .text),
            (DCATTerms.dcatap + "hvdCategory", .text), (dct + "rightsHolder", .agent),
            (DCATTerms.prov + "qualifiedAttribution", .attribution),
            // DCAT-AP-NO.
            (DCATTerms.dqv + "hasQualityAnnotation", .qualityAnnotation), (DCATTerms.cv + "hasCost", .cost),
            // DCAT-AP-SE: a fee as schema:Offer.
            (DCATTerms.schema + "offers", .text), (DCATTerms.schemaHTTPS + "offers", .text),
            // DCAT-AP-DK (DCAT-DK vocabulary).
            (DCATTerms.dcatdk + "datasetResponsibleOrganisation", .agent),
            (DCATTerms.dcatdk + "hasConfidentialityType", .text), (DCATTerms.dcatdk + "paymentImposedContents", .text),
            (DCATTerms.dcatdk + "personalDataCategory", .text),
        ]
        for name in norwegian {
            table.append((dcatno + name, .text))
            table.append((legacy + name, .text))
        }
        return table
    }()
}
