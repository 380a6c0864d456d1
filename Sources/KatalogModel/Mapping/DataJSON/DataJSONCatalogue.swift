import Foundation

/// A parsed data.json catalogue: its declared version and the datasets it lists (nested catalogues and
/// dataset-series members flattened, repeated listings of one dataset merged), each mapped on demand.
public struct DataJSONCatalogue: Sendable {
    /// The document's location, as given to ``DataJSONMapper/catalogue(from:location:)``.
    public var location: String
    /// The catalogue's `conformsTo` as text (the 1.1 URI, or the 3.0 `Standard`'s `@id` or title).
    public var conformsTo: String?
    /// The DCAT-US version `conformsTo` declares.
    public var version: DataJSONVersion
    /// The catalogue's own `@id`, when it has one.
    public var iri: String?
    /// The catalogue's title, when it has one.
    public var title: String?
    /// Languages the catalogue declares (DCAT-US 3.0 `language`), as published.
    public var languages: [String]
    /// The datasets, in document order (top-level list, then series members, services' datasets, nested catalogues).
    public var entries: [DataJSONEntry]
    /// Objects that are not mapped (data services, series, catalog records, bare references), with the reason.
    public var skipped: [DataJSONSkipped]
    /// How many listings repeated an earlier dataset with the same identifier and identical content (merged, not errors).
    public var mergedDuplicates: Int
    /// Licence and format lookups shared by this catalogue's records.
    let vocabulary: DataJSONVocabularyCache
    /// The document's bytes, from which entries kept as byte ranges are read again when mapped.
    var buffer: DocumentBytes?

    /// Maps entry `index` into a record, or says why it cannot be mapped (naming the entry's path and field).
    ///
    /// `sourceURL` names the document in error messages; `defaultLanguage` tags text when neither the
    /// dataset nor the catalogue declares exactly one language; `limits` bounds the record's size.
    public func record(at index: Int, sourceURL: String, defaultLanguage: String?,
                       limits: RecordLimits = RecordLimits()) -> Result<SourceRecord, MappingError> {
        guard entries.indices.contains(index) else {
            return .failure(MappingError(code: .notAnObject, message: "no entry \(index) in \(sourceURL) (\(entries.count) entries)"))
        }
        let entry = entries[index]
        if let problem = entry.problem { return .failure(problem) }
        let context = DataJSONMapper.Context(version: version, catalogueLanguages: languages,
                                             defaultLanguage: defaultLanguage, sourceURL: sourceURL,
                                             vocabulary: vocabulary)
        let value: JSONValue
        switch entry.storage {
        case .value(let kept):
            value = kept
        case .bytes(let range, _):
            guard let buffer, range.upperBound <= buffer.bytes.count else {
                return .failure(MappingError(code: .notAnObject, message: "the bytes of \(entry.path) are no longer available",
                                             field: entry.path, recordIdentifier: entry.identifier))
            }
            do {
                value = try JSONValue.parse(buffer, range: range)
            } catch {
                // The whole document was read once already; this is not expected to happen.
                return .failure(MappingError(code: .notAnObject, message: "\(entry.path) could not be read again: \(error.message)",
                                             field: entry.path, recordIdentifier: entry.identifier))
            }
        }
        let mapped = Result(catching: { () throws(MappingError) -> SourceRecord in
            try DataJSONMapper.record(for: entry, value: value, context: context)
        })
        guard case .success(let record) = mapped else { return mapped }
        if let violation = limits.violation(of: record) {
            return .failure(MappingError(code: .limitExceeded, message: violation + " (in \(sourceURL))",
                                         field: entry.path, recordIdentifier: entry.identifier))
        }
        return .success(record)
    }

    /// A digest of everything entry `index` is mapped from, under `fingerprint` (the source's mapping fingerprint,
    /// which covers the source URL, the default language and the record limits): the catalogue's version and
    /// languages, the entry's kind and series, and its JSON as published (a top-level dataset's bytes in the
    /// document, else its value encoded). Two equal digests map to the same record, so a harvester that stored one
    /// need not map the entry again while it reads the same. Nil for an entry that cannot be mapped.
    public func sourceDigest(at index: Int, fingerprint: String) -> String? {
        guard entries.indices.contains(index) else { return nil }
        let entry = entries[index]
        guard entry.problem == nil, entry.identifier != nil else { return nil }
        var hasher = SHA256()
        let context = ["data.json", fingerprint, version.rawValue, languages.joined(separator: " "), entry.kind.rawValue,
                       entry.series.joined(separator: " ")].joined(separator: "\n")
        hasher.update(Data(context.utf8))
        hasher.update([0])
        switch entry.storage {
        case .bytes(let range, _):
            guard let buffer, range.upperBound <= buffer.bytes.count else { return nil }
            hasher.update(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer.bytes[range])))
        case .value(let value):
            guard let encoded = try? value.encoded() else { return nil }
            hasher.update(encoded)
        }
        return SHA256.hexString(hasher.finalize())
    }

    /// Maps every entry; a convenience for small documents and tests.
    public func records(sourceURL: String, defaultLanguage: String?,
                        limits: RecordLimits = RecordLimits()) -> [Result<SourceRecord, MappingError>] {
        entries.indices.map { record(at: $0, sourceURL: sourceURL, defaultLanguage: defaultLanguage, limits: limits) }
    }
}
