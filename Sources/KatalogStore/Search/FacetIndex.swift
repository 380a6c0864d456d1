import CKatalogSearch
import Foundation
import GRDB
import Synchronization

/// An in-memory copy of the counted facets' terms (`dataset_terms` for ``SearchPlan/countedFacets``), laid out per
/// dataset so a search counts facet values over its match set with array lookups instead of SQL.
///
/// The copy reflects the catalogue at one change sequence (`store_state.change_seq`, which every insert, update
/// and tombstone advances; purges only remove rows that already lost their terms). A search uses it only when
/// its own read snapshot is at that same sequence, so counts never mix two states of the catalogue.
///
/// Layout: `entries[offsets[pk] ..< offsets[pk + 1]]` are the dataset's terms, each `facet << 26 | value id`.
/// A million datasets with about seven counted terms each take about 50 MB (measured: resident memory grew
/// by 52 MiB reading the benchmark catalogue of 1,000,000 datasets).
///
/// It also keeps each dataset's length in full-text tokens (``rowLengths``, 4 bytes a dataset), which BM25
/// ranking needs for every match (see ``RankScan``).
struct FacetIndex: Sendable {
    /// The change sequence this copy reflects.
    let version: Int64
    /// The terms epoch it was read at (`store_state.terms_epoch`): when terms of unchanged datasets are rewritten
    /// (``PublisherAliases``) the epoch moves, and the copy is read again in full.
    let termsEpoch: Int64
    /// Per counted facet (in ``SearchPlan/countedFacets`` order): value id → value.
    let values: [[String]]
    /// Per counted facet: value → value id.
    let ids: [[String: UInt32]]
    /// `offsets[pk]` is where the dataset's entries start; `offsets.count` is the largest pk + 2.
    let offsets: [UInt32]
    /// The datasets' entries, grouped by pk.
    let entries: [UInt32]
    /// Datasets with at least one counted term (every live dataset has its `source` term).
    let datasetCount: Int
    /// Counts over every dataset, for queries that match the whole live catalogue (``emptyCounts()`` layout).
    let everything: [UInt32]
    /// Where each facet's counters start in a counter array (one counter per value, facet after facet);
    /// the last element is the array's length.
    let countBases: [Int]
    /// Per pk: the dataset's tokens in all `datasets_fts` columns, or `KATALOG_RANK_UNKNOWN_LENGTH` when it has
    /// no full-text row (a tombstone, a gap in the keys).
    let rowLengths: [UInt32]
    /// Bit `pk` is set when the dataset is shown and has a download URL (`has_download`), so `has_download` filters
    /// are answered here like facet filters: 125 KB per million datasets, read from `datasets_live_by_download`.
    let downloadable: [UInt64]

    static let facetShift: UInt32 = 26
    static let valueMask: UInt32 = (1 << facetShift) - 1

    /// The value ids per facet, with their values, as a build goes along.
    private struct Interner {
        var ids: [[String: UInt32]]
        var values: [[String]]

        init(values: [[String]], ids: [[String: UInt32]]) {
            self.values = values
            self.ids = ids
        }

        mutating func entry(facet: Int, value: String) throws -> UInt32 {
            if let id = ids[facet][value] { return UInt32(facet) << FacetIndex.facetShift | id }
            let id = UInt32(values[facet].count)
            guard id <= FacetIndex.valueMask else {
                throw StoreError(.io, "the \(SearchPlan.countedFacets[facet]) facet has more than \(FacetIndex.valueMask) values")
            }
            values[facet].append(value)
            ids[facet][value] = id
            return UInt32(facet) << FacetIndex.facetShift | id
        }
    }

