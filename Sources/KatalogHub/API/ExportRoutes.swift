import Foundation
import HTTPTypes
import Hummingbird
import KatalogModel
import KatalogRDF
import KatalogStore

/// `GET /catalog.ttl`, `/catalog.rdf`, `/catalog.jsonld`: the catalogue as DCAT-AP 3, Hydra-paged.
///
/// A page holds `limit` datasets (1–1000, default 100) in id order after the dataset id `after`; its Hydra view
/// links the first page and the next one, so any DCAT harvester (Katalog's own among them) can walk the whole
/// catalogue. IRIs Katalog mints start with the address the request was sent to (`Host`, and
/// `X-Forwarded-Proto` behind a proxy), so they resolve to the hub's own pages.
struct ExportRoutes: Sendable {
    let store: CatalogStore

    static let routes: [(path: String, format: RDFFormat)] = [
        ("/catalog.ttl", .turtle), ("/catalog.rdf", .rdfxml), ("/catalog.jsonld", .jsonld),
    ]

    func register(on router: Router<BasicRequestContext>) {
        for (path, format) in ExportRoutes.routes {
            router.get(RouterPath(path)) { request, _ in try await self.page(request, path: path, format: format) }
        }
    }

    func page(_ request: Request, path: String, format: RDFFormat) async throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        try parameters.rejectUnknown(["after", "limit", "source"])
        let limit = try parameters.int("limit", in: 1...1000) ?? 100
        let after = parameters.get("after")
        if let after, !DatasetID.isWellFormed(after) {
            throw APIError.badParameter("after", "'\(after.prefix(40))' is not a dataset id (20 lower-case hex digits)")
        }
        // One source's datasets only, as `katalog export --source` writes them.
        let source = try APIRoutes.sourceName(parameters)
        let total: Int
        if let source {
            guard let known = try await store.sources().first(where: { $0.name == source }) else {
                throw APIError(.notFound, "no source named '\(source)'", parameter: "source")
            }
            total = known.datasetCount
        } else {
            total = try await store.datasetCount()
        }
        let origin = ExportRoutes.origin(of: request)
        let page = try await store.datasets(after: after, source: source, limit: limit)
        // A full page has a next one when any dataset follows it (the store reads at most 1,000 at a time, so the
        // page is not read one longer).
        var next: String?
        if page.count == limit, let last = page.last?.id,
           !(try await store.datasets(after: last, source: source, limit: 1)).isEmpty {
            next = last
        }
        let view = hydra(origin: origin, path: path, after: after, limit: limit, source: source, next: next, total: total)
        let data = try ExportRoutes.document(page, view: view, origin: origin, format: format)
        return JSONResponse.conditional(data: data, request: request,
                                        contentType: RDFDocumentWriter<String>.mediaType(of: format) + "; charset=utf-8")
    }

    /// The page's document, written synchronously once everything it needs has been read.
    static func document(_ page: [StoredDataset], view: [Triple], origin: String, format: RDFFormat) throws -> Data {
        var writer = RDFDocumentWriter(format: format, output: "", prefixes: DCATExporter.prefixes)
        var exporter = DCATExporter(base: origin + "/")
        try CatalogExport.write(page, header: true, exporter: &exporter, to: &writer)
        for triple in view { try writer.consume(triple) }
        writer.finish()
        return Data(writer.output.utf8)
    }

    /// The page's Hydra view: first and next pages, and the catalogue's size.
    private func hydra(origin: String, path: String, after: String?, limit: Int, source: String?, next: String?,
                       total: Int) -> [Triple] {
        let hydra = DCATExporter.hydra
        func url(after: String?) -> String {
            var query: [String] = []
            if let source { query.append("source=" + source) }
            if let after { query.append("after=" + after) }
            if limit != 100 { query.append("limit=\(limit)") }
            return origin + path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        }
        let view = Term.iri(url(after: after))
        var triples = [
            Triple(view, Vocab.rdfType, .iri(hydra + "PartialCollectionView")),
            Triple(view, hydra + "first", .iri(url(after: nil))),
        ]
        if let next { triples.append(Triple(view, hydra + "next", .iri(url(after: next)))) }
        triples.append(Triple(.iri(origin + "/catalog"), hydra + "view", view))
        triples.append(Triple(.iri(origin + "/catalog"), hydra + "totalItems",
                              .literal(Literal(String(total), datatype: Vocab.xsdInteger))))
        return triples
    }

    /// `http(s)://host[:port]` of the request, from a well-formed `Host` header (else `http://localhost`).
    static func origin(of request: Request) -> String {
        let scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https" ? "https" : "http"
        let host = request.head.authority ?? ""
        let allowed = host.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 58) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
        }
        guard !host.isEmpty, host.utf8.count <= 255, allowed else { return "http://localhost" }
        return scheme + "://" + host
    }
}
