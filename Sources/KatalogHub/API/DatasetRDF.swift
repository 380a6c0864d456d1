import Foundation
import HTTPTypes
import Hummingbird
import KatalogModel
import KatalogRDF
import KatalogStore

/// One dataset as DCAT-AP 3: `/datasets/{id}.ttl`, `.rdf`, `.jsonld`, `.nt`, and `/datasets/{id}` asked with an RDF
/// media type in `Accept`. The IRIs the export mints for datasets without one of their own are `/datasets/{id}` on
/// the hub, so they dereference to their description, in RDF for RDF clients and as the page for browsers.
enum DatasetRDF {
    /// The file suffixes and the syntaxes they ask for.
    static let suffixes: [(suffix: String, format: RDFFormat)] = [
        (".ttl", .turtle), (".rdf", .rdfxml), (".jsonld", .jsonld), (".nt", .ntriples),
    ]

    /// The dataset id and syntax of a path segment ending in one of the ``suffixes`` (dataset ids never do; one that
    /// is not an id is answered Not Found as RDF is).
    static func suffixed(_ segment: String) -> (id: String, format: RDFFormat)? {
        for (suffix, format) in suffixes where segment.hasSuffix(suffix) {
            return (String(segment.dropLast(suffix.count)), format)
        }
        return nil
    }

    /// The RDF syntax an `Accept` header prefers to HTML, or nil for the page: the media range with the highest `q`
    /// among those the hub serves (the first listed among equals), where `text/html`, `application/xhtml+xml` and
    /// `*/*` stand for the page. A header naming nothing the hub serves gets the page.
    static func negotiate(_ accept: String?) -> RDFFormat? {
        guard let accept, !accept.isEmpty else { return nil }
        var best: (q: Double, format: RDFFormat?)?
        for entry in accept.split(separator: ",").prefix(64) {
            let parts = entry.split(separator: ";")
            guard let type = parts.first?.trimmingCharacters(in: .whitespaces).lowercased(), !type.isEmpty else { continue }
            var q = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0].lowercased() == "q", let value = Double(pair[1]), value.isFinite {
                    q = min(1, max(0, value))
                }
            }
            guard q > 0 else { continue }
            let format: RDFFormat?
            switch type {
            case "text/html", "application/xhtml+xml", "*/*", "text/*": format = nil
            case "text/turtle", "application/x-turtle": format = .turtle
            case "application/rdf+xml": format = .rdfxml
            case "application/ld+json": format = .jsonld
            case "application/n-triples": format = .ntriples
            default: continue
            }
            if best == nil || q > best!.q { best = (q, format) }
        }
        return best?.format
    }

    /// The dataset's description in `format`; Not Found (a problem document) when no live dataset has the id.
    static func response(store: CatalogStore, id: String, format: RDFFormat, request: Request, vary: Bool) async throws -> Response {
        // `lang` is the page's; the description holds every language.
        try QueryParameters(request.uri.query).rejectUnknown(["lang"])
        guard DatasetID.isWellFormed(id), let stored = try await store.dataset(id: id), stored.deletedAt == nil else {
            throw APIError(.notFound, "no dataset with the id '\(id.prefix(40))'")
        }
        let origin = ExportRoutes.origin(of: request)
        var writer = RDFDocumentWriter(format: format, output: "", prefixes: DCATExporter.prefixes)
        var exporter = DCATExporter(base: origin + "/")
        var triples: [Triple] = []
        exporter.dataset(stored.dataset, id: stored.id, into: &triples)
        for triple in triples { try writer.consume(triple) }
        writer.finish()
        var response = JSONResponse.conditional(data: Data(writer.output.utf8), request: request,
                                                contentType: RDFDocumentWriter<String>.mediaType(of: format) + "; charset=utf-8")
        if vary { response.headers[.vary] = "Accept, Accept-Language" }
        return response
    }
}
