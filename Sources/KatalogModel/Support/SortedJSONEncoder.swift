import Foundation
import Synchronization

/// Writes the model's values as compact JSON with object keys sorted by their UTF-8 bytes and `/` unescaped: the
/// bytes Foundation's `JSONEncoder` writes with `[.sortedKeys, .withoutEscapingSlashes]`, many times faster.
///
/// It is what the store uses for `record_json` and its content hash, so the output must stay byte for byte the
/// same as Foundation's; `SortedJSONEncoderTests` compares the two. Foundation builds a tree of boxed values
/// through the `Codable` machinery and serialises it; the model's types instead write themselves straight into one
/// byte buffer (``SortedJSONWritable``).
package struct SortedJSONEncoder: Sendable {
    /// How member names are written.
    let keyStyle: JSONKeyStyle

    package init(keyStyle: JSONKeyStyle = .asWritten) {
        self.keyStyle = keyStyle
    }

    /// The JSON text of `value`.
    package func encode(_ value: some SortedJSONWritable) -> Data {
        let sink = JSONByteSink(keyStyle: keyStyle)
        value.writeSortedJSON(to: sink)
        return Data(sink.bytes)
    }
}

/// How a ``JSONByteSink`` writes the member names the model's writers give it.
package enum JSONKeyStyle: Sendable {
    /// As written (`accessURLs`): the stored records' form.
    case asWritten
    /// As Foundation's `JSONEncoder` writes them with `.convertToSnakeCase` and `Distribution.apiNamesKey` set:
    /// the API's form (`access_ur_ls`, Foundation's conversion of `accessURLs`, and `access_urls` beside it).
    /// Dictionary keys (languages, extras) are data and stay as they are, as Foundation leaves them.
    case snakeCase
}

/// The byte buffer one encoding writes into.
package final class JSONByteSink {
    package var bytes: [UInt8] = []
    package let keyStyle: JSONKeyStyle

    package init(keyStyle: JSONKeyStyle = .asWritten) {
        self.keyStyle = keyStyle
        bytes.reserveCapacity(2_048)
    }

    @inline(__always)
    package func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends a JSON string literal: `"`, `\`, and controls below U+0020 are escaped (`\b \f \n \r \t`, else
    /// `\u00xx` in lower-case hex); everything else, `/` and U+007F included, is copied as UTF-8.
    package func appendString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x00..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    package func appendASCII(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}

/// Member names in Foundation's snake case, asked of Foundation once per name and remembered, so they are its
/// conversion exactly (the API's bodies must not change by a byte).
enum SnakeCaseKeys {
    private static let converted = Mutex<[String: [UInt8]]>([:])

    /// The UTF-8 of `key` converted.
    static func bytes(_ key: StaticString) -> [UInt8] {
        let name = key.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        if let known = converted.withLock({ $0[name] }) { return known }
        let bytes = Array(convert(name).utf8)
        converted.withLock { $0[name] = bytes }
        return bytes
    }

    private static func convert(_ name: String) -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(Probe(name: name)),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Int],
              let converted = object.keys.first else { return name }
        return converted
    }

    /// An object with one member named `name`.
    private struct Probe: Encodable {
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        let name: String

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(0, forKey: Key(stringValue: name))
        }
    }
}
