import KatalogRDF

extension DCATReader {
    /// Maps the dataset's own properties; the caller sets `sourceIdentifier`.
    func dataset(_ subject: Term) throws -> Dataset {
        var dataset = Dataset(sourceIdentifier: subject.iriValue ?? "", iri: subject.iriValue)
        dataset.title = try localized(subject, [DCATTerms.title, DCATTerms.dc + "title", DCATTerms.label])
        dataset.description = try localized(subject, [DCATTerms.description, DCATTerms.dc + "description"])
        dataset.keywords = try keywords(subject)
        dataset.themes = try concepts(subject, DCATTerms.dcat + "theme", normalizer.theme)
        dataset.publisher = try firstAgent(subject, DCATTerms.dct + "publisher")
            ?? firstAgent(subject, DCATTerms.dcatdk + "datasetResponsibleOrganisation")
        dataset.creator = try firstAgent(subject, DCATTerms.dct + "creator")
        dataset.contactPoints = try contactPoints(subject)
        dataset.issued = try date(subject, DCATTerms.issued)
        dataset.modified = try date(subject, DCATTerms.modified)
        dataset.temporal = DCATValues.distinct(try objects(subject, DCATTerms.dct + "temporal").compactMap(temporal))
        dataset.spatial = DCATValues.distinct(try objects(subject, DCATTerms.dct + "spatial").compactMap(spatial))
        dataset.accessRights = try concepts(subject, DCATTerms.accessRights, normalizer.accessRights).first
        dataset.license = try concepts(subject, DCATTerms.license, normalizer.license).first
        dataset.rights = try firstValue(objects(subject, DCATTerms.rights), statement)
        dataset.landingPages = try links(subject, DCATTerms.dcat + "landingPage")
        dataset.languages = try languages(subject)
        dataset.accrualPeriodicity = try firstValue(objects(subject, DCATTerms.dct + "accrualPeriodicity"), frequency)
        dataset.conformsTo = try standards(subject)
        dataset.identifiers = try texts(subject, DCATTerms.identifier)
        dataset.otherIdentifiers = try otherIdentifiers(subject)
        dataset.version = try firstText(subject, [DCATTerms.owl + "versionInfo", DCATTerms.dcat + "version"])
        dataset.distributions = try objects(subject, DCATTerms.dcat + "distribution").compactMap(distribution)
        dataset.extras = try extras(subject)
        return dataset
    }

    /// `dcat:contactPoint`s, then `adms:contactPoint`s (the property of DCAT-AP 1.0, still published by
    /// early DCAT-AP-SE catalogues and by DCAT-US JSON-LD), each distinct contact once.
    func contactPoints(_ subject: Term) throws -> [ContactPoint] {
        let terms = try objects(subject, DCATTerms.dcat + "contactPoint") + objects(subject, DCATTerms.adms + "contactPoint")
        return DCATValues.distinct(try terms.compactMap(contactPoint))
    }

    /// `dct:language`s, else the Dublin Core elements `dc:language` some catalogues write instead.
    func languages(_ subject: Term) throws -> [Concept] {
        let languages = try concepts(subject, DCATTerms.language, normalizer.language)
        return languages.isEmpty ? try concepts(subject, DCATTerms.dc + "language", normalizer.language) : languages
    }

    /// `dcat:keyword`s with their languages, each distinct pair once.
    func keywords(_ subject: Term) throws -> [LangString] {
        var seen = Set<LangString>()
        var result: [LangString] = []
        for object in try objects(subject, DCATTerms.dcat + "keyword") {
            let keyword: LangString
            switch object {
            case .literal(let literal): keyword = LangString(literal.lexical, language: literal.language)
            case .iri(let iri): keyword = LangString(iri)
            case .blank: continue
            }
            if !keyword.value.isEmpty, seen.insert(keyword).inserted { result.append(keyword) }
        }
        return result
    }

    /// `dct:conformsTo`: IRIs, or the label or identifier of a blank `dct:Standard` node.
    func standards(_ subject: Term) throws -> [String] {
        DCATValues.distinct(try objects(subject, DCATTerms.conformsTo).compactMap { object -> String? in
            switch object {
            case .iri, .literal: return DCATValues.text(object)
            case .blank:
                return try label(of: object).best() ?? firstText(object, [DCATTerms.identifier, DCATTerms.foaf + "page"])
            }
        })
    }

    /// `adms:identifier`: the `skos:notation` of an `adms:Identifier` node, else its IRI or the literal.
    func otherIdentifiers(_ subject: Term) throws -> [String] {
        DCATValues.distinct(try objects(subject, DCATTerms.adms + "identifier").compactMap { object -> String? in
            if object.isResource, let notation = try firstText(object, [DCATTerms.notation, DCATTerms.value]) {
                return notation
            }
            return DCATValues.text(object)
        })
    }
}
