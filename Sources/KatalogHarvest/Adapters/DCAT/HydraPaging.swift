import Foundation

/// Follows Hydra `next` links page by page, refusing loops, foreign hosts, non-http schemes and runaway paging.
///
/// A pure state machine: the adapter fetches ``current``, then reports the page's next links to ``advance(links:)``.
struct HydraPaging: Sendable {
    /// The page to fetch now; nil when paging has ended.
    private(set) var current: String?
    /// Pages fetched so far (pages whose links were reported).
    private(set) var pages = 0
    /// Why paging ended before the last page, when it did.
    private(set) var incompleteReason: String?
    private let maxPages: Int
    private let host: String?
    private var visited: Set<String> = []

    init(start: String, maxPages: Int) {
        self.current = start
        self.maxPages = max(maxPages, 1)
        self.host = HydraPaging.host(of: start)
        visited.insert(HydraPaging.normalized(start))
    }

    /// Records the links of the page just fetched and moves on; returns a warning when paging ends early.
    mutating func advance(links: [String]) -> String? {
        pages += 1
        guard let from = current else { return nil }
        current = nil
        guard let next = links.first(where: { HydraPaging.normalized($0) != HydraPaging.normalized(from) }) ?? links.first else {
            return nil
        }
        var warning: String?
        if links.count > 1, Set(links.map(HydraPaging.normalized)).count > 1 {
            warning = "the page names \(links.count) next pages; following \(next)"
        }
        let scheme = next.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        if scheme != "http", scheme != "https" {
            return stop("the next page <\(next)> is not an http(s) URL; paging stopped")
        }
        if HydraPaging.host(of: next) != host {
            return stop("the next page <\(next)> is on another host than the source; paging stopped")
        }
        if !visited.insert(HydraPaging.normalized(next)).inserted {
            return stop("the next page <\(next)> was already harvested in this run (a paging loop); paging stopped")
        }
        if pages >= maxPages {
            return stop("the source has more than \(maxPages) pages (max_pages); paging stopped")
        }
        current = next
        return warning
    }

    private mutating func stop(_ reason: String) -> String {
        incompleteReason = reason
        current = nil
        return reason
    }

    /// The lower-cased host of an http(s) URL.
    static func host(of url: String) -> String? {
        URLComponents(string: url)?.host?.lowercased()
    }

    /// The URL without its fragment, for loop detection.
    static func normalized(_ url: String) -> String {
        url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? url
    }
}
