extension DataJSONMapper {
    /// `temporal`: a 1.1 ISO 8601 interval (`start/end`, `R/start/P1Y`, `start/P1M`) or 3.0 `PeriodOfTime`s.
    static func temporal(_ fields: inout DataJSONFields) -> [TemporalRange] {
        guard let value = fields.value("temporal") else { return [] }
        var result: [TemporalRange] = []
        // Duplicates are dropped by hash: checking each against every kept one was quadratic, and a list of
        // 30,000 periods took half a minute.
        var kept = Set<TemporalRange>()
        for item in value.array ?? [value] {
            var range: TemporalRange?
            if let text = item.nonEmptyString {
                range = interval(text)
            } else if let object = item.object {
                let start = (object["startDate"] ?? object["start"] ?? object["hasBeginning"]).flatMap(dateText)
                let end = (object["endDate"] ?? object["end"] ?? object["hasEnd"]).flatMap(dateText)
                if start != nil || end != nil { range = TemporalRange(start: start.map(DateValue.init(raw:)), end: end.map(DateValue.init(raw:))) }
            } else if !item.isNull {
                fields.problem(.invalidField, "temporal", "expected an interval string or a period object, found \(DataJSONFields.kind(of: item))")
            }
            if let range, kept.insert(range).inserted { result.append(range) }
        }
        return result
    }

    /// A date in a period: a string, or an object with a `value` or `@value`.
    static func dateText(_ value: JSONValue) -> String? {
        value.nonEmptyString ?? value["@value"]?.nonEmptyString ?? value["value"]?.nonEmptyString
    }

    /// An ISO 8601 interval as a range; a duration end stays as raw text with no normalised date.
    static func interval(_ text: String) -> TemporalRange? {
        var parts = text.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        if let first = parts.first, first.hasPrefix("R"), first.dropFirst().allSatisfy(\.isNumber) { parts.removeFirst() }
        guard !parts.isEmpty, parts.count <= 2 else { return TemporalRange(start: DateValue(raw: text)) }
        let start = parts[0].isEmpty || parts[0] == ".." ? nil : DateValue(raw: parts[0])
        let end = parts.count == 2 && !parts[1].isEmpty && parts[1] != ".." ? DateValue(raw: parts[1]) : nil
        guard start != nil || end != nil else { return nil }
        return TemporalRange(start: start, end: end)
    }

    /// `spatial`: a place IRI, a `W,S,E,N` box, GeoJSON (an object or its text), a place name, or 3.0 `Location`s.
    static func spatial(_ fields: inout DataJSONFields) -> [SpatialCoverage] {
        guard let value = fields.value("spatial") else { return [] }
        var result: [SpatialCoverage] = []
        var kept = Set<SpatialCoverage>()
        for item in value.array ?? [value] {
            var coverage: SpatialCoverage?
            if let text = item.nonEmptyString {
                coverage = place(text)
            } else if let object = item.object {
                if object["type"] != nil, object["coordinates"] != nil || object["geometries"] != nil {
                    coverage = SpatialCoverage(geometry: CKANMapper.geoJSONText(item))
                } else {
                    let label = object["prefLabel"]?.nonEmptyString ?? object["title"]?.nonEmptyString ?? object["name"]?.nonEmptyString
                    let found = SpatialCoverage(iri: object["@id"]?.nonEmptyString, label: label.map { LocalizedText($0) },
                                                bbox: CKANMapper.geoJSONText(object["bbox"]),
                                                geometry: CKANMapper.geoJSONText(object["geometry"] ?? object["centroid"]))
                    coverage = found == SpatialCoverage() ? nil : found
                }
            } else if !item.isNull {
                fields.problem(.invalidField, "spatial", "expected a string or a location object, found \(DataJSONFields.kind(of: item))")
            }
            if let coverage, kept.insert(coverage).inserted { result.append(coverage) }
        }
        return result
    }

    /// A 1.1 spatial string: IRI, bounding box (`W,S,E,N` in decimal degrees), GeoJSON text, or a place name.
    static func place(_ text: String) -> SpatialCoverage {
        if CKANFields.isWebURL(text) { return SpatialCoverage(iri: text) }
        let numbers = text.split(separator: ",").map { Double($0.trimmingWhitespace()) }
        if numbers.count == 4, numbers.allSatisfy({ $0 != nil }) {
            return SpatialCoverage(bbox: text)
        }
        if text.hasPrefix("{"), text.contains("\"coordinates\"") || text.contains("\"geometries\"") {
            return SpatialCoverage(geometry: text)
        }
        // Place names, and shapes no standard names (e.g. ECHO's `[[{"WestBoundingCoordinate":…}],"CARTESIAN"]`), stay as published.
        return SpatialCoverage(label: LocalizedText(text))
    }
}
