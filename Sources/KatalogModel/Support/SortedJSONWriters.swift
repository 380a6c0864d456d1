/// The model's types write their own JSON for ``SortedJSONEncoder``, without the `Codable` machinery (generic
/// containers, boxed keys, metadata lookups), which made Foundation's encoder 9% of a harvest's CPU: a harvest
/// encodes every record it maps.
///
/// Each writer must write exactly what the type's synthesized `Encodable` conformance writes through Foundation's
/// `JSONEncoder` with sorted keys: every stored property under its name, keys in UTF-8 byte order, `nil` optionals
/// left out, arrays and dictionaries always written. `SortedJSONEncoderTests` compares the two on a dataset in
/// which every property of every type is set, and checks, by reflection, that it is: **a property added to a
/// model type must be added to its writer here and to that test's dataset.**
package protocol SortedJSONWritable {
    func writeSortedJSON(to sink: JSONByteSink)
}

/// Writes one JSON object's members; the caller gives them in key order.
package struct JSONObjectWriter {
    let sink: JSONByteSink
    private var first = true

    package init(_ sink: JSONByteSink) {
        self.sink = sink
        sink.append(UInt8(ascii: "{"))
    }

    package mutating func key(_ key: StaticString) {
        if !first { sink.append(UInt8(ascii: ",")) }
        first = false
        sink.append(UInt8(ascii: "\""))
        switch sink.keyStyle {
        case .asWritten: key.withUTF8Buffer { sink.bytes.append(contentsOf: $0) }
        case .snakeCase: sink.bytes.append(contentsOf: SnakeCaseKeys.bytes(key))
        }
        sink.append(UInt8(ascii: "\""))
        sink.append(UInt8(ascii: ":"))
    }

    package mutating func string(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        self.key(key)
        sink.appendString(value)
    }

    package mutating func strings(_ key: StaticString, _ values: [String]) {
        self.key(key)
        JSONObjectWriter.array(values, to: sink) { sink.appendString($0) }
    }

    package mutating func integer(_ key: StaticString, _ value: Int64?) {
        guard let value else { return }
        self.key(key)
        sink.appendASCII(String(value))
    }

    package mutating func bool(_ key: StaticString, _ value: Bool) {
        self.key(key)
        sink.appendASCII(value ? "true" : "false")
    }

    package mutating func object(_ key: StaticString, _ value: (some SortedJSONWritable)?) {
        guard let value else { return }
        self.key(key)
        value.writeSortedJSON(to: sink)
    }

    package mutating func objects(_ key: StaticString, _ values: [some SortedJSONWritable]) {
        self.key(key)
        JSONObjectWriter.array(values, to: sink) { $0.writeSortedJSON(to: sink) }
    }

    package func end() {
        sink.append(UInt8(ascii: "}"))
    }

    package static func array<T>(_ values: [T], to sink: JSONByteSink, _ write: (T) -> Void) {
        sink.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { sink.append(UInt8(ascii: ",")) }
            write(value)
        }
        sink.append(UInt8(ascii: "]"))
    }

    /// A dictionary as Foundation writes it with sorted keys: members in the UTF-8 byte order of the keys.
    package static func dictionary<T>(_ values: [String: T], to sink: JSONByteSink, _ write: (T) -> Void) {
        sink.append(UInt8(ascii: "{"))
        let keys = values.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for (index, key) in keys.enumerated() {
            if index > 0 { sink.append(UInt8(ascii: ",")) }
            sink.appendString(key)
            sink.append(UInt8(ascii: ":"))
            write(values[key]!)
        }
        sink.append(UInt8(ascii: "}"))
    }
}