    /// Reads every counted term of the catalogue in `db`'s snapshot.
    static func build(_ db: Database) throws -> FacetIndex {
        let version = try currentVersion(db)
        let termsEpoch = try currentTermsEpoch(db)
        let empty = SearchPlan.countedFacets.map { _ in [String]() }
        var interner = Interner(values: empty, ids: empty.map { _ in [:] })
        var pks: [UInt32] = []
        var terms: [UInt32] = []
        var largest: Int64 = -1
        // The primary key (facet, value, dataset_pk) hands each value's datasets over in one run.
        let statement = try db.cachedStatement(sql: "SELECT value, dataset_pk FROM dataset_terms WHERE facet = ?")
        for (facet, name) in SearchPlan.countedFacets.enumerated() {
            let cursor = try Row.fetchCursor(statement, arguments: [name])
            var previous: String?
            var entry: UInt32 = 0
            while let row = try cursor.next() {
                let value: String = row[0]
                let pk: Int64 = row[1]
                if value != previous {
                    entry = try interner.entry(facet: facet, value: value)
                    previous = value
                }
                pks.append(try narrow(pk))
                terms.append(entry)
                largest = max(largest, pk)
            }
        }
        var counts = [UInt32](repeating: 0, count: Int(largest + 2))
        for pk in pks { counts[Int(pk) + 1] += 1 }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        let offsets = counts
        var cursor = counts
        var entries = [UInt32](repeating: 0, count: terms.count)
        for (pk, term) in zip(pks, terms) {
            entries[Int(cursor[Int(pk)])] = term
            cursor[Int(pk)] += 1
        }
        var rowLengths = [UInt32](repeating: KATALOG_RANK_UNKNOWN_LENGTH, count: Int(largest + 1))
        let sizes = try Row.fetchCursor(db, sql: "SELECT id, sz FROM datasets_fts_docsize")
        while let row = try sizes.next() {
            let pk: Int64 = row[0]
            guard let length = FacetIndex.rowLength(row[1]) else { continue }
            if pk >= rowLengths.count {
                rowLengths += [UInt32](repeating: KATALOG_RANK_UNKNOWN_LENGTH, count: Int(pk) + 1 - rowLengths.count)
            }
            rowLengths[Int(pk)] = length
        }
        var downloadable = [UInt64](repeating: 0, count: Int(largest + 1) / 64 + 1)
        let withDownloads = try Int64.fetchCursor(db, sql: FacetIndex.downloadableSQL)
        while let pk = try withDownloads.next() {
            FacetIndex.setBit(&downloadable, pk, true)
        }
        return FacetIndex(version: version, termsEpoch: termsEpoch, values: interner.values, ids: interner.ids, offsets: offsets,
                          entries: entries, rowLengths: rowLengths, downloadable: downloadable)
    }

    /// The shown datasets with a download URL, from `datasets_live_by_download` alone.
    private static let downloadableSQL =
        "SELECT pk FROM datasets WHERE deleted_at IS NULL AND shown_as IS NULL AND has_download = 1"

    private static func setBit(_ bits: inout [UInt64], _ pk: Int64, _ value: Bool) {
        guard pk >= 0 else { return }
        let word = Int(pk >> 6)
        if word >= bits.count { bits += [UInt64](repeating: 0, count: word + 1 - bits.count) }
        if value {
            bits[word] |= 1 << UInt64(pk & 63)
        } else {
            bits[word] &= ~(1 << UInt64(pk & 63))
        }
    }

    /// Whether the dataset is shown and has a download URL.
    @inline(__always)
    func hasDownload(_ pk: Int64) -> Bool {
        let word = Int(pk >> 6)
        return pk >= 0 && word < downloadable.count && downloadable[word] & (1 << UInt64(pk & 63)) != 0
    }

