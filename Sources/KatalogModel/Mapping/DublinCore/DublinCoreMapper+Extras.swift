extension DublinCoreMapper {
    /// Dublin Core values with no model field, or only partly used by one, under `dc:` keys (at most ``listCap``
    /// distinct values each): every creator, contributor, type, format and source; the publishers when there are
    /// several; the dates when there are several; the titles beyond the first of each language; the relations that
    /// did not become distributions.
    static func extras(_ elements: DublinCoreElements, otherTitles: [String],
                       otherRelations: [String]) -> [String: [String]] {
        var extras: [String: [String]] = [:]
        func put(_ key: String, _ values: [String]) {
            var kept: [String] = []
            var seen = Set<String>()
            for value in values where kept.count < listCap {
                appendDistinct(value, to: &kept, seen: &seen)
            }
            if !kept.isEmpty { extras[key] = kept }
        }
        func texts(_ name: String) -> [String] {
            elements[name].prefix(listCap).map(\.text)
        }
        put("dc:title", otherTitles)
        put("dc:creator", texts("creator"))
        put("dc:contributor", texts("contributor"))
        if elements["publisher"].count > 1 { put("dc:publisher", texts("publisher")) }
        if elements["date"].count > 1 { put("dc:date", texts("date")) }
        put("dc:type", texts("type"))
        put("dc:format", texts("format"))
        put("dc:source", texts("source"))
        put("dc:relation", otherRelations)
        return extras
    }
}
