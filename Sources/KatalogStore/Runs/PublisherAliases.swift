import Foundation
import GRDB
import KatalogModel

/// Publishers known only by a name (or a source-local identifier) that are the same organisation as a publisher with
/// an IRI, so that the publisher facet, the publisher filter and the CKAN organizations list each organisation once.
///
/// Geodata records (ISO 19139) and many CKAN portals name their publishers without an IRI, while the national DCAT-AP
/// catalogues give the same organisations IRIs. Without aliases, "Länsstyrelsen i Norrvikens län" appears in the facet
/// twice, and filtering by either entry finds only part of its datasets.
///
/// **The rule.** A publisher without an IRI is an alias of a publisher with one when every name it has matches that
/// publisher's name, and exactly one publisher with an IRI matches:
/// - a name in a language matches the other's name in the same language, or its untagged name;
/// - an untagged name matches the other's name in any language;
/// - names are compared lower-cased, with runs of white space as one space.
///
/// A name shared by two publishers with IRIs ("Miljöförvaltningen", the office of many cities) aliases nothing.
///
/// **Where it applies.** Records are stored as harvested: an aliased publisher keeps its own key in the record. The
/// shown records' `publisher` terms (`dataset_terms`), which facets and filters read, hold the canonical key; searches
/// map a filter on an aliased key to the canonical one, and hits and stored datasets give the canonical key as
/// ``SearchHit/publisherKey``. ``reconcile(_:)`` recomputes the aliases after every applied run and
/// rewrites the terms of the datasets whose canonical key moved, so the order in which sources are harvested does not
/// matter.
enum PublisherAliases {
    /// A publisher as the `publishers` table holds it.
    struct Publisher {
        var key: String
        var iri: String?
        var name: LocalizedText
        /// Whether shown records of the live catalogue name this publisher themselves. A publisher with an IRI whose
        /// datasets are all gone (an organisation whose IRI was minted anew, say) is no target: its row, which the
        /// `publishers` table keeps, would otherwise make its name ambiguous for good.
        var hasDatasets = true
    }

    /// The aliases `publishers` imply: each aliased key and the key of the publisher with an IRI it stands for.
    static func compute(_ publishers: [Publisher]) -> [String: String] {
        // Per folded name: the IRI publishers having it in each language ("" = untagged), and in any language.
        var byLanguage: [String: [String: Set<String>]] = [:]
        var anyLanguage: [String: Set<String>] = [:]
        for publisher in publishers where publisher.hasDatasets {
            guard let iri = publisher.iri, !iri.isEmpty else { continue }
            for (language, value) in publisher.name.values {
                let folded = fold(value)
                guard !folded.isEmpty else { continue }
                byLanguage[folded, default: [:]][language, default: []].insert(publisher.key)
                anyLanguage[folded, default: []].insert(publisher.key)
            }
        }
        var aliases: [String: String] = [:]
        for publisher in publishers where publisher.iri?.isEmpty ?? true {
            var candidates: Set<String>?
            for (language, value) in publisher.name.values {
                let folded = fold(value)
                guard !folded.isEmpty else { continue }
                let matching: Set<String>
                if language.isEmpty {
                    matching = anyLanguage[folded] ?? []
                } else {
                    let named = byLanguage[folded] ?? [:]
                    matching = (named[language] ?? []).union(named[""] ?? [])
                }
                candidates = candidates.map { $0.intersection(matching) } ?? matching
                if candidates?.isEmpty == true { break }
            }
            if let candidates, candidates.count == 1, let target = candidates.first, target != publisher.key {
                aliases[publisher.key] = target
            }
        }
        return aliases
    }

    /// A name as compared: lower-cased, trimmed, white space collapsed.
    static func fold(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The canonical keys of those `keys` that are aliases.
    static func targets(_ db: Database, keys: some Collection<String>) throws -> [String: String] {
        let unique = Array(Set(keys.filter { !$0.isEmpty }))
        var targets: [String: String] = [:]
        try db.forEachRow("SELECT key, target FROM publisher_aliases WHERE key IN", in: unique) { row in
            targets[row[0]] = row[1]
        }
        return targets
    }

    /// The key the `publisher` term of a dataset whose publisher has `key` holds.
    static func canonical(_ db: Database, _ key: String) throws -> String {
        // Migrations older than v12 write terms (v9 elects shared datasets) before the table exists; v12 then reconciles.
        guard let statement = try? db.cachedStatement(sql: "SELECT target FROM publisher_aliases WHERE key = ?") else { return key }
        return try String.fetchOne(statement, arguments: [key]) ?? key
    }

    /// Recomputes the aliases from the `publishers` table and moves the `publisher` terms of the datasets whose
    /// canonical key changed. When an alias changed, it also advances the catalogue's change sequence (so kept search
    /// results and HTTP validators expire) and its terms epoch (so in-memory facet terms are read again in full, as
    /// the moved terms belong to datasets that did not change). Returns whether any alias changed.
    ///
    /// It reads every publisher (a few thousand rows in a national catalogue), so it costs milliseconds a run.
    @discardableResult
    static func reconcile(_ db: Database) throws -> Bool {
        var publishers: [Publisher] = []
        // For a publisher with an IRI, whether a shown record names it itself (not only through an alias): the first
        // of its terms usually tells.
        for row in try Row.fetchAll(db, sql: """
            SELECT p.key, p.iri, p.name_json,
                p.iri IS NOT NULL AND EXISTS (
                    SELECT 1 FROM dataset_terms t JOIN datasets d ON d.pk = t.dataset_pk
                    WHERE t.facet = 'publisher' AND t.value = p.key AND d.publisher_key = p.key)
            FROM publishers p
            """) {
            let json: String = row[2]
            let name = (try? StoredRecordReader.localizedText(Data(json.utf8))) ?? LocalizedText()
            publishers.append(Publisher(key: row[0], iri: row[1], name: name, hasDatasets: row[3]))
        }
        let wanted = compute(publishers)
        var stored: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, target FROM publisher_aliases") { stored[row[0]] = row[1] }
        guard wanted != stored else { return false }
        let moved = Set(wanted.keys).union(stored.keys).filter { wanted[$0] != stored[$0] }
        for key in moved.sorted() {
            let from = stored[key] ?? key
            let to = wanted[key] ?? key
            // The shown datasets of this publisher hold `from` in their term; the canonical publisher's own datasets
            // (and other aliases of it) hold it too, so the record's own key tells them apart.
            try db.execute(sql: """
                UPDATE dataset_terms SET value = ?
                WHERE facet = 'publisher' AND value = ? AND dataset_pk IN (
                    SELECT d.pk FROM datasets d
                    WHERE d.pk IN (SELECT dataset_pk FROM dataset_terms WHERE facet = 'publisher' AND value = ?)
                      AND d.publisher_key = ?)
                """, arguments: [to, from, from, key])
        }
        try db.execute(sql: "DELETE FROM publisher_aliases")
        let insert = try db.cachedStatement(sql: "INSERT INTO publisher_aliases (key, target) VALUES (?, ?)")
        for (key, target) in wanted { try insert.execute(arguments: [key, target]) }
        try db.execute(sql: "UPDATE store_state SET change_seq = change_seq + 1, terms_epoch = terms_epoch + 1 WHERE id = 1")
        return true
    }
}
