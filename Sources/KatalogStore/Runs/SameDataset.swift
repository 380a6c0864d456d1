import Foundation
import GRDB
import KatalogModel

/// The key under which records from different sources are one dataset: the dataset's IRI, normalised.
///
/// Two records are the same dataset when their keys are equal. Aggregators republish a dataset under its original IRI
/// (DCAT-AP harvesters keep the subject; ckanext-dcat keeps it as the `uri` extra; data.json as `identifier`), but
/// spell it in small ways of their own, so for `http` and `https` IRIs the key:
/// - treats `http` and `https` alike,
/// - lower-cases the host and drops a default port (`:80`, `:443`),
/// - drops trailing `/` from the path.
/// Query and fragment are kept as they are (hash IRIs such as `…/catalog#ds1` name different datasets). Any other
/// scheme (`urn:`, `tag:`, …) is only lower-cased in its scheme. A value that is not an absolute IRI, or is longer than
/// ``maxLength`` bytes, has no key: such records are never taken for another.
public enum SameDatasetKey {
    /// The longest IRI (in UTF-8 bytes) given a key.
    public static let maxLength = 2_048

    /// The key of a dataset IRI, or nil when it has none.
    public static func make(_ iri: String?) -> String? {
        guard let iri else { return nil }
        let trimmed = iri.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.utf8.count <= maxLength, let colon = trimmed.firstIndex(of: ":") else { return nil }
        let scheme = trimmed[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCIILetter,
              scheme.unicodeScalars.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || "+-.".unicodeScalars.contains($0) })
        else { return nil }
        let lowerScheme = scheme.lowercased()
        let rest = trimmed[trimmed.index(after: colon)...]
        guard lowerScheme == "http" || lowerScheme == "https", rest.hasPrefix("//") else {
            return rest.isEmpty ? nil : lowerScheme + ":" + rest
        }
        let afterSlashes = rest.dropFirst(2)
        let authorityEnd = afterSlashes.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterSlashes.endIndex
        var authority = afterSlashes[..<authorityEnd].lowercased()
        guard !authority.isEmpty else { return nil }
        for port in [":80", ":443"] where authority.hasSuffix(port) {
            authority.removeLast(port.count)
        }
        let remainder = afterSlashes[authorityEnd...]
        let pathEnd = remainder.firstIndex { $0 == "?" || $0 == "#" } ?? remainder.endIndex
        var path = remainder[..<pathEnd]
        while path.hasSuffix("/") { path = path.dropLast() }
        return "http://" + authority + path + remainder[pathEnd...]
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// Another record of the same dataset (see ``SameDatasetKey``).
public struct RecordReference: Hashable, Sendable, Codable {
    /// Katalog's id of the record.
    public var id: String
    /// The source it came from.
    public var source: String
    /// The source's own identifier.
    public var sourceIdentifier: String
    /// True for the record that searches show for the dataset.
    public var isShown: Bool

    /// Creates a reference.
    public init(id: String, source: String, sourceIdentifier: String, isShown: Bool) {
        self.id = id
        self.source = source
        self.sourceIdentifier = sourceIdentifier
        self.isShown = isShown
    }
}

/// Which record of a dataset searches show, when several sources carry it.
///
/// A live record is *shown* (`datasets.shown_as IS NULL`) or *folded* into the shown record of its dataset
/// (`shown_as` = that record's pk). Only shown records have full-text and facet-term rows, so searches, facet counts
/// and totals see each dataset once; a folded record keeps its row, its distributions and its place in the change
/// feed, and is read by id as before. The shown record's `source` terms name every source that carries the dataset,
/// so a source filter still finds it.
///
/// The records with one key (``SameDatasetKey``; `dataset_iri_keys` holds the keys of live records) form a group.
/// The shown record of a group is the one whose source has the highest `priority` (sources.yaml), then the one
/// seen first, then the lowest pk. A group in which one source has two records is not folded at all: that source
/// says they are different datasets, so the key is not trusted. Electing changes nothing that is already right, and
/// every record whose state changes takes a new change sequence, so the in-memory facet copy and the caches follow.
struct SameDatasetElection {
    let db: Database
    /// The time a promoted record's publisher row is written with, as rows store it.
    let nowText: String
    /// The last change sequence used: a record whose shown state or source terms change takes the next one.
    private(set) var sequence: Int64
    private var priorities: [String: Int] = [:]

    /// An election numbering its changes after `sequence`.
    init(db: Database, now: Date, sequence: Int64) {
        self.db = db
        nowText = LiveWriter.text(now)
        self.sequence = sequence
    }

    /// Elects the groups of `keys`, numbering the changes after `sequence`; returns the last number used.
    static func elect(_ db: Database, keys: some Sequence<String>, now: Date, after sequence: Int64) throws -> Int64 {
        var election = SameDatasetElection(db: db, now: now, sequence: sequence)
        for key in keys {
            try election.elect(key)
        }
        return election.sequence
    }

    /// Elects the groups of `keys` outside a run (a changed priority, a migration), numbering the changes after the
    /// catalogue's change sequence and saving the new one.
    static func elect(_ db: Database, keys: [String], now: Date) throws {
        guard !keys.isEmpty else { return }
        let current = try Int64.fetchOne(db, sql: "SELECT change_seq FROM store_state WHERE id = 1") ?? 0
        let last = try elect(db, keys: keys, now: now, after: current)
        try db.execute(sql: "UPDATE store_state SET change_seq = ? WHERE id = 1", arguments: [last])
    }

