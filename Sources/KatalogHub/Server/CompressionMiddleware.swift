import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Sends text answers gzip-compressed to clients that accept it (`Accept-Encoding`, RFC 9110 §12.5.3).
///
/// A business system that keeps a copy through `/api/v1/changes`, pages through `package_search` with `rows=1000`, or
/// reads the DCAT-AP export moves megabytes of JSON and RDF that shrink five- to tenfold. Only the answers worth it are
/// compressed: a text media type (JSON, HTML, RDF serialisations, XML, plain text), at least ``ResponseCompression/minimumSize`` bytes,
/// status 200, not already encoded. Every answer of a compressible type says `Vary: Accept-Encoding`, compressed or
/// not, so a shared cache keeps the two forms apart.
///
/// A compressed answer's strong `ETag` becomes weak (`W/"…"`): its bytes are not the identity form's, which the
/// strong tag names. The hub compares `If-None-Match` weakly, so either form of the tag still gets a 304.
///
/// Every hub answer's body is already whole in memory, so it is compressed in one piece and keeps a
/// `Content-Length`. A body written as a stream (its length unknown) is sent as it is. A HEAD request runs through
/// its GET route's middleware with the GET's body (the router makes HEAD from GET and drops the body after), so it
/// is compressed too, and its headers, the length among them, are the GET's.
struct CompressionMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard ResponseCompression.isCompressible(response.headers[.contentType]) else {
            if response.status == .notModified, ResponseCompression.acceptsGzip(request.headers[.acceptEncoding]) {
                // The tag the compressed 200 would have carried.
                ResponseCompression.weakenETag(&response.headers)
            }
            return response
        }
        ResponseCompression.addVary(&response.headers)
        // A route may have compressed its answer itself (a kept search body is kept compressed).
        guard response.headers[.contentEncoding] == nil, response.status == .ok,
              ResponseCompression.acceptsGzip(request.headers[.acceptEncoding]),
              let length = response.body.contentLength, length >= ResponseCompression.minimumSize else { return response }
        let collector = BodyCollector()
        try await response.body.write(collector)
        guard let compressed = Gzip.compress(collector.buffer), compressed.readableBytes < length else {
            response.body = .init(byteBuffer: collector.buffer)
            return response
        }
        response.headers[.contentEncoding] = "gzip"
        ResponseCompression.weakenETag(&response.headers)
        response.body = .init(byteBuffer: compressed)
        return response
    }
}

/// The rules ``CompressionMiddleware`` follows, apart so they can be tested alone.
enum ResponseCompression {
    /// Bodies smaller than this are sent as they are: a few hundred bytes gain less than the gzip framing and the
    /// CPU cost.
    static let minimumSize = 1024

    /// Whether `Accept-Encoding` admits gzip: named (or as `x-gzip`) with a q-value above 0, or, when unnamed, by `*`
    /// with one. No header, or an empty one, admits only the identity form.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        var named: Bool?
        var wildcard: Bool?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";")
            guard let coding = parts.first?.trimmingCharacters(in: .whitespaces).lowercased(), !coding.isEmpty else { continue }
            var acceptable = true
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0].lowercased() == "q" { acceptable = (Double(pair[1]) ?? 0) > 0 }
            }
            switch coding {
            case "gzip", "x-gzip": named = acceptable && (named ?? true)
            case "*": wildcard = acceptable
            default: continue
            }
        }
        return named ?? wildcard ?? false
    }

    /// Whether a media type is text that compresses: `text/*`, JSON and XML (with their `+json`/`+xml` kinds), and
    /// the RDF serialisations the exports write.
    static func isCompressible(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let media = contentType.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased()
        if media.hasPrefix("text/") || media.hasSuffix("+json") || media.hasSuffix("+xml") { return true }
        return compressibleTypes.contains(media)
    }

    private static let compressibleTypes: Set<String> = [
        "application/json", "application/xml", "application/n-triples", "application/n-quads", "application/trig",
        "application/javascript", "application/x-ndjson",
    ]

    static func addVary(_ headers: inout HTTPFields) {
        guard let vary = headers[.vary] else {
            headers[.vary] = "Accept-Encoding"
            return
        }
        let names = vary.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if !names.contains("accept-encoding"), !names.contains("*") { headers[.vary] = vary + ", Accept-Encoding" }
    }

    static func weakenETag(_ headers: inout HTTPFields) {
        if let tag = headers[.eTag], tag.hasPrefix("\"") { headers[.eTag] = "W/" + tag }
    }
}

/// Gathers a body's buffers, so a whole body can be compressed at once.
private final class BodyCollector: ResponseBodyWriter, @unchecked Sendable {
    var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        guard self.buffer.readableBytes > 0 else {
            self.buffer = buffer
            return
        }
        var part = buffer
        self.buffer.writeBuffer(&part)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
