import Foundation
import KatalogModel
import KatalogRDF
import KatalogStore
import Logging

/// Harvests a DCAT-AP catalogue published as one RDF document (RDF/XML, Turtle, N-Triples or JSON-LD) or as
/// Hydra pages (`hydra:next` / `hydra:nextPage`).
///
/// Each document is downloaded to a temporary file and parsed on a thread of its own into the run's on-disk
/// triple spool; once every page is in, the spool is indexed by subject and walked dataset by dataset, so memory
/// stays bounded whatever the dump's size and a node described on another Hydra page is still found. A next
/// page seen before, one on another host, or the page cap ends paging with a warning and an incomplete run
/// (deletions are then not applied). A whole unpaged document answered 304 Not Modified, or downloaded again with
/// the SHA-256 of the document the last run applied, ends the run as unchanged without being parsed; a complete
/// chain of Hydra pages whose digests are those of the last applied run ends it unchanged once parsed, unmapped.
public struct DCATAdapter: HarvestAdapter {
    /// Datasets mapped per batch handed from the mapping thread to the run.
    static let batchSize = 256
    /// Creates the adapter.
    public init() {}

    /// Harvests the catalogue.
    public func harvest(_ context: HarvestContext, into collector: RunCollector) async throws -> AdapterOutcome {
        let source = context.source
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-dcat-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            throw HarvestError(.unexpectedResponse, "cannot create a scratch directory: \(error.localizedDescription)", source: source.name)
        }
        defer { try? FileManager.default.removeItem(at: scratch) }