    /// The total of an FTS5 `_docsize` value: one SQLite varint per column, each that column's tokens.
    /// Nil when the value is not such a list.
    static func rowLength(_ value: DatabaseValue) -> UInt32? {
        guard case .blob(let bytes) = value.storage else { return nil }
        var total: UInt64 = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            // SQLite's varint: up to eight bytes of seven bits, big-endian, high bit set on all but the last;
            // a ninth byte gives all eight bits.
            var value: UInt64 = 0
            var length = 0
            while true {
                guard index < bytes.endIndex else { return nil }
                let byte = bytes[index]
                index += 1
                length += 1
                if length == 9 {
                    value = value << 8 | UInt64(byte)
                    break
                }
                value = value << 7 | UInt64(byte & 0x7f)
                if byte & 0x80 == 0 { break }
            }
            total &+= value
        }
        guard total < UInt64(KATALOG_RANK_UNKNOWN_LENGTH), total <= UInt64(Int32.max) else { return nil }
        return UInt32(total)
    }

    /// This copy brought up to `db`'s snapshot by re-reading only the datasets changed since ``version``.
    /// Returns nil when so much changed that a full ``build(_:)`` is cheaper.
    func updated(_ db: Database) throws -> FacetIndex? {
        let version = try FacetIndex.currentVersion(db)
        guard version != self.version else { return self }
        guard try FacetIndex.currentTermsEpoch(db) == termsEpoch else { return nil }
        let changed = try Int64.fetchAll(db, sql: "SELECT pk FROM datasets WHERE change_seq > ?", arguments: [self.version])
        guard changed.count <= max(1_000, datasetCount / 4) else { return nil }
        var interner = Interner(values: values, ids: ids)
        var fresh: [Int64: [UInt32]] = [:]
        for pk in changed { fresh[pk] = [] }
        let facetIDs = Dictionary(uniqueKeysWithValues: SearchPlan.countedFacets.enumerated().map { ($1, $0) })
        try db.forEachRow("SELECT dataset_pk, facet, value FROM dataset_terms WHERE dataset_pk IN", in: changed) { row in
            let facetName: String = row[1]
            guard let facet = facetIDs[facetName] else { return }
            let pk: Int64 = row[0]
            fresh[pk, default: []].append(try interner.entry(facet: facet, value: row[2]))
        }
        var rowLengths = self.rowLengths
        let wanted = Int(changed.max() ?? -1) + 1
        if wanted > rowLengths.count {
            rowLengths += [UInt32](repeating: KATALOG_RANK_UNKNOWN_LENGTH, count: wanted - rowLengths.count)
        }
        for pk in changed { rowLengths[Int(pk)] = KATALOG_RANK_UNKNOWN_LENGTH }
        try db.forEachRow("SELECT id, sz FROM datasets_fts_docsize WHERE id IN", in: changed) { row in
            let pk: Int64 = row[0]
            if let length = FacetIndex.rowLength(row[1]), pk >= 0, pk < rowLengths.count { rowLengths[Int(pk)] = length }
        }
        var downloadable = self.downloadable
        for pk in changed { FacetIndex.setBit(&downloadable, pk, false) }
        try db.forEachRow(FacetIndex.downloadableSQL + " AND pk IN", in: changed) { row in
            FacetIndex.setBit(&downloadable, row[0], true)
        }
        let largest = max(Int64(offsets.count) - 2, changed.max() ?? -1)
        var newOffsets = [UInt32](repeating: 0, count: Int(largest + 2))
        var newEntries: [UInt32] = []
        newEntries.reserveCapacity(entries.count + fresh.values.reduce(0) { $0 + $1.count })
        for pk in 0...max(largest, 0) {
            newOffsets[Int(pk)] = try FacetIndex.narrow(Int64(newEntries.count))
            if let replaced = fresh[pk] {
                newEntries += replaced.sorted()
            } else if pk + 1 < offsets.count {
                newEntries += entries[Int(offsets[Int(pk)])..<Int(offsets[Int(pk) + 1])]
            }
        }
        newOffsets[newOffsets.count - 1] = try FacetIndex.narrow(Int64(newEntries.count))
        return FacetIndex(version: version, termsEpoch: termsEpoch, values: interner.values, ids: interner.ids, offsets: newOffsets,
                          entries: newEntries, rowLengths: rowLengths, downloadable: downloadable)
    }

    private init(version: Int64, termsEpoch: Int64, values: [[String]], ids: [[String: UInt32]], offsets: [UInt32], entries: [UInt32],
                 rowLengths: [UInt32], downloadable: [UInt64]) {
        self.version = version
        self.downloadable = downloadable
        self.termsEpoch = termsEpoch
        self.rowLengths = rowLengths
        self.values = values
        self.ids = ids
        self.offsets = offsets
        self.entries = entries
        var bases = [0]
        for facetValues in values { bases.append(bases[bases.count - 1] + facetValues.count) }
        countBases = bases
        var everything = [UInt32](repeating: 0, count: bases[bases.count - 1])
        var datasets = 0
        for pk in 0..<max(offsets.count - 1, 0) where offsets[pk] < offsets[pk + 1] {
            datasets += 1
            for entry in entries[Int(offsets[pk])..<Int(offsets[pk + 1])] {
                everything[bases[Int(entry >> FacetIndex.facetShift)] + Int(entry & FacetIndex.valueMask)] += 1
            }
        }
        datasetCount = datasets
        self.everything = everything
    }

    /// The change sequence of `db`'s snapshot.
    static func currentVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT change_seq FROM store_state WHERE id = 1") ?? 0
    }

    /// The terms epoch of `db`'s snapshot (see ``termsEpoch``).
    static func currentTermsEpoch(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT terms_epoch FROM store_state WHERE id = 1") ?? 0
    }

    private static func narrow(_ value: Int64) throws -> UInt32 {
        guard let narrowed = UInt32(exactly: value) else {
            throw StoreError(.io, "the in-memory facet index cannot address \(value) (over \(UInt32.max))")
        }
        return narrowed
    }

    /// Empty counters: one per value, facet after facet (``countBases``).
    func emptyCounts() -> [UInt32] {
        [UInt32](repeating: 0, count: countBases[countBases.count - 1])
    }

    /// Counts terms into a counter array without Swift's per-access checks, for a pass over a large match set.
    /// Its pointers are valid only inside ``withCounter(_:_:)``.
    struct Counter {
        fileprivate let offsets: UnsafeBufferPointer<UInt32>
        fileprivate let entries: UnsafeBufferPointer<UInt32>
        fileprivate let bases: UnsafeBufferPointer<Int>
        fileprivate let counts: UnsafeMutableBufferPointer<UInt32>

        /// Adds one dataset's terms; a pk the copy does not know adds nothing.
        @inline(__always)
        func add(_ pk: Int64) {
            guard pk >= 0, pk + 1 < offsets.count else { return }
            var position = Int(offsets[Int(pk)])
            let end = Int(offsets[Int(pk) + 1])
            while position < end {
                let entry = entries[position]
                counts[bases[Int(entry >> FacetIndex.facetShift)] + Int(entry & FacetIndex.valueMask)] += 1
                position += 1
            }
        }
    }

    /// Runs `body` with a ``Counter`` adding into `counts` (``emptyCounts()`` layout).
    func withCounter<T>(_ counts: UnsafeMutableBufferPointer<UInt32>, _ body: (Counter) throws -> T) rethrows -> T {
        precondition(counts.count == countBases[countBases.count - 1], "counters of another facet index")
        return try offsets.withUnsafeBufferPointer { offsets in
            try entries.withUnsafeBufferPointer { entries in
                try countBases.withUnsafeBufferPointer { bases in
                    try body(Counter(offsets: offsets, entries: entries, bases: bases, counts: counts))
                }
            }
        }
    }

    /// A filter on counted facets, in terms of this copy's value ids: per facet, the ids any of which a
    /// dataset must have (a value the copy does not know has no id, so it matches nothing).
    struct Filter {
        var required: [(facet: UInt32, ids: Set<UInt32>)]
        /// `has_download`: whether the dataset must have a download URL, when the search asks.
        var download: Bool? = nil
    }

    /// `filters` as value ids, with `has_download` when `download` is set; nil when one of them is not a counted facet
    /// (e.g. `keyword`).
    func filter(_ filters: [(facet: String, values: [String])], download: Bool? = nil) -> Filter? {
        var required: [(facet: UInt32, ids: Set<UInt32>)] = []
        for (name, wanted) in filters {
            guard let facet = SearchPlan.countedFacets.firstIndex(of: name) else { return nil }
            var ids = Set<UInt32>()
            for value in wanted {
                if let id = self.ids[facet][value] { ids.insert(id) }
            }
            required.append((UInt32(facet), ids))
        }
        return Filter(required: required, download: download)
    }

    /// Calls `body` with each dataset of the copy that matches `filter`, in row-key order. The copy holds every dataset
    /// searches show, and each has at least its source as a term.
    func forEachDataset(matching filter: Filter, _ body: (Int64) -> Void) {
        guard offsets.count > 1 else { return }
        for pk in 0..<(offsets.count - 1) where offsets[pk] < offsets[pk + 1] && matches(Int64(pk), filter) {
            body(Int64(pk))
        }
    }

    /// Whether the dataset has, for every facet of `filter`, one of its values (and a download URL or none, as asked).
    @inline(__always)
    func matches(_ pk: Int64, _ filter: Filter) -> Bool {
        if let download = filter.download, hasDownload(pk) != download { return false }
        guard !filter.required.isEmpty else { return true }
        guard pk >= 0, pk + 1 < offsets.count else { return false }
        let range = Int(offsets[Int(pk)])..<Int(offsets[Int(pk) + 1])
        for (facet, ids) in filter.required {
            var found = false
            for position in range {
                let entry = entries[position]
                if entry >> FacetIndex.facetShift == facet, ids.contains(entry & FacetIndex.valueMask) {
                    found = true
                    break
                }
            }
            if !found { return false }
        }
        return true
    }

    /// The top `limit` values of each facet by count (ties by value in byte order, as SQLite sorts text), the
    /// same lists the SQL strategies of ``SearchPlan/countFacets(_:matchSQL:arguments:fromMatchSet:)`` return.
    func top(_ counts: [UInt32], limit: Int) -> [String: [FacetCount]] {
        var facets: [String: [FacetCount]] = [:]
        for (facet, name) in SearchPlan.countedFacets.enumerated() {
            let base = countBases[facet]
            let nonzero = (0..<values[facet].count).filter { counts[base + $0] > 0 }
            let ordered = nonzero.sorted { left, right in
                let (a, b) = (counts[base + left], counts[base + right])
                if a != b { return a > b }
                return values[facet][left].utf8.lexicographicallyPrecedes(values[facet][right].utf8)
            }
            facets[name] = ordered.prefix(limit).map {
                FacetCount(value: values[facet][$0], count: Int(counts[base + $0]), label: nil)
            }
        }
        return facets
    }
}

