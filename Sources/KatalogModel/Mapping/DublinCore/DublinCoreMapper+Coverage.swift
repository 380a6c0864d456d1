extension DublinCoreMapper {
    /// The longest coverage value parsed for structure; a longer one is only a label.
    static let coverageParseBytes = 1_024

    /// Splits the `dc:coverage`s (at most ``listCap``) into places and periods, each once.
    ///
    /// A DCMI Box (`northlimit=…; southlimit=…; eastlimit=…; westlimit=…`) becomes a WKT polygon, a DCMI Point
    /// (`east=…; north=…`) a WKT point, both labelled with their `name`; a DCMI Period (`start=…; end=…`), a year
    /// range (`1990-2000`), an ISO 8601 interval (`2001-01-01/2005-12-31`) or a single date becomes a period; a web
    /// address becomes a place IRI; anything else is a place label in the value's language.
    static func coverage(_ values: [DublinCoreValue]) -> (spatial: [SpatialCoverage], temporal: [TemporalRange]) {
        var spatial: [SpatialCoverage] = []
        var seenPlaces = Set<SpatialCoverage>()
        var temporal: [TemporalRange] = []
        var seenPeriods = Set<TemporalRange>()
        for value in values.prefix(listCap) {
            let text = value.text
            let small = text.utf8.count <= coverageParseBytes
            if small, let fields = dcmiFields(text) {
                if let place = DublinCoreMapper.place(fields, language: value.language) {
                    appendDistinct(place, to: &spatial, seen: &seenPlaces)
                    continue
                }
                if let period = period(start: fields["start"], end: fields["end"]) {
                    appendDistinct(period, to: &temporal, seen: &seenPeriods)
                    continue
                }
            } else if small, let period = period(text) {
                appendDistinct(period, to: &temporal, seen: &seenPeriods)
                continue
            }
            let place = ISO19139Mapper.isWebIRI(text)
                ? SpatialCoverage(iri: text) : SpatialCoverage(label: LocalizedText(text, language: value.language))
            appendDistinct(place, to: &spatial, seen: &seenPlaces)
        }
        return (spatial, temporal)
    }

    /// The `name=value` pairs of a DCMI encoding (`;`-separated, names lower-cased), nil unless one is present.
    static func dcmiFields(_ text: String) -> [String: String]? {
        var fields: [String: String] = [:]
        for part in text.split(separator: ";") {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let name = part[..<equals].trimmingWhitespace().lowercased()
            let value = part[part.index(after: equals)...].trimmingWhitespace()
            if !name.isEmpty, !value.isEmpty, fields[name] == nil { fields[name] = value }
        }
        let known = ["northlimit", "southlimit", "eastlimit", "westlimit", "east", "north", "start", "end"]
        return known.contains(where: { fields[$0] != nil }) ? fields : nil
    }

    /// A DCMI Box as `POLYGON((w s, w n, e n, e s, w s))` or a DCMI Point as `POINT(e n)`, with its `name` as label;
    /// nil when a bound is missing or not a number, or when a `projection` other than WGS 84 is named.
    static func place(_ fields: [String: String], language: String?) -> SpatialCoverage? {
        if let projection = fields["projection"]?.uppercased(),
           !(projection.contains("WGS") || projection.contains("4326") || projection.contains("CRS84")) {
            return nil
        }
        let label = fields["name"].map { LocalizedText($0, language: language) }
        if let north = number(fields["northlimit"]), let south = number(fields["southlimit"]),
           let east = number(fields["eastlimit"]), let west = number(fields["westlimit"]) {
            let polygon = "POLYGON((\(west) \(south),\(west) \(north),\(east) \(north),\(east) \(south),\(west) \(south)))"
            return SpatialCoverage(label: label, bbox: polygon)
        }
        if let east = number(fields["east"]), let north = number(fields["north"]) {
            return SpatialCoverage(label: label, geometry: "POINT(\(east) \(north))")
        }
        return nil
    }

    /// A decimal number as published, nil unless it is a short finite number.
    static func number(_ text: String?) -> String? {
        guard let text, text.utf8.count <= 64,
              text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let value = Double(text), value.isFinite else { return nil }
        return text
    }

    /// A period from a DCMI Period's `start` and `end`, nil when neither is given.
    static func period(start: String?, end: String?) -> TemporalRange? {
        guard start != nil || end != nil else { return nil }
        return TemporalRange(start: start.map(DateValue.init(raw:)), end: end.map(DateValue.init(raw:)))
    }

    /// A period written as a year range (`1990-2000`, `1990 – 2000`), an interval of two dates around one `/`
    /// (`..` or nothing for an open end), or one readable date (a period of that date); nil otherwise.
    static func period(_ text: String) -> TemporalRange? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 {
            let ends = parts.map { part -> DateValue? in
                let trimmed = part.trimmingWhitespace()
                return trimmed.isEmpty || trimmed == ".." ? nil : DateValue(raw: trimmed)
            }
            let readable = ends.allSatisfy { $0 == nil || $0?.normalized != nil } && ends.contains { $0 != nil }
            if readable { return TemporalRange(start: ends[0], end: ends[1]) }
        }
        let years = text.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.trimmingWhitespace() }
        if years.count == 2, years.allSatisfy({ $0.count == 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            return TemporalRange(start: DateValue(raw: years[0]), end: DateValue(raw: years[1]))
        }
        let date = DateValue(raw: text)
        return date.normalized == nil ? nil : TemporalRange(start: date, end: date)
    }
}
