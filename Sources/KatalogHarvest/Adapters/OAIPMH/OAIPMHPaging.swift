/// The paging state of an OAI-PMH `ListRecords` walk through resumption tokens, as a pure value tested without I/O.
///
/// An empty or absent token ends the list. A token seen before, a page of records already seen, and the page cap end
/// the walk incomplete, so deletions are never applied from a partial list; so does a list that ends with fewer
/// distinct records than the repository's `completeListSize`.
struct OAIPMHPaging: Sendable {
    let maxPages: Int
    private(set) var pages = 0
    private(set) var finished = false
    /// The token to send for the next page; nil before the first page and after the last.
    private(set) var token: String?
    /// Why the walk is incomplete, when it is.
    private(set) var incompleteReason: String?
    private var tokens = Set<String>()
    private var seen = Set<String>()
    /// The last `completeListSize` the repository reported.
    private(set) var completeListSize: Int?

    init(maxPages: Int) {
        self.maxPages = maxPages
    }


    /// Takes a page: its records' header identifiers (a record without one is named by its position by the caller)
    /// and its resumption token (nil when the page has none).
    mutating func record(page ids: [String], token next: String?, completeListSize: Int?) -> PagingDecision {
        pages += 1
        if let completeListSize { self.completeListSize = completeListSize }
        if !ids.isEmpty, ids.allSatisfy({ seen.contains($0) }) {
            return stop(incomplete: "page \(pages) held only records already seen (a paging loop)")
        }
        seen.formUnion(ids)
        guard let next, !next.isEmpty else {
            finish()
            return .process
        }
        guard tokens.insert(next).inserted else {
            return processThenStop(incomplete: "the repository sent the resumption token '\(next.prefix(80))' again (a paging loop)")
        }
        if pages >= maxPages {
            return processThenStop(incomplete: "stopped after the page cap of \(maxPages) pages")
        }
        token = next
        return .process
    }

    private mutating func finish() {
        finished = true
        token = nil
        if incompleteReason == nil, let size = completeListSize, seen.count < size {
            incompleteReason = "saw \(seen.count) distinct records but the repository reports \(size)"
        }
    }

    private mutating func stop(incomplete reason: String) -> PagingDecision {
        finished = true
        token = nil
        incompleteReason = reason
        return .stop(warning: reason)
    }

    private mutating func processThenStop(incomplete reason: String) -> PagingDecision {
        finished = true
        token = nil
        incompleteReason = reason
        return .process
    }
}
