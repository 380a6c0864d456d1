import Synchronization

/// Request counts and latency histograms per route and status class, rendered in Prometheus text format.
///
/// Routes are the router's patterns (`/api/v1/datasets/{id}`), never raw paths, so label cardinality stays bounded.
public final class RequestMetrics: Sendable {
    /// Upper bounds (seconds) of the latency histogram's buckets.
    static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    private struct Series: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    private struct Histogram {
        var counts = [Int](repeating: 0, count: RequestMetrics.buckets.count)
        var sum = 0.0
        var total = 0
    }

    private let state = Mutex<[Series: Histogram]>([:])

    /// An empty registry.
    public init() {}

    /// Records one answered request.
    func record(route: String, method: String, status: Int, seconds: Double) {
        state.withLock { series in
            let key = Series(route: route, method: method, status: status)
            var histogram = series[key] ?? Histogram()
            for (index, bound) in RequestMetrics.buckets.enumerated() where seconds <= bound {
                histogram.counts[index] += 1
            }
            histogram.sum += seconds
            histogram.total += 1
            series[key] = histogram
        }
    }

    /// The request metrics in Prometheus text exposition format.
    func render() -> String {
        let snapshot = state.withLock { $0 }
        var out = "# HELP katalog_http_requests_total HTTP requests answered, by route, method and status.\n"
        out += "# TYPE katalog_http_requests_total counter\n"
        let sorted = snapshot.sorted { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }
        for (key, histogram) in sorted {
            out += "katalog_http_requests_total{\(labels(key))} \(histogram.total)\n"
        }
        out += "# HELP katalog_http_request_duration_seconds Time to answer HTTP requests.\n"
        out += "# TYPE katalog_http_request_duration_seconds histogram\n"
        for (key, histogram) in sorted {
            let base = labels(key)
            for (index, bound) in RequestMetrics.buckets.enumerated() {
                out += "katalog_http_request_duration_seconds_bucket{\(base),le=\"\(bound)\"} \(histogram.counts[index])\n"
            }
            out += "katalog_http_request_duration_seconds_bucket{\(base),le=\"+Inf\"} \(histogram.total)\n"
            out += "katalog_http_request_duration_seconds_sum{\(base)} \(histogram.sum)\n"
            out += "katalog_http_request_duration_seconds_count{\(base)} \(histogram.total)\n"
        }
        return out
    }

    private func labels(_ key: Series) -> String {
        "route=\"\(PrometheusText.escape(key.route))\",method=\"\(key.method)\",status=\"\(key.status)\""
    }
}

/// Prometheus text-format helpers.
enum PrometheusText {
    /// Escapes a label value (backslash, double quote, newline).
    static func escape(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }
}
