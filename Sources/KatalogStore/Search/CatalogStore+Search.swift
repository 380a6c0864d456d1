import Foundation
import GRDB
import KatalogModel
import Logging

extension CatalogStore {
    /// Searches the live catalogue; see ``SearchQuery`` for the syntax and options.
    ///
    /// Total, hits and facets come from one read snapshot. Throws ``StoreError`` with code
    /// `invalidQuery` (bad text, filter or limit), `invalidCursor` (a cursor this store did not issue) or `timedOut`
    /// (the search ran past ``Configuration/searchTimeLimit``).
    public func search(_ query: SearchQuery) async throws -> SearchResult {
        let cache = searchCache
        // A kept result needs only the current version, which does not wait for a reader that long searches may hold.
        // Should that connection fail, the search below reads the version in its snapshot and reports any error.
        if cache.capacity > 0, let version = try? await versionReader.version(),
           let kept = cache.result(for: query, version: version) {
            return kept
        }
        await facetIndexCache.waitForFirstCopy()
        let index = facetIndexCache.current
        let statistics = termStatistics
        let limits = searchLimits
        let (result, indexIsCurrent) = try await read("searching", context: ["query": String(query.text.prefix(200))]) { db in
            let version = try FacetIndex.currentVersion(db)
            // Only valid queries are kept, so a kept result needs no parsing or validation.
            if let kept = cache.result(for: query, version: version) { return (kept, true) }
            return try limits.run(db, what: "the search", known: (query, version)) {
                try CatalogStore.search(query, in: db, version: version, index: index, statistics: statistics, cache: cache)
            }
        }
        if !indexIsCurrent { refreshFacetIndexInBackground() }
        return result
    }

    /// A search the result cache did not have, run in `db`'s snapshot at `version` and kept for the next time.
    private static func search(_ query: SearchQuery, in db: Database, version: Int64, index: FacetIndex?,
                               statistics: TermStatistics, cache: SearchResultCache) throws -> (SearchResult, Bool) {
        var plan = try SearchPlan(query)
        if !query.publisher.isEmpty {
            // A filter on a publisher known by name alone finds the datasets of the publisher it stands for. The
            // query is valid (checked above), and mapping keys only merges them, so the mapped one is valid too.
            let targets = try PublisherAliases.targets(db, keys: query.publisher)
            if !targets.isEmpty {
                var seen = Set<String>()
                var mapped = query
                mapped.publisher = query.publisher.map { targets[$0] ?? $0 }.filter { seen.insert($0).inserted }
                plan = try SearchPlan(mapped)
            }
        }
        var (result, indexIsCurrent) = try plan.run(db, facetIndex: index, version: version, statistics: statistics)
        result.catalogueVersion = version
        cache.keep(result, for: query, version: version)
        return (result, indexIsCurrent)
    }

    /// The catalogue's change sequence now: it moves with every dataset added, changed or deleted, so two
    /// equal values mean every search has the same answer at both moments (HTTP validators use it).
    public func catalogueVersion() async throws -> Int64 {
        do {
            return try await versionReader.version()
        } catch {
            throw CatalogStore.storeError(error, doing: "reading the catalogue version", context: [:])
        }
    }

    /// Brings the in-memory facet terms up to the catalogue's current state and waits for it; searches made
    /// after it returns count facets in memory until the catalogue changes again. `katalog serve` calls it
    /// at start-up (in the background) so the first searches are fast; without it the first search with
    /// facets starts the same refresh. Does nothing when ``Configuration/inMemoryFacets`` is off.
    public func refreshFacetIndex() async throws {
        try await facetIndexCache.refresh(makeFacetIndex)
    }

    /// Starts a refresh of the in-memory facet terms unless one is running; does not wait.
    func refreshFacetIndexInBackground() {
        facetIndexCache.refreshInBackground(makeFacetIndex)
    }

