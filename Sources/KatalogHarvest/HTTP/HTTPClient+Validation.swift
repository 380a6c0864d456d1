import Foundation

/// Checks a request before any I/O: an absolute http(s) URL with a host, and header fields without line breaks.
enum RequestValidation {
    /// A request that passed validation.
    struct Target: Sendable {
        var url: String
        /// The lower-cased host, the key of the per-host concurrency limit.
        var host: String
        var headerLines: [String]
    }

    static func validate(_ request: HTTPRequest) throws -> Target {
        let url = request.url
        guard !url.isEmpty, !url.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }),
            let components = URLComponents(string: url), let scheme = components.scheme?.lowercased()
        else {
            throw FetchError(code: .invalidURL, message: "not an absolute URL", url: url)
        }
        guard scheme == "http" || scheme == "https" else {
            throw FetchError(code: .forbiddenScheme, message: "scheme \(scheme) is not allowed, only http and https", url: url)
        }
        guard let host = components.host, !host.isEmpty else {
            throw FetchError(code: .invalidURL, message: "the URL has no host", url: url)
        }
        var fields: [(String, String)] = []
        if let accept = request.accept { fields.append(("Accept", accept)) }
        if let etag = request.ifNoneMatch { fields.append(("If-None-Match", etag)) }
        if let date = request.ifModifiedSince { fields.append(("If-Modified-Since", date)) }
        fields += request.headers.fields.map { ($0.name, $0.value) }
        var lines: [String] = []
        for (name, value) in fields {
            guard isToken(name) else {
                throw FetchError(code: .invalidRequest, message: "header name \"\(name)\" is not a valid token", url: url)
            }
            guard !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
                throw FetchError(code: .invalidRequest, message: "header \(name) contains a line break", url: url)
            }
            // "Name;" is libcurl's way to send a header with an empty value; "Name:" would remove the header.
            lines.append(value.isEmpty ? "\(name);" : "\(name): \(value)")
        }
        return Target(url: url, host: host.lowercased(), headerLines: lines)
    }

    /// RFC 9110 token characters.
    private static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }
}
