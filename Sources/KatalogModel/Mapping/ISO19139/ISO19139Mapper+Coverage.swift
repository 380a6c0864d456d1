import KatalogRDF

extension ISO19139Mapper {
    /// The most periods or places read from one record.
    static let coverageCap = 1_000

    /// `issued` and `modified` from the citation's `gmd:CI_Date`s: the earliest `publication` date (else the
    /// earliest `creation` date) and the latest `revision` date; `gmd:dateStamp` stands in for a missing revision.
    static func dates(_ citation: XMLElement?, dateStamp: XMLElement?) -> (issued: DateValue?, modified: DateValue?) {
        var byType: [String: [DateValue]] = [:]
        for date in all(citation, "gmd:date/gmd:CI_Date") {
            guard let type = code(date.child(ISO19139Namespace.gmd, "dateType"))?.lowercased(),
                  let value = text(date.child(ISO19139Namespace.gmd, "date")) else { continue }
            byType[type, default: []].append(DateValue(raw: value))
        }
        let issued = earliest(byType["publication"] ?? []) ?? earliest(byType["creation"] ?? [])
        let modified = latest(byType["revision"] ?? []) ?? text(dateStamp).map(DateValue.init(raw:))
        return (issued, modified)
    }

    /// The earliest readable date, else the first one.
    static func earliest(_ dates: [DateValue]) -> DateValue? {
        dates.filter { $0.sortKey != nil }.min { $0.sortKey! < $1.sortKey! } ?? dates.first
    }

    /// The latest readable date, else the first one.
    static func latest(_ dates: [DateValue]) -> DateValue? {
        dates.filter { $0.sortKey != nil }.max { $0.sortKey! < $1.sortKey! } ?? dates.first
    }

    /// Periods from `gmd:temporalElement/gmd:EX_TemporalExtent/gmd:extent`: a `gml:TimePeriod` (begin and end
    /// positions, or `gml:begin`/`gml:end` instants) or a `gml:TimeInstant` (a period of one instant).
    static func temporal(_ extents: [XMLElement]) -> [TemporalRange] {
        var result: [TemporalRange] = []
        var seen = Set<TemporalRange>()
        for extent in extents {
            for element in all(extent, "gmd:temporalElement/*/gmd:extent/*") where result.count < coverageCap {
                let range: TemporalRange
                switch element.localName {
                case "TimePeriod":
                    let start = position(element, "gml:beginPosition")
                        ?? position(element, "gml:begin/gml:TimeInstant/gml:timePosition")
                    let end = position(element, "gml:endPosition")
                        ?? position(element, "gml:end/gml:TimeInstant/gml:timePosition")
                    range = TemporalRange(start: start, end: end)
                case "TimeInstant":
                    let instant = position(element, "gml:timePosition")
                    range = TemporalRange(start: instant, end: instant)
                default:
                    continue
                }
                guard range.start != nil || range.end != nil else { continue }
                appendDistinct(range, to: &result, seen: &seen)
            }
        }
        return result
    }

    /// A GML time position's date; an empty position (`indeterminatePosition="now"`) is nil.
    static func position(_ element: XMLElement, _ path: String) -> DateValue? {
        guard let position = first(element, path), let value = nonEmpty(position.text) else { return nil }
        return DateValue(raw: value)
    }

    /// Places: each `gmd:EX_GeographicBoundingBox` as a WKT polygon, each `gmd:EX_GeographicDescription` code as a
    /// place IRI or name, and an extent's `gmd:description` as the label of its places (or a place of its own).
    static func spatial(_ extents: [XMLElement], text: ISO19139Text) -> [SpatialCoverage] {
        var result: [SpatialCoverage] = []
        var seen = Set<SpatialCoverage>()
        for extent in extents where result.count < coverageCap {
            let description = text.localized(extent.child(ISO19139Namespace.gmd, "description"))
            var places: [SpatialCoverage] = []
            for element in all(extent, "gmd:geographicElement/*") where places.count < coverageCap {
                switch element.localName {
                case "EX_GeographicBoundingBox":
                    if let box = boundingBox(element) { places.append(SpatialCoverage(bbox: box)) }
                case "EX_GeographicDescription":
                    for code in all(element, "gmd:geographicIdentifier/*/gmd:code") {
                        if let place = place(code) { places.append(place) }
                    }
                default:
                    continue
                }
            }
            if places.isEmpty, !description.isEmpty { places.append(SpatialCoverage(label: description)) }
            for var place in places {
                if place.label == nil, place.bbox != nil, !description.isEmpty { place.label = description }
                appendDistinct(place, to: &result, seen: &seen)
            }
        }
        return result
    }

    /// `POLYGON((w s, w n, e n, e s, w s))` from the four bounds as published, nil unless all four are finite numbers.
    static func boundingBox(_ element: XMLElement) -> String? {
        var bounds: [String] = []
        for name in ["westBoundLongitude", "eastBoundLongitude", "southBoundLatitude", "northBoundLatitude"] {
            guard let value = text(element.child(ISO19139Namespace.gmd, name)), value.utf8.count <= 64,
                  value.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
                  let number = Double(value), number.isFinite else { return nil }
            bounds.append(value)
        }
        let (west, east, south, north) = (bounds[0], bounds[1], bounds[2], bounds[3])
        return "POLYGON((\(west) \(south),\(west) \(north),\(east) \(north),\(east) \(south),\(west) \(south)))"
    }

    /// A geographic identifier: an IRI (the code itself or its anchor's link) with the code as an untagged label, or
    /// an untagged name (a code such as `FXX` or `0180` has no language).
    static func place(_ code: XMLElement) -> SpatialCoverage? {
        let value = self.text(code)
        let link = href(code).flatMap { isWebIRI($0) ? $0 : nil }
        if let link {
            return SpatialCoverage(iri: link, label: value.flatMap { $0 == link ? nil : LocalizedText($0) })
        }
        guard let value else { return nil }
        if isWebIRI(value) { return SpatialCoverage(iri: value) }
        return SpatialCoverage(label: LocalizedText(value))
    }
}