    /// Reads the next copy: the changes since `base` when that is cheaper, else everything.
    @Sendable private func makeFacetIndex(from base: FacetIndex?) async throws -> FacetIndex {
        let started = ContinuousClock.now
        do {
            let fresh = try await read("refreshing the in-memory facet terms") { db in
                if let base, let updated = try base.updated(db) { return updated }
                return try FacetIndex.build(db)
            }
            if fresh.version != base?.version {
                let elapsed = ContinuousClock.now - started
                // A full read happens at start-up (seconds for a million datasets); incremental ones after each run.
                logger.log(level: base == nil ? .info : .debug, "facet terms refreshed", metadata: [
                    "store.datasets": "\(fresh.datasetCount)", "store.version": "\(fresh.version)",
                    "store.incremental": "\(base != nil)",
                    "store.seconds": "\(elapsed.seconds)",
                ])
            }
            return fresh
        } catch {
            logger.warning("refreshing the in-memory facet terms failed; searches count facets with SQL until a refresh succeeds",
                           metadata: ["store.error": "\(error)"])
            throw error
        }
    }
}

/// The `capacity` smallest (rank, pk) pairs offered, in order (BM25 ranks: smaller is better; ties by pk).
///
/// A max-heap: its root is the worst pair kept, so an offer that does not beat it costs one comparison, and one that
/// does costs a logarithm of the capacity. Pages deep in a common word keep tens of thousands of pairs
/// (``SearchPlan/maxInMemoryDepth``), where keeping them sorted by insertion would cost a shift of the array each.
struct BestRanks {
    let capacity: Int
    private var heap: [(rank: Double, pk: Int64)] = []

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
        heap.reserveCapacity(min(self.capacity, 1 << 20))
    }

    @inline(__always)
    private static func precedes(_ a: (rank: Double, pk: Int64), _ b: (rank: Double, pk: Int64)) -> Bool {
        a.rank < b.rank || (a.rank == b.rank && a.pk < b.pk)
    }

    /// The pairs kept, best first.
    var ordered: [(rank: Double, pk: Int64)] {
        heap.sorted(by: BestRanks.precedes)
    }

    mutating func offer(rank: Double, pk: Int64) {
        let candidate = (rank: rank, pk: pk)
        if heap.count < capacity {
            // Sift up: the parent must not precede its child (the worst pair at the root).
            heap.append(candidate)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard BestRanks.precedes(heap[parent], heap[child]) else { break }
                heap.swapAt(parent, child)
                child = parent
            }
            return
        }
        guard let worst = heap.first, BestRanks.precedes(candidate, worst) else { return }
        // Replace the root and sift down.
        heap[0] = candidate
        var parent = 0
        let count = heap.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { break }
            let right = left + 1
            let larger = right < count && BestRanks.precedes(heap[left], heap[right]) ? right : left
            guard BestRanks.precedes(heap[parent], heap[larger]) else { break }
            heap.swapAt(parent, larger)
            parent = larger
        }
    }
}

/// A validated search, turned into SQL.
struct SearchPlan: Sendable {
    /// The facets counted when a query asks for facets.
    static let countedFacets = ["publisher", "theme", "format", "licence", "language", "source"]
    let query: SearchQuery
    let expression: String?
    /// An FTS5 expression of datasets to leave out when the query only excludes words.
    let exclusion: String?
    /// True when the text has no indexable word, so nothing can match.
    let matchesNothing: Bool
    /// The quoted phrases of ``expression``, in FTS5's order (``QueryParser/phrases(_:)``), for ranking.
    let phrases: [String]
    /// The positive terms, whose matches a hit's snippet marks.
    let positiveTerms: [QueryParser.Term]
    let sort: SearchQuery.Sort
    let cursor: SearchCursor?
    let modifiedSince: String?

    init(_ query: SearchQuery) throws {
        guard (1...SearchQuery.maxLimit).contains(query.limit) else {
            throw StoreError(.invalidQuery, "limit must be between 1 and \(SearchQuery.maxLimit), not \(query.limit)")
        }
        guard (1...SearchQuery.maxFacetValues).contains(query.facetValues) else {
            throw StoreError(.invalidQuery, "facetValues must be between 1 and \(SearchQuery.maxFacetValues), not \(query.facetValues)")
        }
        guard (0...SearchQuery.maxOffset).contains(query.offset) else {
            throw StoreError(.invalidQuery, "offset must be between 0 and \(SearchQuery.maxOffset), not \(query.offset)")
        }
        for (facet, values) in query.filters where values.count > SearchQuery.maxFilterValues {
            throw StoreError(.invalidQuery, "the \(facet) filter lists \(values.count) values; the limit is \(SearchQuery.maxFilterValues)")
        }
        self.query = query
        let groups = try QueryParser.parse(query.text)
        phrases = QueryParser.phrases(groups)
        positiveTerms = groups.positive.flatMap { $0 }
        switch QueryParser.plan(groups, text: query.text) {
        case .everything: (expression, exclusion, matchesNothing) = (nil, nil, false)
        case .nothing: (expression, exclusion, matchesNothing) = (nil, nil, true)
        case .match(let match): (expression, exclusion, matchesNothing) = (match, nil, false)
        case .excluding(let excluded): (expression, exclusion, matchesNothing) = (nil, excluded, false)
        }
        let sort = query.sort == .relevance && expression == nil ? SearchQuery.Sort.modified : query.sort
        self.sort = sort
        cursor = try query.cursor.map { try SearchCursor(decoding: $0, for: sort) }
        if let since = query.modifiedSince {
            guard let key = DateValue(raw: since).sortKey else {
                throw StoreError(.invalidQuery, "modified_since must be an ISO 8601 date or date-time (e.g. 2024-01-31), not \(since.prefix(100))")
            }
            modifiedSince = key
        } else {
            modifiedSince = nil
        }
    }

