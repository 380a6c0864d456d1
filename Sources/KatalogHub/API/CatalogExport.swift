import KatalogModel
import KatalogRDF
import KatalogStore

/// The catalogue as DCAT-AP 3 RDF: `katalog export` writes it whole, the hub's `/catalog.*` routes a page at a time.
public enum CatalogExport {
    /// The catalogue node (title, description, publisher), the triples of `page` and the catalogue's `dcat:dataset`
    /// links to them, to `writer`. `header` writes the catalogue node's own triples (once per document).
    public static func write<Output>(_ page: [StoredDataset], header: Bool, exporter: inout DCATExporter,
                                     to writer: inout RDFDocumentWriter<Output>) throws {
        var triples: [Triple] = []
        if header { exporter.catalogue(datasets: [], into: &triples) }
        for stored in page {
            exporter.dataset(stored.dataset, id: stored.id, into: &triples)
        }
        exporter.links(to: page.map { exporter.subject(of: $0.dataset, id: $0.id) }, into: &triples)
        for triple in triples { try writer.consume(triple) }
    }

    /// Writes every live dataset of `store` (of `source` only, when given; in id order, `batch` at a time) as one document.
    public static func writeAll<Output>(from store: CatalogStore, base: String, source: String? = nil,
                                        to writer: inout RDFDocumentWriter<Output>, batch: Int = 500) async throws {
        // The writer and the exporter live on the heap while batches are awaited, and are written synchronously.
        let state = ExportState(writer: writer, exporter: DCATExporter(base: base))
        // Until a page comes back empty (the store may read fewer than `batch` at a time).
        var after: String?
        var header = true
        while true {
            let page = try await store.datasets(after: after, source: source, limit: batch)
            try state.write(page, header: header)
            header = false
            guard let last = page.last else { break }
            after = last.id
        }
        state.writer.finish()
        writer = state.writer
    }
}

/// A document being written across awaits.
private final class ExportState<Output: TextOutputStream> {
    var writer: RDFDocumentWriter<Output>
    var exporter: DCATExporter

    init(writer: RDFDocumentWriter<Output>, exporter: DCATExporter) {
        self.writer = writer
        self.exporter = exporter
    }

    func write(_ page: [StoredDataset], header: Bool) throws {
        try CatalogExport.write(page, header: header, exporter: &exporter, to: &writer)
    }
}
