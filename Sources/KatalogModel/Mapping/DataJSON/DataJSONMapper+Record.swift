import Foundation

extension DataJSONMapper {
    /// Maps one entry: checks its identifier, reads every field, and fails with all problems found at once.
    static func record(for entry: DataJSONEntry, value: JSONValue, context: Context) throws(MappingError) -> SourceRecord {
        guard let object = value.object else {
            throw MappingError(code: .notAnObject, message: "a dataset must be a JSON object, found \(DataJSONFields.kind(of: value))",
                               field: entry.path)
        }
        let title = object["title"]?.string?.trimmingWhitespace()
        let found = Result(catching: { () throws(MappingError) -> String? in
            try DataJSONFields.identifier(of: value, version: context.version)
        })
        if case .failure(let error) = found {
            throw MappingError(code: error.code, message: error.message, field: entry.path + ".identifier", recordIdentifier: title)
        }
        guard case .success(let identifier?) = found else {
            throw missingIdentifier(object, path: entry.path, title: title, version: context.version)
        }
        var fields = DataJSONFields(object, path: entry.path, identifier: identifier)
        var dataset = self.dataset(&fields, identifier: identifier, context: context)
        if !entry.series.isEmpty { dataset.extras["inSeries"] = entry.series }
        if entry.kind == .series {
            // DCAT-AP 3 asks a series for a title and a description only; a missing description, publisher or
            // contact point is no reason to lose it. The type is recorded as the DCAT RDF mapper records it.
            fields.waiveMissing(["description", "publisher", "contactPoint"])
            dataset.extras["rdf:type"] = ["dcat:DatasetSeries"]
        }
        if !fields.problems.isEmpty { throw combined(fields.problems) }
        let raw: Data
        do {
            raw = try value.encoded()
        } catch {
            throw MappingError(code: .unencodable, message: "the dataset could not be encoded as JSON: \(error)",
                               field: entry.path, recordIdentifier: identifier)
        }
        return SourceRecord(dataset: dataset, raw: raw, rawFormat: "application/json")
    }

    /// The error for a dataset without a usable identifier, saying which rule applied.
    static func missingIdentifier(_ object: [String: JSONValue], path: String, title: String?,
                                  version: DataJSONVersion) -> MappingError {
        let message: String
        if let value = object["identifier"], value.object != nil || value.array != nil {
            message = "the identifier object has no @id (and the dataset has no @id to fall back on)"
        } else if version != .v3_0, object["@id"]?.nonEmptyString != nil {
            message = "the dataset has no identifier; only DCAT-US 3.0 lets @id stand in for it"
        } else {
            message = "the dataset has no identifier"
        }
        return MappingError(code: .missingIdentifier, message: message, field: path + ".identifier",
                            recordIdentifier: title.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// One error for all problems of a record: the first one's code and field, every message (up to five).
    static func combined(_ problems: [MappingError]) -> MappingError {
        var first = problems[0]
        guard problems.count > 1 else { return first }
        var parts = problems.prefix(5).map { "\($0.field ?? "?"): \($0.message)" }
        if problems.count > 5 { parts.append("and \(problems.count - 5) more") }
        first.message = "\(problems.count) problems: " + parts.joined(separator: "; ")
        return first
    }
}