    /// `FROM … WHERE …` of the whole match set, with its arguments.
    ///
    /// With `walking`, the same set for reading `datasets` through that index in its order (``walkedIndex``): words
    /// become a set of full-text row keys built once, and each filter a probe of the row's terms by primary key, so
    /// nothing drives the plan but the index and SQLite stops at the page's end.
    func matchSet(walking index: String? = nil) -> (sql: String, arguments: [DatabaseValue]) {
        var sql: String
        if let index {
            sql = "FROM datasets d INDEXED BY \(index)"
        } else {
            sql = expression == nil ? "FROM datasets d" : "FROM datasets_fts JOIN datasets d ON d.pk = datasets_fts.rowid"
        }
        // Folded records (another source's record of the same dataset is shown) have no full-text or facet rows, so
        // only queries without words or filters need this condition; it also lets SQLite use the live-only indexes.
        var conditions = ["d.deleted_at IS NULL", "d.shown_as IS NULL"]
        var arguments: [DatabaseValue] = []
        if let expression {
            conditions.append(index == nil ? "datasets_fts MATCH ?" : "d.pk IN (SELECT rowid FROM datasets_fts WHERE datasets_fts MATCH ?)")
            arguments.append(expression.databaseValue)
        }
        if let exclusion {
            conditions.append("d.pk NOT IN (SELECT rowid FROM datasets_fts WHERE datasets_fts MATCH ?)")
            arguments.append(exclusion.databaseValue)
        }
        if matchesNothing {
            conditions.append("0")
        }
        for (facet, values) in query.filters {
            let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
            conditions.append(index == nil
                ? "d.pk IN (SELECT dataset_pk FROM dataset_terms WHERE facet = ? AND value IN (\(marks)))"
                : "EXISTS (SELECT 1 FROM dataset_terms t WHERE t.facet = ? AND t.value IN (\(marks)) AND t.dataset_pk = d.pk)")
            arguments.append(facet.databaseValue)
            arguments += values.map(\.databaseValue)
        }
        if let modifiedSince {
            conditions.append("d.modified_sort >= ?")
            arguments.append(modifiedSince.databaseValue)
        }
        if let hasDownload = query.hasDownloadURL {
            // `datasets_live_by_download` counts and lists datasets by this column alone, but beside words SQLite
            // would drive the search from it and run the full-text match once per row (20 s on a million datasets):
            // the unary plus keeps it from using the index there.
            conditions.append(expression == nil ? "d.has_download = ?" : "+d.has_download = ?")
            arguments.append(hasDownload.databaseValue)
        }
        if let changedAfter = query.changedAfter {
            conditions.append("d.change_seq > ?")
            arguments.append(changedAfter.databaseValue)
        }
        sql += " WHERE " + conditions.joined(separator: " AND ")
        return (sql, arguments)
    }

