import Foundation
import KatalogHarvest
import Testing

@Suite("HTTPClient: redirects")
struct HTTPClientRedirectTests {
    @Test("a 302 to an http path is followed and the final URL reported")
    func followsRedirect() async throws {
        try await withTestServer({ request in
            request.path == "/old" ? .redirect(status: 302, location: "/new?page=2") : .text("moved here")
        }) { server in
            let response = try await HTTPTestSupport.client().get(HTTPRequest(url: server.url("/old")))
            #expect(response.status == 200)
            #expect(response.head.finalURL == server.url("/new?page=2"))
            #expect(String(decoding: response.body, as: UTF8.self) == "moved here")
            #expect(server.requests.map(\.path) == ["/old", "/new"])
        }
    }

    @Test("redirects to non-http schemes are refused", arguments: ["file:///etc/passwd", "ftp://127.0.0.1/pub/file"])
    func forbiddenRedirect(location: String) async throws {
        try await withTestServer({ _ in .redirect(status: 302, location: location) }) { server in
            let error = await #expect(throws: FetchError.self) {
                try await HTTPTestSupport.client().get(HTTPRequest(url: server.url("/escape")))
            }
            #expect(error?.code == .forbiddenScheme)
            #expect(error?.attempts == 1)
            #expect(server.requests.count == 1)
        }
    }

    @Test("a redirect loop fails with tooManyRedirects after the limit")
    func redirectLoop() async throws {
        try await withTestServer({ request in
            let hop = Int(request.query ?? "0") ?? 0
            return .redirect(status: 301, location: "/loop?\(hop + 1)")
        }) { server in
            let error = await #expect(throws: FetchError.self) {
                try await HTTPTestSupport.client(maxRedirects: 3).get(HTTPRequest(url: server.url("/loop?0")))
            }
            #expect(error?.code == .tooManyRedirects)
            #expect(server.requests.count == 4)
        }
    }
}
