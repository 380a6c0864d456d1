/// What a record's `dc:rights` say about licence and access.
struct DublinCoreRights: Sendable {
    /// The first licence the licence vocabulary recognises.
    var license: Concept?
    /// The first access level stated (an `info:eu-repo/semantics/…Access` term or a word such as "public").
    var accessRights: Concept?
    /// Every statement not used up as the licence or the access level, one paragraph each.
    var rights: String?
}

extension DublinCoreMapper {
    /// The OpenAIRE access terms (`info:eu-repo/semantics/<term>`, lower-cased) → EU access-right code; an embargo
    /// has no counterpart in that vocabulary and stays raw.
    static let euRepoAccess: [String: String?] = [
        "openaccess": "PUBLIC", "restrictedaccess": "RESTRICTED", "closedaccess": "NON_PUBLIC", "embargoedaccess": nil,
    ]

    /// The prefix of the OpenAIRE access terms.
    static let euRepoPrefix = "info:eu-repo/semantics/"

    /// Reads the `dc:rights` statements in document order (at most ``listCap``).
    static func rights(_ values: [DublinCoreValue]) -> DublinCoreRights {
        var result = DublinCoreRights()
        var paragraphs: [String] = []
        var seen = Set<String>()
        for value in values.prefix(listCap) {
            if result.accessRights == nil, let level = accessLevel(value.text) {
                result.accessRights = level
                continue
            }
            if result.license == nil, let found = licence(value.text) {
                result.license = found.concept
                if found.whole { continue }
            }
            appendDistinct(value.text, to: &paragraphs, seen: &seen)
        }
        result.rights = paragraphs.isEmpty ? nil : paragraphs.joined(separator: "\n\n")
        return result
    }

    /// The access level a statement names: an OpenAIRE access term (mapped when the EU vocabulary has its
    /// counterpart, else raw), or a short value the access-right vocabulary knows; nil otherwise.
    static func accessLevel(_ statement: String) -> Concept? {
        let lower = statement.lowercased()
        if lower.hasPrefix(euRepoPrefix), let code = euRepoAccess[String(lower.dropFirst(euRepoPrefix.count))] {
            guard let code else { return Concept(raw: statement) }
            var concept = AccessRights.normalize(AccessRights.authority + code)
            concept.raw = statement
            return concept
        }
        let concept = AccessRights.normalize(statement)
        return concept.uri == nil ? nil : concept
    }

    /// The licence a statement names, checking the whole text and then each web address in it; `whole` is true when
    /// the statement is nothing but the licence's name or address.
    static func licence(_ statement: String) -> (concept: Concept, whole: Bool)? {
        for candidate in ISO19139Mapper.licenceCandidates(label: LocalizedText(statement), link: nil) {
            guard let match = License.lookup(candidate) else { continue }
            return (Concept(raw: candidate, uri: match.uri, label: LocalizedText(match.label)), candidate == statement)
        }
        return nil
    }
}
