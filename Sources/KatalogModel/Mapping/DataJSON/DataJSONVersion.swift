/// The DCAT-US schema a data.json document declares in its `conformsTo`.
public enum DataJSONVersion: String, Hashable, Sendable, Codable {
    /// Project Open Data metadata schema 1.1 (DCAT-US 1.1).
    case v1_1 = "1.1"
    /// DCAT-US 3.0.
    case v3_0 = "3.0"
    /// No `conformsTo`, or one naming neither version; mapped with the rules common to both.
    case unknown

    /// Reads the version from a catalogue's `conformsTo` (a URI string in 1.1, a `Standard` object in 3.0).
    static func detect(_ conformsTo: JSONValue?) -> DataJSONVersion {
        guard let conformsTo else { return .unknown }
        var texts: [String] = []
        if let text = conformsTo.nonEmptyString { texts.append(text) }
        if let object = conformsTo.object {
            for key in ["@id", "title", "identifier", "notation"] {
                if let text = object[key]?.nonEmptyString { texts.append(text) }
            }
        }
        for text in texts.map({ $0.lowercased() }) {
            if text.contains("v1.1") || text.contains("dcat-us/v1.1") || text.hasSuffix("1.1") { return .v1_1 }
            if text.contains("3.0") || text.contains("dcat-us3") || text.contains("/v3") { return .v3_0 }
        }
        return .unknown
    }
}
