/// Building blocks for server-rendered pages: escaping and the shared layout. No external assets, no JavaScript.
enum HTML {
    /// Escapes text for HTML element content and double-quoted attributes.
    static func escape(_ text: String) -> String {
        // Most text has nothing to escape: then it is returned as it is, without a copy.
        guard text.utf8.contains(where: { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        // Only ASCII bytes were replaced, by ASCII: the bytes are still the text's valid UTF-8.
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-encodes a query parameter value.
    static func queryValue(_ text: String) -> String {
        guard text.utf8.contains(where: { !isUnreserved($0) }) else { return text }
        var encoded: [UInt8] = []
        encoded.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                encoded.append(byte)
            } else {
                encoded.append(UInt8(ascii: "%"))
                encoded.append(hexDigits[Int(byte >> 4)])
                encoded.append(hexDigits[Int(byte & 15)])
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// The bytes a query value keeps as they are (RFC 3986's unreserved characters).
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// A query string from ordered pairs, skipping empty values.
    static func query(_ pairs: [(String, String)]) -> String {
        let parts = pairs.filter { !$0.1.isEmpty }.map { "\(queryValue($0.0))=\(queryValue($0.1))" }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    /// The whole page around `body`.
    /// `head` is added to the head as it is (markup the caller built safely).
    static func page(title: String, language: UILanguage, body: String, head: String = "") -> String {
        """
        <!doctype html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(stylesheet)</style>\(head)
        </head>
        <body>
        <header><a class="brand" href="/?lang=\(language.rawValue)">Katalog</a>
        <nav>\(UILanguage.allCases.map { $0 == language ? "<strong>\($0.name)</strong>" : "<a href=\"/?lang=\($0.rawValue)\">\($0.name)</a>" }.joined(separator: " · "))</nav>
        </header>
        <main>
        \(body)
        </main>
        <footer>\(escape(language.strings.footer)) · <a href="/sources?lang=\(language.rawValue)">\(language == .sv ? "Källor" : "Sources")</a> · <a href="/api/v1/search">API</a> · <a href="/openapi.json">OpenAPI</a> · DCAT-AP: <a href="/catalog.ttl">Turtle</a> <a href="/catalog.rdf">RDF/XML</a> <a href="/catalog.jsonld">JSON-LD</a></footer>
        </body>
        </html>
        """
    }

    static let stylesheet = """
        *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#f6f7f9}
        header{display:flex;justify-content:space-between;align-items:center;padding:.8rem 1.5rem;background:#12355b;color:#fff}
        header a{color:#fff}.brand{font-weight:700;font-size:1.3rem;text-decoration:none}
        main{max-width:1100px;margin:0 auto;padding:1rem 1.5rem}footer{text-align:center;color:#667;padding:2rem;font-size:.85rem}
        form.search{display:flex;gap:.5rem;margin:1rem 0}form.search input[type=search]{flex:1;padding:.6rem .8rem;font-size:1.05rem;border:1px solid #b8c0cc;border-radius:6px}
        form.search button{padding:.6rem 1.2rem;font-size:1rem;border:0;border-radius:6px;background:#1f6feb;color:#fff}
        .layout{display:grid;grid-template-columns:240px 1fr;gap:1.5rem}@media(max-width:800px){.layout{grid-template-columns:1fr}}
        aside h3{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:#556;margin:1rem 0 .3rem}
        aside ul{list-style:none;margin:0;padding:0}aside li{font-size:.9rem;margin:.15rem 0;display:flex;justify-content:space-between;gap:.5rem}
        aside li a{text-decoration:none;color:#1d4f91;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}aside li.on a{font-weight:700}
        .count{color:#778;font-variant-numeric:tabular-nums}tr.attention td{background:#fff4e5}
        .hit{background:#fff;border:1px solid #e1e5eb;border-radius:8px;padding:.9rem 1.1rem;margin:.7rem 0}
        .hit h2{font-size:1.1rem;margin:0 0 .2rem}.hit h2 a{color:#12355b}.meta{font-size:.85rem;color:#5b6473}
        .snippet{margin:.4rem 0}mark{background:#fff0a8;padding:0 .1em}
        .formats span,.badge{display:inline-block;font-size:.75rem;border:1px solid #c8d0dc;border-radius:4px;padding:0 .35rem;margin-right:.25rem;background:#f0f3f7}
        .summary{color:#556;margin:.3rem 0 1rem}.pager{margin:1.5rem 0}.pager a{padding:.4rem .9rem;border:1px solid #b8c0cc;border-radius:6px;background:#fff;text-decoration:none}
        table{border-collapse:collapse;width:100%;background:#fff}td,th{border-bottom:1px solid #e1e5eb;padding:.45rem .6rem;text-align:left;vertical-align:top;font-size:.92rem}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dt{color:#556}dd{margin:0}
        .error{background:#fff1f0;border:1px solid #f3b7b3;padding:.8rem 1rem;border-radius:6px}
        """
}
