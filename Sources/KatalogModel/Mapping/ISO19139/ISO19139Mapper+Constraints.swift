import KatalogRDF

/// What a record's `gmd:resourceConstraints` say about licence, access and use.
struct ISO19139Constraints: Sendable {
    /// The first recognised licence.
    var license: Concept?
    /// The access right of an INSPIRE `LimitationsOnPublicAccess` anchor, or of a statement that names a level.
    var accessRights: Concept?
    /// Every constraint statement not used for the licence or the access right, one paragraph each.
    var rights: String?
    /// The `MD_RestrictionCode`s of `gmd:accessConstraints` and `gmd:useConstraints`.
    var restrictionCodes: [String] = []
}

extension ISO19139Mapper {
    /// The most constraint statements read from one record.
    static let statementCap = 200

    /// Reads `gmd:useLimitation` and `gmd:otherConstraints` of every constraints block (legal, security or plain).
    static func constraints(_ identifications: [XMLElement], text: ISO19139Text) -> ISO19139Constraints {
        var result = ISO19139Constraints()
        var paragraphs: [String] = []
        var seenParagraphs = Set<String>()
        var seenCodes = Set<String>()
        var count = 0
        for identification in identifications {
            for block in all(identification, "gmd:resourceConstraints/*") {
                for name in ["accessConstraints", "useConstraints"] {
                    for property in block.children(ISO19139Namespace.gmd, name) {
                        if let value = code(property) { appendDistinct(value, to: &result.restrictionCodes, seen: &seenCodes) }
                    }
                }
                let statements = block.children(ISO19139Namespace.gmd, "useLimitation")
                    + block.children(ISO19139Namespace.gmd, "otherConstraints")
                for statement in statements {
                    count += 1
                    guard count <= statementCap else { break }
                    let label = text.localized(statement)
                    let link = href(statement)
                    let main = mainText(statement, text)
                    if consume(label: label, main: main, link: link, into: &result) { continue }
                    var paragraph = main ?? ""
                    if let link, !paragraph.contains(link) { paragraph += paragraph.isEmpty ? link : " (\(link))" }
                    if !paragraph.isEmpty { appendDistinct(paragraph, to: &paragraphs, seen: &seenParagraphs) }
                }
            }
        }
        result.rights = paragraphs.isEmpty ? nil : paragraphs.joined(separator: "\n\n")
        return result
    }

    /// Takes a statement as the access right or the licence when it is one (the first of each wins); true when the
    /// statement said nothing more than that.
    static func consume(label: LocalizedText, main: String?, link: String?, into result: inout ISO19139Constraints) -> Bool {
        let written = main.flatMap { isWebIRI($0) ? $0 : nil }
        if let inspire = link ?? written, inspire.contains("LimitationsOnPublicAccess") {
            if result.accessRights == nil {
                var concept = AccessRights.normalize(inspire)
                if concept.label == nil, !label.isEmpty, written == nil { concept.label = label }
                result.accessRights = concept
            }
            return true
        }
        if result.accessRights == nil, let value = main, link == nil {
            let concept = AccessRights.normalize(value)
            if concept.uri != nil {
                result.accessRights = concept
                return true
            }
        }
        guard result.license == nil else { return false }
        for candidate in licenceCandidates(label: label, link: link) {
            guard let match = License.lookup(candidate) else { continue }
            result.license = Concept(raw: candidate, uri: match.uri, label: LocalizedText(match.label))
            // An anchor whose link is the licence is used up (its text labels the link), and so is a text that
            // only names the licence; a text that says more stays in `rights` as well.
            return candidate == link || candidate == main
        }
        return false
    }

    /// What might name a licence in a statement: the anchor's link, the whole text, then each web address in it.
    static func licenceCandidates(label: LocalizedText, link: String?) -> [String] {
        var candidates: [String] = []
        if let link { candidates.append(link) }
        for value in label.allValues {
            candidates.append(value)
            guard value.utf8.count <= 4_096 else { continue }
            for word in value.split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" })
            where word.hasPrefix("http://") || word.hasPrefix("https://") {
                var url = Substring(word)
                while let last = url.last, ".,;:".contains(last) { url = url.dropLast() }
                candidates.append(String(url))
            }
        }
        return candidates
    }
}
