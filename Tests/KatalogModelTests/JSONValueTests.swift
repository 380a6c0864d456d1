import Foundation
import Testing
@testable import KatalogModel

struct JSONValueTests {
    @Test func decodesEveryKindAndKeepsIntegersExact() throws {
        let value = try TestSupport.json(#"{"a": null, "b": true, "c": 9007199254740993, "d": 1.5, "e": "å", "f": [1, "x"], "g": {"h": false}}"#)
        #expect(value["a"] == .null)
        #expect(value["b"] == .bool(true))
        #expect(value["c"] == .int(9_007_199_254_740_993))
        #expect(value["d"] == .number(1.5))
        #expect(value["e"]?.string == "å")
        #expect(value["f"]?[1]?.string == "x")
        #expect(value["f"]?[5] == nil)
        #expect(value["g"]?["h"]?.bool == false)
        #expect(value["missing"] == nil)
        #expect(value["f"]?["key"] == nil)
    }

    @Test func lenientStringValue() {
        #expect(JSONValue.int(42).stringValue == "42")
        #expect(JSONValue.number(2.0).stringValue == "2")
        #expect(JSONValue.number(2.5).stringValue == "2.5")
        #expect(JSONValue.bool(true).stringValue == "true")
        #expect(JSONValue.null.stringValue == nil)
        #expect(JSONValue.array([]).stringValue == nil)
        #expect(JSONValue.string("  ").nonEmptyString == nil)
        #expect(JSONValue.string(" 12 ").int64 == 12)
        #expect(JSONValue.string("12 kB").int64 == nil)
        #expect(JSONValue.number(1e300).int64 == nil)
    }

    @Test func objectKeyOrderDoesNotMatterAndRoundTrips() throws {
        let a = try TestSupport.json(#"{"x": 1, "y": [true, null]}"#)
        let b = try TestSupport.json(#"{"y": [true, null], "x": 1}"#)
        #expect(a == b)
        #expect(try a.encoded() == b.encoded())
        #expect(try JSONValue.decode(a.encoded()) == a)
        #expect(String(decoding: try a.encoded(), as: UTF8.self) == #"{"x":1,"y":[true,null]}"#)
    }

    @Test func rejectsInvalidJSON() {
        #expect(throws: (any Error).self) { try JSONValue.decode(Data("{\"a\":".utf8)) }
    }
}

struct JSONValueEqualityTests {
    @Test func integralNumbersEqualIntegers() {
        #expect(JSONValue.int(-125) == .number(-125.0))
        #expect(JSONValue.number(-125.0) == .int(-125))
        #expect(JSONValue.int(1) != .number(1.5))
        #expect(JSONValue.int(1) != .bool(true))
        #expect(Set([JSONValue.int(7), .number(7.0)]).count == 1)
    }
}
