import Foundation
import KatalogModel
import KatalogStore
import Logging

/// Harvests a DCAT-US `data.json` catalogue (1.1 or 3.0): one JSON document listing every dataset.
///
/// The document is downloaded to a temporary file (bounded by the source's `max_bytes`), mapped into memory and
/// read off the cooperative pool; each dataset is read again from the file when its batch is mapped, so the heap
/// holds a small summary per dataset, not the whole document. A dataset that fails validation is an error for
/// that dataset alone; the rest of the file is harvested. The document's `ETag`/`Last-Modified` are sent
/// back on the next run, so an unchanged catalogue ends the run as unchanged without being parsed; so does a
/// catalogue downloaded again with the SHA-256 of the one the last run applied.
public struct DataJSONAdapter: HarvestAdapter {
    /// Datasets mapped per batch handed from the mapping thread to the run.
    static let batchSize = 256

    /// Creates the adapter.
    public init() {}

    /// Harvests the catalogue.
    public func harvest(_ context: HarvestContext, into collector: RunCollector) async throws -> AdapterOutcome {
        let source = context.source
        let url = source.url
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-datajson-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }

        let request = try await context.request(url, accept: "application/json, application/ld+json;q=0.9, */*;q=0.1", conditional: true)
        let head = try await context.client.download(request, to: file)
        if head.isNotModified { return .notModified }
        let sha256 = try await context.sha256(of: file, url: url)
        if try await context.isUnchanged(url: url, sha256: sha256) {
            await collector.noteDocumentValidators(url: url, etag: head.etag, lastModified: head.lastModified, contentSHA256: sha256)
            return .sameDigest(sha256)
        }

        let catalogue = try await OffPool.run { () throws -> DataJSONCatalogue in
            do {
                return try DataJSONMapper.catalogue(contentsOf: file.path, location: url)
            } catch let error as DataJSONError {
                throw HarvestError(.malformedResponse, error.description, source: source.name, url: url)
            }
        }
        await collector.noteDocumentValidators(url: url, etag: head.etag, lastModified: head.lastModified, contentSHA256: sha256)
        if catalogue.version == .unknown {
            await collector.warn(url: url, "the catalogue declares no DCAT-US version it conforms to (conformsTo \(catalogue.conformsTo ?? "absent")); read as DCAT-US 1.1")
        }
        for skipped in catalogue.skipped where skipped.error != nil {
            await collector.fail(identifier: skipped.identifier ?? skipped.path, url: url, cause: skipped.reason)
        }

        let language = source.language
        let limits = source.recordLimits
        // Batches are mapped and prepared for the store (JSON, hash, compression) in the mapping lanes while the
        // collector stages the batch before them; an entry whose source digest equals its live record's is not
        // mapped (see DataJSONCatalogue.sourceDigest).
        let count = catalogue.entries.count
        let fingerprint = source.mappingFingerprint
        let cancellation = CancellationFlag()
        var next = 0
        _ = try await MappingLanes.collect(
            lanes: context.mappingLanes, into: collector, url: url, cancellation: cancellation,
            next: { () -> MappingLanes.Batch<Range<Int>>? in
                guard next < count else { return nil }
                let range = next..<min(next + DataJSONAdapter.batchSize, count)
                next = range.upperBound
                return MappingLanes.Batch(work: range, identifiers: range.compactMap { catalogue.entries[$0].identifier })
            },
            map: { (range: Range<Int>, _, known) in
                try range.map { index -> MappedRecord in
                    try cancellation.check()
                    let digest = catalogue.sourceDigest(at: index, fingerprint: fingerprint)
                    if let digest, let identifier = catalogue.entries[index].identifier, known[identifier] == digest {
                        return .unchanged(identifier: identifier)
                    }
                    switch catalogue.record(at: index, sourceURL: url, defaultLanguage: language, limits: limits) {
                    case .success(let record):
                        return .mapped(record, sourceDigest: digest, limits: limits)
                    case .failure(let error):
                        let entry = catalogue.entries[index]
                        return .failed(identifier: entry.identifier ?? entry.path, cause: error.description)
                    }
                }
            },
            delivered: { records in
                context.progress(HarvestProgress(source: source.name, pages: 1, records: records, expected: count))
            })
        return .complete
    }
}
