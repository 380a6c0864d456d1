import KatalogRDF

extension DCATReader {
    /// A `dct:PeriodOfTime` (DCAT 2 `dcat:startDate`, DCAT-AP 1 / DCAT-AP-SE 1 `schema:startDate`, or OWL-Time),
    /// or a literal ISO 8601 interval `start/end`.
    func temporal(_ term: Term) throws -> TemporalRange? {
        if case .literal(let literal) = term {
            let parts = literal.lexical.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            let start = parts[0].trimmingWhitespace(), end = parts[1].trimmingWhitespace()
            guard !start.isEmpty || !end.isEmpty else { return nil }
            return TemporalRange(start: start.isEmpty ? nil : DateValue(raw: start),
                                 end: end.isEmpty ? nil : DateValue(raw: end))
        }
        let start = try instant(term, [DCATTerms.dcat + "startDate", DCATTerms.schema + "startDate",
                                       DCATTerms.schemaHTTPS + "startDate"], DCATTerms.time + "hasBeginning")
        let end = try instant(term, [DCATTerms.dcat + "endDate", DCATTerms.schema + "endDate",
                                     DCATTerms.schemaHTTPS + "endDate"], DCATTerms.time + "hasEnd")
        guard start != nil || end != nil else { return nil }
        return TemporalRange(start: start, end: end)
    }

    /// One end of a period: a direct date property, else an OWL-Time instant (`time:inXSDDateTimeStamp` …).
    func instant(_ period: Term, _ direct: [String], _ owlTime: String) throws -> DateValue? {
        if let text = try firstText(period, direct) { return DateValue(raw: text) }
        for object in try objects(period, owlTime) {
            if case .literal(let literal) = object {
                return DateValue(raw: literal.lexical)
            }
            let positions = ["inXSDDateTimeStamp", "inXSDDateTime", "inXSDDate", "inXSDgYearMonth", "inXSDgYear"]
            if let text = try firstText(object, positions.map { DCATTerms.time + $0 }) {
                return DateValue(raw: text)
            }
        }
        return nil
    }

    /// A `dct:Location`: a bare place IRI, or a node with labels, `dcat:bbox`, `locn:geometry` and `dcat:centroid`.
    ///
    /// The centroid stands in for the geometry when the node has no `locn:geometry`.
    func spatial(_ term: Term) throws -> SpatialCoverage? {
        if case .literal(let literal) = term {
            let label = LocalizedText(literal.lexical, language: literal.language)
            return label.isEmpty ? nil : SpatialCoverage(label: label)
        }
        var coverage = SpatialCoverage(iri: term.iriValue)
        if try graph.isDescribed(term) {
            let label = try localized(term, [DCATTerms.prefLabel, DCATTerms.label, DCATTerms.title,
                                             DCATTerms.locn + "geographicName", DCATTerms.altLabel])
            coverage.label = label.isEmpty ? nil : label
            coverage.bbox = try firstValue(objects(term, DCATTerms.dcat + "bbox"), geometry)
            coverage.geometry = try firstValue(objects(term, DCATTerms.locn + "geometry"), geometry)
                ?? firstValue(objects(term, DCATTerms.dcat + "centroid"), geometry)
            if coverage.iri == nil {
                // A blank location that only names an administrative unit (DCAT-AP.de's political geocoding
                // keys, `locn:adminUnitL2 <…/regionalKey/130030000000>`) is that unit.
                for unit in try objects(term, DCATTerms.locn + "adminUnitL2") + objects(term, DCATTerms.locn + "adminUnitL1") {
                    if let iri = unit.iriValue {
                        coverage.iri = iri
                        break
                    }
                    if coverage.label == nil, let text = DCATValues.text(unit) { coverage.label = LocalizedText(text) }
                }
            }
        }
        if coverage.iri == nil, coverage.label == nil, coverage.bbox == nil, coverage.geometry == nil { return nil }
        return coverage
    }

    /// A geometry's text: a WKT, GML or GeoJSON literal of any datatype, or a GeoSPARQL node's serialisation.
    func geometry(_ term: Term) throws -> String? {
        switch term {
        case .literal, .iri:
            return DCATValues.text(term)
        case .blank:
            return try firstText(term, [DCATTerms.geo + "asWKT", DCATTerms.geo + "asGeoJSON", DCATTerms.geo + "asGML",
                                        DCATTerms.value])
        }
    }
}
