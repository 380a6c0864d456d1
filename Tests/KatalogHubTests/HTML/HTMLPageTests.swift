import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KatalogModel
import KatalogStore
import NIOCore
import Testing
@testable import KatalogHub

/// The server-rendered pages: search with snippets, facets and filter links, the dataset page, both languages.
struct HTMLPageTests {
    @Test func theSearchPageShowsHitsSnippetsAndFacetsInSwedish() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/?q=grundskolor&lang=sv", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"sv\""))
                #expect(html.contains("Skolor i Göteborg"))
                #expect(html.contains("<mark>"), "the snippet highlights the match")
                #expect(html.contains("Göteborgs stad"))
                // The theme facet shows the EU theme's Swedish name and links to the filtered search.
                #expect(html.contains("Utbildning, kultur och sport"))
                #expect(html.contains("theme=EDUC"))
                #expect(!html.contains("<script"), "no JavaScript is needed")
                #expect(!html.contains("http://") || !html.contains("<link rel=\"stylesheet\" href=\"http"), "no external assets")
            }
        }
    }

    @Test func aSearchThatCannotBeRunSaysSoInThePagesLanguage() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            for (language, lead) in [("sv", "Sökningen gick inte att göra:"), ("en", "The search could not be run:")] {
                try await client.execute(uri: "/?q=a%2A&lang=\(language)", method: .get) { response in
                    #expect(response.status == .badRequest)
                    let html = String(buffer: response.body)
                    #expect(html.contains("<p class=\"error\"><strong>\(lead)</strong> &#39;a*&#39; asks for every word"), "\(html)")
                    #expect(html.contains("name=\"q\" value=\"a*\""), "the text stays in the box to be corrected")
                }
            }
        }
    }

    @Test func aFilterNarrowsTheResultsAndTheEnglishPageIsEnglish() async throws {
        let store = try await HubTestCatalogue.makeStore()
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/?q=luftkvalitet&format=CSV&lang=en", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"en\""))
                #expect(html.contains("Air quality in Malmö"))
                #expect(!html.contains("Helsingfors"), "the CSV filter leaves out the JSON-only dataset")
            }
        }
    }

    @Test("Facet values and format badges are named: languages in the page's language, file types by their usual names")
    func namedValues() async throws {
        let store = try CatalogStore.temporary()
        let records = [HubTestCatalogue.dataset("w1", title: ["sv": "Vattenkarta", "en": "Water map"], publisher: "Lst", formats: ["WMS_SRVC", "GEOJSON"])]
        let run = try await store.beginRun(source: "geo", kind: "ckan", url: "http://127.0.0.1/")
        try await store.stage(run: run, records: records)
        _ = try await store.completeRun(run: run, seen: ["w1"], isComplete: true)
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/?q=vattenkarta&lang=sv", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<span>WMS</span><span>GeoJSON</span>"), "the hit's badges")
                #expect(html.contains(">Svenska</a>") && html.contains(">Engelska</a>"), "the language facet")
                #expect(html.contains(">WMS</a>") && !html.contains(">WMS_SRVC</a>"), "the format facet")
                #expect(html.contains("format=WMS_SRVC"), "filters keep the code")
            }
        }
    }

    @Test func aFacetWithManyValuesCanShowThemAll() async throws {
        let store = try CatalogStore.temporary()
        let records = (1...30).map { n in
            HubTestCatalogue.dataset("p\(n)", title: ["sv": "Vattendrag \(n)"], publisher: String(format: "Kommun %02d", n), formats: ["CSV"])
        }
        let run = try await store.beginRun(source: "many", kind: "ckan", url: "http://127.0.0.1/")
        try await store.stage(run: run, records: records)
        _ = try await store.completeRun(run: run, seen: Set(records.map(\.sourceIdentifier)), isComplete: true)
        @Sendable func publishers(_ html: String) -> Int {
            html.replacingOccurrences(of: "&amp;", with: "&").components(separatedBy: "?q=vattendrag&publisher=").count - 1
        }
        try await HubTestCatalogue.application(store).test(.router) { client in
            var more = ""
            try await client.execute(uri: "/?q=vattendrag&lang=sv", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(publishers(html) == SearchPage.shortList)
                #expect(html.contains("Visa alla"))
                let link = try #require(html.range(of: #"href="/\?[^"]*more=publisher[^"]*""#, options: .regularExpression))
                more = String(html[link].dropFirst(7).dropLast()).replacingOccurrences(of: "&amp;", with: "&")
            }
            // The link lists every publisher, keeps the search, and leads back.
            try await client.execute(uri: more, method: .get) { response in
                let html = String(buffer: response.body)
                #expect(publishers(html) == 30)
                #expect(html.contains("Kommun 30"))
                #expect(html.contains("Visa färre"))
                #expect(!html.contains("Visa alla"), "the other facets have fewer than 12 values")
                // A filter chosen from the long list keeps it long.
                #expect(html.replacingOccurrences(of: "&amp;", with: "&").contains("publisher=kommun%2001&lang=sv&more=publisher"))
            }
            try await client.execute(uri: "/?q=vattendrag&lang=en&more=nonsense", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(publishers(html) == SearchPage.shortList)
                #expect(html.contains("Show all"))
            }
        }
    }

    @Test func theDatasetPageListsDistributionsAndAnUnknownIdIs404() async throws {
        let store = try await HubTestCatalogue.makeStore()
        let stored = try #require(try await store.dataset(source: "demo", sourceIdentifier: "d1"))
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/datasets/\(stored.id)?lang=sv", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("Luftkvalitet i Malmö"))
                #expect(html.contains("https://data.example.se/d1/0.csv"))
                #expect(html.contains("https://data.example.se/d1/1.json"))
            }
            try await client.execute(uri: "/datasets/no-such-dataset", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("Only http(s) URLs from a source become links: a javascript: or data: licence, landing page or download stays text")
    func sourceURLsOfOtherSchemesAreNeverLinked() async throws {
        let store = try CatalogStore.temporary()
        let dataset = Dataset(
            sourceIdentifier: "x1", title: LocalizedText("Skadliga länkar", language: "sv"),
            license: Concept(raw: "javascript:alert(1)", uri: "javascript:alert(1)"),
            landingPages: ["JavaScript:alert(2)"],
            distributions: [
                Distribution(downloadURLs: ["data:text/html,<script>alert(3)</script>"]),
                Distribution(downloadURLs: ["HTTPS://data.example.se/x1.csv"]),
            ])
        let run = try await store.beginRun(source: "demo", kind: "ckan", url: "http://127.0.0.1/")
        try await store.stage(run: run, records: [SourceRecord(dataset: dataset, raw: Data("{}".utf8), rawFormat: "application/json")])
        _ = try await store.completeRun(run: run, seen: ["x1"], isComplete: true)
        let stored = try #require(try await store.dataset(source: "demo", sourceIdentifier: "x1"))
        try await HubTestCatalogue.application(store).test(.router) { client in
            try await client.execute(uri: "/datasets/\(stored.id)?lang=sv", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(!html.lowercased().contains("href=\"javascript:"))
                #expect(!html.contains("href=\"data:"))
                #expect(html.contains("javascript:alert(1)"), "the licence is still shown, as text")
                #expect(html.contains("<a href=\"HTTPS://data.example.se/x1.csv\">"))
            }
        }
        #expect(DatasetPage.isWebURL("http://a.se/") && DatasetPage.isWebURL("Https://a.se/"))
        #expect(!DatasetPage.isWebURL("httpx://a.se/") && !DatasetPage.isWebURL("http:/a") && !DatasetPage.isWebURL(""))
    }

    @Test("A Los theme is named by the vocabulary: Bokmål on the Swedish page, English on the English one")
    func losThemesAreNamed() async throws {
        let store = try CatalogStore.temporary()
        let dataset = Dataset(sourceIdentifier: "n1", title: LocalizedText("Turstier i Bergen", language: "nb"),
                              themes: [DataTheme.normalize("http://psi.norge.no/los/tema/friluftsliv")])
        let run = try await store.beginRun(source: "demo", kind: "dcat", url: "http://127.0.0.1/")
        try await store.stage(run: run, records: [SourceRecord(dataset: dataset, raw: Data("{}".utf8), rawFormat: "text/turtle")])
        _ = try await store.completeRun(run: run, seen: ["n1"], isComplete: true)
        let stored = try #require(try await store.dataset(source: "demo", sourceIdentifier: "n1"))
        try await HubTestCatalogue.application(store).test(.router) { client in
            for (language, label) in [("sv", "Friluftsliv"), ("en", "Outdoor life")] {
                try await client.execute(uri: "/?q=turstier&lang=\(language)", method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("title=\"\(label)\">\(label)</a>"), "\(language)")
                    #expect(html.contains("theme=http%3A%2F%2Fpsi.norge.no%2Flos%2Ftema%2Ffriluftsliv"), "the filter keeps the IRI")
                    #expect(!html.contains(">http://psi.norge.no/los/tema/friluftsliv<"))
                }
            }
            try await client.execute(uri: "/datasets/\(stored.id)?lang=en", method: .get) { response in
                #expect(String(buffer: response.body).contains("Outdoor life"))
            }
        }
    }
}
