import Foundation
import Hummingbird
import KatalogModel
import KatalogStore

/// `GET /api/v1/changes` (a sync feed for business systems) and `GET /api/v1/suggest` (completion).
struct FeedRoutes: Sendable {
    let store: CatalogStore

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/v1/changes") { request, _ in try await self.changes(request) }
        router.get("/api/v1/suggest") { request, _ in try await self.suggest(request) }
    }

    struct ChangeView: Encodable, Sendable {
        var id: String
        var kind: String
        var token: String
        var time: String
        /// On a record folded into another source's record of the same dataset: that record's id.
        var shownAs: String?

        enum CodingKeys: String, CodingKey {
            case id, kind, token, time
            case shownAs = "shown_as"
        }
    }

    struct ChangesView: Encodable, Sendable {
        var changes: [ChangeView]
        var next: String
        var hasMore: Bool

        enum CodingKeys: String, CodingKey {
            case changes, next
            case hasMore = "has_more"
        }
    }

    func changes(_ request: Request) async throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        try parameters.rejectUnknown(["since", "limit"])
        let limit = try parameters.int("limit", in: 1...1000) ?? 100
        var since: Int64 = 0
        if let text = parameters.get("since") {
            if let token = Int64(text), token >= 0 {
                since = token
            } else if let sortKey = DateValue(raw: text).sortKey, let time = try? Date(sortKey, strategy: .iso8601) {
                since = try await store.changeSequence(before: time)
            } else {
                throw APIError.badParameter("since", "'\(text.prefix(40))' is neither a change token (from 'next') nor an ISO 8601 date or date-time")
            }
        }
        let (changes, next) = try await store.changes(sinceSeq: since, limit: limit + 1)
        let page = changes.prefix(limit)
        let view = ChangesView(
            changes: page.map { ChangeView(id: $0.id, kind: $0.kind.rawValue, token: String($0.changeSeq), time: ISO8601.string($0.time),
                                           shownAs: $0.shownAs) },
            next: String(page.last?.changeSeq ?? (changes.isEmpty ? next : since)),
            hasMore: changes.count > limit
        )
        return JSONResponse.make(data: try HubDocuments.encode(view))
    }

    struct SuggestView: Encodable, Sendable {
        struct Title: Encodable, Sendable {
            var id: String
            var title: String
        }

        struct Keyword: Encodable, Sendable {
            var keyword: String
            var count: Int
        }

        var titles: [Title]
        var keywords: [Keyword]
    }

    func suggest(_ request: Request) async throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        try parameters.rejectUnknown(["q", "limit"])
        guard let prefix = parameters.get("q") else {
            throw APIError.badParameter("q", "required: the text typed so far")
        }
        let limit = try parameters.int("limit", in: 1...50) ?? 10
        let suggestions = try await store.suggest(prefix: prefix, limit: limit)
        let view = SuggestView(
            titles: suggestions.titles.map { .init(id: $0.id, title: $0.title) },
            keywords: suggestions.keywords.map { .init(keyword: $0.keyword, count: $0.count) }
        )
        return JSONResponse.make(data: try HubDocuments.encode(view))
    }
}