    /// Runs the search in `db`'s snapshot. Facets are counted with `facetIndex` when it reflects this very
    /// snapshot, else with SQL; the second value tells whether the index was current.
    /// `version` is the snapshot's change sequence, when the caller has read it already; `statistics` keeps
    /// the phrases' document frequencies across searches (without it each search counts its own).
    /// `walking: false` always sorts the match set (tests compare the two plans).
    func run(_ db: Database, facetIndex: FacetIndex? = nil, version: Int64? = nil,
             statistics: TermStatistics? = nil, walking: Bool = true) throws -> (SearchResult, indexIsCurrent: Bool) {
        let (matchSQL, matchArguments) = matchSet()
        let snapshot = try version ?? FacetIndex.currentVersion(db)
        let index = facetIndex.flatMap { $0.version == snapshot ? $0 : nil }
        if let index, let result = try rankInMemory(db, index: index, version: snapshot, statistics: statistics) {
            return (result, true)
        }
        let total: Int
        var facets: [String: [FacetCount]] = [:]
        if query.facets, let index {
            var counts: [UInt32]
            if isWholeCatalogue {
                counts = index.everything
                total = index.datasetCount
            } else {
                counts = index.emptyCounts()
                var matched = 0
                try counts.withUnsafeMutableBufferPointer { counts in
                    try index.withCounter(counts) { counter in
                        try forEachMatch(db, index: index, matchSQL: matchSQL, arguments: matchArguments) { pk in
                            counter.add(pk)
                            matched += 1
                        }
                    }
                }
                total = matched
            }
            facets = try labelPublishers(db, index.top(counts, limit: query.facetValues))
        } else if let index, copiedFilter(index) != nil {
            var matched = 0
            try forEachMatch(db, index: index, matchSQL: matchSQL, arguments: matchArguments) { _ in matched += 1 }
            total = matched
        } else {
            // Words alone are counted in the full-text index, which holds exactly the datasets searches show.
            let (countSQL, countArguments) = wordsOnlyMatch ?? (matchSQL, matchArguments)
            total = try Int.fetchOne(db, sql: "SELECT COUNT(*) " + countSQL, arguments: StatementArguments(countArguments)) ?? 0
            if query.facets {
                facets = try countFacets(db, matchSQL: matchSQL, arguments: matchArguments,
                                         fromMatchSet: total <= SearchPlan.matchDrivenFacetLimit)
            }
        }
        let page: [PageRow]
        if walking, let walked = try walkedIndex(db, total: total, facetIndex: index) {
            let (walkSQL, walkArguments) = matchSet(walking: walked)
            page = try rankedForWords(db, pageRows(db, matchSQL: walkSQL, arguments: walkArguments, walking: true))
        } else {
            page = try pageRows(db, matchSQL: matchSQL, arguments: matchArguments)
        }
        let hits = try hydrate(db, page: Array(page.prefix(query.limit)))
        var nextCursor: String?
        if page.count > query.limit, let last = page.prefix(query.limit).last, let lastHit = hits.last {
            nextCursor = SearchCursor(sort: sort, key: last.key, rank: last.rank, id: lastHit.id, pk: last.pk).encoded()
        }
        return (SearchResult(total: total, hits: hits, facets: facets, nextCursor: nextCursor), index != nil)
    }

    /// A relevance search for words, with filters on counted facets only, done in one pass over the full-text
    /// matches: each match's rank and row key are read once, filtered and counted against the in-memory facet
    /// terms, and the page's best ranks kept. The SQL plan would pass over the matches three times (count,
    /// rank with a join to `datasets` for the filters, facets). Nil when the query needs SQL.
    /// The ranks are `bm25`'s, computed from the in-memory row lengths and kept phrase frequencies
    /// (``RankScan``).
    private func rankInMemory(_ db: Database, index: FacetIndex, version: Int64,
                              statistics: TermStatistics?) throws -> SearchResult? {
        // Pages past maxInMemoryDepth are ranked by SQL: the pairs kept here grow with the depth.
        guard sort == .relevance, let expression, exclusion == nil, !matchesNothing, !hasConditionsOutsideTheCopy,
              query.offset + query.limit <= SearchPlan.maxInMemoryDepth,
              let filter = index.filter(query.filters, download: query.hasDownloadURL) else { return nil }
        let after = cursor.flatMap { cursor in cursor.rank.flatMap { rank in cursor.pk.map { (rank, $0) } } }
        var counts = index.emptyCounts()
        var total = 0
        var best = BestRanks(capacity: query.offset + query.limit + 1)
        let frequencies = try statistics?.frequencies(of: phrases, version: version, in: db)
        let countFacets = query.facets
        _ = try counts.withUnsafeMutableBufferPointer { counts in
            try index.withCounter(counts) { counter in
                try RankScan.scan(db, expression: expression, frequencies: frequencies, rowLengths: index.rowLengths) { pk, rank in
                    guard index.matches(pk, filter) else { return }
                    total += 1
                    if countFacets { counter.add(pk) }
                    if let after, !(rank > after.0 || (rank == after.0 && pk > after.1)) { return }
                    best.offer(rank: rank, pk: pk)
                }
            }
        }
        let page = best.ordered.dropFirst(query.offset).map { PageRow(pk: $0.pk, key: nil, rank: $0.rank) }
        let hits = try hydrate(db, page: Array(page.prefix(query.limit)))
        var nextCursor: String?
        if page.count > query.limit, let last = page.prefix(query.limit).last, let lastHit = hits.last {
            nextCursor = SearchCursor(sort: sort, key: nil, rank: last.rank, id: lastHit.id, pk: last.pk).encoded()
        }
        let facets = query.facets ? try labelPublishers(db, index.top(counts, limit: query.facetValues)) : [:]
        return SearchResult(total: total, hits: hits, facets: facets, nextCursor: nextCursor)
    }