/// Holds the current ``FacetIndex`` and refreshes it off the request path after the catalogue changes.
///
/// A search that finds no copy at its own snapshot's version counts with SQL (same result, slower) and asks for a
/// refresh. Searches wait only for the first copy, and only when it is already being read (``waitForFirstCopy()``).
/// One refresh runs at a time.
final class FacetIndexCache: Sendable {
    /// Makes the next copy from the current one (nil before the first).
    typealias Refresh = @Sendable (FacetIndex?) async throws -> FacetIndex

    private struct State {
        var index: FacetIndex?
        var inFlight: Task<Void, any Error>?
        var enabled = true
    }

    private let state = Mutex(State())

    /// The current copy, if any (possibly behind the catalogue).
    var current: FacetIndex? { state.withLock { $0.enabled ? $0.index : nil } }

    /// Turns the copy off (searches count with SQL) or back on.
    func setEnabled(_ enabled: Bool) {
        state.withLock {
            $0.enabled = enabled
            if !enabled { $0.index = nil }
        }
    }

    /// When there is no copy yet and the first is being read (`katalog serve` starts reading it as it starts), waits
    /// for it, but not longer than `limit`; otherwise returns at once. Right after a start, every search would otherwise
    /// count facets with SQL, each taking up to seconds on a million datasets and all of them competing with the read
    /// they are waiting for; the first copy takes 1.6–4 s there with the catalogue in the page cache. With the cache
    /// cold it took up to 12 s, and a search of a rare word, which counts with SQL in milliseconds, should not wait
    /// that long: past `limit` the search counts with SQL. Failures are the refresh's to log.
    func waitForFirstCopy(atMost limit: Duration = .seconds(3)) async {
        let deadline = ContinuousClock.now + limit
        while state.withLock({ $0.enabled && $0.index == nil && $0.inFlight != nil }), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Starts a refresh unless one is running (or the copy is off); does not wait for it.
    func refreshInBackground(_ refresh: @escaping Refresh) {
        _ = start(refresh)
    }

    /// Waits for a refresh in flight, if any, then runs one of its own and waits for it, so the copy reflects
    /// at least the catalogue as it was when this was called.
    func refresh(_ refresh: @escaping Refresh) async throws {
        while true {
            guard let (task, isOurs) = start(refresh) else { return }
            if isOurs {
                try await task.value
                return
            }
            _ = try? await task.value
        }
    }

    /// The refresh in flight (not ours), or a new one (ours); nil when the copy is off.
    private func start(_ refresh: @escaping Refresh) -> (Task<Void, any Error>, isOurs: Bool)? {
        state.withLock { state in
            guard state.enabled else { return nil }
            if let running = state.inFlight { return (running, false) }
            let base = state.index
            let task = Task<Void, any Error>.detached(priority: .utility) { [self] in
                do {
                    let fresh = try await refresh(base)
                    finish(installing: fresh)
                } catch {
                    finish(installing: nil)
                    throw error
                }
            }
            state.inFlight = task
            return (task, true)
        }
    }

    private func finish(installing index: FacetIndex?) {
        state.withLock { state in
            state.inFlight = nil
            guard state.enabled, let index else { return }
            if let existing = state.index, existing.version > index.version { return }
            state.index = index
        }
    }
}
