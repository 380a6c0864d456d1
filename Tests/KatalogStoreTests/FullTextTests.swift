import Testing
@testable import KatalogStore

/// The full-text row puts each value on a line of its own: a newline or a highlight marker inside a value becomes
/// a space, whether or not the value takes the byte-level fast path.
struct FullTextTests {
    @Test(arguments: [
        ("Luftkvalitet i Göteborg", "Luftkvalitet i Göteborg"),
        ("Temperatur – 2024 (°C)", "Temperatur – 2024 (°C)"),
        ("two\nlines", "two lines"),
        ("windows\r\nline", "windows line"),
        ("tab\u{0B}and\u{0C}feed", "tab and feed"),
        ("next\u{85}line", "next line"),
        ("line\u{2028}para\u{2029}end", "line para end"),
        ("marked \u{E000}word\u{E001}", "marked  word "),
        ("", ""),
    ])
    func aValueBecomesOneLine(value: String, expected: String) {
        #expect(FullText.join([value]) == expected)
        #expect(FullText.join([value, "second"]) == expected + "\nsecond")
    }

    @Test func onlyValuesWithACandidateByteTakeTheSlowPath() {
        #expect(!FullText.mayNeedCleaning("Luftkvalitet i Göteborg, Åbo och Tromsø"))
        #expect(FullText.mayNeedCleaning("a\nb"))
        #expect(FullText.mayNeedCleaning("en–dash"))
    }
}
