import Foundation
import KatalogRDF

/// The pieces of an incremental CSW run (``IncrementalPlan`` decides whether a run is one): the constraint that asks a
/// service for the records modified since a day, the queryable names tried for it, and the marks. Pure values, tested
/// without I/O.
///
/// CSW has no change feed and services differ in the names they accept for the modification date, so the adapter tries
/// ``queryables`` in turn and uses the first that filters like a date (see ``ProbeVerdict``). A service's clock and
/// its records' stamps may be in another time zone, and ISO 19139 `dateStamp`s are often dates alone, so the bound is a
/// day, one day before the day of the mark.
enum CSWIncremental {
    /// The names tried for a record's modification date, in order: the ISO Application Profile's queryable as
    /// GeoNetwork takes it, the same with its namespace prefix (pycsw), and the core queryable of CSW 2.0.2's
    /// `csw:Record` (`dct:modified`).
    static let queryables = ["Modified", "apiso:Modified", "dct:modified"]

    static let ogcNamespace = "http://www.opengis.net/ogc"
    static let apisoNamespace = "http://www.opengis.net/cat/csw/apiso/1.0"
    static let dctNamespace = "http://purl.org/dc/terms/"

    /// The `namespace` parameter of a constrained request: the prefixes the constraint may use, beside `csw`.
    static let namespaceParameter = "xmlns(csw=http://www.opengis.net/cat/csw/2.0.2),xmlns(apiso=\(apisoNamespace)),xmlns(dct=\(dctNamespace))"

    /// A constraint, with the `constraintLanguage` it is written in.
    struct Constraint: Sendable, Equatable {
        /// `FILTER` (OGC Filter Encoding 1.1 XML) or `CQL_TEXT`.
        var language: String
        var text: String
    }

    /// The constraint of the configured URL, when it has one (`constraint`, with `constraintLanguage`).
    static func configuredConstraint(_ url: String) -> Constraint? {
        var text: String?
        var language: String?
        for parameter in ConfiguredURL(url).parameters {
            // A form-encoded query writes spaces as `+`; CQL and XML filters do not use a literal plus.
            let value = (parameter.written.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init) ?? "")
                .replacingOccurrences(of: "+", with: " ")
            let decoded = value.removingPercentEncoding ?? value
            switch parameter.name.lowercased() {
            case "constraint": text = decoded
            case "constraintlanguage": language = decoded.uppercased()
            default: break
            }
        }
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return Constraint(language: language ?? "FILTER", text: text)
    }

    /// Why a configured constraint cannot be combined with a date, when it cannot.
    struct Uncombinable: Error, Sendable, Equatable {
        var reason: String
    }

    /// The constraint for records whose `queryable` is on or after `day` (`YYYY-MM-DD`), within `configured` when the
    /// URL has a constraint of its own: in CQL beside a CQL constraint, else as an OGC filter, the configured filter's
    /// predicate and the date under one `ogc:And`.
    static func constraint(queryable: String, onOrAfter day: String, within configured: Constraint?) throws(Uncombinable) -> Constraint {
        switch configured?.language {
        case "CQL_TEXT":
            let own = "\(queryable) >= '\(day)'"
            return Constraint(language: "CQL_TEXT", text: "(\(configured!.text)) AND \(own)")
        case nil:
            return Constraint(language: "FILTER", text: filter(predicates: [datePredicate(queryable: queryable, day: day)]))
        case "FILTER":
            let predicate = try predicate(ofFilter: configured!.text)
            return Constraint(language: "FILTER", text: filter(predicates: [predicate, datePredicate(queryable: queryable, day: day)]))
        case let other?:
            throw Uncombinable(reason: "the configured constraintLanguage '\(other.prefix(40))' is neither FILTER nor CQL_TEXT")
        }
    }

    /// `ogc:PropertyIsGreaterThanOrEqualTo` of `queryable` and `day`.
    static func datePredicate(queryable: String, day: String) -> String {
        "<ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>\(queryable)</ogc:PropertyName><ogc:Literal>\(day)</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>"
    }

    /// An `ogc:Filter` of `predicates` (one, or several under `ogc:And`), declaring the prefixes the queryables use.
    static func filter(predicates: [String]) -> String {
        let body = predicates.count == 1 ? predicates[0] : "<ogc:And>" + predicates.joined() + "</ogc:And>"
        return "<ogc:Filter xmlns:ogc=\"\(ogcNamespace)\" xmlns:apiso=\"\(apisoNamespace)\" xmlns:dct=\"\(dctNamespace)\">\(body)</ogc:Filter>"
    }

    /// The one predicate of a configured `ogc:Filter`, serialized with the namespaces it uses.
    static func predicate(ofFilter text: String) throws(Uncombinable) -> String {
        let root: XMLElement
        do {
            root = try XMLDocumentReader.parse(Data(text.utf8), location: "the configured constraint")
        } catch {
            throw Uncombinable(reason: "the configured constraint is not well-formed XML")
        }
        guard root.namespace == ogcNamespace, root.localName == "Filter" else {
            throw Uncombinable(reason: "the configured constraint is not an ogc:Filter")
        }
        guard root.children.count == 1, let predicate = root.children.first else {
            throw Uncombinable(reason: "the configured ogc:Filter holds \(root.children.count) predicates, not one")
        }
        var serialized = String(decoding: predicate.serialized(), as: UTF8.self)
        if serialized.hasPrefix("<?xml"), let end = serialized.range(of: "?>") { serialized = String(serialized[end.upperBound...]) }
        return serialized.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What two counts of a queryable say: `fromAnyTime` for on or after year 1000, `fromFarFuture` for on or after
    /// 9999-12-31, against `total`, the records the service has (under the configured constraint).
    enum ProbeVerdict: Sendable, Equatable {
        /// The queryable filters like a modification date that every record has.
        case filters
        /// It does not; the reason is logged.
        case doesNotFilter(String)

        static let anyTime = "1000-01-01"
        static let farFuture = "9999-12-31"

        init(total: Int, fromAnyTime: Int, fromFarFuture: Int) {
            if fromAnyTime != total {
                // Records without the stamp (or a name the service matches against nothing) would never be listed as changed.
                self = .doesNotFilter("it matches \(fromAnyTime) of the \(total) records from any time")
            } else if fromFarFuture != 0 {
                self = .doesNotFilter("it matches \(fromFarFuture) records modified after \(ProbeVerdict.farFuture): the service ignores it")
            } else {
                self = .filters
            }
        }
    }

    /// A run's mark: the day of the service's `timestamp` (its clock, whatever its zone), or of `now` (UTC) when it
    /// sent none that starts with a date; stored as `YYYY-MM-DDT00:00:00Z`.
    static func mark(timestamp: String?, now: Date) -> String {
        if let timestamp {
            let day = String(timestamp.trimmingCharacters(in: .whitespacesAndNewlines).prefix(10))
            if Datestamp.isUTCSeconds(day + "T00:00:00Z") { return day + "T00:00:00Z" }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02dT00:00:00Z", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// The day a run asks from (`YYYY-MM-DD`): the day before `mark`'s, which covers a service clock or record stamps
    /// up to a day behind the mark's zone.
    static func since(mark: String) -> String {
        String(Datestamp.subtracting(86_400, from: mark).prefix(10))
    }
}
