import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

/// A publisher known only by name is counted, filtered and listed as the one publisher with an IRI and the same name
/// (``PublisherAliases``), whatever order the sources are harvested in, in memory and in SQL.
struct PublisherAliasTests {
    typealias Publisher = PublisherAliases.Publisher

    static let lst = "https://data.example.se/org/lst"
    static let lstNames = ["sv": "Länsstyrelsen i Norrvikens län", "en": "County Administrative Board of Norrviken"]

    /// A record whose publisher is `agent`.
    static func record(_ id: String, _ agent: Agent) -> SourceRecord {
        var record = makeRecord(id, title: "Sjöar och vattendrag \(id)", keywords: ["vatten"])
        record.dataset.publisher = agent
        return record
    }

    /// Geodata records: the board by name alone (with a translation), as ISO 19139 parties name it.
    static func geodata(_ count: Int, names: [String: String] = lstNames) -> [SourceRecord] {
        (0..<count).map { record("geo-\($0)", Agent(name: LocalizedText(names))) }
    }

    /// DCAT records: the board with its IRI.
    static func dcat(_ count: Int, iri: String = lst, names: [String: String] = lstNames) -> [SourceRecord] {
        (0..<count).map { record("dcat-\($0)", Agent(iri: iri, name: LocalizedText(names))) }
    }

    static func publisherFacet(_ store: CatalogStore, _ query: SearchQuery = SearchQuery("")) async throws -> [String: Int] {
        var query = query
        query.facets = true
        let facets = try await store.search(query).facets["publisher"] ?? []
        return Dictionary(uniqueKeysWithValues: facets.map { ($0.value, $0.count) })
    }

    // MARK: the rule

