import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import KatalogHub

/// Cross-origin use from a page script: preflights are answered, and answers say who may read them.
struct CORSTests {
    @Test func preflightsAreAnsweredWithTheMethodsAndHeadersEachPathTakes() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            // A GET with If-None-Match is not a "simple" request: the browser asks first.
            let asking: HTTPFields = [.origin: "https://app.example", .accessControlRequestMethod: "GET",
                                      .accessControlRequestHeaders: "if-none-match"]
            try await client.execute(uri: "/api/v1/search?q=luft", method: .options, headers: asking) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                #expect(response.headers[.accessControlAllowMethods] == "GET, HEAD")
                #expect(response.headers[.accessControlAllowHeaders]?.contains("If-None-Match") == true)
                #expect(response.headers[.accessControlMaxAge] == "86400")
            }
            try await client.execute(uri: "/api/3/action/package_search", method: .options,
                                     headers: [.origin: "https://app.example", .accessControlRequestMethod: "POST",
                                               .accessControlRequestHeaders: "content-type"]) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowMethods] == "GET, HEAD, POST")
                #expect(response.headers[.accessControlAllowHeaders]?.contains("Content-Type") == true)
            }
        }
    }

    @Test func answersLetAnyOriginReadThemAndTheirTag() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/api/v1/search?q=luft", method: .get, headers: [.origin: "https://app.example"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                #expect(response.headers[.accessControlExposeHeaders] == "ETag")
                #expect(response.headers[.eTag] != nil)
            }
            try await client.execute(uri: "/api/3/action/package_search", method: .post,
                                     headers: [.origin: "https://app.example", .contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"q": "luft"}"#)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == "*")
            }
            // Other methods stay refused everywhere, and say so to the browser too.
            try await client.execute(uri: "/api/v1/search", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
            }
        }
    }

    /// The 405s and the preflights name HEAD, so every GET route answers it: the GET's status and headers, no body.
    /// Uptime checks (`curl -I /health`) send it.
    @Test func everyGetRouteAnswersHead() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            for uri in ["/health", "/api/v1/search?q=luft", "/catalog.ttl", "/", "/api/3/action/status_show", "/openapi.json",
                        "/api/v1/search?limit=0"] {
                let get = try await client.execute(uri: uri, method: .get) { response in
                    (response.status, response.headers[.contentType], response.headers[.contentLength])
                }
                try await client.execute(uri: uri, method: .head) { response in
                    #expect(response.status == get.0, "\(uri)")
                    #expect(response.headers[.contentType] == get.1, "\(uri)")
                    if uri.hasPrefix("/api/v1/search?q") {
                        // A search answer carries its own query time, whose digits vary from answer to answer.
                        #expect(response.headers[.contentLength] != nil)
                    } else {
                        #expect(response.headers[.contentLength] == get.2, "\(uri)")
                    }
                    #expect(response.body.readableBytes == 0, "\(uri)")
                }
            }
        }
    }
}
