import Foundation
import KatalogModel

/// An adapter's mapping lanes: batches of records are mapped off the cooperative pool, one batch per lane at a time,
/// and reach the collector in the order they were listed, so while the collector stages one batch the next ones are
/// being mapped on the other cores.
///
/// Before a batch is mapped, the source digests of the live records it names are read (see
/// ``CatalogStore/sourceDigests(source:identifiers:)``), so the lane can hand over a dataset that reads the same as
/// ``MappedRecord/unchanged(identifier:)`` without mapping it.
enum MappingLanes {
    /// A batch to map: the adapter's description of the work, and the identifiers of the records it will produce, as
    /// far as they are known before mapping (for the digest lookup).
    struct Batch<Work: Sendable>: Sendable {
        var work: Work
        var identifiers: [String]
    }

    /// Lists batches with `next` (nil after the last), maps each with `map(work, lane, knownDigests)` in a lane
    /// `0 ..< lanes`, and hands the results to `collector` in listing order, telling `delivered` how many records
    /// have been handed over after each batch. Returns that number.
    ///
    /// `cancellation` is set when this returns or throws, and when the task is cancelled: `map` must check it, so work
    /// still in flight stops soon after.
    static func collect<Work: Sendable>(
        lanes: Int, into collector: RunCollector, url: String, cancellation: CancellationFlag,
        next: () async throws -> Batch<Work>?,
        map: @escaping @Sendable (_ work: Work, _ lane: Int, _ known: [String: String]) throws -> [MappedRecord],
        delivered: (Int) -> Void = { _ in }
    ) async throws -> Int {
        defer { cancellation.cancel() }
        return try await withTaskCancellationHandler {
            var inFlight: [(lane: Int, task: Task<[MappedRecord], any Error>)] = []
            func dispatch(lane: Int) async throws {
                guard let batch = try await next() else { return }
                let known = try await collector.sourceDigests(of: batch.identifiers)
                let work = batch.work
                inFlight.append((lane, Task { try await OffPool.run { try map(work, lane, known) } }))
            }
            for lane in 0..<max(1, lanes) { try await dispatch(lane: lane) }
            var records = 0
            while !inFlight.isEmpty {
                let (lane, task) = inFlight.removeFirst()
                let batch = try await task.value
                // The lane is free again: it maps the batch after the ones already in flight.
                try await dispatch(lane: lane)
                records += batch.count
                try await collector.accept(batch, url: url)
                delivered(records)
            }
            return records
        } onCancel: {
            cancellation.cancel()
        }
    }

    /// Maps `entries` in batches of `batchSize` with `map(entry, knownDigests)`, one batch per lane at a time, and hands
    /// the records to `collector` in the entries' order; `identifier` names each entry's record for the digest lookup.
    /// The form the adapters with a page of records in memory use (CKAN packages, CSW and OAI-PMH records).
    static func collect<Entry: Sendable>(
        _ entries: [Entry], batchSize: Int, lanes: Int, into collector: RunCollector, url: String,
        identifier: (Entry) -> String,
        map: @escaping @Sendable (_ entry: Entry, _ known: [String: String]) -> MappedRecord
    ) async throws {
        let cancellation = CancellationFlag()
        var next = 0
        _ = try await collect(
            lanes: lanes, into: collector, url: url, cancellation: cancellation,
            next: { () -> Batch<ArraySlice<Entry>>? in
                guard next < entries.count else { return nil }
                let batch = entries[next..<min(next + batchSize, entries.count)]
                next = batch.endIndex
                return Batch(work: batch, identifiers: batch.map(identifier))
            },
            map: { (batch: ArraySlice<Entry>, _: Int, known: [String: String]) throws -> [MappedRecord] in
                try batch.map { entry in
                    try cancellation.check()
                    return map(entry, known)
                }
            })
    }

    /// A record's source digest: SHA-256 over the adapter's `kind`, the source's mapping fingerprint, any `context` the
    /// mapper also reads (an OAI-PMH header identifier) and the record's bytes as stored. A record with the digest its
    /// live record was stored with maps to that record again, so it is not mapped.
    static func sourceDigest(kind: String, fingerprint: String, context: String? = nil, raw: Data) -> String {
        var hasher = SHA256()
        hasher.update(Data("\(kind)\n\(fingerprint)\(context.map { "\n" + $0 } ?? "")".utf8))
        hasher.update([0])
        hasher.update(raw)
        return SHA256.hexString(hasher.finalize())
    }
}
