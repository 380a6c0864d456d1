import Foundation

/// The parameters of a request's query string (`a=1&b=x%20y`), percent-decoded; of a repeated name, the last value.
func testQueryParameters(_ text: String) -> [String: String] {
    var result: [String: String] = [:]
    for pair in text.split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1)
        let value = parts.count > 1 ? String(parts[1]).removingPercentEncoding ?? String(parts[1]) : ""
        result[String(parts[0])] = value
    }
    return result
}
