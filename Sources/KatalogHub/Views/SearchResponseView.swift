import KatalogModel

/// The body of `GET /api/v1/search`.
struct SearchResponseView: Encodable, Sendable {
    var total: Int
    var limit: Int
    var nextCursor: String?
    var queryTimeMs: Double
    var results: [DatasetSummaryView]
    var facets: [String: [FacetValueView]]?

    enum CodingKeys: String, CodingKey {
        case total, limit, results, facets
        case nextCursor = "next_cursor"
        case queryTimeMs = "query_time_ms"
    }
}

/// One facet value with its count over the whole match set.
struct FacetValueView: Encodable, Sendable {
    var value: String
    var count: Int
}

// The search body is the hub's most frequent response, and with Foundation's `JSONEncoder` (boxed values,
// key conversion to snake case, sorting) encoding it cost about 2 ms of CPU per request, more than many
// searches themselves. These write the same bytes straight into one buffer; `SearchBodyTests` compares them
// with Foundation's output. Keys are written in UTF-8 byte order of their JSON names, as `.sortedKeys` does.

extension SearchResponseView: SortedJSONWritable {
    func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        if let facets {
            object.key("facets")
            JSONObjectWriter.dictionary(facets, to: sink) { values in
                JSONObjectWriter.array(values, to: sink) { $0.writeSortedJSON(to: sink) }
            }
        }
        object.integer("limit", Int64(limit))
        object.string("next_cursor", nextCursor)
        object.key("query_time_ms")
        sink.appendASCII(SearchResponseView.milliseconds(queryTimeMs))
        object.objects("results", results)
        object.integer("total", Int64(total))
        object.end()
    }

    /// A non-negative number of milliseconds with three decimals, written by hand (`String(format:)` showed
    /// up in profiles).
    static func milliseconds(_ value: Double) -> String {
        let micros = value.isFinite && value < 1e12 ? max(0, Int((value * 1000).rounded())) : 0
        let fraction = String(micros % 1000)
        return String(micros / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}

extension FacetValueView: SortedJSONWritable {
    func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.integer("count", Int64(count))
        object.string("value", value)
        object.end()
    }
}

extension DatasetSummaryView: SortedJSONWritable {
    func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.string("description", description)
        object.objects("distributions", distributions)
        object.strings("formats", formats)
        object.string("id", id)
        object.string("issued", issued)
        object.strings("keywords", keywords)
        object.string("landing_page", landingPage)
        object.strings("licences", licences)
        object.string("modified", modified)
        object.objects("other_records", otherRecords)
        object.object("publisher", publisher)
        object.string("snippet", snippet)
        object.string("source", source)
        object.string("source_identifier", sourceIdentifier)
        object.strings("themes", themes)
        object.string("title", title)
        object.string("title_language", titleLanguage)
        object.end()
    }
}

extension DatasetSummaryView.PublisherView: SortedJSONWritable {
    func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.string("key", key)
        object.string("name", name)
        object.end()
    }
}

extension DatasetSummaryView.DistributionLinkView: SortedJSONWritable {
    func writeSortedJSON(to sink: JSONByteSink) {
        var object = JSONObjectWriter(sink)
        object.string("access_url", accessURL)
        object.string("download_url", downloadURL)
        object.string("format", format)
        object.string("media_type", mediaType)
        object.string("title", title)
        object.end()
    }
}
