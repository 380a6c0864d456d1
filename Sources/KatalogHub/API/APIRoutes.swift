import Foundation
import Hummingbird
import KatalogModel
import KatalogStore

/// The JSON API under `/api/v1` and `/health`.
struct APIRoutes: Sendable {
    let store: CatalogStore
    /// Encoded bodies of recent searches, as many as the store keeps results.
    let bodies: SearchBodyCache
    let harvestHealth: HarvestHealth
    let quality: QualityReport
    /// Whether the hub compresses answers (``CompressionMiddleware``); kept search bodies are then kept compressed too.
    let compression: Bool

    init(store: CatalogStore, harvestHealth: HarvestHealth, quality: QualityReport, compression: Bool = true) {
        self.store = store
        self.harvestHealth = harvestHealth
        self.quality = quality
        self.compression = compression
        bodies = SearchBodyCache(capacity: store.configuration.searchCacheEntries)
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/health") { _, _ in try await self.health() }
        router.get("/api/v1/search") { request, _ in try await self.search(request) }
        router.get("/api/v1/datasets/:id") { request, context in try await self.dataset(request, context: context) }
        router.get("/api/v1/runs") { request, _ in try await self.runs(request) }
        router.get("/api/v1/quality") { request, context in
            try QueryParameters(request.uri.query).rejectUnknown([])
            guard let report = try await self.quality.report() else {
                let error = APIError(.serviceUnavailable, "the metadata quality is being counted for the first time; ask again in a minute")
                var response = try error.response(from: request, context: context)
                response.headers[.retryAfter] = "30"
                return response
            }
            return JSONResponse.conditional(data: try QualityReport.document(report.counts, upToDate: report.upToDate), request: request)
        }
    }

    func search(_ request: Request) async throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        let (query, _) = try SearchRequest.query(from: parameters)
        let started = ContinuousClock.now
        let queryString = request.uri.query ?? ""
        // A client that has this query's answer at the current catalogue version gets a 304 without a search.
        if let ifNoneMatch = request.headers[.ifNoneMatch] {
            let tag = EntityTag.search(query: queryString, catalogueVersion: try await store.catalogueVersion())
            if EntityTag.matches(ifNoneMatch: ifNoneMatch, tag) { return JSONResponse.notModified(etag: tag) }
        }
        let result = try await store.search(query)
        let gzip = compression && ResponseCompression.acceptsGzip(request.headers[.acceptEncoding])
        let body = try bodies.body(for: result, query: query, queryTime: ContinuousClock.now - started, gzip: gzip)
        var response = JSONResponse.make(data: body.data)
        if body.gzip { response.headers[.contentEncoding] = "gzip" }
        response.headers[.eTag] = EntityTag.search(query: queryString, catalogueVersion: result.catalogueVersion)
        return response
    }

    func dataset(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let raw = context.parameters.get("id") ?? ""
        guard let id = raw.removingPercentEncoding, !id.isEmpty, id.utf8.count <= 200 else {
            throw APIError.badParameter("id", "not a valid dataset id")
        }
        let parameters = try QueryParameters(request.uri.query)
        try parameters.rejectUnknown(["raw"])
        let includeRaw = try parameters.bool("raw") ?? false
        guard let stored = try await store.dataset(id: id), stored.deletedAt == nil else {
            throw APIError(.notFound, "no dataset with id '\(id.prefix(200))'")
        }
        return JSONResponse.conditional(data: try HubDocuments.dataset(stored, includeRaw: includeRaw), request: request)
    }

    func runs(_ request: Request) async throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        try parameters.rejectUnknown(["source", "limit"])
        let limit = try parameters.int("limit", in: 1...500) ?? 50
        let source = try APIRoutes.sourceName(parameters)
        let runs = try await store.runs(source: source, limit: limit)
        return JSONResponse.make(data: try HubDocuments.runs(runs))
    }

    /// The `source` parameter, checked to be a source name (at most 64 characters of a-z, 0-9 and '-').
    static func sourceName(_ parameters: QueryParameters) throws(APIError) -> String? {
        let source = parameters.get("source")
        if let source, source.utf8.count > 64 || !source.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }) {
            throw APIError.badParameter("source", "source names are at most 64 characters of a-z, 0-9 and '-'")
        }
        return source
    }

    func health() async throws -> Response {
        do {
            let count = try await store.datasetCount(includeDeleted: false)
            return JSONResponse.make(data: try HubDocuments.health(datasets: count, reports: try await harvestHealth.reports()))
        } catch {
            let view = HealthView(status: "unavailable", datasets: nil, sources: [], overdueSources: [])
            return JSONResponse.make(data: try HubDocuments.encode(view), status: .serviceUnavailable)
        }
    }
}
