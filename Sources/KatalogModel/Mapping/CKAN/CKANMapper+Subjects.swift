import Foundation

extension CKANMapper {
    /// Tags (`name`/`display_name`, plain strings, vocabulary tags) and fluent keyword maps (`{lang: [..]}`).
    static func keywords(_ object: [String: JSONValue], language: String?) -> [LangString] {
        var result: [LangString] = []
        var seen = Set<LangString>()
        var translatedValues = Set<String>()
        func add(_ value: String, _ language: String?) {
            let keyword = LangString(value, language: language)
            guard !keyword.value.isEmpty, seen.insert(keyword).inserted else { return }
            result.append(keyword)
        }
        for key in ["tags_translated", "keywords"] {
            guard let map = object[key]?.object else { continue }
            for tag in map.keys.sorted() {
                for value in map[tag].map({ CKANFields.strings(in: $0, splitCommas: false) }) ?? [] {
                    translatedValues.insert(value.trimmingWhitespace())
                    add(value, tag)
                }
            }
        }
        for key in ["tags", "keyword", "keywords"] {
            guard let list = object[key]?.array else { continue }
            for item in list {
                let value: String?
                if let text = item.nonEmptyString {
                    value = text
                } else if let state = item["state"]?.string, state == "deleted" {
                    value = nil
                } else {
                    value = item["display_name"]?.nonEmptyString ?? item["name"]?.nonEmptyString
                }
                guard let value, !translatedValues.contains(value.trimmingWhitespace()) else { continue }
                add(value, language)
            }
        }
        return result
    }

    /// Groups (mapped by name, labelled by title) and DCAT `theme` IRIs.
    static func themes(_ fields: CKANFields) -> [Concept] {
        var result: [Concept] = []
        var seen = Set<String>()
        func add(_ concept: Concept) {
            guard !concept.raw.isEmpty, seen.insert(concept.uri ?? concept.raw.lowercased()).inserted else { return }
            result.append(concept)
        }
        for group in fields.package["groups"]?.array ?? [] {
            if let name = group.nonEmptyString {
                add(DataTheme.normalize(name))
                continue
            }
            guard let name = group["name"]?.nonEmptyString ?? group["title"]?.nonEmptyString else { continue }
            var concept = DataTheme.normalize(name, label: group["display_name"]?.nonEmptyString ?? group["title"]?.nonEmptyString)
            if concept.uri == nil, let title = group["title"]?.nonEmptyString {
                // A group whose name is a slug may still have a recognisable title ("Miljö och natur").
                let byTitle = DataTheme.normalize(title)
                if byTitle.uri != nil { concept.uri = byTitle.uri; concept.label = byTitle.label }
            }
            add(concept)
        }
        for theme in fields.list("theme", splitCommas: false) {
            add(DataTheme.normalize(theme))
        }
        return result
    }

    /// Temporal coverage from `temporal_start`/`temporal_end` and scheming's `temporal_coverage` list.
    static func temporal(_ fields: CKANFields) -> [TemporalRange] {
        var result: [TemporalRange] = []
        if let list = fields.structured("temporal_coverage")?.array {
            for item in list {
                let start = item["start"]?.nonEmptyString.map(DateValue.init(raw:))
                let end = item["end"]?.nonEmptyString.map(DateValue.init(raw:))
                if start != nil || end != nil { result.append(TemporalRange(start: start, end: end)) }
            }
        }
        let start = fields.text("temporal_start").map(DateValue.init(raw:))
        let end = fields.text("temporal_end").map(DateValue.init(raw:))
        if start != nil || end != nil {
            let range = TemporalRange(start: start, end: end)
            if !result.contains(range) { result.append(range) }
        }
        return result
    }

    /// Spatial coverage from `spatial` (GeoJSON), `spatial_uri`, `spatial_text`, `spatial_bbox` and scheming's `spatial_coverage`.
    static func spatial(_ fields: CKANFields) -> [SpatialCoverage] {
        var result: [SpatialCoverage] = []
        if let list = fields.structured("spatial_coverage")?.array {
            for item in list {
                let coverage = SpatialCoverage(
                    iri: item["uri"]?.nonEmptyString,
                    label: item["text"]?.nonEmptyString.map { LocalizedText($0) },
                    bbox: geoJSONText(item["bbox"]),
                    geometry: geoJSONText(item["geom"]))
                if coverage != SpatialCoverage() { result.append(coverage) }
            }
        }
        let coverage = SpatialCoverage(
            iri: fields.text("spatial_uri"),
            label: fields.text("spatial_text").map { LocalizedText($0) },
            bbox: geoJSONText(fields.value("spatial_bbox")),
            geometry: geoJSONText(fields.value("spatial")))
        if coverage != SpatialCoverage(), !result.contains(coverage) { result.append(coverage) }
        return result
    }

    /// GeoJSON as text: a string as published, an object re-encoded with sorted keys.
    static func geoJSONText(_ value: JSONValue?) -> String? {
        guard let value, !value.isNull else { return nil }
        if let text = value.nonEmptyString { return text }
        guard value.object != nil, let data = try? value.encoded() else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
