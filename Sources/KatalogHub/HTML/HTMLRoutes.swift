import Foundation
import HTTPTypes
import Hummingbird
import KatalogModel
import KatalogStore
import NIOCore

/// The human-facing pages: `/` (search) and `/datasets/{id}`.
struct HTMLRoutes: Sendable {
    let store: CatalogStore
    let harvestHealth: HarvestHealth
    let quality: QualityReport

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in try await self.search(request) }
        router.get("/datasets/:id") { request, context in try await self.dataset(request, context: context) }
        router.get("/sources") { request, _ in try await self.sources(request) }
    }

    func sources(_ request: Request) async throws -> Response {
        let language = self.language(request, try? QueryParameters(request.uri.query))
        let now = Date()
        let page = SourcesPage(language: language, reports: try await harvestHealth.reports(now: now),
                               counts: try await store.recordCountsBySource(), quality: try await quality.report(), now: now)
        var response = HTMLRoutes.response(page.render())
        // Run states change by the minute; a cached copy would hide a failure.
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private func language(_ request: Request, _ parameters: QueryParameters?) -> UILanguage {
        UILanguage.choose(parameter: parameters?.get("lang"), acceptLanguage: request.headers[.acceptLanguage])
    }

    func search(_ request: Request) async throws -> Response {
        let parameters: QueryParameters
        do {
            parameters = try QueryParameters(request.uri.query)
        } catch {
            let page = SearchPage(language: language(request, nil), text: "", filters: [], result: nil, error: error.detail, cursor: nil)
            return HTMLRoutes.response(page.render(), status: .badRequest)
        }
        let language = self.language(request, parameters)
        let text = parameters.get("q") ?? ""
        var filters: [(facet: String, value: String)] = []
        for facet in SearchPage.facetOrder {
            for value in parameters.list(facet).prefix(SearchRequest.maxFilterValues) { filters.append((facet, value)) }
        }
        var query = SearchQuery(text)
        query.publisher = filters.filter { $0.facet == "publisher" }.map(\.value)
        query.theme = filters.filter { $0.facet == "theme" }.map(\.value)
        query.format = filters.filter { $0.facet == "format" }.map(\.value)
        query.licence = filters.filter { $0.facet == "licence" }.map(\.value)
        query.language = filters.filter { $0.facet == "language" }.map(\.value)
        query.source = filters.filter { $0.facet == "source" }.map(\.value)
        query.sort = text.isEmpty ? .modified : .relevance
        query.limit = 20
        query.cursor = parameters.get("cursor")
        query.facets = true
        query.languages = [language.rawValue]
        // `more=publisher` lists every value of that facet (up to SearchPage.longList); an unknown name is ignored.
        let expanded = parameters.get("more").flatMap { SearchPage.facetOrder.contains($0) ? $0 : nil }
        if expanded != nil { query.facetValues = SearchPage.longList }
        do {
            let result = try await store.search(query)
            var page = SearchPage(language: language, text: text, filters: filters, result: result, error: nil, cursor: query.cursor)
            page.expanded = expanded
            return HTMLRoutes.response(page.render())
        } catch let error as StoreError where error.code == .invalidQuery || error.code == .invalidCursor {
            let page = SearchPage(language: language, text: text, filters: filters, result: nil, error: error.message, cursor: nil)
            return HTMLRoutes.response(page.render(), status: .badRequest)
        } catch let error as StoreError where error.code == .timedOut {
            let page = SearchPage(language: language, text: text, filters: filters, result: nil,
                                  error: language.strings.searchTimedOut, cursor: nil)
            return HTMLRoutes.response(page.render(), status: .serviceUnavailable)
        } catch let error as StoreError where error.code == .overloaded {
            let page = SearchPage(language: language, text: text, filters: filters, result: nil,
                                  error: language.strings.searchBusy, cursor: nil)
            var response = HTMLRoutes.response(page.render(), status: .serviceUnavailable)
            response.headers[.retryAfter] = "1"
            return response
        }
    }

    func dataset(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = (context.parameters.get("id") ?? "").removingPercentEncoding ?? ""
        // `<id>.ttl` and the like, and RDF clients dereferencing the IRI the export minted, get DCAT-AP.
        if let (datasetID, format) = DatasetRDF.suffixed(id) {
            return try await DatasetRDF.response(store: store, id: datasetID, format: format, request: request, vary: false)
        }
        if let format = DatasetRDF.negotiate(request.headers[.accept]) {
            return try await DatasetRDF.response(store: store, id: id, format: format, request: request, vary: true)
        }
        let parameters = try? QueryParameters(request.uri.query)
        let language = self.language(request, parameters)
        guard id.utf8.count <= 200, !id.isEmpty, let stored = try await store.dataset(id: id), stored.deletedAt == nil else {
            let body = "<p class=\"error\">\(HTML.escape(language.strings.notFound))</p><p><a href=\"/?lang=\(language.rawValue)\">\(HTML.escape(language.strings.back))</a></p>"
            return HTMLRoutes.response(HTML.page(title: "Katalog", language: language, body: body), status: .notFound,
                                       vary: "Accept, Accept-Language")
        }
        let page = DatasetPage(language: language, stored: stored, origin: ExportRoutes.origin(of: request))
        return HTMLRoutes.response(page.render(), vary: "Accept, Accept-Language")
    }

    /// An HTML answer. The pages follow `Accept-Language` (and the dataset page `Accept`), so shared caches are told
    /// with `Vary`.
    static func response(_ html: String, status: HTTPResponse.Status = .ok, vary: String = "Accept-Language") -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        headers[.contentLanguage] = nil
        headers[.vary] = vary
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
