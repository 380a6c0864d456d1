import Testing
@testable import KatalogRDF

@Suite("IRI resolution (RFC 3986 §5.4)")
struct IRITests {
    static let base = "http://a/b/c/d;p?q"

    static let normal: [(String, String)] = [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"),
        ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"),
        ("../../g", "http://a/g"),
    ]

    static let abnormal: [(String, String)] = [
        ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"), ("/./g", "http://a/g"),
        ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."),
        ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"),
        ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"), ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
        ("g;x=1/../y", "http://a/b/c/y"), ("g?y/./x", "http://a/b/c/g?y/./x"), ("g?y/../x", "http://a/b/c/g?y/../x"),
        ("g#s/./x", "http://a/b/c/g#s/./x"), ("g#s/../x", "http://a/b/c/g#s/../x"), ("http:g", "http:g"),
    ]

    @Test(arguments: normal + abnormal)
    func resolvesRFCExamples(reference: String, expected: String) {
        #expect(IRI.resolve(reference, against: Self.base) == expected)
    }

    @Test func keepsNonASCIIAndFragmentsOfBase() {
        #expect(IRI.resolve("ö/x", against: "http://example.org/ä/b#frag") == "http://example.org/ä/ö/x")
        #expect(IRI.resolve("", against: "http://example.org/a#frag") == "http://example.org/a")
        #expect(IRI.resolve("x", against: "http://example.org") == "http://example.org/x")
    }

    @Test func relativeBaseLeavesReferenceAlone() {
        #expect(IRI.resolve("x", against: "not-absolute") == "x")
        #expect(IRI.isAbsolute("urn:x") && !IRI.isAbsolute("x/y:z") && !IRI.isAbsolute("1a:b"))
    }

    @Test func removesDotSegments() {
        #expect(IRI.removeDotSegments("/a/b/c/./../../g") == "/a/g")
        #expect(IRI.removeDotSegments("mid/content=5/../6") == "mid/6")
    }
}
