import Foundation
import KatalogModel

/// What the live tables keep of a dataset beside its JSON: the sort and filter columns, the full-text row, the facet
/// terms, the distribution rows and the publisher.
///
/// It is computed when a record is staged (``CatalogStore/recordListing(run:_:)`` or
/// ``CatalogStore/stage(run:prepared:)``; a record found unchanged never pays for it) and stored with the record in a
/// compact binary form, so applying a run, which holds the single write transaction for the whole run, writes rows
/// without decoding the dataset's JSON again.
struct LiveRow: Equatable, Sendable {
    /// One `distributions` row.
    struct DistributionRow: Equatable, Sendable {
        var identifier: String?
        var title: String?
        var formatKey: String?
        var mediaType: String?
        var accessURL: String?
        var downloadURL: String?
    }

    /// One `publishers` row.
    struct PublisherRow: Equatable, Sendable {
        var key: String
        var iri: String?
        /// The publisher's names as sorted-keys JSON.
        var nameJSON: String
    }

    var columns: SortColumns
    var hasDownload: Bool
    var text: FullText
    /// Facet terms other than the source's name, which the writer adds.
    var terms: [FacetTerm]
    var distributions: [DistributionRow]
    var publisher: PublisherRow?
    /// The dataset's ``SameDatasetKey``, when it has one.
    var sameAsKey: String?
}

extension LiveRow {
    init(_ dataset: Dataset) {
        columns = SortColumns(dataset)
        hasDownload = dataset.hasDownloadURL
        text = FullText(dataset)
        terms = FacetTerms.terms(of: dataset)
        distributions = dataset.distributions.map { distribution in
            DistributionRow(identifier: distribution.identifier, title: distribution.title.best(),
                            formatKey: distribution.format?.key.uppercased(), mediaType: distribution.mediaType,
                            accessURL: distribution.accessURLs.first, downloadURL: distribution.downloadURLs.first)
        }
        if let agent = dataset.publisher, !agent.key.isEmpty {
            publisher = PublisherRow(key: agent.key, iri: agent.iri,
                                     nameJSON: String(decoding: SortedJSONEncoder().encode(agent.name), as: UTF8.self))
        }
        sameAsKey = SameDatasetKey.make(dataset.iri)
    }
}

/// A facet and one of its values, as stored in `dataset_terms`.
struct FacetTerm: Equatable, Sendable {
    var facet: String
    var value: String
}

// MARK: - Binary form

extension LiveRow {
    /// The first byte of the binary form; a different one is read as corrupt.
    static let formatVersion: UInt8 = 2

    /// The row in its staged binary form: a version byte, then each field in declaration order (strings as a
    /// LEB128 length and UTF-8 bytes, optional values behind a 0/1 byte, lists behind their count).
    func encoded() -> Data {
        var writer = LiveRowWriter()
        writer.byte(LiveRow.formatVersion)
        writer.string(columns.title)
        writer.string(columns.modified)
        writer.optional(columns.publisherKey)
        writer.byte(hasDownload ? 1 : 0)
        for value in [text.title, text.keywords, text.description, text.publisher] { writer.string(value) }
        writer.count(terms.count)
        for term in terms {
            writer.string(term.facet)
            writer.string(term.value)
        }
        writer.count(distributions.count)
        for row in distributions {
            for value in [row.identifier, row.title, row.formatKey, row.mediaType, row.accessURL, row.downloadURL] {
                writer.optional(value)
            }
        }
        writer.byte(publisher == nil ? 0 : 1)
        if let publisher {
            writer.string(publisher.key)
            writer.optional(publisher.iri)
            writer.string(publisher.nameJSON)
        }
        writer.optional(sameAsKey)
        return writer.data
    }

    /// Reads the binary form back; throws ``StoreError/Code/corrupt`` naming the dataset when it is not one.
    init(decoding data: Data, id: String) throws {
        var reader = LiveRowReader(data: data)
        do {
            guard try reader.byte() == LiveRow.formatVersion else { throw LiveRowReader.Malformed(what: "an unknown version") }
            columns = SortColumns(title: try reader.string(), modified: try reader.string(), publisherKey: try reader.optional())
            hasDownload = try reader.byte() != 0
            text = FullText(title: try reader.string(), keywords: try reader.string(), description: try reader.string(),
                            publisher: try reader.string())
            terms = try (0..<reader.count()).map { _ in FacetTerm(facet: try reader.string(), value: try reader.string()) }
            distributions = try (0..<reader.count()).map { _ in
                DistributionRow(identifier: try reader.optional(), title: try reader.optional(), formatKey: try reader.optional(),
                                mediaType: try reader.optional(), accessURL: try reader.optional(), downloadURL: try reader.optional())
            }
            publisher = try reader.byte() == 0 ? nil
                : PublisherRow(key: try reader.string(), iri: try reader.optional(), nameJSON: try reader.string())
            sameAsKey = try reader.optional()
            guard reader.isAtEnd else { throw LiveRowReader.Malformed(what: "bytes after the last field") }
        } catch let error as LiveRowReader.Malformed {
            throw StoreError(.corrupt, "the staged row of dataset \(id) cannot be read: \(error.what) at byte \(reader.offset)",
                             context: ["dataset": id])
        }
    }
}

private struct LiveRowWriter {
    var data = Data()

    mutating func byte(_ value: UInt8) {
        data.append(value)
    }

    mutating func count(_ value: Int) {
        var rest = UInt64(value)
        while rest >= 0x80 {
            data.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        data.append(UInt8(rest))
    }

    mutating func string(_ value: String) {
        count(value.utf8.count)
        data.append(contentsOf: value.utf8)
    }

    mutating func optional(_ value: String?) {
        guard let value else { return byte(0) }
        byte(1)
        string(value)
    }
}

private struct LiveRowReader {
    struct Malformed: Error {
        var what: String
    }

    let data: Data
    private(set) var offset: Int

    init(data: Data) {
        self.data = data
        offset = data.startIndex
    }

    var isAtEnd: Bool { offset == data.endIndex }

    mutating func byte() throws(Malformed) -> UInt8 {
        guard offset < data.endIndex else { throw Malformed(what: "the row ends early") }
        defer { offset += 1 }
        return data[offset]
    }

    mutating func count() throws(Malformed) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { break }
            shift += 7
            guard shift < 63 else { throw Malformed(what: "a length too long") }
        }
        guard value <= UInt64(data.endIndex - offset) else { throw Malformed(what: "a length past the end") }
        return Int(value)
    }

    mutating func string() throws(Malformed) -> String {
        let length = try count()
        let bytes = data[offset..<offset + length]
        offset += length
        guard let text = String(validating: bytes, as: UTF8.self) else { throw Malformed(what: "text that is not UTF-8") }
        return text
    }

    mutating func optional() throws(Malformed) -> String? {
        try byte() == 0 ? nil : try string()
    }
}
