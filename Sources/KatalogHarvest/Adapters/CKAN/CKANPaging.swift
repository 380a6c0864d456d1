/// The paging state of a CKAN `package_search` walk, as a pure value: it decides the next `start`
/// and when to stop, and is tested without any I/O.
struct CKANPaging: Sendable {
    /// Packages asked for per page; lowered to what the portal sends when its first page is short of it while the
    /// portal counts more (a portal whose `ckan.search.rows_max` is below what was asked).
    private(set) var rows: Int
    let maxPages: Int
    private(set) var pages = 0
    private(set) var start = 0
    private(set) var finished = false
    /// Why the walk is incomplete, when it is.
    private(set) var incompleteReason: String?
    private var previousPage: [String]?
    private var seen = Set<String>()
    private var lastCount: Int?

    init(rows: Int, maxPages: Int) {
        self.rows = rows
        self.maxPages = maxPages
    }

    /// The `start` of the next page to fetch, or nil when paging is over.
    var nextStart: Int? { finished ? nil : start }

    /// Takes the identifiers of the page fetched at `nextStart` and the count the portal reported.
    mutating func record(page ids: [String], reportedCount: Int?) -> PagingDecision {
        pages += 1
        if let reportedCount { lastCount = reportedCount }
        if !ids.isEmpty, ids == previousPage {
            return stop(incomplete: "the portal returned the same page again at start=\(start); it seems to ignore paging")
        }
        let fresh = ids.filter { !seen.contains($0) }
        if !ids.isEmpty, fresh.isEmpty {
            return stop(incomplete: "the page at start=\(start) held only records already seen (a paging loop)")
        }
        seen.formUnion(ids)
        previousPage = ids
        if pages == 1, !ids.isEmpty, ids.count < rows, let count = lastCount, count > ids.count {
            // The portal caps `rows`: page by what it sends, rather than take the short page for the last.
            rows = ids.count
        }
        if ids.count < rows {
            finish()
        } else if let count = lastCount, start + rows >= count {
            finish()
        } else if pages >= maxPages {
            return processThenStop(incomplete: "stopped after the page cap of \(maxPages) pages")
        } else {
            start += rows
        }
        return .process
    }

    private mutating func finish() {
        finished = true
        // Records added while paging shift offsets; if fewer distinct records were seen than the
        // portal counts, some were skipped and the walk must not be used to delete anything.
        if let count = lastCount, seen.count < count {
            incompleteReason = "saw \(seen.count) distinct records but the portal reports \(count)"
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