    @Test("A name-only publisher stands for the one IRI publisher whose names match, in each language or untagged")
    func theRule() {
        let board = Publisher(key: Self.lst, iri: Self.lst, name: LocalizedText(Self.lstNames))
        let untaggedIRI = Publisher(key: "https://x.example/org/7", iri: "https://x.example/org/7", name: LocalizedText("Fjällmuseet"))
        let publishers = [
            board, untaggedIRI,
            Publisher(key: "county administrative board of norrviken", name: LocalizedText(Self.lstNames)),
            Publisher(key: "sv-only", name: LocalizedText("LÄNSSTYRELSEN  i Norrvikens län ", language: "sv")),
            Publisher(key: "untagged", name: LocalizedText("County Administrative Board of Norrviken")),
            Publisher(key: "tagged-against-untagged", name: LocalizedText("Fjällmuseet", language: "sv")),
            Publisher(key: "one-name-differs", name: LocalizedText(["sv": "Länsstyrelsen i Norrvikens län", "en": "Norrviken Board"])),
            Publisher(key: "other-language", name: LocalizedText("Länsstyrelsen i Norrvikens län", language: "nb")),
            Publisher(key: "nameless", name: LocalizedText()),
            Publisher(key: "unrelated", name: LocalizedText("Vägverket Region Norr", language: "sv")),
        ]
        let aliases = PublisherAliases.compute(publishers)
        #expect(aliases == [
            "county administrative board of norrviken": Self.lst, "sv-only": Self.lst, "untagged": Self.lst,
            "tagged-against-untagged": "https://x.example/org/7",
        ])
    }

    @Test("A name two IRI publishers share aliases nothing")
    func ambiguousNames() {
        let publishers = [
            Publisher(key: "https://a.example/org/1", iri: "https://a.example/org/1", name: LocalizedText("Miljöförvaltningen", language: "sv")),
            Publisher(key: "https://b.example/org/2", iri: "https://b.example/org/2", name: LocalizedText("Miljöförvaltningen", language: "sv")),
            Publisher(key: "miljöförvaltningen", name: LocalizedText("Miljöförvaltningen", language: "sv")),
        ]
        #expect(PublisherAliases.compute(publishers).isEmpty)
        // With a second name, the two are told apart.
        var told = publishers
        told[1].name.set("Malmö stad, miljöförvaltningen", language: "en")
        told[2].name.set("Malmö stad, miljöförvaltningen", language: "en")
        #expect(PublisherAliases.compute(told) == ["miljöförvaltningen": "https://b.example/org/2"])
    }

    // MARK: the catalogue

    @Test("Harvested in either order, the facet counts the board once, and both keys filter to all its datasets",
          arguments: [false, true])
    func eitherOrder(geodataFirst: Bool) async throws {
        for inMemory in [false, true] {
            let store = try CatalogStore.temporary(configuration: .init(inMemoryFacets: inMemory))
            if geodataFirst {
                try await harvest(store, source: "geo", Self.geodata(3))
                // Before the IRI publisher is known, the name is its own publisher.
                #expect(try await Self.publisherFacet(store) == ["county administrative board of norrviken": 3])
                try await harvest(store, source: "dcat", Self.dcat(2))
            } else {
                try await harvest(store, source: "dcat", Self.dcat(2))
                try await harvest(store, source: "geo", Self.geodata(3))
            }
            if inMemory { try await store.refreshFacetIndex() }
            #expect(try await Self.publisherFacet(store) == [Self.lst: 5], "in memory: \(inMemory)")
            #expect(try await store.search(SearchQuery("", publisher: [Self.lst])).total == 5)
            // A link made before the merge still finds them all.
            #expect(try await store.search(SearchQuery("", publisher: ["county administrative board of norrviken"])).total == 5)
            #expect(try await store.search(SearchQuery("vatten", publisher: ["county administrative board of norrviken", Self.lst])).total == 5)
            let hits = try await store.search(SearchQuery("", limit: 10)).hits
            #expect(hits.count == 5 && hits.allSatisfy { $0.publisherKey == Self.lst })
            // The records stay as harvested.
            #expect(hits.filter { $0.dataset.publisher?.iri == nil }.count == 3)
            let stored = try #require(try await store.dataset(source: "geo", sourceIdentifier: "geo-0"))
            #expect(stored.publisherKey == Self.lst && stored.dataset.publisher?.iri == nil)
            let publishers = try await store.publishers()
            #expect(publishers.map(\.key) == [Self.lst] && publishers.first?.datasetCount == 5)
            let labelled = try await store.search(SearchQuery("", facets: true, languages: ["sv"])).facets["publisher"]
            #expect(labelled?.first?.label == "Länsstyrelsen i Norrvikens län")
        }
    }

    @Test("A second IRI publisher of the same name undoes the alias; removing it restores it")
    func aliasesFollowThePublishers() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, source: "geo", Self.geodata(3, names: ["sv": "Länsstyrelsen i Norrvikens län"]))
        try await harvest(store, source: "dcat", Self.dcat(2))
        try await store.refreshFacetIndex()
        #expect(try await Self.publisherFacet(store) == [Self.lst: 5])
        let versionBefore = try await store.catalogueVersion()

        // Another catalogue names a second publisher the same in Swedish: the name no longer says which one it is.
        let twin = "https://other.example/org/lst"
        try await harvest(store, source: "other", [Self.record("twin-0", Agent(iri: twin, name: LocalizedText("Länsstyrelsen i Norrvikens län", language: "sv")))])
        #expect(try await store.catalogueVersion() > versionBefore)
        #expect(try await Self.publisherFacet(store) == [Self.lst: 2, twin: 1, "länsstyrelsen i norrvikens län": 3])
        // The in-memory copy, read again in full because terms of unchanged datasets moved, agrees.
        try await store.refreshFacetIndex()
        #expect(try await Self.publisherFacet(store) == [Self.lst: 2, twin: 1, "länsstyrelsen i norrvikens län": 3])
        #expect(try await store.search(SearchQuery("", publisher: ["länsstyrelsen i norrvikens län"])).total == 3)
        #expect(try await store.search(SearchQuery("", publisher: [Self.lst])).total == 2)
        let stored = try #require(try await store.dataset(source: "geo", sourceIdentifier: "geo-1"))
        #expect(stored.publisherKey == "länsstyrelsen i norrvikens län")

        // The twin's only dataset goes: a publisher no shown record names makes no name ambiguous.
        try await harvest(store, source: "other", [], policy: DeletionPolicy(acceptDeletions: true))
        #expect(try await Self.publisherFacet(store) == [Self.lst: 5])
        let twinBack = [Self.record("twin-0", Agent(iri: twin, name: LocalizedText("Länsstyrelsen i Norrvikens län", language: "sv")))]
        try await harvest(store, source: "other", twinBack)
        #expect(try await Self.publisherFacet(store) == [Self.lst: 2, twin: 1, "länsstyrelsen i norrvikens län": 3])

        // The twin turns out to have another name (its source corrected it): the alias is back.
        try await harvest(store, source: "other", [Self.record("twin-0", Agent(iri: twin, name: LocalizedText("Länsstyrelsen i Söderviken", language: "sv")))])
        #expect(try await Self.publisherFacet(store) == [Self.lst: 5, twin: 1])
        try await store.refreshFacetIndex()
        #expect(try await Self.publisherFacet(store) == [Self.lst: 5, twin: 1])
        #expect(try await store.integrityCheck())
    }

    @Test("A publisher with an IRI named only through its aliases is no target")
    func aTargetNeedsItsOwnDatasets() {
        let board = Publisher(key: Self.lst, iri: Self.lst, name: LocalizedText(Self.lstNames), hasDatasets: false)
        let byName = Publisher(key: "county administrative board of norrviken", name: LocalizedText(Self.lstNames))
        #expect(PublisherAliases.compute([board, byName]).isEmpty)
    }

    @Test("A record whose publisher changes moves between the keys")
    func aRecordChangingPublisher() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, source: "dcat", Self.dcat(1))
        try await harvest(store, source: "geo", Self.geodata(2))
        #expect(try await Self.publisherFacet(store) == [Self.lst: 3])
        var moved = Self.geodata(2)
        moved[1].dataset.publisher = Agent(name: LocalizedText("Vägverket Region Norr", language: "sv"))
        try await harvest(store, source: "geo", moved)
        #expect(try await Self.publisherFacet(store) == [Self.lst: 2, "vägverket region norr": 1])
        try await harvest(store, source: "geo", Self.geodata(2))
        #expect(try await Self.publisherFacet(store) == [Self.lst: 3])
    }

    @Test("Migrating a catalogue written before aliases merges its publishers")
    func migration() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-alias-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("katalog.sqlite").path
        do {
            let store = try CatalogStore(path: path)
            try await harvest(store, source: "dcat", Self.dcat(2))
            try await harvest(store, source: "geo", Self.geodata(3))
            // Back to the state a catalogue of the previous version is in: terms under each record's own key, no
            // alias table, no epoch, and the migration not applied.
            try await store.pool.write { db in
                try db.execute(sql: """
                    UPDATE dataset_terms SET value = (SELECT publisher_key FROM datasets WHERE pk = dataset_pk) WHERE facet = 'publisher';
                    DROP TABLE publisher_aliases;
                    ALTER TABLE store_state DROP COLUMN terms_epoch;
                    DELETE FROM grdb_migrations WHERE identifier = 'v12-publisher-aliases';
                    """)
            }
            let terms = try await store.pool.read { db in
                try String.fetchSet(db, sql: "SELECT value FROM dataset_terms WHERE facet = 'publisher'")
            }
            #expect(terms == [Self.lst, "county administrative board of norrviken"])
        }
        let store = try CatalogStore(path: path)
        #expect(try await Self.publisherFacet(store) == [Self.lst: 5])
        #expect(try await store.integrityCheck())
    }
}
