import Foundation
import GRDB
import KatalogModel
import Testing
@testable import KatalogStore

/// One dataset carried by several sources is shown once (``SameDatasetKey``, ``SameDatasetElection``).
@Suite("The same dataset from several sources")
struct SameDatasetTests {
    @Test("The key treats http and https, host case, default ports and trailing slashes alike, and nothing else",
          arguments: [
              ("https://Data.Example.se/dataset/1", "http://data.example.se/dataset/1"),
              ("http://data.example.se/dataset/1/", "http://data.example.se/dataset/1"),
              ("https://data.example.se:443/dataset/1//", "http://data.example.se/dataset/1"),
              ("http://data.example.se:80/dataset/1", "http://data.example.se/dataset/1"),
              ("  https://data.example.se/dataset/1\n", "http://data.example.se/dataset/1"),
              ("https://data.example.se/", "http://data.example.se"),
              ("https://data.example.se/Dataset/1", "http://data.example.se/Dataset/1"),
              ("https://data.example.se:8443/d/1", "http://data.example.se:8443/d/1"),
              ("https://data.example.se/catalog#ds1", "http://data.example.se/catalog#ds1"),
              ("https://data.example.se/d/?id=7", "http://data.example.se/d?id=7"),
              ("URN:uuid:0f4c1c72-1111-4a0b-9e0e-6c1b0f3f9a11", "urn:uuid:0f4c1c72-1111-4a0b-9e0e-6c1b0f3f9a11"),
          ])
    func keys(iri: String, key: String) {
        #expect(SameDatasetKey.make(iri) == key)
    }

    @Test("Values that are not absolute IRIs have no key", arguments: ["", "   ", "dataset-17", "/dataset/1", "1:2",
                                                                       "https://", "https:///path", "urn:"])
    func noKeys(value: String) {
        #expect(SameDatasetKey.make(value) == nil)
    }

    @Test("An IRI longer than the limit has no key")
    func longIRI() {
        let long = "https://data.example.se/" + String(repeating: "a", count: SameDatasetKey.maxLength)
        #expect(SameDatasetKey.make(long) == nil)
        #expect(SameDatasetKey.make(nil) == nil)
    }

    private func record(_ identifier: String, iri: String?, title: String, publisher: String? = nil,
                        themes: [String] = []) -> SourceRecord {
        var record = makeRecord(identifier, title: title, publisher: publisher, themes: themes)
        record.dataset.iri = iri
        return record
    }

    private let shared = "https://data.norrvik.example/dataset/air"

    /// The publisher's source `a` and an aggregator `b` that republishes one of its datasets (IRI spelled its own way).
    private func twoSources(_ store: CatalogStore, aggregatorPriority: Int = 0) async throws {
        try await harvest(store, source: "a", [
            record("a1", iri: shared, title: "Air quality Norrvik", publisher: "Norrvik", themes: ["ENVI"]),
            record("a2", iri: "https://data.norrvik.example/dataset/water", title: "Water quality Norrvik", publisher: "Norrvik"),
        ])
        try await harvest(store, source: "b", [
            record("b1", iri: "http://DATA.norrvik.example/dataset/air/", title: "Air quality (republished)",
                   publisher: "Aggregator", themes: ["TRAN"]),
            record("b2", iri: "https://portal.example/dataset/own", title: "Air traffic noise", publisher: "Aggregator"),
        ], priority: aggregatorPriority)
    }

