import ArgumentParser
import Foundation
import KatalogHub
import KatalogModel
import KatalogStore
import Logging

/// `katalog search`: full-text search of the catalogue from the shell.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the catalogue: words are ANDed; \"phrases\", OR, -exclusion and prefix* work."
    )

    @Argument(help: "The query (empty lists the most recently modified datasets).")
    var query: [String] = []

    @Flag(name: .long, help: "Print the same JSON as GET /api/v1/search.")
    var json = false

    @Option(name: .long, help: "How many results (1-100).")
    var limit = 10

    @Option(name: .long, help: "Preferred language for titles and descriptions (e.g. sv, en).")
    var lang: [String] = []

    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        guard (1...100).contains(limit) else { throw ValidationError("--limit must be between 1 and 100") }
    }

    func run() async throws {
        let logger = LogSetup.bootstrap(level: options.logLevel, format: options.logFormat, defaultLevel: .warning)
        // One search and exit: reading every facet term into memory, or keeping results, would only cost time.
        let store = try options.openStore(path: options.databasePath(), create: false, logger: logger,
                                          configuration: .init(inMemoryFacets: false, searchCacheEntries: 0))
        var search = SearchQuery()
        search.text = query.joined(separator: " ")
        search.limit = limit
        search.sort = search.text.isEmpty ? .modified : .relevance
        search.languages = lang.map { LocalizedText.normalizedTag($0) }
        search.facets = json
        let started = ContinuousClock.now
        let result: SearchResult
        do {
            result = try await store.search(search)
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
        if json {
            Terminal.outData(try HubDocuments.search(result, query: search, queryTime: ContinuousClock.now - started))
            return
        }
        Terminal.out("\(result.total) datasets")
        for hit in result.hits {
            let dataset = hit.dataset
            let title = dataset.title.best(search.languages) ?? "(untitled)"
            let publisher = dataset.publisher?.name.best(search.languages).map { " — \($0)" } ?? ""
            let formats = dataset.formatKeys.isEmpty ? "" : " [\(dataset.formatKeys.joined(separator: ", "))]"
            Terminal.out("\(hit.id)  \(title)\(publisher)\(formats)")
            if let snippet = hit.snippet?.marked(), !snippet.isEmpty {
                Terminal.out("    \(snippet.replacingOccurrences(of: "\n", with: " "))")
            }
            if !hit.otherRecords.isEmpty {
                Terminal.out("    also from: " + hit.otherRecords.map { "\($0.source) (\($0.id))" }.joined(separator: ", "))
            }
        }
    }
}
