import KatalogRDF

extension DCATReader {
    /// A `dcat:Distribution`; a bare IRI keeps only its identifier, a URL literal becomes an access URL.
    func distribution(_ term: Term) throws -> Distribution? {
        if case .literal = term {
            guard let url = DCATValues.text(term) else { return nil }
            return Distribution(accessURLs: [url])
        }
        var distribution = Distribution(identifier: term.iriValue)
        guard try graph.isDescribed(term) else { return term.iriValue == nil ? nil : distribution }
        if distribution.identifier == nil {
            distribution.identifier = try firstText(term, [DCATTerms.identifier])
        }
        distribution.title = try localized(term, [DCATTerms.title, DCATTerms.label])
        distribution.description = try localized(term, [DCATTerms.description])
        distribution.accessURLs = try links(term, DCATTerms.dcat + "accessURL")
        distribution.downloadURLs = try links(term, DCATTerms.dcat + "downloadURL")
        distribution.format = try concepts(term, DCATTerms.format, normalizer.format).first
        distribution.mediaType = try firstValue(objects(term, DCATTerms.dcat + "mediaType"), mediaType)
        if distribution.mediaType == nil {
            // DCAT-AP-SE publishes media types in dct:format ("text/csv") and no dcat:mediaType.
            distribution.mediaType = try objects(term, DCATTerms.format).compactMap(mediaType)
                .first(where: DCATValues.looksLikeMediaType)
        }
        if distribution.format == nil {
            // No dct:format: take the format from the media type, else from the download URL's file extension,
            // when either names a known file type (so format facets and filters still find the distribution).
            let byMediaType = distribution.mediaType.map(normalizer.format).flatMap { $0.uri == nil ? nil : $0 }
            distribution.format = byMediaType ?? distribution.downloadURLs.lazy.compactMap(FileFormat.infer(fromURL:)).first
        }
        distribution.byteSize = try objects(term, DCATTerms.dcat + "byteSize").lazy.compactMap(DCATValues.text)
            .compactMap(DCATValues.byteSize).first
        distribution.checksum = try firstValue(objects(term, DCATTerms.spdx + "checksum"), checksum)
        distribution.license = try concepts(term, DCATTerms.license, normalizer.license).first
        distribution.rights = try firstValue(objects(term, DCATTerms.rights), statement)
        distribution.accessRights = try concepts(term, DCATTerms.accessRights, normalizer.accessRights).first
        distribution.conformsTo = try standards(term)
        distribution.languages = try languages(term)
        distribution.issued = try date(term, DCATTerms.issued)
        distribution.modified = try date(term, DCATTerms.modified)
        distribution.status = try concepts(term, DCATTerms.adms + "status", DCATNormalizer.identityConcept).first
            ?? concepts(term, DCATTerms.dcatap + "availability", DCATNormalizer.identityConcept).first
            ?? concepts(term, DCATTerms.dcat + "availability", DCATNormalizer.identityConcept).first
        distribution.accessServices = try objects(term, DCATTerms.dcat + "accessService")
            .prefix(DCATReader.maxAccessServices).compactMap(sharedAccessService)
        return distribution
    }

    /// The most `dcat:accessService`s read of one distribution.
    static var maxAccessServices: Int { 16 }
    /// The most bytes of service text (titles, URLs) one dataset's distributions copy in all: a service lives
    /// outside the dataset's subgraph, so without a bound one big service named by thousands of distributions would
    /// be copied into the record thousands of times. Past it, a service is kept as its IRI only.
    static var maxAccessServiceBytes: Int { 1 << 20 }
    /// Longest endpoint, endpoint description or standard kept, in UTF-8 bytes; longer values are left out.
    static var maxAccessServiceValueBytes: Int { 8 << 10 }

    /// ``accessService(_:)``, read once per dataset, within ``maxAccessServiceBytes`` for the whole record.
    func sharedAccessService(_ term: Term) throws -> AccessService? {
        let service: AccessService?
        if let known = services.read[term] {
            service = known
        } else {
            service = try accessService(term)
            services.read[term] = service
        }
        guard let service else { return nil }
        let size = service.textBytes
        guard services.bytes + size <= DCATReader.maxAccessServiceBytes else {
            return service.identifier.map { AccessService(identifier: $0) }
        }
        services.bytes += size
        return service
    }

    /// A distribution's `dcat:accessService`: a `dcat:DataService` node's title, endpoint URLs, endpoint descriptions
    /// and standards (IRIs and literals only: nodes linked from the service are not read); an undescribed IRI keeps
    /// only its identifier, a URL literal becomes an endpoint.
    func accessService(_ term: Term) throws -> AccessService? {
        if case .literal = term {
            return DCATValues.text(term).map { AccessService(endpoints: [$0]) }
        }
        // Reads only DCATMapper.accessServicePredicates of the node: the source digest covers those triples.
        var service = AccessService(identifier: term.iriValue)
        guard try graph.isDescribed(term) else { return term.iriValue == nil ? nil : service }
        service.title = try localized(term, [DCATTerms.title, DCATTerms.label])
        func values(_ predicate: String) throws -> [String] {
            DCATValues.distinct(try objects(term, predicate).prefix(DCATReader.maxLocalizedValues).compactMap { object -> String? in
                if case .blank = object { return nil }
                return DCATValues.text(object).flatMap { $0.utf8.count <= DCATReader.maxAccessServiceValueBytes ? $0 : nil }
            })
        }
        service.endpoints = try values(DCATTerms.dcat + "endpointURL")
        service.endpointDescriptions = try values(DCATTerms.dcat + "endpointDescription")
        service.conformsTo = try values(DCATTerms.conformsTo)
        return service
    }

    /// A media type from an IANA media-types IRI, a literal, or a `dct:IMT` node's `rdf:value` / label.
    func mediaType(_ term: Term) throws -> String? {
        let raw: String?
        switch term {
        case .iri:
            // A local IRI described as a `dct:IMT` node carries the media type in its `rdf:value`.
            raw = try firstText(term, [DCATTerms.value]) ?? DCATValues.text(term)
        case .literal: raw = DCATValues.text(term)
        case .blank: raw = try firstText(term, [DCATTerms.value, DCATTerms.label, DCATTerms.notation])
        }
        guard let raw else { return nil }
        for prefix in ["http://www.iana.org/assignments/media-types/", "https://www.iana.org/assignments/media-types/"]
        where raw.lowercased().hasPrefix(prefix) {
            let type = String(raw.dropFirst(prefix.count))
            return type.isEmpty ? nil : type
        }
        return raw
    }



    /// An `spdx:Checksum` node: `spdx:algorithm` (e.g. `spdx:checksumAlgorithm_sha256` → `sha256`) and `spdx:checksumValue`.
    func checksum(_ term: Term) throws -> Checksum? {
        guard term.isResource, let value = try firstText(term, [DCATTerms.spdx + "checksumValue"]) else { return nil }
        let algorithm = try firstText(term, [DCATTerms.spdx + "algorithm"]).map(DCATValues.checksumAlgorithm) ?? "unknown"
        return Checksum(algorithm: algorithm, value: value)
    }

}

/// The data services one dataset's distributions name, each read once, and the bytes of them copied so far.
final class AccessServiceMemo {
    var read: [Term: AccessService?] = [:]
    var bytes = 0
}

extension AccessService {
    /// The UTF-8 bytes of its texts and URLs.
    var textBytes: Int {
        (identifier?.utf8.count ?? 0) + title.values.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
            + (endpoints + endpointDescriptions + conformsTo).reduce(0) { $0 + $1.utf8.count }
    }
}