    @Test("Searches, totals and facets see a dataset two sources carry once; its hit names the other record")
    func shownOnce() async throws {
        let store = try CatalogStore.temporary()
        try await twoSources(store)
        let a1 = DatasetID.make(source: "a", sourceIdentifier: "a1")
        let b1 = DatasetID.make(source: "b", sourceIdentifier: "b1")
        let result = try await store.search(SearchQuery("air", limit: 10, facets: true))
        #expect(result.total == 2)
        #expect(result.hits.map(\.sourceIdentifier).sorted() == ["a1", "b2"])
        let hit = try #require(result.hits.first { $0.sourceIdentifier == "a1" })
        #expect(hit.otherRecords == [RecordReference(id: b1, source: "b", sourceIdentifier: "b1", isShown: false)])
        #expect(result.hits.first { $0.sourceIdentifier == "b2" }?.otherRecords == [])
        // The shown record counts for both sources; the folded one's own facet values are not counted.
        let sources = Dictionary(uniqueKeysWithValues: (result.facets["source"] ?? []).map { ($0.value, $0.count) })
        #expect(sources == ["a": 1, "b": 2])
        #expect(result.facets["theme"]?.contains { $0.value.hasSuffix("TRAN") } == false)
        // A source filter finds the dataset through the shown record.
        #expect(try await ids(store, SearchQuery("air", source: ["b"], limit: 10)).sorted() == ["a1", "b2"])
        // Without words: the whole catalogue, three datasets, in every listing.
        #expect(try await store.search(SearchQuery("", limit: 10, facets: true)).total == 3)
        #expect(try await store.search(SearchQuery("", sort: .id, limit: 10)).hits.count == 3)
        #expect(try await store.datasetCount() == 3)
        #expect(try await store.datasetCount(includeDeleted: true) == 4)
        #expect(try await store.datasetIDs(limit: 10).contains(b1) == false)
        #expect(try await store.datasetIDs(limit: 10).count == 3)
        #expect(try await store.datasets(limit: 10).map(\.id).contains(b1) == false)
        #expect(try await store.datasets(source: "b", limit: 10).map(\.sourceIdentifier) .sorted() == ["b1", "b2"])
        // Both records stay readable by id, and each names the other.
        let folded = try #require(try await store.dataset(id: b1))
        #expect(folded.shownAs == a1)
        #expect(folded.otherRecords.map(\.id) == [a1])
        let shown = try #require(try await store.dataset(id: a1))
        #expect(shown.shownAs == nil)
        #expect(shown.otherRecords.map(\.id) == [b1])
        // The change feed lists both, the folded one with the record shown for it.
        let feed = try await store.changes(sinceSeq: 0).changes
        #expect(feed.first { $0.id == b1 }?.shownAs == a1)
        #expect(feed.contains { $0.id == a1 && $0.shownAs == nil })
    }

