import Foundation
import KatalogModel
import KatalogStore

/// The body of `GET /api/v1/datasets/{id}`: the whole record in all languages, its provenance, and the raw source record on request.
struct DatasetDetailView: Encodable, Sendable {
    struct Provenance: Encodable, Sendable {
        var source: String
        var sourceIdentifier: String
        var firstSeen: String
        var lastChanged: String
        var lastRun: Int64?
        var contentHash: String

        enum CodingKeys: String, CodingKey {
            case source
            case sourceIdentifier = "source_identifier"
            case firstSeen = "first_seen"
            case lastChanged = "last_changed"
            case lastRun = "last_run"
            case contentHash = "content_hash"
        }
    }

    struct Raw: Encodable, Sendable {
        var format: String
        var text: String?
        var base64: String?
    }

    var id: String
    var dataset: Dataset
    var provenance: Provenance
    var raw: Raw?

    init(_ stored: StoredDataset, includeRaw: Bool) {
        id = stored.id
        dataset = stored.dataset
        provenance = Provenance(
            source: stored.source, sourceIdentifier: stored.sourceIdentifier,
            firstSeen: ISO8601.string(stored.firstSeen), lastChanged: ISO8601.string(stored.updatedAt),
            lastRun: stored.lastRun?.rawValue, contentHash: stored.contentHash
        )
        if includeRaw {
            if let text = String(data: stored.raw, encoding: .utf8) {
                raw = Raw(format: stored.rawFormat, text: text)
            } else {
                raw = Raw(format: stored.rawFormat, base64: stored.raw.base64EncodedString())
            }
        }
    }
}

/// ISO 8601 rendering of dates in API bodies.
enum ISO8601 {
    static func string(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func string(_ date: Date?) -> String? {
        date.map { string($0) }
    }
}
