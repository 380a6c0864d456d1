import Foundation

/// The languages the HTML page is written in.
enum UILanguage: String, CaseIterable, Sendable {
    case sv
    case en

    /// The language's own name.
    var name: String { self == .sv ? "Svenska" : "English" }

    /// Picks `lang=` when given, else the first of Accept-Language that we speak, else English.
    static func choose(parameter: String?, acceptLanguage: String?) -> UILanguage {
        if let parameter, let language = UILanguage(rawValue: parameter.lowercased()) { return language }
        for part in (acceptLanguage ?? "").split(separator: ",") {
            let tag = part.split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            if tag.hasPrefix("sv") { return .sv }
            if tag.hasPrefix("en") { return .en }
        }
        return .en
    }

    /// The interface texts.
    var strings: UIStrings { self == .sv ? .swedish : .english }
}

/// Every interface text of the HTML page, per language.
struct UIStrings: Sendable {
    var title: String
    var placeholder: String
    var searchButton: String
    var results: @Sendable (Int) -> String
    var noResults: String
    var next: String
    var firstPage: String
    var facetNames: [String: String]
    var publisher: String
    var modified: String
    var issued: String
    var licence: String
    var keywords: String
    var themes: String
    var landingPage: String
    var distributions: String
    var format: String
    var link: String
    /// Before a distribution's data service (API): "via".
    var service: String
    /// The link to a service's interface description.
    var serviceDescription: String
    var source: String
    var firstSeen: String
    /// On a hit: the other sources that carry the same dataset.
    var alsoFrom: String
    /// On a dataset page: the other records of the same dataset.
    var sameDataset: String
    /// On the page of a folded record: the record searches show instead.
    var shownAs: String
    var metadata: String
    var notFound: String
    var back: String
    var footer: String
    var clear: String
    /// Under a facet that lists only its most frequent values: the link to all of them, and back.
    var showAll: String
    var showFewer: String
    /// Before the cause of a search that could not be run (the cause itself is in English).
    var searchFailed: String
    /// The cause shown after ``searchFailed`` when a search ran past the hub's time limit.
    var searchTimedOut: String
    /// Said after `searchFailed` when long searches were queued to the limit (503).
    var searchBusy: String

    static let swedish = UIStrings(
        title: "Katalog – sök öppna data", placeholder: "Sök bland dataset, t.ex. luftkvalitet eller \"öppna data\"",
        searchButton: "Sök", results: { "\($0) dataset" }, noResults: "Inga dataset matchade sökningen.",
        next: "Nästa sida →", firstPage: "← Första sidan",
        facetNames: ["publisher": "Utgivare", "theme": "Tema", "format": "Format", "licence": "Licens",
                     "language": "Språk", "source": "Källa"],
        publisher: "Utgivare", modified: "Uppdaterad", issued: "Publicerad", licence: "Licens", keywords: "Nyckelord",
        themes: "Teman", landingPage: "Webbsida", distributions: "Distributioner", format: "Format", link: "Länk",
        service: "Tjänst", serviceDescription: "beskrivning",
        source: "Källa", firstSeen: "Först skördad", alsoFrom: "Även från", sameDataset: "Samma dataset i andra källor",
        shownAs: "Sökningen visar detta dataset som", metadata: "Metadata (DCAT-AP)", notFound: "Det finns inget dataset med det id:t.",
        back: "← Tillbaka till sökningen", footer: "Katalog samlar metadata om öppna data från många kataloger",
        clear: "Rensa filter", showAll: "Visa alla", showFewer: "Visa färre",
        searchFailed: "Sökningen gick inte att göra:",
        searchTimedOut: "den tog för lång tid och avbröts. Gör den smalare med ovanligare ord, en fras eller filter.",
        searchBusy: "många tunga sökningar körs just nu. Försök igen om en stund, eller gör sökningen smalare."
    )

    static let english = UIStrings(
        title: "Katalog – search open data", placeholder: "Search datasets, e.g. air quality or \"open data\"",
        searchButton: "Search", results: { "\($0) datasets" }, noResults: "No datasets matched your search.",
        next: "Next page →", firstPage: "← First page",
        facetNames: ["publisher": "Publisher", "theme": "Theme", "format": "Format", "licence": "Licence",
                     "language": "Language", "source": "Source"],
        publisher: "Publisher", modified: "Modified", issued: "Issued", licence: "Licence", keywords: "Keywords",
        themes: "Themes", landingPage: "Landing page", distributions: "Distributions", format: "Format", link: "Link",
        service: "Service", serviceDescription: "description",
        source: "Source", firstSeen: "First harvested", alsoFrom: "Also from", sameDataset: "The same dataset in other sources",
        shownAs: "Search shows this dataset as", metadata: "Metadata (DCAT-AP)", notFound: "There is no dataset with that id.",
        back: "← Back to search", footer: "Katalog gathers open-data metadata from many catalogues", clear: "Clear filters",
        showAll: "Show all", showFewer: "Show fewer", searchFailed: "The search could not be run:",
        searchTimedOut: "it took too long and was stopped. Narrow it with rarer words, a phrase or filters.",
        searchBusy: "many heavy searches are running right now. Try again in a moment, or narrow the search."
    )
}