    @Test("One source's listing walks the id index, not a sort of the whole source per page")
    func sourceListingPlan() async throws {
        let store = try CatalogStore.temporary()
        try await twoSources(store)
        let plan = try await store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + CatalogStore.sourceListingSQL, arguments: ["b", "", 10])
                .map { $0["detail"] as String? ?? "" }.joined(separator: " ")
        }
        #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
        #expect(plan.contains("(id>?)"), "\(plan)")
        // Paging through one source by `after` lists its records once each, in id order.
        var seen: [String] = []
        var after: String?
        while let page = Optional(try await store.datasets(after: after, source: "b", limit: 1)), let last = page.last {
            seen.append(last.id)
            after = last.id
        }
        #expect(seen == seen.sorted() && seen.count == 2)
    }

    @Test("In-memory facet counts agree with SQL's when records are folded")
    func facetIndexAgrees() async throws {
        let store = try CatalogStore.temporary()
        try await twoSources(store)
        let queries = [SearchQuery("air", limit: 10, facets: true), SearchQuery("quality", source: ["b"], limit: 10, facets: true), SearchQuery("", limit: 10, facets: true)]
        var bySQL: [SearchResult] = []
        for query in queries { bySQL.append(try await store.search(query)) }
        try await store.refreshFacetIndex()
        for (query, expected) in zip(queries, bySQL) {
            let inMemory = try await store.search(query)
            #expect(inMemory.total == expected.total)
            #expect(inMemory.facets == expected.facets)
            #expect(inMemory.hits.map(\.id) == expected.hits.map(\.id))
        }
    }

    @Test("When the shown record is deleted at its source, the other source's record is shown, and back")
    func deletionPromotes() async throws {
        let store = try CatalogStore.temporary()
        try await twoSources(store)
        try await store.refreshFacetIndex()
        let before = try await store.catalogueVersion()
        try await harvest(store, source: "a", [
            record("a2", iri: "https://data.norrvik.example/dataset/water", title: "Water quality Norrvik", publisher: "Norrvik"),
        ], policy: DeletionPolicy(maxDeleteFraction: 1))
        let result = try await store.search(SearchQuery("air quality", limit: 10, facets: true))
        #expect(result.hits.map(\.sourceIdentifier) == ["b1"])
        #expect(result.hits.first?.otherRecords == [])
        #expect(result.facets["source"]?.map(\.value) == ["b"])
        #expect(result.facets["theme"]?.contains { $0.value.hasSuffix("TRAN") } == true)
        #expect(try await store.dataset(id: DatasetID.make(source: "b", sourceIdentifier: "b1"))?.shownAs == nil)
        // The promotion is a change: the feed and the in-memory facets follow it.
        let changes = try await store.changes(sinceSeq: before).changes.map(\.id)
        #expect(changes.contains(DatasetID.make(source: "b", sourceIdentifier: "b1")))
        try await store.refreshFacetIndex()
        #expect(try await store.search(SearchQuery("air quality", limit: 10, facets: true)).facets == result.facets)
        // The publisher's record comes back, still first seen before the aggregator's: it is shown again.
        try await twoSources(store)
        let again = try await store.search(SearchQuery("air quality", limit: 10, facets: true))
        #expect(again.hits.map(\.sourceIdentifier) == ["a1"])
        #expect(again.hits.first?.otherRecords.map(\.sourceIdentifier) == ["b1"])
    }

    @Test("A source with a higher priority has its record shown, from the run that raises it")
    func priorityWins() async throws {
        let store = try CatalogStore.temporary()
        try await twoSources(store, aggregatorPriority: 5)
        #expect(try await ids(store, "air quality") == ["b1"])
        // Lowering it again takes effect when the next run begins.
        _ = try await store.beginRun(source: "b", kind: "ckan", url: "https://example.org/b", priority: 0)
        #expect(try await ids(store, "air quality") == ["a1"])
        let shown = try #require(try await store.search(SearchQuery("air quality", limit: 10, facets: true)).hits.first)
        #expect(shown.otherRecords.map(\.sourceIdentifier) == ["b1"])
    }

    @Test("A key one source uses for two records is not trusted: nothing with it is folded")
    func ambiguousKey() async throws {
        let store = try CatalogStore.temporary()
        try await harvest(store, source: "a", [
            record("a1", iri: shared, title: "Air one"), record("a2", iri: shared + "/", title: "Air two"),
        ])
        try await harvest(store, source: "b", [record("b1", iri: shared, title: "Air three")])
        #expect(try await store.search(SearchQuery("air", limit: 10, facets: true)).total == 3)
        // Once the source stops giving the two the same IRI, the dataset is folded.
        try await harvest(store, source: "a", [
            record("a1", iri: shared, title: "Air one"), record("a2", iri: nil, title: "Air two"),
        ])
        #expect(try await ids(store, "air") == ["a1", "a2"])
    }

    @Test("A record whose IRI changes leaves its dataset: both are shown, and the other source's terms are its own again")
    func keyChanges() async throws {
        let store = try CatalogStore.temporary()
        try await twoSources(store)
        try await harvest(store, source: "b", [
            record("b1", iri: "https://portal.example/dataset/air-copy", title: "Air quality (republished)",
                   publisher: "Aggregator", themes: ["TRAN"]),
            record("b2", iri: "https://portal.example/dataset/own", title: "Air traffic noise", publisher: "Aggregator"),
        ])
        let result = try await store.search(SearchQuery("air", limit: 10, facets: true))
        #expect(result.hits.map(\.sourceIdentifier).sorted() == ["a1", "b1", "b2"])
        #expect(result.hits.allSatisfy { $0.otherRecords.isEmpty })
        let sources = Dictionary(uniqueKeysWithValues: (result.facets["source"] ?? []).map { ($0.value, $0.count) })
        #expect(sources == ["a": 1, "b": 2])
        // A folded record that loses its IRI altogether is shown too.
        try await twoSources(store)
        #expect(try await ids(store, "air quality") == ["a1"])
        try await harvest(store, source: "b", [
            record("b1", iri: nil, title: "Air quality (republished)", publisher: "Aggregator"),
        ], policy: DeletionPolicy(maxDeleteFraction: 1))
        #expect(try await ids(store, "air quality") == ["a1", "b1"])
    }

    @Test("A catalogue from before v9 is keyed and folded when it is opened")
    func migration() async throws {
        let old = try await OldCatalogue { queue in
            try CatalogStore.migrator.migrate(queue, upTo: "v8-read-indexes")
            try await queue.write { db in
                try db.execute(sql: """
                    INSERT INTO sources (name, kind, url, first_seen) VALUES ('a', 'dcat', 'u', '2026-01-01'), ('b', 'ckan', 'u', '2026-01-02');
                    UPDATE store_state SET change_seq = 3;
                    """)
                for (pk, source, identifier, iri, seen) in [(1, "a", "a1", shared, "2026-01-01"), (2, "b", "b1", shared + "/", "2026-01-02"),
                                                            (3, "b", "b2", "not an iri", "2026-01-02")] {
                    let dataset = Dataset(sourceIdentifier: identifier, iri: iri, title: LocalizedText("Air", language: "en"))
                    let json = String(decoding: CatalogStore.encode(dataset), as: UTF8.self)
                    try db.execute(sql: """
                        INSERT INTO datasets (pk, id, source, source_identifier, content_hash, record_json, raw, raw_format, title_sort,
                            modified_sort, has_download, first_seen, updated_at, change_seq, change_kind)
                        VALUES (?, ?, ?, ?, 'h', ?, x'00', 'text/plain', 'air', '', 0, ?, ?, ?, 'added')
                        """, arguments: [pk, DatasetID.make(source: source, sourceIdentifier: identifier), source, identifier,
                                         json, seen, seen, pk])
                    try db.execute(sql: "INSERT INTO datasets_fts (rowid, title, keywords, description, publisher) VALUES (?, 'air', '', '', '')",
                                   arguments: [pk])
                    try db.execute(sql: "INSERT INTO dataset_terms (dataset_pk, facet, value) VALUES (?, 'source', ?)",
                                   arguments: [pk, source])
                }
            }
        }
        defer { old.remove() }
        let path = old.path
        let store = try CatalogStore(path: path)
        let result = try await store.search(SearchQuery("air", limit: 10, facets: true))
        #expect(result.hits.map(\.sourceIdentifier) == ["a1", "b2"])
        #expect(result.hits.first?.otherRecords.map(\.sourceIdentifier) == ["b1"])
        #expect(result.facets["source"]?.map(\.value) == ["b", "a"])
        #expect(try await store.catalogueVersion() > 3)
        #expect(try await store.integrityCheck())
    }
}

