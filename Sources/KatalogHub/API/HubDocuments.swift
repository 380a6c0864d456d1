import Foundation
import KatalogModel
import KatalogStore

/// The JSON documents of the HTTP API, for other front ends (the CLI's `--json`) to print the same shapes.
public enum HubDocuments {
    /// The `/api/v1/search` body for a result.
    public static func search(_ result: SearchResult, query: SearchQuery, queryTime: Duration = .zero) throws -> Data {
        try search(result, query: query, queryTime: queryTime, queryTimeMs: nil)
    }

    /// The search body; `queryTimeMs`, when given, is written instead of `queryTime`.
    static func search(_ result: SearchResult, query: SearchQuery, queryTime: Duration, queryTimeMs: Double?) throws -> Data {
        SortedJSONEncoder().encode(searchView(result, query: query, queryTimeMs: queryTimeMs ?? queryTime.milliseconds))
    }

    /// The search body as a view: what ``search(_:query:queryTime:queryTimeMs:)`` writes by hand, and what tests
    /// encode with Foundation's `JSONEncoder` (``encode(_:)``) to compare.
    static func searchView(_ result: SearchResult, query: SearchQuery, queryTimeMs: Double) -> SearchResponseView {
        let languages = query.languages
        let hits = result.hits.map {
            DatasetSummaryView(id: $0.id, source: $0.source, dataset: $0.dataset, snippet: $0.snippet?.marked(), languages: languages,
                               otherRecords: $0.otherRecords, publisherKey: $0.publisherKey)
        }
        let facets = result.facets.mapValues { $0.map { FacetValueView(value: $0.value, count: $0.count) } }
        return SearchResponseView(total: result.total, limit: query.limit, nextCursor: result.nextCursor,
                                  queryTimeMs: queryTimeMs, results: hits, facets: query.facets ? facets : nil)
    }

    /// The `/api/v1/datasets/{id}` body.
    public static func dataset(_ stored: StoredDataset, includeRaw: Bool) throws -> Data {
        SortedJSONEncoder(keyStyle: .snakeCase).encode(DatasetDetailView(stored, includeRaw: includeRaw))
    }

    /// The `/api/v1/runs` body.
    public static func runs(_ runs: [HarvestRun]) throws -> Data {
        try encode(RunsResponseView(runs: runs.map(RunView.init)))
    }

    /// The `/health` body: the live dataset count and `reports`, as `/health` gives them.
    public static func health(datasets: Int, reports: [HarvestHealth.Report]) throws -> Data {
        try encode(HealthView(status: "ok", datasets: datasets, sources: reports.map(HealthView.SourceHealth.init),
                              overdueSources: reports.filter { $0.overdue == true }.map(\.name)))
    }

    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.userInfo[Distribution.apiNamesKey] = true
        return try encoder.encode(value)
    }
}

extension Duration {
    /// The duration in milliseconds.
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