    /// The in-memory form of the query's filters (`has_download` among them) when the copy holds every one (they are
    /// on counted facets) and the query has nothing else but words (no exclusions, no other row conditions); nil
    /// otherwise, or when it has no filters.
    private func copiedFilter(_ index: FacetIndex) -> FacetIndex.Filter? {
        guard exclusion == nil, !matchesNothing, !hasConditionsOutsideTheCopy,
              !query.filters.isEmpty || query.hasDownloadURL != nil else { return nil }
        return index.filter(query.filters, download: query.hasDownloadURL)
    }

    /// Calls `body` with the row key of each match. With filters the copy holds: filters alone are matched in the
    /// copy without reading a row, and words with them are the full-text matches alone, filtered here, instead of
    /// each match joined to its row (`has_download`) or its terms. Otherwise the match set's keys come from SQL.
    private func forEachMatch(_ db: Database, index: FacetIndex, matchSQL: String, arguments: [DatabaseValue],
                              _ body: (Int64) -> Void) throws {
        let filter = copiedFilter(index)
        if let filter, expression == nil {
            index.forEachDataset(matching: filter, body)
            return
        }
        let (sql, arguments) = filter == nil
            ? matchKeys(matchSQL: matchSQL, arguments: arguments)
            : ("SELECT rowid FROM datasets_fts WHERE datasets_fts MATCH ?", [expression?.databaseValue ?? .null])
        let keys = try Int64.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
        while let pk = try keys.next() {
            if let filter, !index.matches(pk, filter) { continue }
            body(pk)
        }
    }

    /// True when the query matches every live dataset (no words, filters or conditions).
    private var isWholeCatalogue: Bool {
        expression == nil && exclusion == nil && !matchesNothing && query.filters.isEmpty && !hasRowConditions
    }

    /// True when the query has a condition on the dataset rows' own columns (not on words or facet terms).
    private var hasRowConditions: Bool {
        hasConditionsOutsideTheCopy || query.hasDownloadURL != nil
    }

    /// True when the query has a condition on the dataset rows that the in-memory copy of the facet terms does not
    /// hold (it holds `has_download`, ``FacetIndex/downloadable``).
    private var hasConditionsOutsideTheCopy: Bool {
        modifiedSince != nil || query.changedAfter != nil
    }

    /// The deepest page (offset and limit) ranked in memory; deeper ones are ranked by SQL. A CKAN harvester paging
    /// `package_search` by 1,000 reaches 100,000 after a hundred pages; ranked in SQL such a page took 0.9 s on a
    /// million datasets. The pairs kept take 16 bytes each (1.6 MB here).
    static let maxInMemoryDepth = 100_000

    /// `FROM … WHERE …` of a query that is only words (no filter or condition): the full-text index alone,
    /// which holds live datasets only (a tombstone removes its row), without joining `datasets`.
    private var wordsOnlyMatch: (sql: String, arguments: [DatabaseValue])? {
        guard let expression, exclusion == nil, !matchesNothing, query.filters.isEmpty, !hasRowConditions else { return nil }
        return ("FROM datasets_fts WHERE datasets_fts MATCH ?", [expression.databaseValue])
    }

    /// The SQL listing the match set's pks.
    private func matchKeys(matchSQL: String, arguments: [DatabaseValue]) -> (String, [DatabaseValue]) {
        if let (sql, arguments) = wordsOnlyMatch { return ("SELECT rowid " + sql, arguments) }
        return ("SELECT d.pk " + matchSQL, arguments)
    }

