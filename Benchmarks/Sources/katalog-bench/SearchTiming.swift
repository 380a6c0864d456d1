import Foundation
import GRDB
import KatalogStore

/// `katalog-bench search-timing --db PATH --queries FILE [--rounds N] [--facets memory|sql] [--term-statistics N]`:
/// times the hub's query mix without HTTP.
///
/// With `--facets memory` (the default, as the hub runs) the in-memory facet terms are read first, and the
/// time and memory that takes are printed; with `--facets sql` the store counts facets with SQL.
///
/// For every query line it measures, one query at a time:
/// - `library`: `CatalogStore.search(_:)` with the query the hub builds (limit 20, facets on) — all the work
///   the hub's search endpoint does except HTTP, routing and JSON encoding;
/// - `fts-top20`: the bare `SELECT rowid FROM datasets_fts WHERE datasets_fts MATCH ? ORDER BY rank LIMIT 20`;
/// - `fts+facets`: the bare match plus `COUNT(*)` and the six facet counts over the whole match set.
/// The bare variants ignore filters and read no records; they show what FTS5 itself costs.
enum SearchTiming {
    static func run(_ options: Options) async throws {
        let path = try options.required("db")
        let file = try options.required("queries")
        let rounds = try options.int("rounds", default: 3)
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
        let queries = try lines.map(parse)
        let variants = Set(options.string("variants", default: "library,fts-top20,fts+facets").split(separator: ",").map(String.init))
        let facetMode = options.string("facets", default: "memory")
        guard ["memory", "sql"].contains(facetMode) else { throw Options.UsageError(description: "--facets must be memory or sql, not \(facetMode)") }
        // Every query is timed after a warm-up round, so the result cache would answer all of them: it is off
        // here, and this measures the search itself.
        // Phrase frequencies are kept across searches as the hub keeps them (`--term-statistics 0`: counted per search).
        let termStatistics = try options.int("term-statistics", default: CatalogStore.Configuration().termStatisticsEntries)
        let store = try CatalogStore(path: path, configuration: .init(inMemoryFacets: facetMode == "memory", searchCacheEntries: 0,
                                                                      termStatisticsEntries: termStatistics))
        print("phrase frequencies kept between searches: \(termStatistics)")
        if facetMode == "memory" {
            let before = residentMiB()
            let started = ContinuousClock.now
            try await store.refreshFacetIndex()
            print(String(format: "in-memory facet terms read in %.2f s; resident memory %.0f → %.0f MiB",
                         seconds(ContinuousClock.now - started), before, residentMiB()))
        } else {
            print("facets counted with SQL (in-memory facet terms off)")
        }
        var readOnly = Configuration()
        readOnly.readonly = true
        let database = try DatabaseQueue(path: path, configuration: readOnly)
        let clock = ContinuousClock()

        var library: [Double] = []
        var top20: [Double] = []
        var facets: [Double] = []
        var perQuery: [(line: String, total: Int, milliseconds: Double)] = []
        for round in 0...rounds {
            for (index, query) in queries.enumerated() {
                var started = clock.now
                let result = try await store.search(query)
                let libraryTime = milliseconds(clock.now - started)
                let expression = ftsExpression(query.text)
                started = clock.now
                if variants.contains("fts-top20") { _ = try await database.read { db in
                    try Int64.fetchAll(db, sql: "SELECT rowid FROM datasets_fts WHERE datasets_fts MATCH ? ORDER BY rank LIMIT 20",
                                       arguments: [expression])
                } }
                let top20Time = milliseconds(clock.now - started)
                started = clock.now
                if variants.contains("fts+facets") { _ = try await database.read { db in
                    let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM datasets_fts WHERE datasets_fts MATCH ?",
                                                 arguments: [expression])
                    let counts = try Row.fetchAll(db, sql: """
                        SELECT facet, value, COUNT(*) FROM dataset_terms
                        WHERE facet IN ('publisher', 'theme', 'format', 'licence', 'language', 'source')
                          AND dataset_pk IN (SELECT rowid FROM datasets_fts WHERE datasets_fts MATCH ?)
                        GROUP BY facet, value
                        """, arguments: [expression])
                    return (total, counts.count)
                } }
                let facetTime = milliseconds(clock.now - started)
                guard round > 0 else { continue } // the first round warms the page cache
                library.append(libraryTime)
                top20.append(top20Time)
                facets.append(facetTime)
                if round == 1 { perQuery.append((lines[index], result.total, libraryTime)) }
            }
        }
        print("queries: \(queries.count), rounds timed: \(rounds) (after one warm-up round), one query at a time")
        print("variant       p50 ms   p90 ms   p99 ms   mean ms   max ms   queries/s (serial)")
        for (name, samples) in [("library", library), ("fts-top20", top20), ("fts+facets", facets)] where variants.contains(name) {
            let sorted = samples.sorted()
            let mean = samples.reduce(0, +) / Double(max(samples.count, 1))
            print(String(format: "%-12@ %7.2f  %7.2f  %7.2f  %8.2f  %7.1f   %.0f", name as NSString,
                         percentile(sorted, 0.5), percentile(sorted, 0.9), percentile(sorted, 0.99), mean,
                         sorted.last ?? 0, 1_000 / max(mean, 0.000_001)))
        }
        let totals = perQuery.map(\.total).sorted()
        print("match-set sizes: min \(totals.first ?? 0), p50 \(Int(percentile(totals.map(Double.init), 0.5))), "
              + "p90 \(Int(percentile(totals.map(Double.init), 0.9))), max \(totals.last ?? 0)")
        print("slowest queries (library, round 1):")
        for entry in perQuery.sorted(by: { $0.milliseconds > $1.milliseconds }).prefix(8) {
            print(String(format: "  %8.2f ms  %8d hits  %@", entry.milliseconds, entry.total, entry.line as NSString))
        }
    }

    /// The `SearchQuery` the hub builds for a request line (same parameters; limit 20 and facets by default).
    static func parse(_ line: String) throws -> SearchQuery {
        guard let components = URLComponents(string: line) else {
            throw Options.UsageError(description: "not a request path: \(line)")
        }
        var query = SearchQuery(limit: 20, facets: true)
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "q": query.text = value
            case "theme": query.theme.append(value)
            case "format": query.format.append(value)
            case "licence", "license": query.licence.append(value)
            case "language": query.language.append(value)
            case "source": query.source.append(value)
            case "publisher": query.publisher.append(value)
            case "lang": query.languages.append(value)
            default: throw Options.UsageError(description: "unexpected parameter \(item.name) in \(line)")
            }
        }
        return query
    }

    /// Each word quoted and ANDed, as the store's query parser does for plain words.
    static func ftsExpression(_ text: String) -> String {
        text.split(separator: " ").map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            .joined(separator: " ")
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }

    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.down)))]
    }
}

/// The process's resident set size in MiB (from /proc/self/statm).
func residentMiB() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
}
