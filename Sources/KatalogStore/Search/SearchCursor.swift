import Foundation

/// A keyset cursor: the sort key of the last hit of a page plus its id, as base64url JSON.
///
/// The next page continues strictly after that key, so records added or changed elsewhere in the order
/// between two fetches never make a page repeat or skip records that kept their key.
struct SearchCursor: Codable, Equatable {
    /// The sort the cursor belongs to.
    var sort: SearchQuery.Sort
    /// The last hit's `modified_sort` or `title_sort` (modified and title sorts).
    var key: String?
    /// The last hit's BM25 rank (relevance sort).
    var rank: Double?
    /// The last hit's id.
    var id: String
    /// The last hit's row key, which breaks ties between equal ranks (relevance sort).
    var pk: Int64?

    private enum CodingKeys: String, CodingKey {
        case sort = "s", key = "k", rank = "r", id = "i", pk = "p"
    }

    /// The longest cursor accepted, in characters.
    static let maxLength = 4_096

    /// The opaque text form.
    func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = (try? encoder.encode(self)) ?? Data()
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads a cursor, checking it was made for `sort`.
    init(decoding text: String, for sort: SearchQuery.Sort) throws {
        let invalid = StoreError(.invalidCursor, "the cursor is not one this server issued; start again without a cursor")
        guard !text.isEmpty, text.utf8.count <= SearchCursor.maxLength,
              text.utf8.allSatisfy({ byte in
                  (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                      || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
              }) else { throw invalid }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.utf8.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64),
              let cursor = try? JSONDecoder().decode(SearchCursor.self, from: data) else { throw invalid }
        guard cursor.sort == sort else {
            throw StoreError(.invalidCursor, "the cursor belongs to sort `\(cursor.sort.rawValue)`, not `\(sort.rawValue)`")
        }
        switch sort {
        case .relevance:
            guard let rank = cursor.rank, rank.isFinite, cursor.pk != nil else { throw invalid }
        case .modified, .title, .id:
            guard cursor.key != nil else { throw invalid }
        case .changed:
            guard let key = cursor.key, Int64(key) != nil else { throw invalid }
        }
        self = cursor
    }

    init(sort: SearchQuery.Sort, key: String?, rank: Double?, id: String, pk: Int64?) {
        self.sort = sort
        self.key = key
        self.rank = rank
        self.id = id
        self.pk = pk
    }
}