/// Random harvests of three sources over a few shared IRIs, checking after each round that the stored state is what
/// the rules say, whatever the order of additions, changes, deletions, revivals and priority changes.
@Suite("The same dataset: invariants under random harvests")
struct SameDatasetInvariantTests {
    /// A small deterministic generator (SplitMix64).
    private struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    }

    private static let iris = [
        "https://data.example.se/d/1", "http://DATA.example.se/d/1/", "https://data.example.se/d/2",
        "https://data.example.se/d/2/", "https://data.example.se/d/3", "urn:uuid:7", "https://other.example/x#a",
    ]

    @Test(arguments: [1, 2, 3])
    func invariantsHold(seed: UInt64) async throws {
        var random = Generator(state: seed)
        let store = try CatalogStore.temporary()
        var foldedCounts: [Int] = []
        for _ in 0..<30 {
            let source = ["a", "b", "c"][random.below(3)]
            var records: [SourceRecord] = []
            for index in 0..<6 where random.chance(70) {
                var record = makeRecord("\(source)\(index)", title: "water \(["lake", "river", "sea"][random.below(3)])",
                                        publisher: ["North", "South"][random.below(2)])
                record.dataset.iri = random.chance(80) ? Self.iris[random.below(Self.iris.count)] : nil
                records.append(record)
            }
            try await harvest(store, source: source, records, policy: DeletionPolicy(maxDeleteFraction: 1),
                              priority: random.below(3) - 1)
            foldedCounts.append(try await check(store))
        }
        // The rounds folded records, and unfolded some again, so the rules were exercised.
        #expect(foldedCounts.contains { $0 > 0 })
        #expect(zip(foldedCounts, foldedCounts.dropFirst()).contains { $0 > $1 })
    }

    /// Checks the rules; returns how many live records are folded.
    private func check(_ store: CatalogStore) async throws -> Int {
        struct Live {
            var pk: Int64, source: String, shownAs: Int64?, key: String?, iri: String?, firstSeen: String, priority: Int
            var hasText: Bool, sourceTerms: [String], termCount: Int
        }
        let live = try await store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.pk, d.source, d.shown_as, k.key, json_extract(d.record_json, '$.iri') AS iri, d.first_seen, s.priority,
                    EXISTS (SELECT 1 FROM datasets_fts f WHERE f.rowid = d.pk) AS has_text,
                    (SELECT group_concat(value, ' ') FROM (SELECT value FROM dataset_terms t
                        WHERE t.dataset_pk = d.pk AND t.facet = 'source' ORDER BY value)) AS source_terms,
                    (SELECT COUNT(*) FROM dataset_terms t WHERE t.dataset_pk = d.pk) AS term_count
                FROM datasets d JOIN sources s ON s.name = d.source LEFT JOIN dataset_iri_keys k ON k.pk = d.pk
                WHERE d.deleted_at IS NULL ORDER BY d.pk
                """).map { row in
                Live(pk: row["pk"], source: row["source"], shownAs: row["shown_as"], key: row["key"], iri: row["iri"],
                     firstSeen: row["first_seen"], priority: row["priority"], hasText: row["has_text"],
                     sourceTerms: (row["source_terms"] as String?)?.split(separator: " ").map(String.init) ?? [],
                     termCount: row["term_count"])
            }
        }
        let orphans = try await store.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM datasets d WHERE d.deleted_at IS NOT NULL
                  AND (d.shown_as IS NOT NULL OR EXISTS (SELECT 1 FROM dataset_iri_keys k WHERE k.pk = d.pk)
                       OR EXISTS (SELECT 1 FROM datasets_fts f WHERE f.rowid = d.pk))
                """) ?? -1
        }
        #expect(orphans == 0, "tombstones with a key, a shown_as or search rows")
        for record in live {
            #expect(record.key == SameDatasetKey.make(record.iri), "pk \(record.pk): key")
            #expect(record.hasText == (record.shownAs == nil), "pk \(record.pk): search rows follow shown_as")
            #expect((record.termCount > 0) == (record.shownAs == nil), "pk \(record.pk): terms follow shown_as")
        }
        var groups: [String: [Live]] = [:]
        for record in live { groups[record.key ?? "pk:\(record.pk)", default: []].append(record) }
        for (key, members) in groups {
            let sources = Set(members.map(\.source))
            guard members.count > 1, sources.count == members.count else {
                for member in members {
                    #expect(member.shownAs == nil, "\(key): not folded")
                    #expect(member.sourceTerms == [member.source], "\(key): own source")
                }
                continue
            }
            let winner = members.min { left, right in
                if left.priority != right.priority { return left.priority > right.priority }
                if left.firstSeen != right.firstSeen { return left.firstSeen < right.firstSeen }
                return left.pk < right.pk
            }!
            for member in members {
                if member.pk == winner.pk {
                    #expect(member.shownAs == nil, "\(key): the winner is shown")
                    #expect(member.sourceTerms == sources.sorted(), "\(key): the winner names every source")
                } else {
                    #expect(member.shownAs == winner.pk, "\(key): folded into the winner")
                }
            }
        }
        // Searches count each group once, with the in-memory facet copy as with SQL.
        let shown = live.filter { $0.shownAs == nil }.count
        let bySQL = try await store.search(SearchQuery("water", limit: 100, facets: true))
        #expect(bySQL.total == shown)
        try await store.refreshFacetIndex()
        let inMemory = try await store.search(SearchQuery("water", limit: 100, facets: true))
        #expect(inMemory.total == shown)
        #expect(inMemory.facets == bySQL.facets)
        #expect(try await store.datasetCount() == shown)
        return live.count - shown
    }
}
