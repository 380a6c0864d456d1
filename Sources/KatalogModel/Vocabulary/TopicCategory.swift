/// ISO 19115 topic categories (`gmd:MD_TopicCategoryCode`), which geodata records give as a theme. Those with an EU
/// data-theme counterpart are mapped onto it (`ISO19139Mapper.topicCategoryThemes`); the others stay raw concepts
/// holding the code, and this gives them a readable name for display.
public enum TopicCategory {
    /// The codes as ISO 19115 spells them, with `extraTerrestrial` and `disaster` from ISO 19115-1.
    public static let codes = [
        "farming", "biota", "boundaries", "climatologyMeteorologyAtmosphere", "economy", "elevation", "environment",
        "geoscientificInformation", "health", "imageryBaseMapsEarthCover", "intelligenceMilitary", "inlandWaters",
        "location", "oceans", "planningCadastre", "society", "structure", "transportation", "utilitiesCommunication",
        "extraTerrestrial", "disaster",
    ]

    /// The English name of a code, in any letter case (`imagerybasemapsearthcover` → "Imagery base maps earth
    /// cover", as the INSPIRE registry names them: the code's words); nil for anything else.
    public static func label(_ code: String) -> String? {
        labels[code.lowercased()]
    }

    private static let labels: [String: String] = Dictionary(uniqueKeysWithValues: codes.map { code in
        var words: [String] = []
        for character in code {
            if character.isUppercase || words.isEmpty { words.append("") }
            words[words.count - 1].append(character.lowercased())
        }
        let name = words.joined(separator: " ")
        return (code.lowercased(), name.prefix(1).uppercased() + name.dropFirst())
    })
}
