import Foundation
import KatalogModel

/// One decoded `package_search` page.
struct CKANSearchPage: Sendable {
    /// `result.count`: how many packages match in total.
    var count: Int?
    /// `result.results`: the package dicts.
    var results: [JSONValue]
}

extension CKANAdapter {
    /// Decodes a `package_search` response, with an error naming the source and URL when it is malformed.
    static func decodePage(_ body: Data, source: String, url: String) throws -> CKANSearchPage {
        let json: JSONValue
        do {
            // The model's own reader: Foundation's `JSONDecoder`, through `JSONValue`'s `Codable` conformance,
            // was a third of a CKAN harvest's CPU and built a tree several times the size.
            json = try JSONValue.parse(body)
        } catch {
            let why = String(data: body, encoding: .utf8) == nil
                ? "the response is not valid UTF-8" : "malformed JSON: \(error)"
            throw HarvestError(.malformedResponse, "package_search: \(why)", source: source, url: url)
        }
        if json["success"]?.bool == false {
            let message = json["error"]?["message"]?.stringValue ?? "no message"
            throw HarvestError(.unexpectedResponse, "package_search answered success=false: \(message)", source: source, url: url)
        }
        guard let result = json["result"], let results = result["results"]?.array else {
            throw HarvestError(.unexpectedResponse, "package_search response has no result.results list", source: source, url: url)
        }
        let count = result["count"]?.int64.map { Int(clamping: $0) }
        return CKANSearchPage(count: count, results: results)
    }
}
