/// Walks a catalogue object and gathers its datasets: the `dataset` list, DCAT-US 3.0 dataset series and their
/// members, datasets embedded in data services, and nested catalogues; records what it skips and why.
struct DataJSONCollector {
    /// Nested catalogues deeper than this are skipped (the JSON parser already bounds nesting at 512).
    static let maxCatalogueDepth = 16

    let version: DataJSONVersion
    /// The top-level `dataset` elements kept as byte ranges, by position; their values in the document are stubs
    /// (see ``DataJSONMapper/summary(of:)``).
    let lazyDatasets: [Int: SummarisedElement]
    /// Reads a stored range again (to compare repeated listings whose hashes agree).
    let reread: (Range<Int>) -> JSONValue?
    private(set) var candidates: [(path: String, value: JSONValue, storage: DataJSONEntry.Storage, series: String?,
                                   kind: DataJSONEntry.Kind)] = []
    private(set) var skipped: [DataJSONSkipped] = []
    private(set) var merged = 0
    /// True once a DCAT-US 3.0 container (`catalog`, `datasetSeries`, `service`) was seen at the top level.
    private(set) var sawContainer = false

    init(version: DataJSONVersion, lazyDatasets: [Int: SummarisedElement] = [:],
         reread: @escaping (Range<Int>) -> JSONValue? = { _ in nil }) {
        self.version = version
        self.lazyDatasets = lazyDatasets
        self.reread = reread
    }

    mutating func collect(catalogue: [String: JSONValue], path: String, depth: Int) {
        let prefix = path.isEmpty ? "" : path + "."
        if depth == 0 {
            sawContainer = ["catalog", "datasetSeries", "service"].contains { catalogue[$0]?.array != nil || catalogue[$0]?.object != nil }
        }
        for (offset, item) in list(catalogue["dataset"]).enumerated() {
            let itemPath = "\(prefix)dataset[\(offset)]"
            switch DataJSONCollector.type(of: item) {
            case "datasetseries": series(item, path: itemPath)
            case "dataservice": service(item, path: itemPath)
            default:
                if depth == 0, let lazy = lazyDatasets[offset] {
                    candidates.append((itemPath, item, .bytes(lazy.range, hash: lazy.hash), nil, .dataset))
                } else {
                    dataset(item, path: itemPath, series: nil)
                }
            }
        }
        for (offset, item) in list(catalogue["datasetSeries"]).enumerated() {
            series(item, path: "\(prefix)datasetSeries[\(offset)]")
        }
        for (offset, item) in list(catalogue["service"]).enumerated() {
            service(item, path: "\(prefix)service[\(offset)]")
        }
        for (offset, item) in list(catalogue["record"]).enumerated() {
            catalogRecord(item, path: "\(prefix)record[\(offset)]")
        }
        for (offset, item) in list(catalogue["catalog"]).enumerated() {
            let itemPath = "\(prefix)catalog[\(offset)]"
            guard let object = item.object else {
                notAnObject(item, path: itemPath, what: "catalogue")
                continue
            }
            guard depth < DataJSONCollector.maxCatalogueDepth else {
                skip(.unsupported, itemPath, object["@id"]?.nonEmptyString,
                     "catalogues nested deeper than \(DataJSONCollector.maxCatalogueDepth) levels are not followed")
                continue
            }
            collect(catalogue: object, path: itemPath, depth: depth + 1)
        }
    }

    /// Assigns identifiers, merges repeated listings with identical content, and marks conflicting duplicates.
    mutating func finish() -> [DataJSONEntry] {
        var entries: [DataJSONEntry] = []
        var firstByIdentifier: [String: Int] = [:]
        for candidate in candidates {
            let identifier = try? DataJSONFields.identifier(of: candidate.value, version: version)
            var problem: MappingError?
            if let identifier, let first = firstByIdentifier[identifier] {
                if sameContent(entries[first].storage, candidate.storage) {
                    // The same dataset listed twice (top level and as a series member): one record.
                    if let series = candidate.series, !entries[first].series.contains(series) { entries[first].series.append(series) }
                    merged += 1
                    continue
                }
                problem = MappingError(code: .duplicateIdentifier,
                                       message: "identifier '\(identifier)' was already used by \(entries[first].path) with different content",
                                       field: candidate.path + ".identifier", recordIdentifier: identifier)
            } else if let identifier {
                firstByIdentifier[identifier] = entries.count
            }
            entries.append(DataJSONEntry(index: entries.count, path: candidate.path, identifier: identifier, kind: candidate.kind,
                                         series: candidate.series.map { [$0] } ?? [], storage: candidate.storage, problem: problem))
        }
        return entries
    }

