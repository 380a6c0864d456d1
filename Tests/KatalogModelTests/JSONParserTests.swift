import Foundation
import KatalogFixtures
import Testing
@testable import KatalogModel

struct JSONParserTests {
    @Test func agreesWithJSONDecoderOnTheFixtures() throws {
        for portal in ["oppnadata-vastra", "avoindata-pohjola"] {
            let data = try Data(contentsOf: KatalogFixtures.file("ckan/\(portal)/packages.json"))
            let parsed = try JSONValue.parse(data)
            let decoded = try JSONDecoder().decode(JSONValue.self, from: data)
            #expect(parsed == decoded, "\(portal)")
        }
    }

    @Test func escapesAndUnicode() throws {
        let value = try JSONValue.parse(Data(#"["a\"b\\c\/d\n\t", "\u00e5\u00E4", "\ud83d\ude00", "Sjöbygden", "\ud800x"]"#.utf8))
        #expect(value[0]?.string == "a\"b\\c/d\n\t")
        #expect(value[1]?.string == "åä")
        #expect(value[2]?.string == "😀")
        #expect(value[3]?.string == "Sjöbygden")
        #expect(value[4]?.string == "\u{FFFD}x", "a lone surrogate becomes U+FFFD")
    }

    @Test func numbers() throws {
        let value = try JSONValue.parse(Data("[0, -12, 9223372036854775807, 9223372036854775808, 1.5e3, -0.25, 1E-2]".utf8))
        #expect(value.array == [.int(0), .int(-12), .int(Int64.max), .number(9_223_372_036_854_775_808), .number(1500), .number(-0.25), .number(0.01)])
    }

    @Test func byteOrderMarkAndWhitespace() throws {
        #expect(try JSONValue.parse(Data([0xEF, 0xBB, 0xBF] + Array(" \n{\"a\" : true }\r\n".utf8))) == .object(["a": .bool(true)]))
    }

    @Test(arguments: [
        ("", JSONParseError.Code.unexpectedEnd), ("{\"a\":", .unexpectedEnd), ("[1,]", .unexpectedCharacter), ("{'a': 1}", .unexpectedCharacter),
        ("01", .trailingData), ("-", .invalidNumber), ("1.", .invalidNumber), ("1e", .invalidNumber), ("\"a\u{01}\"", .invalidString),
        ("\"\\x\"", .invalidString), ("tru", .unexpectedEnd), ("nul1", .unexpectedCharacter), ("[1] [2]", .trailingData),
        ("\"abc", .unexpectedEnd), ("{\"a\" 1}", .unexpectedCharacter), ("1e999", .invalidNumber),
    ])
    func rejectsMalformedInput(text: String, code: JSONParseError.Code) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Data(text.utf8)) }
        do {
            _ = try JSONValue.parse(Data(text.utf8))
        } catch {
            #expect(error.code == code, "\(text): \(error)")
        }
    }

    @Test func invalidUTF8IsAnError() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Data([0x22, 0xFF, 0xFE, 0x22])) }
    }

    @Test func nestingIsBounded() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        do {
            _ = try JSONValue.parse(Data(deep.utf8))
            Issue.record("10,000 levels must be refused")
        } catch {
            #expect(error.code == .tooDeep)
        }
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: Never.self) { try JSONValue.parse(Data(fine.utf8)) }
    }
}

struct JSONWriterTests {
    @Test func writesCompactSortedJSONThatReadsBack() throws {
        let value = JSONValue.object([
            "b": .array([.int(-3), .number(0.5), .number(-125.0), .bool(false), .null]),
            "a": .string("rad 1\n\"citat\" \\ / å \u{01}"),
        ])
        let text = String(decoding: try value.encoded(), as: UTF8.self)
        #expect(text.hasPrefix(#"{"a":"rad 1\n\"citat\" \\ / å "#))
        #expect(text.hasSuffix(#""b":[-3,0.5,-125,false,null]}"#))
        #expect(try JSONValue.parse(value.encoded()) == value)
    }

    /// The bytes Foundation's `JSONEncoder` writes for the value, which `encoded()` must reproduce: CKAN and data.json
    /// raw records are these bytes, and so are their content hashes.
    static func foundationBytes(_ value: JSONValue) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    @Test func writesFoundationsBytesForEdgeValues() throws {
        let numbers: [Double] = [1, -125, 0.1, 0.5, -0.25, 1e20, 1e21, 1e-7, 2.5e-5, 1.5e300, -0.0, 5e-324,
                                 0.30000000000000004, 9_007_199_254_740_993, 1e16, 1_000_000_000_000_000.5, 1234.5678,
                                 -1.7976931348623157e308, 4.9e-10, 123_456_789_012_345_678]
        let keys = ["b", "B", "a10", "a9", "ä", "z", "Z", "_x", "é", "e", "😀", "\u{FFFD}", "\u{E000}", "", " ", "a b",
                    "\"q\"", "back\\slash", "ctl\u{1}", "Ω", "ﬁ"]
        var members: [String: JSONValue] = [:]
        for (index, key) in keys.enumerated() { members[key] = .int(Int64(index)) }
        let strings = ["", "plain", "a/b", "quote \" and \\", "\u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}",
                       "line\u{2028}sep\u{2029}", "åäö ÆØ Ŋ", "😀 \u{10FFFF}", "e\u{301}", "<tag>&amp;"]
        let value = JSONValue.object([
            "numbers": .array(numbers.map(JSONValue.number)),
            "integers": .array([.int(0), .int(-1), .int(Int64.max), .int(Int64.min)]),
            "strings": .array(strings.map(JSONValue.string)),
            "keys": .object(members),
            "nested": .array([.array([]), .object([:]), .null, .bool(true), .bool(false), .array([.object(["k": .null])])]),
        ])
        #expect(try value.encoded() == Self.foundationBytes(value))
        for number in numbers {
            #expect(try JSONValue.number(number).encoded() == Self.foundationBytes(.number(number)), "\(number)")
        }
    }

    /// Every CKAN and data.json document Katalog reads in its tests, re-encoded both ways.
    @Test func writesFoundationsBytesForTheFixturesAndSamples() throws {
        var files = [KatalogFixtures.file("ckan/avoindata-pohjola/packages.json"),
                     KatalogFixtures.file("ckan/oppnadata-vastra/packages.json")]
        let shared = TestSupport.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/samples")
        for folder in ["ckan", "datajson"] {
            let url = shared.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            files += names.filter { $0.hasSuffix(".json") }.sorted().map { url.appendingPathComponent($0) }
        }
        var compared = 0
        for file in files {
            let value = try JSONValue.parse(Data(contentsOf: file))
            #expect(try value.encoded() == Self.foundationBytes(value), "\(file.lastPathComponent)")
            compared += 1
        }
        #expect(compared >= 2)
    }

    @Test func roundTripsTheFixtures() throws {
        let data = try Data(contentsOf: KatalogFixtures.file("ckan/avoindata-pohjola/packages.json"))
        let value = try JSONValue.parse(data)
        #expect(try JSONValue.parse(value.encoded()) == value)
    }
}