    /// A live record with key `key` other than `pk`, preferring a shown one: the pk a new member is folded into
    /// until the election; nil when the key has no other live record.
    static func otherMember(_ db: Database, key: String, excluding pk: Int64?) throws -> Int64? {
        let statement = RawStatement(try db.cachedStatement(sql: """
            SELECT k.pk, d.shown_as FROM dataset_iri_keys k JOIN datasets d ON d.pk = k.pk WHERE k.key = ? AND k.pk <> ?
            """))
        statement.reset()
        try statement.bind(1, key)
        try statement.bind(2, pk ?? -1)
        defer { statement.reset() }
        var folded: Int64?
        while try statement.next() {
            guard let shownAs = statement.optionalInteger(1) else { return Int64(statement.integer(0)) }
            folded = folded ?? shownAs
        }
        return folded
    }

    /// Records `key` as the key of live record `pk` (nil: it has none).
    static func setKey(_ db: Database, pk: Int64, key: String?) throws {
        if let key {
            let statement = RawStatement(try db.cachedStatement(
                sql: "INSERT INTO dataset_iri_keys (pk, key) VALUES (?, ?) ON CONFLICT (pk) DO UPDATE SET key = excluded.key"))
            statement.reset()
            try statement.bind(1, pk)
            try statement.bind(2, key)
            try statement.run()
        } else {
            try db.cachedStatement(sql: "DELETE FROM dataset_iri_keys WHERE pk = ?").execute(arguments: [pk])
        }
    }

    private struct Member {
        var pk: Int64
        var source: String
        var shownAs: Int64?
        var firstSeen: String
    }

    /// Brings the group of `key` to its right state.
    mutating func elect(_ key: String) throws {
        let members = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT d.pk, d.source, d.shown_as, d.first_seen FROM dataset_iri_keys k JOIN datasets d ON d.pk = k.pk
            WHERE k.key = ? ORDER BY d.pk
            """), arguments: [key]).map { Member(pk: $0[0], source: $0[1], shownAs: $0[2], firstSeen: $0[3]) }
        let sources = Set(members.map(\.source))
        var winner: Member?
        if members.count > 1, sources.count == members.count {
            for member in members {
                let priority = try priority(of: member.source)
                guard let best = winner else { winner = member; continue }
                let bestPriority = try self.priority(of: best.source)
                if priority > bestPriority || (priority == bestPriority && member.firstSeen < best.firstSeen) {
                    winner = member
                }
            }
        }
        for member in members {
            let shownAs = winner.flatMap { $0.pk == member.pk ? nil : $0.pk }
            var changed = false
            if let shownAs {
                if member.shownAs == nil {
                    try LiveWriter.removeSearchRows(db, pk: member.pk)
                    changed = true
                } else {
                    changed = member.shownAs != shownAs
                }
            } else {
                let sourceTerms = winner?.pk == member.pk ? sources.sorted() : [member.source]
                if member.shownAs != nil {
                    try promote(member.pk, sourceTerms: sourceTerms)
                    changed = true
                } else {
                    changed = try LiveWriter.replaceSourceTerms(db, pk: member.pk, sources: sourceTerms)
                }
            }
            if changed {
                sequence += 1
                try db.cachedStatement(sql: "UPDATE datasets SET shown_as = ?, change_seq = ? WHERE pk = ?")
                    .execute(arguments: [shownAs, sequence, member.pk])
            }
        }
    }

    /// Writes the search rows of a folded record that becomes shown, from its stored JSON.
    private func promote(_ pk: Int64, sourceTerms: [String]) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, record_json FROM datasets WHERE pk = ?", arguments: [pk]) else { return }
        let dataset = try CatalogStore.decodeDataset(row["record_json"], id: row["id"])
        try LiveWriter.writeSearchRows(db, pk: pk, sources: sourceTerms, row: LiveRow(dataset), nowText: nowText)
    }

    private mutating func priority(of source: String) throws -> Int {
        if let known = priorities[source] { return known }
        let priority = try Int.fetchOne(db, sql: "SELECT priority FROM sources WHERE name = ?", arguments: [source]) ?? 0
        priorities[source] = priority
        return priority
    }

    /// The keys of `source`'s live records that another live record shares.
    static func sharedKeys(_ db: Database, source: String) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT DISTINCT k.key FROM datasets d JOIN dataset_iri_keys k ON k.pk = d.pk
            WHERE d.source = ? AND d.deleted_at IS NULL
              AND EXISTS (SELECT 1 FROM dataset_iri_keys o WHERE o.key = k.key AND o.pk <> k.pk)
            """, arguments: [source])
    }

    /// Every key that more than one live record has.
    static func allSharedKeys(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT key FROM dataset_iri_keys GROUP BY key HAVING COUNT(*) > 1")
    }

    /// For each of the records `pks`, the other live records of its dataset, in pk order (none for a record without
    /// a key or alone with it).
    static func otherRecords(_ db: Database, of pks: [Int64]) throws -> [Int64: [RecordReference]] {
        guard !pks.isEmpty else { return [:] }
        var found: [Int64: [RecordReference]] = [:]
        let marks = Array(repeating: "?", count: pks.count).joined(separator: ", ")
        let rows = try Row.fetchAll(db, sql: """
            SELECT mine.pk AS owner, d.id, d.source, d.source_identifier, d.shown_as IS NULL AS shown
            FROM dataset_iri_keys mine
            JOIN dataset_iri_keys other ON other.key = mine.key AND other.pk <> mine.pk
            JOIN datasets d ON d.pk = other.pk
            WHERE mine.pk IN (\(marks))
            ORDER BY mine.pk, d.pk
            """, arguments: StatementArguments(pks))
        for row in rows {
            found[row["owner"], default: []].append(RecordReference(id: row["id"], source: row["source"],
                                                                   sourceIdentifier: row["source_identifier"],
                                                                   isShown: row["shown"]))
        }
        return found
    }
}