    /// Whether two listings carry the same JSON value; ranges are compared by hash, then read again to be sure.
    private func sameContent(_ a: DataJSONEntry.Storage, _ b: DataJSONEntry.Storage) -> Bool {
        func resolved(_ storage: DataJSONEntry.Storage) -> (value: JSONValue?, hash: Int) {
            switch storage {
            case .value(let value): return (value, value.hashValue)
            case .bytes(_, let hash): return (nil, hash)
            }
        }
        let (left, right) = (resolved(a), resolved(b))
        guard left.hash == right.hash else { return false }
        func value(_ storage: DataJSONEntry.Storage, _ known: JSONValue?) -> JSONValue? {
            if let known { return known }
            if case .bytes(let range, _) = storage { return reread(range) }
            return nil
        }
        guard let x = value(a, left.value), let y = value(b, right.value) else { return false }
        return x == y
    }

    private mutating func dataset(_ item: JSONValue, path: String, series: String?) {
        if let reference = item.string?.trimmingWhitespace(), !reference.isEmpty {
            skip(.reference, path, reference, "a dataset given only by its IRI has nothing to map")
            return
        }
        // Non-objects become entries too, so the caller gets a per-record error naming them.
        candidates.append((path, item, .value(item), series, .dataset))
    }

    private mutating func series(_ item: JSONValue, path: String) {
        guard let object = item.object else {
            notAnObject(item, path: path, what: "dataset series")
            return
        }
        let id = object["@id"]?.nonEmptyString ?? (try? DataJSONFields.identifier(of: item, version: .v3_0))
        // The series is a record of its own (as a dcat:DatasetSeries is in DCAT RDF), without its embedded members:
        // each member is a record that names the series in `extras["inSeries"]`.
        var described = object
        for key in DataJSONCollector.seriesMemberKeys { described[key] = nil }
        candidates.append((path, .object(described), .value(.object(described)), nil, .series))
        for key in DataJSONCollector.seriesMemberKeys {
            for (offset, member) in list(object[key]).enumerated() {
                let memberPath = object[key]?.array != nil ? "\(path).\(key)[\(offset)]" : "\(path).\(key)"
                // `first` and `last` usually repeat a member; they merge with it.
                if member.object == nil { continue }
                dataset(member, path: memberPath, series: id)
            }
        }
    }

    private mutating func service(_ item: JSONValue, path: String) {
        guard let object = item.object else {
            notAnObject(item, path: path, what: "data service")
            return
        }
        let id = try? DataJSONFields.identifier(of: item, version: .v3_0)
        var error: MappingError?
        if id == nil {
            error = MappingError(code: .missingIdentifier, message: "the data service has no identifier or @id",
                                 field: path + ".identifier", recordIdentifier: object["title"]?.nonEmptyString)
        }
        skipped.append(DataJSONSkipped(kind: .dataService, path: path, identifier: id,
                                       reason: "the model holds datasets, not data services; datasets it serves are mapped",
                                       error: error))
        for (offset, served) in list(object["servesDataset"]).enumerated() where served.object != nil {
            dataset(served, path: "\(path).servesDataset[\(offset)]", series: nil)
        }
    }

    private mutating func catalogRecord(_ item: JSONValue, path: String) {
        let id = item["@id"]?.nonEmptyString
        var error: MappingError?
        if id == nil {
            error = MappingError(code: .missingIdentifier, message: "the catalog record has no @id",
                                 field: path + ".@id", recordIdentifier: item["title"]?.nonEmptyString)
        }
        skipped.append(DataJSONSkipped(kind: .catalogRecord, path: path, identifier: id,
                                       reason: "catalog records describe listings, not datasets; the model has no place for them",
                                       error: error))
    }

    /// A container member that is not an object: a reference when it is a string, else malformed.
    private mutating func notAnObject(_ item: JSONValue, path: String, what: String) {
        if let reference = item.string?.trimmingWhitespace(), !reference.isEmpty {
            skip(.reference, path, reference, "a \(what) given only by reference has nothing to map")
        } else if !item.isNull {
            skipped.append(DataJSONSkipped(kind: .unsupported, path: path, identifier: nil, reason: "a \(what) must be an object",
                                           error: MappingError(code: .notAnObject, message: "a \(what) must be a JSON object, found \(DataJSONFields.kind(of: item))",
                                                               field: path)))
        }
    }

    private mutating func skip(_ kind: DataJSONSkipped.Kind, _ path: String, _ id: String?, _ reason: String) {
        skipped.append(DataJSONSkipped(kind: kind, path: path, identifier: id, reason: reason, error: nil))
    }

    /// The members of a `DatasetSeries` that embed its datasets.
    static let seriesMemberKeys = ["seriesMember", "first", "last"]

    /// The elements of an array, or a single object as one element.
    private func list(_ value: JSONValue?) -> [JSONValue] {
        guard let value, !value.isNull else { return [] }
        return value.array ?? [value]
    }

    /// The lower-cased `@type` without a prefix (`dcat:Dataset` → `dataset`).
    static func type(of item: JSONValue) -> String? {
        guard let type = item["@type"]?.nonEmptyString else { return nil }
        let local = type.split(separator: ":").last.map(String.init) ?? type
        return local.lowercased()
    }
}
