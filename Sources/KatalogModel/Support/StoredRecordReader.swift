import Foundation

/// Reads a stored record (the JSON ``SortedJSONEncoder`` writes for a ``Dataset``) back into the dataset, with the
/// fast JSON reader (``JSONValue/parse(_:)``) instead of `JSONDecoder`'s `Codable` machinery.
///
/// Every search hit and dataset page decodes a stored record; with `JSONDecoder` that was about 75 µs a record,
/// a sixth of a search's time. The result must be exactly what the types' synthesized `Decodable` conformances
/// give: members read as stored (no trimming or re-parsing: a ``DateValue`` keeps its stored `normalized` and
/// `precision`), unknown members ignored, `null` or a missing member for an optional, and a missing array,
/// a missing required member or a value of the wrong type an error. `StoredRecordReaderTests` compares the two.
package enum StoredRecordReader {
    /// A document this reader does not accept; `path` names the member.
    package struct Unreadable: Error, CustomStringConvertible {
        package var path: String
        package var description: String { "the stored record has no readable \(path)" }
    }

    /// The dataset in `json`.
    package static func dataset(_ json: Data) throws -> Dataset {
        try dataset(Members(parse(json), path: "dataset"))
    }

    /// A ``LocalizedText`` stored on its own (an object of language → text), as `JSONDecoder` reads it.
    package static func localizedText(_ json: Data) throws -> LocalizedText {
        try Members(parse(json), path: "text").localizedValue()
    }

    private static func parse(_ json: Data) throws -> JSONValue {
        do {
            return try JSONValue.parse(json)
        } catch {
            throw Unreadable(path: "JSON (\(error))")
        }
    }

    private static func dataset(_ o: Members) throws -> Dataset {
        var d = Dataset(sourceIdentifier: try o.string("sourceIdentifier"))
        d.accessRights = try o.optional("accessRights", concept)
        d.accrualPeriodicity = try o.optional("accrualPeriodicity", concept)
        d.conformsTo = try o.strings("conformsTo")
        d.contactPoints = try o.array("contactPoints", contactPoint)
        d.creator = try o.optional("creator", agent)
        d.description = try o.localized("description")
        d.distributions = try o.array("distributions", distribution)
        d.extras = try o.extras("extras")
        d.identifiers = try o.strings("identifiers")
        d.iri = try o.optionalString("iri")
        d.issued = try o.optional("issued", date)
        d.keywords = try o.array("keywords", langString)
        d.landingPages = try o.strings("landingPages")
        d.languages = try o.array("languages", concept)
        d.license = try o.optional("license", concept)
        d.modified = try o.optional("modified", date)
        d.otherIdentifiers = try o.strings("otherIdentifiers")
        d.publisher = try o.optional("publisher", agent)
        d.rights = try o.optionalString("rights")
        d.spatial = try o.array("spatial", spatial)
        d.temporal = try o.array("temporal", temporal)
        d.themes = try o.array("themes", concept)
        d.title = try o.localized("title")
        d.version = try o.optionalString("version")
        return d
    }

    private static func distribution(_ o: Members) throws -> Distribution {
        var d = Distribution(title: try o.localized("title"), description: try o.localized("description"))
        d.accessRights = try o.optional("accessRights", concept)
        d.accessServices = try o.optionalArray("accessServices", accessService)
        d.accessURLs = try o.strings("accessURLs")
        d.byteSize = try o.optionalInteger("byteSize")
        d.checksum = try o.optional("checksum") { Checksum(algorithm: try $0.string("algorithm"), value: try $0.string("value")) }
        d.conformsTo = try o.strings("conformsTo")
        d.downloadURLs = try o.strings("downloadURLs")
        d.format = try o.optional("format", concept)
        d.identifier = try o.optionalString("identifier")
        d.issued = try o.optional("issued", date)
        d.languages = try o.array("languages", concept)
        d.license = try o.optional("license", concept)
        d.mediaType = try o.optionalString("mediaType")
        d.modified = try o.optional("modified", date)
        d.rights = try o.optionalString("rights")
        d.status = try o.optional("status", concept)
        return d
    }

    private static func accessService(_ o: Members) throws -> AccessService {
        AccessService(identifier: try o.optionalString("identifier"), title: try o.localized("title"),
                      endpoints: try o.strings("endpoints"), endpointDescriptions: try o.strings("endpointDescriptions"),
                      conformsTo: try o.strings("conformsTo"))
    }

    private static func agent(_ o: Members) throws -> Agent {
        var a = Agent(name: try o.localized("name"))
        a.email = try o.optionalString("email")
        a.homepage = try o.optionalString("homepage")
        a.identifier = try o.optionalString("identifier")
        a.iri = try o.optionalString("iri")
        a.type = try o.optional("type", concept)
        return a
    }

    private static func contactPoint(_ o: Members) throws -> ContactPoint {
        var c = ContactPoint(name: try o.localized("name"))
        c.email = try o.optionalString("email")
        c.telephone = try o.optionalString("telephone")
        c.url = try o.optionalString("url")
        return c
    }

    private static func concept(_ o: Members) throws -> Concept {
        var c = Concept(raw: "")
        c.raw = try o.string("raw")
        c.uri = try o.optionalString("uri")
        c.label = try o.optional("label") { try $0.localizedValue() }
        return c
    }

    private static func date(_ o: Members) throws -> DateValue {
        var d = DateValue(raw: "")
        d.raw = try o.string("raw")
        d.normalized = try o.optionalString("normalized")
        d.precision = try o.optionalString("precision").map { text in
            guard let precision = DateValue.Precision(rawValue: text) else { throw Unreadable(path: o.path + ".precision") }
            return precision
        }
        return d
    }

    private static func temporal(_ o: Members) throws -> TemporalRange {
        TemporalRange(start: try o.optional("start", date), end: try o.optional("end", date))
    }

    private static func spatial(_ o: Members) throws -> SpatialCoverage {
        SpatialCoverage(iri: try o.optionalString("iri"), label: try o.optional("label") { try $0.localizedValue() },
                        bbox: try o.optionalString("bbox"), geometry: try o.optionalString("geometry"))
    }

    private static func langString(_ o: Members) throws -> LangString {
        var s = LangString("")
        s.value = try o.string("value")
        s.language = try o.optionalString("language")
        return s
    }

    /// One JSON value being read, with its path for errors.
    private struct Members {
        let value: JSONValue
        let path: String

        init(_ value: JSONValue, path: String) {
            self.value = value
            self.path = path
        }

        private var members: [String: JSONValue]? {
            if case .object(let members) = value { return members }
            return nil
        }

        private func member(_ key: String) throws -> JSONValue? {
            guard let members else { throw Unreadable(path: path) }
            return members[key]
        }

        func string(_ key: String) throws -> String {
            guard case .string(let text)? = try member(key) else { throw Unreadable(path: path + "." + key) }
            return text
        }

        func optionalString(_ key: String) throws -> String? {
            switch try member(key) {
            case nil, .null?: return nil
            case .string(let text)?: return text
            default: throw Unreadable(path: path + "." + key)
            }
        }

        func optionalInteger(_ key: String) throws -> Int64? {
            switch try member(key) {
            case nil, .null?: return nil
            case .int(let number)?: return number
            default: throw Unreadable(path: path + "." + key)
            }
        }

        func strings(_ key: String) throws -> [String] {
            guard let value = try member(key) else { throw Unreadable(path: path + "." + key) }
            return try Members(value, path: path + "." + key).stringArray()
        }

        /// This value as an array of strings.
        func stringArray() throws -> [String] {
            guard case .array(let elements) = value else { throw Unreadable(path: path) }
            return try elements.map { element in
                guard case .string(let text) = element else { throw Unreadable(path: path + "[]") }
                return text
            }
        }

        func array<T>(_ key: String, _ read: (Members) throws -> T) throws -> [T] {
            guard case .array(let elements)? = try member(key) else { throw Unreadable(path: path + "." + key) }
            return try elements.map { try read(Members($0, path: path + "." + key + "[]")) }
        }

        /// An array that stored records leave out when it is empty.
        func optionalArray<T>(_ key: String, _ read: (Members) throws -> T) throws -> [T] {
            switch try member(key) {
            case nil: return []
            case .array(let elements)?: return try elements.map { try read(Members($0, path: path + "." + key + "[]")) }
            default: throw Unreadable(path: path + "." + key)
            }
        }

        func optional<T>(_ key: String, _ read: (Members) throws -> T) throws -> T? {
            switch try member(key) {
            case nil, .null?: return nil
            case let value?: return try read(Members(value, path: path + "." + key))
            }
        }

        func localized(_ key: String) throws -> LocalizedText {
            guard let value = try member(key) else { throw Unreadable(path: path + "." + key) }
            return try Members(value, path: path + "." + key).localizedValue()
        }

        /// This value as a ``LocalizedText`` (an object of language → text), as its `Decodable` conformance reads it.
        func localizedValue() throws -> LocalizedText {
            guard let members else { throw Unreadable(path: path) }
            var values: [String: String] = [:]
            for (language, text) in members {
                guard case .string(let text) = text else { throw Unreadable(path: path + "." + language) }
                values[language] = text
            }
            return LocalizedText(values)
        }

        func extras(_ key: String) throws -> [String: [String]] {
            guard case .object(let members)? = try member(key) else { throw Unreadable(path: path + "." + key) }
            var extras: [String: [String]] = [:]
            for (name, values) in members {
                extras[name] = try Members(values, path: path + "." + key + "." + name).stringArray()
            }
            return extras
        }
    }
}
