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
        /// When another source's record of the same dataset is the one searches show: its id.
        var shownAs: String?
        /// The other records of the same dataset, in any source.
        var otherRecords: [RecordReferenceView]

        enum CodingKeys: String, CodingKey {
            case source
            case shownAs = "shown_as"
            case otherRecords = "other_records"
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
            lastRun: stored.lastRun?.rawValue, contentHash: stored.contentHash,
            shownAs: stored.shownAs, otherRecords: stored.otherRecords.map(RecordReferenceView.init)
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

/// The body written by hand, member names in Foundation's snake case (``JSONKeyStyle/snakeCase``): the bytes
/// `HubDocuments.encode` writes with Foundation's `JSONEncoder`, which was a quarter of the endpoint's time.
/// `DatasetBodyTests` compares the two.
extension DatasetDetailView: SortedJSONWritable {
    func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.object("dataset", dataset)
        object.string("id", id)
        object.object("provenance", provenance)
        object.object("raw", raw)
        object.end()
    }
}

extension DatasetDetailView.Provenance: SortedJSONWritable {
    func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.string("content_hash", contentHash)
        object.string("first_seen", firstSeen)
        object.string("last_changed", lastChanged)
        object.integer("last_run", lastRun)
        object.objects("other_records", otherRecords)
        object.string("shown_as", shownAs)
        object.string("source", source)
        object.string("source_identifier", sourceIdentifier)
        object.end()
    }
}

extension DatasetDetailView.Raw: SortedJSONWritable {
    func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.string("base64", base64)
        object.string("format", format)
        object.string("text", text)
        object.end()
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
