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
            json = try JSONDecoder().decode(JSONValue.self, from: body)
        } catch {
            let why: String
            if String(data: body, encoding: .utf8) == nil {
                why = "the response is not valid UTF-8"
            } else if let decoding = error as? DecodingError, case .dataCorrupted(let context) = decoding {
                why = "malformed JSON: \(context.underlyingError.map { String(describing: $0) } ?? context.debugDescription)"
            } else {
                why = "malformed JSON: \(error)"
            }
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
