import Foundation

/// Maps DCAT-US `data.json` catalogues (Project Open Data 1.1 and DCAT-US 3.0) into the unified model.
///
/// ``catalogue(from:location:)`` reads the whole document and throws only when it is not a catalogue;
/// each dataset is then mapped on its own with ``DataJSONCatalogue/record(at:sourceURL:defaultLanguage:limits:)``,
/// so one invalid dataset (no identifier, no title, a licence that is not a URI, a field of the wrong type)
/// is an error for that record while the rest of the file maps.
public enum DataJSONMapper {
    /// Parses a whole data.json document; throws a ``DataJSONError`` (with the line and column of a syntax error)
    /// when the document is not JSON or not a catalogue.
    public static func catalogue(from data: Data, location: String) throws(DataJSONError) -> DataJSONCatalogue {
        try catalogue(from: DocumentBytes(copying: data), location: location)
    }

    /// Reads a data.json file, mapped into memory rather than read onto the heap.
    public static func catalogue(contentsOf path: String, location: String) throws(DataJSONError) -> DataJSONCatalogue {
        let buffer: DocumentBytes
        do {
            buffer = try DocumentBytes(mapping: path)
        } catch {
            throw DataJSONError(code: .invalidJSON, message: "cannot read the document: \(error)", location: location)
        }
        return try catalogue(from: buffer, location: location)
    }

    /// Reads a catalogue from its bytes. The whole document is checked for syntax, but the top-level `dataset`
    /// elements are not kept: each is parsed, summarised and dropped, and read again from `buffer` when mapped,
    /// so memory holds one dataset at a time plus a small summary of each, not a tree several times the file.
    public static func catalogue(from buffer: DocumentBytes, location: String) throws(DataJSONError) -> DataJSONCatalogue {
        var reader = JSONReader(bytes: buffer.bytes)
        let parsed = Result(catching: { () throws(JSONParseError) in try reader.document(lazyArray: "dataset", summarise: summary(of:)) })
        switch parsed {
        case .success(let read):
            var catalogue = try self.catalogue(from: read.document, location: location, lazyDatasets: read.summarised,
                                               reread: { try? JSONValue.parse(buffer, range: $0) })
            catalogue.buffer = buffer
            return catalogue
        case .failure(let error):
            let position = DataJSONError.lineAndColumn(of: error.offset, in: buffer.bytes)
            throw DataJSONError(code: .invalidJSON, message: "\(error.code): \(error.message)", location: location,
                                line: position.line, column: position.column)
        }
    }

    /// What a top-level dataset element is replaced with while the catalogue is collected: for a plain dataset
    /// object, only the members that decide what it is and what it is called (a stub); anything else (a series,
    /// a data service, a reference, a malformed element) is kept whole.
    static func summary(of element: JSONValue) -> JSONValue? {
        guard let object = element.object else { return nil }
        if let type = DataJSONCollector.type(of: element), type == "datasetseries" || type == "dataservice" { return nil }
        var stub: [String: JSONValue] = [:]
        for key in ["@type", "@id", "identifier", "title"] { stub[key] = object[key] }
        return .object(stub)
    }

    /// Reads a catalogue from an already decoded document.
    public static func catalogue(from document: JSONValue, location: String) throws(DataJSONError) -> DataJSONCatalogue {
        try catalogue(from: document, location: location, lazyDatasets: [:], reread: { _ in nil })
    }

    static func catalogue(from document: JSONValue, location: String, lazyDatasets: [Int: SummarisedElement],
                          reread: @escaping (Range<Int>) -> JSONValue?) throws(DataJSONError) -> DataJSONCatalogue {
        guard let object = document.object else {
            let shape = document.array != nil ? "an array (Project Open Data 1.0 lists are not catalogues)" : "not an object"
            throw DataJSONError(code: .notACatalogue, message: "the document is \(shape); a data.json catalogue is an object with a `dataset` array",
                                location: location)
        }
        let version = DataJSONVersion.detect(object["conformsTo"])
        var collector = DataJSONCollector(version: version, lazyDatasets: lazyDatasets, reread: reread)
        // The top level must have the right shape: a wrong one is the document's fault, not one record's.
        if let value = object["dataset"], !value.isNull, value.array == nil {
            throw DataJSONError(code: .invalidCatalogue, message: "`dataset` must be an array of dataset objects",
                                location: location, field: "dataset")
        }
        collector.collect(catalogue: object, path: "", depth: 0)
        guard object["dataset"] != nil || collector.sawContainer else {
            throw DataJSONError(code: .invalidCatalogue, message: "the catalogue has no `dataset` array (nor DCAT-US 3.0 series, services or catalogues)",
                                location: location, field: "dataset")
        }
        let entries = collector.finish()
        return DataJSONCatalogue(
            location: location,
            conformsTo: object["conformsTo"].flatMap(conformsToText),
            version: version,
            iri: object["@id"]?.string.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0.trimmingWhitespace() },
            title: object["title"]?.string.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0.trimmingWhitespace() },
            languages: DataJSONFields.languageCodes(object["language"]),
            entries: entries,
            skipped: collector.skipped,
            mergedDuplicates: collector.merged,
            vocabulary: DataJSONVocabularyCache())
    }

    /// `conformsTo` as text: the string itself, or a `Standard` object's `@id`, else its title.
    static func conformsToText(_ value: JSONValue) -> String? {
        if let text = value.nonEmptyString { return text }
        return value["@id"]?.nonEmptyString ?? value["title"]?.nonEmptyString
    }

    /// What the per-record mapping needs from the catalogue and the caller.
    struct Context {
        let version: DataJSONVersion
        let catalogueLanguages: [String]
        let defaultLanguage: String?
        let sourceURL: String
        let vocabulary: DataJSONVocabularyCache
    }
}