        let spool: RunSpool
        do {
            spool = try RunSpool(directory: scratch)
        } catch {
            throw HarvestError(.unexpectedResponse, "cannot create the triple spool: \(error)", source: source.name)
        }
        var paging = HydraPaging(start: source.url, maxPages: source.maxPages)
        var expected: Int?
        var pageDigests: [String] = []
        while let url = paging.current {
            try Task.checkCancellation()
            let isFirst = paging.pages == 0
            // Only the first page is asked conditionally: validators are stored for unpaged sources alone.
            let request = try await context.request(
                url, accept: "application/rdf+xml, text/turtle;q=0.9, application/ld+json;q=0.8, application/n-triples;q=0.7, */*;q=0.1",
                conditional: isFirst)
            let file = scratch.appendingPathComponent("page-\(paging.pages + 1)")
            let head = try await context.client.download(request, to: file)
            if head.isNotModified {
                if isFirst { return .notModified }
                throw HarvestError(.unexpectedResponse, "answered 304 Not Modified to a request that was not conditional", source: source.name, url: url)
            }
            // A server without validators (or with new ones for the same bytes) still costs no parse.
            let sha256 = try await context.sha256(of: file, url: url)
            pageDigests.append(sha256)
            if isFirst, try await context.isUnchanged(url: url, sha256: sha256) {
                await collector.noteDocumentValidators(url: url, etag: head.etag, lastModified: head.lastModified, contentSHA256: sha256)
                return .sameDigest(sha256)
            }
            let format = try DCATDocumentFormat.detect(contentType: head.contentType, url: head.finalURL, file: file, source: source.name)
            let parseStarted = ContinuousClock.now
            let triplesBefore = spool.spool.count
            let facts = try await DCATAdapter.load(file: file, format: format, baseIRI: head.finalURL, page: paging.pages + 1,
                                                   into: spool, source: source.name, url: url)
            try? FileManager.default.removeItem(at: file)
            context.logger.info("page parsed into the spool", metadata: [
                "harvest.url": "\(url)", "harvest.page": "\(paging.pages + 1)", "rdf.format": "\(format.rawValue)",
                "rdf.triples": "\(spool.spool.count - triplesBefore)",
                "harvest.seconds": "\((ContinuousClock.now - parseStarted).seconds)",
            ])
            if isFirst {
                await collector.noteDocumentValidators(url: url, etag: head.etag, lastModified: head.lastModified, contentSHA256: sha256)
            }
            expected = facts.totalItems ?? expected
            context.progress(HarvestProgress(source: source.name, pages: paging.pages + 1, records: 0, expected: expected))
            if let warning = paging.advance(links: facts.nextLinks) {
                await collector.warn(url: url, warning)
            }
        }
        if paging.pages > 1 {
            // Pages carry no validators of the whole; the digest of all pages, in order, stands for the source.
            // Every page was parsed to find the next one, but when the whole chain is the one last applied,
            // nothing needs mapping.
            let chain = DCATAdapter.chainDigest(pageDigests)
            await collector.noteDocumentValidators(url: source.url, etag: nil, lastModified: nil,
                                                   contentSHA256: paging.incompleteReason == nil ? chain : nil)
            if paging.incompleteReason == nil, try await context.isUnchanged(url: source.url, sha256: chain) {
                return .sameDigest(chain)
            }
        }
        // Every page is in the spool: datasets are mapped with nodes described on any page.
        let pages = paging.pages
        let indexStarted = ContinuousClock.now
        let catalogue = try await OffPool.run { try DCATPage.catalogue(of: spool.spool, pages: pages, lanes: context.mappingLanes,
                                                                          fingerprint: source.mappingFingerprint,
                                                                          limits: source.recordLimits) }
        let mappingStarted = ContinuousClock.now
        context.logger.info("spool indexed", metadata: [
            "rdf.triples": "\(catalogue.tripleCount)", "harvest.seconds": "\((mappingStarted - indexStarted).seconds)",
        ])
        let datasets = try await DCATAdapter.collectDatasets(of: catalogue, url: source.url, into: collector) { records in
            context.progress(HarvestProgress(source: source.name, pages: pages, records: records, expected: expected))
        }
        context.logger.info("datasets mapped and staged", metadata: [
            "harvest.datasets": "\(datasets)", "harvest.seconds": "\((ContinuousClock.now - mappingStarted).seconds)",
        ])
        if let reason = paging.incompleteReason { return .incomplete(reason: reason) }
        return .complete
    }

    /// The digest of a chain of Hydra pages: of their digests in order, marked so it never equals a single document's.
    static func chainDigest(_ pages: [String]) -> String {
        SHA256.hex(("hydra-pages\n" + pages.joined(separator: "\n")).utf8)
    }

    /// Maps the page's datasets batch by batch and hands them to the collector, in document order. While the
    /// collector hashes and stages one batch, the next ones are mapped in the page's lanes (one batch per lane, each
    /// on a thread of its own), so both cores are busy.
    static func collectDatasets(of page: DCATPage, url: String, into collector: RunCollector,
                                progress: (Int) -> Void = { _ in }) async throws -> Int {
        let cancellation = CancellationFlag()
        var listing = SubjectListing(page: page, cancellation: cancellation)
        return try await MappingLanes.collect(
            lanes: page.lanes, into: collector, url: url, cancellation: cancellation,
            next: { try await listing.next().map { MappingLanes.Batch(work: $0, identifiers: $0.compactMap(\.iriValue)) } },
            map: { subjects, lane, known in try page.map(subjects, lane: lane, known: known, cancellation: cancellation) },
            delivered: progress)
    }

    /// Hands out a page's datasets in batches, listing them from the spool a few thousand at a time (off the pool).
    private struct SubjectListing {
        let page: DCATPage
        let cancellation: CancellationFlag
        private var listed: [Term] = []
        private var position = 0
        private var exhausted = false
        /// Subjects listed per call to the spool.
        static let chunk = 4_096

        init(page: DCATPage, cancellation: CancellationFlag) {
            self.page = page
            self.cancellation = cancellation
        }

        /// The next batch of at most ``DCATAdapter/batchSize`` subjects, nil after the last.
        mutating func next() async throws -> [Term]? {
            if listed.count - position < DCATAdapter.batchSize, !exhausted {
                let (page, cancellation) = (self.page, self.cancellation)
                let more = try await OffPool.run { try page.nextSubjects(limit: SubjectListing.chunk, cancellation: cancellation) }
                listed.removeFirst(position)
                position = 0
                if more.isEmpty { exhausted = true } else { listed += more }
            }
            guard position < listed.count else { return nil }
            let end = min(position + DCATAdapter.batchSize, listed.count)
            defer { position = end }
            return Array(listed[position..<end])
        }
    }

    /// Parses a downloaded page into the run's spool on its own thread; a parse error names the URL, line and column.
    static func load(file: URL, format: RDFFormat, baseIRI: String, page: Int, into spool: RunSpool,
                     source: String, url: String) async throws -> DCATPage.PageFacts {
        let cancellation = CancellationFlag()
        do {
            return try await withTaskCancellationHandler {
                try await OffPool.run {
                    try DCATPage.load(file: file, format: format, baseIRI: baseIRI, limits: ParserLimits(), page: page,
                                      into: spool.spool, cancellation: cancellation)
                }
            } onCancel: {
                cancellation.cancel()
            }
        } catch let error as RDFParseError {
            let position = error.line > 0 ? " at line \(error.line), column \(error.column)" : ""
            throw HarvestError(.malformedResponse, "the \(format.rawValue) document is not valid\(position): \(error.message)",
                               source: source, url: url)
        }
    }
}