    /// The page's keys: pk, sort key and rank, one more than the limit to tell whether a next page exists.
    private struct PageRow {
        var pk: Int64
        var key: String?
        var rank: Double?
    }

    /// The index a listing in ``sort`` order can walk; each holds exactly the datasets searches show.
    private var sortIndex: String? {
        switch sort {
        case .modified: "datasets_by_modified"
        case .title: "datasets_by_title"
        case .id: "datasets_live_by_id"
        case .changed: "datasets_live_by_change"
        case .relevance: nil
        }
    }

    /// Most rows a page may expect to walk in sort order before sorting the match set is the cheaper plan.
    static let maxWalkedRows = 400_000
    /// Fewer matches than this are sorted, wherever the page lies: sorting them costs little.
    static let minWalkedMatches = 2_000

    /// The index to walk for this page, or nil to sort the match set. With `total` matches among `live` datasets, a
    /// page read in sort order expects to pass `(offset + limit + 1) × live / total` rows before it is full, each a
    /// step of the index and a probe; sorting reads every match. Half a million matches took 1–2.6 s to sort at a
    /// million datasets and about 0.1 s to walk (BENCHMARKS.md, "Sorted listings").
    func walkedIndex(_ db: Database, total: Int, facetIndex: FacetIndex?) throws -> String? {
        guard let index = sortIndex, total >= SearchPlan.minWalkedMatches else { return nil }
        let live = try facetIndex.map(\.datasetCount) ?? Int.fetchOne(db, sql: "SELECT MAX(pk) FROM datasets") ?? 0
        let expected = Double(query.offset + query.limit + 1) * Double(live) / Double(total)
        return expected <= Double(SearchPlan.maxWalkedRows) ? index : nil
    }

