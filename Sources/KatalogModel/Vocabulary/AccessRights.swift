/// Access rights (`dct:accessRights`), mapped onto the EU access-right authority.
public enum AccessRights {
    /// The namespace of the EU access-right authority.
    public static let authority = "http://publications.europa.eu/resource/authority/access-right/"

    static let table: [(code: String, labels: [String: String], aliases: [String])] = [
        ("PUBLIC", ["en": "Public", "sv": "Offentlig"],
         ["public", "open", "offentlig", "öppen", "oppen", "åpen", "apen", "åben", "aben", "julkinen", "avoin", "public access"]),
        ("RESTRICTED", ["en": "Restricted", "sv": "Begränsad"],
         ["restricted", "begränsad", "begransad", "begrenset", "begrænset", "begraenset", "rajoitettu", "limited"]),
        ("NON_PUBLIC", ["en": "Non-public", "sv": "Icke-offentlig"],
         ["non public", "nonpublic", "not public", "private", "icke offentlig", "sekretess", "ikke offentlig", "ei julkinen",
          "salainen", "confidential", "closed"]),
    ]

    /// Maps an access-rights value; free statements that name no level keep only the raw text.
    public static func normalize(_ raw: String) -> Concept {
        let trimmed = raw.trimmingWhitespace()
        guard let code = code(for: trimmed), let row = table.first(where: { $0.code == code }) else { return Concept(raw: trimmed) }
        return Concept(raw: trimmed, uri: authority + code, label: LocalizedText(row.labels))
    }

    static func code(for text: String) -> String? {
        guard !text.isEmpty, text.utf8.count <= 256 else { return nil }
        if let code = VocabularyKey.code(of: text, under: authority) {
            return table.contains { $0.code == code } ? code : nil
        }
        if text.contains("://") {
            // Other vocabularies (e.g. DCAT-US `public`, INSPIRE `noLimitations`) end in a word we know.
            return code(for: VocabularyKey.lastSegment(text))
        }
        let key = VocabularyKey.fold(text)
        if key == "nolimitations" || key == "no limitations" { return "PUBLIC" }
        if let row = table.first(where: { $0.code == text.uppercased() }) { return row.code }
        return table.first { row in row.aliases.contains { VocabularyKey.fold($0) == key } }?.code
    }
}
