import Foundation
import KatalogRDF

/// Decides how a downloaded catalogue document is parsed: from its `Content-Type` when that names an RDF
/// syntax, else from its first bytes, else from the URL's extension.
enum DCATDocumentFormat {
    /// The RDF syntax of a document, or a ``HarvestError`` when it is plainly not RDF (an HTML error page).
    static func detect(contentType: String?, url: String, file: URL, source: String) throws -> RDFFormat {
        if let declared = fromMediaType(contentType) { return declared }
        let head = try leadingBytes(of: file, count: 1024)
        switch sniff(head) {
        case .some(.html):
            throw HarvestError(.malformedResponse, "the server sent an HTML page (\(contentType ?? "no Content-Type")), not an RDF document",
                               source: source, url: url)
        case .some(.rdf(let format)):
            return format
        case nil:
            if let byExtension = fromExtension(url) { return byExtension }
            throw HarvestError(.malformedResponse, "cannot tell the RDF syntax of the document (Content-Type \(contentType ?? "absent"))",
                               source: source, url: url)
        }
    }

    /// The syntax a media type names, or nil for generic or unknown types (`text/plain`, `application/octet-stream`).
    static func fromMediaType(_ contentType: String?) -> RDFFormat? {
        guard let contentType else { return nil }
        let type = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch type {
        case "application/rdf+xml", "application/xml", "text/xml": return .rdfxml
        case "text/turtle", "application/x-turtle", "application/turtle": return .turtle
        case "application/n-triples": return .ntriples
        case "application/ld+json", "application/json": return .jsonld
        default: return nil
        }
    }

    /// The syntax a URL's extension suggests.
    static func fromExtension(_ url: String) -> RDFFormat? {
        let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "rdf", "xml", "owl": return .rdfxml
        case "ttl": return .turtle
        case "nt": return .ntriples
        case "jsonld", "json": return .jsonld
        default: return nil
        }
    }

    /// What the first bytes look like.
    enum Sniffed: Equatable {
        case rdf(RDFFormat)
        case html
    }

    /// Guesses the syntax from the start of a document (after a byte order mark and white space).
    static func sniff(_ head: [UInt8]) -> Sniffed? {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        bytes = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = bytes.first else { return nil }
        let text = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
        switch first {
        case UInt8(ascii: "<"):
            if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") { return .html }
            if text.hasPrefix("<?xml") || text.hasPrefix("<rdf") || text.hasPrefix("<!--") || text.hasPrefix("<!doctype") {
                return text.contains("<html") ? .html : .rdf(.rdfxml)
            }
            // `<http://…> <…> …` is N-Triples or Turtle; an element name starts with a letter.
            if text.hasPrefix("<http") || text.hasPrefix("<urn") || text.hasPrefix("<>") { return .rdf(.turtle) }
            return .rdf(.rdfxml)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return .rdf(.jsonld)
        case UInt8(ascii: "@"), UInt8(ascii: "#"), UInt8(ascii: "_"):
            return .rdf(.turtle)
        default:
            if text.hasPrefix("prefix") || text.hasPrefix("base") { return .rdf(.turtle) }
            return nil
        }
    }

    private static func leadingBytes(of file: URL, count: Int) throws -> [UInt8] {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return [] }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: count)) ?? Data())
    }
}
