import Testing
@testable import KatalogModel

/// A concept's facet key: the last part of its vocabulary IRI, or the raw value lower-cased.
struct ConceptKeyTests {
    @Test("The last non-empty part of the IRI, exactly as splitting it by characters gives it")
    func lastSegmentMatchesSplitting() {
        let iris = ["http://publications.europa.eu/resource/authority/file-type/CSV", "http://x/EDUC/", "http://x/EDUC//",
                    "///", "", "abc", "a//b", "/a", "https://x/y#frag", "http://x/é/ü/", "http://x/a/\u{301}b",
                    "http://x/sjö", "https://creativecommons.org/licenses/by/4.0/", "urn:x:y"]
        for iri in iris {
            #expect(Concept.lastSegment(of: iri) == iri.split(separator: "/").last.map(String.init), "\(iri)")
        }
        #expect(Concept.lastSegment(of: "http://x/EDUC/") == "EDUC")
        #expect(Concept.lastSegment(of: "https://creativecommons.org/licenses/by/4.0/") == "4.0")
        #expect(Concept.lastSegment(of: "///") == nil)
    }

    @Test("Without an IRI, or with one of slashes only, the key is the raw value lower-cased")
    func keyFallsBackToTheRawValue() {
        #expect(Concept(raw: "CSV", uri: "http://publications.europa.eu/resource/authority/file-type/CSV").key == "CSV")
        #expect(Concept(raw: "Text/CSV").key == "text/csv")
        #expect(Concept(raw: "Åtkomst", uri: "//").key == "åtkomst")
    }
}
