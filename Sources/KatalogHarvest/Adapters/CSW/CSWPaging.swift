/// The paging state of a CSW GetRecords walk, as a pure value: it decides the next `startPosition` (1-based) and
/// when to stop, and is tested without any I/O.
///
/// The service's `nextRecord` leads; a service that leaves it out is paged by the records it returned. A page that
/// does not advance, a page of records already seen, an empty page before the reported end and the page cap end the
/// walk incomplete, so deletions are never applied from a partial walk; so does a walk that saw fewer distinct
/// records than the service reports.
struct CSWPaging: Sendable {
    let pageSize: Int
    let maxPages: Int
    private(set) var pages = 0
    private(set) var start = 1
    private(set) var finished = false
    /// Why the walk is incomplete, when it is.
    private(set) var incompleteReason: String?
    private var seen = Set<String>()
    private(set) var lastMatched: Int?

    init(pageSize: Int, maxPages: Int) {
        self.pageSize = pageSize
        self.maxPages = maxPages
    }

    /// The `startPosition` of the next page to fetch, or nil when paging is over.
    var nextStart: Int? { finished ? nil : start }

    /// Takes the page fetched at `nextStart`: its records' identifiers (a record without one is named by its position
    /// by the caller) and the service's `numberOfRecordsMatched` and `nextRecord`.
    mutating func record(page ids: [String], matched: Int?, nextRecord: Int?) -> PagingDecision {
        pages += 1
        if let matched { lastMatched = matched }
        let fresh = ids.filter { !seen.contains($0) }
        if !ids.isEmpty, fresh.isEmpty {
            return stop(incomplete: "the page at startPosition=\(start) held only records already seen (a paging loop)")
        }
        seen.formUnion(ids)
        if ids.isEmpty {
            if let matched = lastMatched, start <= matched {
                return stop(incomplete: "the service returned no records at startPosition=\(start) although it reports \(matched)")
            }
            finish()
            return .process
        }
        let next: Int
        if let nextRecord {
            if nextRecord == 0 {
                finish()
                return .process
            }
            guard nextRecord > start else {
                return processThenStop(incomplete: "nextRecord=\(nextRecord) does not advance past startPosition=\(start) (a paging loop)")
            }
            next = nextRecord
        } else {
            next = start + ids.count
            if lastMatched == nil, ids.count < pageSize {
                finish()
                return .process
            }
        }
        if let matched = lastMatched, next > matched {
            finish()
        } else if pages >= maxPages {
            return processThenStop(incomplete: "stopped after the page cap of \(maxPages) pages")
        } else {
            start = next
        }
        return .process
    }


    private mutating func finish() {
        finished = true
        // Records added or removed while paging shift positions; if fewer distinct records were seen than the service
        // counts, some were skipped and the walk must not be used to delete anything.
        if incompleteReason == nil, let matched = lastMatched, seen.count < matched {
            incompleteReason = "saw \(seen.count) distinct records but the service reports \(matched)"
        }
    }

    private mutating func stop(incomplete reason: String) -> PagingDecision {
        finished = true
        incompleteReason = reason
        return .stop(warning: reason)
    }

    private mutating func processThenStop(incomplete reason: String) -> PagingDecision {
        finished = true
        incompleteReason = reason
        return .process
    }
}