    /// A walked page's BM25 ranks for a query with words (the walk reads no full-text cursor to rank with), so its
    /// hits carry the `rank` the sorted plan gives them.
    private func rankedForWords(_ db: Database, _ page: [PageRow]) throws -> [PageRow] {
        guard let expression, !page.isEmpty else { return page }
        let marks = Array(repeating: "?", count: page.count).joined(separator: ", ")
        // `+rowid`: handed to FTS5 as a constraint, each listed key restarted the whole match (1.7 s for a page of a word
        // in 700,000 rows); filtered here, the match is read once (milliseconds).
        let sql = "SELECT rowid, bm25(datasets_fts, 10.0, 5.0, 2.0, 1.0) FROM datasets_fts "
            + "WHERE datasets_fts MATCH ? AND +rowid IN (\(marks))"
        var ranks: [Int64: Double] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments([expression.databaseValue] + page.map(\.pk.databaseValue))) {
            ranks[row[0]] = row[1]
        }
        return page.map { PageRow(pk: $0.pk, key: $0.key, rank: ranks[$0.pk]) }
    }

    private func pageRows(_ db: Database, matchSQL: String, arguments: [DatabaseValue], walking: Bool = false) throws -> [PageRow] {
        let (sql, arguments) = pageQuery(matchSQL: matchSQL, arguments: arguments, walking: walking)
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
            PageRow(pk: row["pk"], key: row["sort_key"], rank: row["rank"])
        }
    }

    /// SQLite's plan for the page's keys, one line per step (for tests that check an index is used).
    func explain(_ db: Database) throws -> String {
        let (matchSQL, matchArguments) = matchSet()
        let (sql, arguments) = pageQuery(matchSQL: matchSQL, arguments: matchArguments)
        return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(arguments))
            .map { $0["detail"] as String? ?? "" }.joined(separator: "\n")
    }

    /// The SQL of the page's keys and its arguments.
    private func pageQuery(matchSQL: String, arguments: [DatabaseValue], walking: Bool = false) -> (String, [DatabaseValue]) {
        var arguments = arguments
        let rankSQL = expression == nil || walking ? "NULL" : "bm25(datasets_fts, 10.0, 5.0, 2.0, 1.0)"
        var from = matchSQL
        var pkSQL = "d.pk"
        let keySQL: String
        let order: String
        var after = ""
        switch sort {
        case .relevance:
            // Ties between equal ranks go by row key, so a words-only query ranks from the full-text index
            // alone instead of looking up every match's row.
            if let (sql, ftsArguments) = wordsOnlyMatch {
                (from, arguments, pkSQL) = (sql, ftsArguments, "datasets_fts.rowid")
            }
            keySQL = "NULL"
            order = "rank, \(pkSQL)"
            if let cursor, let rank = cursor.rank, let pk = cursor.pk {
                after = " AND (\(rankSQL), \(pkSQL)) > (?, ?)"
                arguments += [rank.databaseValue, pk.databaseValue]
            }
        case .modified:
            keySQL = "d.modified_sort"
            order = "d.modified_sort DESC, d.id DESC"
            if let cursor, let key = cursor.key {
                after = " AND (d.modified_sort, d.id) < (?, ?)"
                arguments += [key.databaseValue, cursor.id.databaseValue]
            }
        case .title:
            keySQL = "d.title_sort"
            order = "d.title_sort, d.id"
            if let cursor, let key = cursor.key {
                after = " AND (d.title_sort, d.id) > (?, ?)"
                arguments += [key.databaseValue, cursor.id.databaseValue]
            }
        case .id:
            keySQL = "d.id"
            order = "d.id"
            if let cursor {
                after = " AND d.id > ?"
                arguments.append(cursor.id.databaseValue)
            }
        case .changed:
            // Each change takes the next sequence number, so the sequence orders records by their last change.
            keySQL = "CAST(d.change_seq AS TEXT)"
            order = "d.change_seq DESC"
            if let cursor, let seq = cursor.key.flatMap({ Int64($0) }) {
                after = " AND d.change_seq < ?"
                arguments.append(seq.databaseValue)
            }
        }
        arguments.append((query.limit + 1).databaseValue)
        arguments.append(query.offset.databaseValue)
        let sql = "SELECT \(pkSQL) AS pk, \(keySQL) AS sort_key, \(rankSQL) AS rank " + from + after
            + " ORDER BY " + order + " LIMIT ? OFFSET ?"
        return (sql, arguments)
    }

    /// Loads the page's records and, for text queries, the highlighted descriptions.
    private func hydrate(_ db: Database, page: [PageRow]) throws -> [SearchHit] {
        guard !page.isEmpty else { return [] }
        let pks = page.map(\.pk)
        let marks = Array(repeating: "?", count: pks.count).joined(separator: ", ")
        var rows: [Int64: Row] = [:]
        // Without records, the columns before the blobs only: a listing of identifiers reads no record pages.
        let columns = query.includesRecords ? "pk, id, source, source_identifier, record_json, first_seen, updated_at"
            : "pk, id, source, source_identifier, first_seen, updated_at"
        for row in try Row.fetchAll(db, sql: """
            SELECT \(columns) FROM datasets WHERE pk IN (\(marks))
            """, arguments: StatementArguments(pks)) {
            rows[row["pk"]] = row
        }
        let others = try SameDatasetElection.otherRecords(db, of: pks)
        guard query.includesRecords else {
            return page.compactMap { entry in
                guard let row = rows[entry.pk] else { return nil }
                return SearchHit(id: row["id"], source: row["source"], sourceIdentifier: row["source_identifier"], title: "",
                                 dataset: Dataset(sourceIdentifier: row["source_identifier"]), rank: entry.rank, snippet: nil,
                                 firstSeen: row["first_seen"], updatedAt: row["updated_at"], otherRecords: others[entry.pk] ?? [])
            }
        }
        var datasets: [Int64: Dataset] = [:]
        for (pk, row) in rows {
            datasets[pk] = try CatalogStore.decodeDataset(row["record_json"], id: row["id"])
        }
        let aliases = try PublisherAliases.targets(db, keys: datasets.values.compactMap { $0.publisher?.key })
        let highlighted = try expression.map { try highlights(db, expression: $0, datasets: datasets) } ?? [:]
        return page.compactMap { entry in
            guard let row = rows[entry.pk], let dataset = datasets[entry.pk] else { return nil }
            return SearchHit(id: row["id"], source: row["source"], sourceIdentifier: row["source_identifier"],
                             title: dataset.title.best(query.languages) ?? "", dataset: dataset, rank: entry.rank,
                             snippet: Snippet.forHit(dataset, markedColumn: highlighted[entry.pk], languages: query.languages),
                             firstSeen: row["first_seen"], updatedAt: row["updated_at"], otherRecords: others[entry.pk] ?? [],
                             publisherKey: dataset.publisher.map { aliases[$0.key] ?? $0.key }.flatMap { $0.isEmpty ? nil : $0 })
        }
    }

    /// The description column of each hit with the query's matches marked, as FTS5's `highlight()` marks them:
    /// computed from the decoded records (``MatchHighlighter``), or with SQL when that cannot be set up.
    private func highlights(_ db: Database, expression: String, datasets: [Int64: Dataset]) throws -> [Int64: String] {
        var highlighted: [Int64: String] = [:]
        if let highlighter = try? MatchHighlighter(db, terms: positiveTerms) {
            do {
                for (pk, dataset) in datasets {
                    highlighted[pk] = try highlighter.highlight(FullText(dataset).description,
                                                                open: LiveWriter.markOpen, close: LiveWriter.markClose)
                }
                return highlighted
            } catch {
                highlighted = [:]
            }
        }
        let pks = Array(datasets.keys)
        let marks = Array(repeating: "?", count: pks.count).joined(separator: ", ")
        let sql = "SELECT rowid, highlight(datasets_fts, 2, char(57344), char(57345)) FROM datasets_fts "
            + "WHERE datasets_fts MATCH ? AND +rowid IN (\(marks))"
        for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments([expression.databaseValue] + pks.map(\.databaseValue))) {
            highlighted[row[0]] = row[1]
        }
        return highlighted
    }

    /// Up to this many matches, facets are counted by walking the match set's own terms; above it, by
    /// scanning the counted facets' terms and probing the match set (cheaper when most datasets match).
    static let matchDrivenFacetLimit = 20_000

    /// Value counts per facet over the whole match set, top ``SearchQuery/facetValues`` by count. Both strategies give
    /// the same rows; `fromMatchSet` picks the one whose cost follows the match set's size.
    func countFacets(_ db: Database, matchSQL: String, arguments: [DatabaseValue], fromMatchSet: Bool) throws -> [String: [FacetCount]] {
        let facetMarks = Array(repeating: "?", count: SearchPlan.countedFacets.count).joined(separator: ", ")
        // CROSS JOIN fixes the join order: the match set first, then each match's terms through dataset_terms_by_dataset.
        let source = fromMatchSet
            ? "(SELECT d.pk AS pk \(matchSQL)) m CROSS JOIN dataset_terms t ON t.dataset_pk = m.pk WHERE t.facet IN (\(facetMarks))"
            : "dataset_terms t WHERE t.facet IN (\(facetMarks)) AND t.dataset_pk IN (SELECT d.pk \(matchSQL))"
        let sql = """
            SELECT facet, value, n FROM (
                SELECT t.facet, t.value, COUNT(*) AS n,
                       ROW_NUMBER() OVER (PARTITION BY t.facet ORDER BY COUNT(*) DESC, t.value) AS position
                FROM \(source)
                GROUP BY t.facet, t.value
            ) WHERE position <= ? ORDER BY facet, position
            """
        let all = fromMatchSet
            ? arguments + SearchPlan.countedFacets.map(\.databaseValue) + [query.facetValues.databaseValue]
            : SearchPlan.countedFacets.map(\.databaseValue) + arguments + [query.facetValues.databaseValue]
        var facets: [String: [FacetCount]] = [:]
        for facet in SearchPlan.countedFacets { facets[facet] = [] }
        for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(all)) {
            let facet: String = row["facet"]
            facets[facet, default: []].append(FacetCount(value: row["value"], count: row["n"], label: nil))
        }
        return try labelPublishers(db, facets)
    }

    /// Adds the publishers' names (in the query's languages) to the publisher facet's values.
    private func labelPublishers(_ db: Database, _ counted: [String: [FacetCount]]) throws -> [String: [FacetCount]] {
        var facets = counted
        if let publishers = facets["publisher"], !publishers.isEmpty {
            let keys = publishers.map(\.value)
            let marks = Array(repeating: "?", count: keys.count).joined(separator: ", ")
            var labels: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, name_json FROM publishers WHERE key IN (\(marks))",
                                        arguments: StatementArguments(keys)) {
                let json: String = row["name_json"]
                if let name = try? StoredRecordReader.localizedText(Data(json.utf8)) {
                    labels[row["key"]] = name.best(query.languages)
                }
            }
            facets["publisher"] = publishers.map { FacetCount(value: $0.value, count: $0.count, label: labels[$0.value]) }
        }
        return facets
    }
}
