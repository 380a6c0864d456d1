import Foundation
import GRDB

/// What part of a source a run listed, for sources that can list only the records changed since a time (OAI-PMH's
/// `from`). Given to ``CatalogStore/completeRun(run:seen:isComplete:deletionPolicy:counts:errors:listing:)``.
public struct RunListing: Sendable, Hashable, Codable {
    /// The lower bound the run asked the source for, in the source's own format (an OAI-PMH datestamp); nil when the
    /// run listed the whole source. A run with a lower bound deletes only the records the source reports deleted.
    public var changesSince: String?
    /// The source's own clock when the listing began (OAI-PMH's `responseDate` of the first page), if it said. When
    /// the run reads its listing to the end and is applied in full (not held), this becomes the source's
    /// ``ListingMark``, the lower bound of its next incremental run.
    public var mark: String?
    /// What the mark holds for: the source's settings and the format listed. A mark with another fingerprint is not
    /// used, so a changed mapping or format lists the whole source again.
    public var fingerprint: String
    /// Whether a run with `changesSince` also listed the identifier of every record of the source (CKAN's id listing)
    /// while it fetched only the changed ones: read to the end, such a run deletes the records it did not list, as a
    /// full listing does.
    public var listsEveryIdentifier: Bool

    /// Creates a listing description.
    public init(changesSince: String? = nil, mark: String? = nil, fingerprint: String, listsEveryIdentifier: Bool = false) {
        self.changesSince = changesSince
        self.mark = mark
        self.fingerprint = fingerprint
        self.listsEveryIdentifier = listsEveryIdentifier
    }

    /// Whether the run, when read to the end, saw every record of the source, so it may delete what it did not see.
    var coversTheSource: Bool { changesSince == nil || listsEveryIdentifier }
}

/// Where a source's next incremental run may start: stored by the last run that read its listing to the end and was
/// applied in full.
public struct ListingMark: Sendable, Hashable, Codable {
    /// The source's own clock when that run's listing began (an OAI-PMH datestamp).
    public var mark: String
    /// The fingerprint of the listing (see ``RunListing/fingerprint``).
    public var fingerprint: String
    /// When the last run that listed the whole source (and read it to the end) began.
    public var fullListingAt: Date
    /// The run that stored the mark.
    public var run: RunID

    /// Creates a mark.
    public init(mark: String, fingerprint: String, fullListingAt: Date, run: RunID) {
        self.mark = mark
        self.fingerprint = fingerprint
        self.fullListingAt = fullListingAt
        self.run = run
    }
}

extension CatalogStore {
    /// The point the source's next incremental run may start from, if a run stored one.
    public func listingMark(source: String) async throws -> ListingMark? {
        try await read("reading a listing mark", context: ["source": source]) { db in
            try Row.fetchOne(db, sql: "SELECT mark, fingerprint, full_listing_at, run_id FROM listing_marks WHERE source = ?",
                             arguments: [source]).map { row in
                ListingMark(mark: row["mark"], fingerprint: row["fingerprint"], fullListingAt: row["full_listing_at"],
                            run: RunID(row["run_id"]))
            }
        }
    }

    /// Stores the run's listing mark when the run may stand for what it listed: its listing was read to the end and
    /// it was applied in full (`held` runs are not). A run that listed the whole source starts the full-listing clock;
    /// an incremental run keeps the clock of the full listing before it, and stores nothing when that listing was made
    /// under another fingerprint. A qualifying run without a mark leaves the older mark, a lower bound still.
    static func storeListingMark(_ db: Database, run: RunID, source: String, listing: RunListing) throws {
        guard let mark = listing.mark else { return }
        if listing.changesSince == nil {
            let started = try Date.fetchOne(db, sql: "SELECT started_at FROM runs WHERE id = ?", arguments: [run.rawValue])
            try db.execute(sql: """
                INSERT INTO listing_marks (source, mark, fingerprint, full_listing_at, run_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (source) DO UPDATE SET mark = excluded.mark, fingerprint = excluded.fingerprint,
                    full_listing_at = excluded.full_listing_at, run_id = excluded.run_id
                """, arguments: [source, mark, listing.fingerprint, started ?? Date(), run.rawValue])
        } else {
            try db.execute(sql: "UPDATE listing_marks SET mark = ?, run_id = ? WHERE source = ? AND fingerprint = ?",
                           arguments: [mark, run.rawValue, source, listing.fingerprint])
        }
    }
}
