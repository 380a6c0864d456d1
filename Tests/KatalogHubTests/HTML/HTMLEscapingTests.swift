import Testing
@testable import KatalogHub

/// The page builders' escaping: text and attribute values, query values, and the remembered vocabulary labels.
struct HTMLEscapingTests {
    @Test("Each of & < > \" ' is escaped wherever it is; everything else, ASCII or not, is kept byte for byte")
    func escapesMarkup() {
        #expect(HTML.escape("") == "")
        #expect(HTML.escape("Vattenkvalitet i sjöar") == "Vattenkvalitet i sjöar")
        #expect(HTML.escape("<b>\"Åre\" & 'Östersund'</b>") == "&lt;b&gt;&quot;Åre&quot; &amp; &#39;Östersund&#39;&lt;/b&gt;")
        #expect(HTML.escape("&amp;") == "&amp;amp;")
        #expect(HTML.escape("café\u{301} 🇸🇪 <") == "café\u{301} 🇸🇪 &lt;")
        #expect(HTML.escape(">") == "&gt;")
        // Each special character alone, so none is missed by the check for text with nothing to escape.
        #expect(HTML.escape("it's") == "it&#39;s")
        #expect(HTML.escape("say \"hej\"") == "say &quot;hej&quot;")
        #expect(HTML.escape("a & b") == "a &amp; b")
        #expect(HTML.escape("a < b") == "a &lt; b")
    }

    @Test("Query values keep RFC 3986's unreserved characters and percent-encode every other UTF-8 byte in capitals")
    func encodesQueryValues() {
        #expect(HTML.queryValue("") == "")
        #expect(HTML.queryValue("Az09-_.~") == "Az09-_.~")
        #expect(HTML.queryValue("a b&c=d/e?f#g+h%") == "a%20b%26c%3Dd%2Fe%3Ff%23g%2Bh%25")
        #expect(HTML.queryValue("sjö") == "sj%C3%B6")
        #expect(HTML.queryValue("🇸🇪") == "%F0%9F%87%B8%F0%9F%87%AA")
        #expect(HTML.query([("q", "vatten kvalitet"), ("theme", ""), ("lang", "sv")]) == "?q=vatten%20kvalitet&lang=sv")
    }

    @Test("Vocabulary labels are the same when remembered, per language, and nil for values and facets without one")
    func remembersVocabularyLabels() {
        for _ in 0..<2 {
            #expect(SearchPage.vocabularyLabel(facet: "theme", value: "EDUC", language: "sv") == "Utbildning, kultur och sport")
            #expect(SearchPage.vocabularyLabel(facet: "theme", value: "EDUC", language: "en") == "Education, culture and sport")
            #expect(SearchPage.vocabularyLabel(facet: "theme", value: "not-a-theme", language: "sv") == nil)
            // ISO topic categories without an EU data theme are stored lower-cased, and named by their words.
            #expect(SearchPage.vocabularyLabel(facet: "theme", value: "imagerybasemapsearthcover", language: "sv") == "Imagery base maps earth cover")
            #expect(SearchPage.vocabularyLabel(facet: "theme", value: "elevation", language: "en") == "Elevation")
            #expect(SearchPage.vocabularyLabel(facet: "theme", value: "utilitiesCommunication", language: "en") == "Utilities communication")
            #expect(SearchPage.vocabularyLabel(facet: "keyword", value: "vatten", language: "sv") == nil)
            // File types by their usual names; an unknown one has none.
            #expect(SearchPage.vocabularyLabel(facet: "format", value: "WMS_SRVC", language: "sv") == "WMS")
            #expect(SearchPage.vocabularyLabel(facet: "format", value: "RDF_TURTLE", language: "en") == "Turtle")
            #expect(SearchPage.vocabularyLabel(facet: "format", value: "CSV", language: "sv") == "CSV")
            #expect(SearchPage.vocabularyLabel(facet: "format", value: "egen-export", language: "sv") == nil)
            // Languages in the page's language; licences the vocabulary knows without an IRI.
            #expect(SearchPage.vocabularyLabel(facet: "language", value: "sv", language: "sv") == "Svenska")
            #expect(SearchPage.vocabularyLabel(facet: "language", value: "nb", language: "sv") == "Norskt bokmål")
            #expect(SearchPage.vocabularyLabel(facet: "language", value: "fi", language: "en") == "Finnish")
            #expect(SearchPage.vocabularyLabel(facet: "language", value: "xx-unknown", language: "sv") == nil)
            #expect(SearchPage.vocabularyLabel(facet: "licence", value: "notspecified", language: "sv") == "Licens inte angiven")
            #expect(SearchPage.vocabularyLabel(facet: "licence", value: "notspecified", language: "en") == "Licence not specified")
            #expect(SearchPage.vocabularyLabel(facet: "licence", value: "other-open", language: "sv") == "Annan (öppen)")
            // Licence names stay as they are.
            #expect(SearchPage.vocabularyLabel(facet: "licence", value: "CC-BY-4.0", language: "sv") == "CC BY 4.0")
            #expect(SearchPage.vocabularyLabel(facet: "licence", value: "egna villkor", language: "sv") == nil)
        }
    }
}