extension Dataset: SortedJSONWritable {
    package func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.object("accessRights", accessRights)
        object.object("accrualPeriodicity", accrualPeriodicity)
        object.strings("conformsTo", conformsTo)
        object.objects("contactPoints", contactPoints)
        object.object("creator", creator)
        object.object("description", description)
        object.objects("distributions", distributions)
        object.key("extras")
        JSONObjectWriter.dictionary(extras, to: sink) { values in
            JSONObjectWriter.array(values, to: sink) { sink.appendString($0) }
        }
        object.strings("identifiers", identifiers)
        object.string("iri", iri)
        object.object("issued", issued)
        object.objects("keywords", keywords)
        object.strings("landingPages", landingPages)
        object.objects("languages", languages)
        object.object("license", license)
        object.object("modified", modified)
        object.strings("otherIdentifiers", otherIdentifiers)
        object.object("publisher", publisher)
        object.string("rights", rights)
        object.string("sourceIdentifier", sourceIdentifier)
        object.objects("spatial", spatial)
        object.objects("temporal", temporal)
        object.objects("themes", themes)
        object.object("title", title)
        object.string("version", version)
        object.end()
    }
}

extension Distribution: SortedJSONWritable {
    package func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.object("accessRights", accessRights)
        if !accessServices.isEmpty { object.objects("accessServices", accessServices) }
        object.strings("accessURLs", accessURLs)
        // The API's names beside the first ones (see `Distribution.apiNamesKey`); in snake case they sort right after.
        if sink.keyStyle == .snakeCase { object.strings("accessUrls", accessURLs) }
        object.integer("byteSize", byteSize)
        object.object("checksum", checksum)
        object.strings("conformsTo", conformsTo)
        object.object("description", description)
        object.strings("downloadURLs", downloadURLs)
        if sink.keyStyle == .snakeCase { object.strings("downloadUrls", downloadURLs) }
        object.object("format", format)
        object.string("identifier", identifier)
        object.object("issued", issued)
        object.objects("languages", languages)
        object.object("license", license)
        object.string("mediaType", mediaType)
        object.object("modified", modified)
        object.string("rights", rights)
        object.object("status", status)
        object.object("title", title)
        object.end()
    }
}

extension AccessService: SortedJSONWritable {
    package func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.strings("conformsTo", conformsTo)
        object.strings("endpointDescriptions", endpointDescriptions)
        object.strings("endpoints", endpoints)
        object.string("identifier", identifier)
        object.object("title", title)
        object.end()
    }
}

extension Agent: SortedJSONWritable {
    package func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.string("email", email)
        object.string("homepage", homepage)
        object.string("identifier", identifier)
        object.string("iri", iri)
        object.object("name", name)
        object.object("type", type)
        object.end()
    }
}

extension ContactPoint: SortedJSONWritable {
    package func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.string("email", email)
        object.object("name", name)
        object.string("telephone", telephone)
        object.string("url", url)
        object.end()
    }
}

extension Concept: SortedJSONWritable {
    package func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.object("label", label)
        object.string("raw", raw)
        object.string("uri", uri)
        object.end()
    }
}

extension DateValue: SortedJSONWritable {
    package func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.string("normalized", normalized)
        object.string("precision", precision?.rawValue)
        object.string("raw", raw)
        object.end()
    }
}

extension TemporalRange: SortedJSONWritable {
    package func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.object("end", end)
        object.object("start", start)
        object.end()
    }
}

extension SpatialCoverage: SortedJSONWritable {
    package func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.string("bbox", bbox)
        object.string("geometry", geometry)
        object.string("iri", iri)
        object.object("label", label)
        object.end()
    }
}

extension Checksum: SortedJSONWritable {
    package func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.string("algorithm", algorithm)
        object.string("value", value)
        object.end()
    }
}

extension LangString: SortedJSONWritable {
    package func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.string("language", language)
        object.string("value", value)
        object.end()
    }
}

extension LocalizedText: SortedJSONWritable {
    /// A plain object of language → text, as its `Encodable` conformance writes it.
    package func writeSortedJSON(to sink: JSONByteSink) {
        JSONObjectWriter.dictionary(values, to: sink) { sink.appendString($0) }
    }
}
