import Foundation

/// Encodes `Encodable` values as compact JSON with object keys sorted by their UTF-8 bytes and `/` unescaped: the
/// bytes Foundation's `JSONEncoder` writes with `[.sortedKeys, .withoutEscapingSlashes]`, several times faster.
///
/// It is what the store uses for `record_json` and its content hash, so the output must stay byte for byte the
/// same as Foundation's for the model's types (strings, integers, booleans, arrays, dictionaries, nested
/// structs); `SortedJSONEncoderTests` compares the two. Foundation builds a tree of boxed values and serialises
/// it; this encoder writes each value straight into one byte buffer and, when an object is finished, reorders its
/// members by key. The model's own types skip `Encodable` altogether and write themselves
/// (``SortedJSONWritable``). Floating-point numbers are written as Foundation writes them (`1` for `1.0`, `1e+20`); `Date`,
/// `Data`, `URL` and `Decimal`, which Foundation encodes in ways of its own, are refused with an error.
public struct SortedJSONEncoder: Sendable {
    public init() {}

    /// The JSON text of `value`.
    public func encode<T: Encodable>(_ value: T) throws -> Data {
        let sink = JSONByteSink()
        try JSONByteEncoder.encode(value, into: sink, parent: nil, key: nil)
        return Data(sink.bytes)
    }
}

/// The byte buffer one encoding writes into.
final class JSONByteSink {
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(2_048)
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends a JSON string literal: `"`, `\`, and controls below U+0020 are escaped (`\b \f \n \r \t`, else
    /// `\u00xx` in lower-case hex); everything else, `/` and U+007F included, is copied as UTF-8.
    func appendString(_ string: String) {
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

    func appendASCII(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    func appendFloatingPoint<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F, path: @autoclosure () -> [any CodingKey]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: path(), debugDescription: "\(value) is not a valid JSON number"))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }
}

/// One value being encoded: it writes into the shared sink and, once the value's `encode(to:)` has returned,
/// closes the container the value asked for (``finish()``).
final class JSONByteEncoder: Encoder {
    /// One member of an object or element of an array: a range of the sink, or a value encoded into a sink of its
    /// own (a nested container, which may still be written to after later members).
    enum Part {
        case range(Int, Int)
        case deferred(JSONByteEncoder)
    }

    /// The container the value asked for.
    enum Container {
        case none
        case keyed(start: Int, members: [(key: String, part: Part)])
        case unkeyed(start: Int, elements: [Part])
        case single(written: Bool)
    }

    let sink: JSONByteSink
    private let parent: JSONByteEncoder?
    private let key: (any CodingKey)?
    var container: Container = .none

    init(sink: JSONByteSink, parent: JSONByteEncoder?, key: (any CodingKey)?) {
        self.sink = sink
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var node: JSONByteEncoder? = self
        while let current = node {
            if let key = current.key { path.append(key) }
            node = current.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Encodes `value` at the end of `sink`.
    static func encode<T: Encodable>(_ value: T, into sink: JSONByteSink, parent: JSONByteEncoder?, key: (any CodingKey)?) throws {
        if let string = value as? String {
            sink.appendString(string)
            return
        }
        if let writable = value as? any SortedJSONWritable {
            writable.writeSortedJSON(to: sink)
            return
        }
        if refused(T.self) {
            let path = (parent?.codingPath ?? []) + (key.map { [$0] } ?? [])
            throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "SortedJSONEncoder does not encode \(T.self)"))
        }
        let encoder = JSONByteEncoder(sink: sink, parent: parent, key: key)
        try value.encode(to: encoder)
        try encoder.finish()
    }

    /// The Foundation types `JSONEncoder` encodes by rules of its own (a metatype comparison, not a dynamic cast).
    static func refused<T>(_ type: T.Type) -> Bool {
        type == Date.self || type == Data.self || type == URL.self || type == Decimal.self
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        switch container {
        case .none:
            container = .keyed(start: sink.bytes.count, members: [])
        case .keyed:
            break
        default:
            preconditionFailure("a value asked for a keyed container after another kind (at \(codingPath.map(\.stringValue)))")
        }
        return KeyedEncodingContainer(KeyedJSONContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        switch container {
        case .none:
            container = .unkeyed(start: sink.bytes.count, elements: [])
        case .unkeyed:
            break
        default:
            preconditionFailure("a value asked for an unkeyed container after another kind (at \(codingPath.map(\.stringValue)))")
        }
        return UnkeyedJSONContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        if case .none = container { container = .single(written: false) }
        return SingleJSONContainer(encoder: self)
    }

    /// Adds an object member whose value is written by `write` at the end of the sink.
    func addMember(_ key: String, _ write: () throws -> Void) rethrows {
        guard case .keyed(let start, var members) = container else { preconditionFailure("not a keyed container") }
        container = .none  // members is uniquely referenced while it grows
        let from = sink.bytes.count
        try write()
        members.append((key, .range(from, sink.bytes.count)))
        container = .keyed(start: start, members: members)
    }

    func addMember(_ key: String, deferred encoder: JSONByteEncoder) {
        guard case .keyed(let start, var members) = container else { preconditionFailure("not a keyed container") }
        container = .none
        members.append((key, .deferred(encoder)))
        container = .keyed(start: start, members: members)
    }

    /// Adds an array element written by `write` at the end of the sink.
    func addElement(_ write: () throws -> Void) rethrows {
        guard case .unkeyed(let start, var elements) = container else { preconditionFailure("not an unkeyed container") }
        container = .none
        let from = sink.bytes.count
        try write()
        elements.append(.range(from, sink.bytes.count))
        container = .unkeyed(start: start, elements: elements)
    }

    func addElement(deferred encoder: JSONByteEncoder) {
        guard case .unkeyed(let start, var elements) = container else { preconditionFailure("not an unkeyed container") }
        container = .none
        elements.append(.deferred(encoder))
        container = .unkeyed(start: start, elements: elements)
    }

    var elementCount: Int {
        if case .unkeyed(_, let elements) = container { return elements.count }
        return 0
    }

    /// Writes a single value, once.
    func writeSingle(_ write: () throws -> Void) rethrows {
        guard case .single(let written) = container else { preconditionFailure("not a single-value container") }
        precondition(!written, "a single-value container was written twice (at \(codingPath.map(\.stringValue)))")
        try write()
        container = .single(written: true)
    }

    /// A child encoder with a sink of its own, for a nested container or a super encoder.
    func deferredChild(key: (any CodingKey)?) -> JSONByteEncoder {
        JSONByteEncoder(sink: JSONByteSink(), parent: self, key: key)
    }

    /// Closes the value's container: an object's members are written in key order, an array's elements in order.
    func finish() throws {
        switch container {
        case .none:
            // Foundation writes a value that encoded nothing as an empty object.
            sink.append(UInt8(ascii: "{"))
            sink.append(UInt8(ascii: "}"))
        case .single(let written):
            guard written else {
                throw EncodingError.invalidValue((), .init(codingPath: codingPath, debugDescription: "the value encoded nothing into its single-value container"))
            }
        case .keyed(let start, let members):
            let body = Array(sink.bytes[start...])
            sink.bytes.removeSubrange(start...)
            // Stable order by key bytes; a key written twice keeps its last value, as in Foundation.
            let ordered = members.enumerated().sorted { lhs, rhs in
                if lhs.element.key == rhs.element.key { return lhs.offset < rhs.offset }
                return lhs.element.key.utf8.lexicographicallyPrecedes(rhs.element.key.utf8)
            }
            sink.append(UInt8(ascii: "{"))
            var first = true
            for (index, member) in ordered.enumerated() {
                if index + 1 < ordered.count, ordered[index + 1].element.key == member.element.key { continue }
                if !first { sink.append(UInt8(ascii: ",")) }
                first = false
                sink.appendString(member.element.key)
                sink.append(UInt8(ascii: ":"))
                try JSONByteEncoder.write(member.element.part, body: body, bodyStart: start, into: sink)
            }
            sink.append(UInt8(ascii: "}"))
        case .unkeyed(let start, let elements):
            let body = Array(sink.bytes[start...])
            sink.bytes.removeSubrange(start...)
            sink.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { sink.append(UInt8(ascii: ",")) }
                try JSONByteEncoder.write(element, body: body, bodyStart: start, into: sink)
            }
            sink.append(UInt8(ascii: "]"))
        }
    }

    private static func write(_ part: Part, body: [UInt8], bodyStart: Int, into sink: JSONByteSink) throws {
        switch part {
        case .range(let from, let to):
            sink.bytes.append(contentsOf: body[(from - bodyStart)..<(to - bodyStart)])
        case .deferred(let child):
            try child.finish()
            sink.bytes.append(contentsOf: child.sink.bytes)
        }
    }
}

private struct KeyedJSONContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONByteEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws {
        encoder.addMember(key.stringValue) { encoder.sink.appendASCII("null") }
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        encoder.addMember(key.stringValue) { encoder.sink.appendASCII(value ? "true" : "false") }
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        encoder.addMember(key.stringValue) { encoder.sink.appendString(value) }
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try encoder.addMember(key.stringValue) { try encoder.sink.appendFloatingPoint(value, path: codingPath + [key]) }
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        try encoder.addMember(key.stringValue) { try encoder.sink.appendFloatingPoint(value, path: codingPath + [key]) }
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { integer(value, key) }

    private func integer<I: BinaryInteger>(_ value: I, _ key: Key) {
        encoder.addMember(key.stringValue) { encoder.sink.appendASCII(String(value)) }
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encoder.addMember(key.stringValue) {
            try JSONByteEncoder.encode(value, into: encoder.sink, parent: encoder, key: key)
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = encoder.deferredChild(key: key)
        encoder.addMember(key.stringValue, deferred: child)
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = encoder.deferredChild(key: key)
        encoder.addMember(key.stringValue, deferred: child)
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let key = JSONSuperKey.super
        let child = encoder.deferredChild(key: key)
        encoder.addMember(key.stringValue, deferred: child)
        return child
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = encoder.deferredChild(key: key)
        encoder.addMember(key.stringValue, deferred: child)
        return child
    }
}

private struct UnkeyedJSONContainer: UnkeyedEncodingContainer {
    let encoder: JSONByteEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { encoder.elementCount }

    mutating func encodeNil() throws { encoder.addElement { encoder.sink.appendASCII("null") } }
    mutating func encode(_ value: Bool) throws { encoder.addElement { encoder.sink.appendASCII(value ? "true" : "false") } }
    mutating func encode(_ value: String) throws { encoder.addElement { encoder.sink.appendString(value) } }
    mutating func encode(_ value: Double) throws {
        try encoder.addElement { try encoder.sink.appendFloatingPoint(value, path: codingPath + [JSONIndexKey(count)]) }
    }
    mutating func encode(_ value: Float) throws {
        try encoder.addElement { try encoder.sink.appendFloatingPoint(value, path: codingPath + [JSONIndexKey(count)]) }
    }
    mutating func encode(_ value: Int) throws { integer(value) }
    mutating func encode(_ value: Int8) throws { integer(value) }
    mutating func encode(_ value: Int16) throws { integer(value) }
    mutating func encode(_ value: Int32) throws { integer(value) }
    mutating func encode(_ value: Int64) throws { integer(value) }
    mutating func encode(_ value: UInt) throws { integer(value) }
    mutating func encode(_ value: UInt8) throws { integer(value) }
    mutating func encode(_ value: UInt16) throws { integer(value) }
    mutating func encode(_ value: UInt32) throws { integer(value) }
    mutating func encode(_ value: UInt64) throws { integer(value) }

    private func integer<I: BinaryInteger>(_ value: I) {
        encoder.addElement { encoder.sink.appendASCII(String(value)) }
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = JSONIndexKey(count)
        try encoder.addElement {
            try JSONByteEncoder.encode(value, into: encoder.sink, parent: encoder, key: key)
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = encoder.deferredChild(key: JSONIndexKey(count))
        encoder.addElement(deferred: child)
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = encoder.deferredChild(key: JSONIndexKey(count))
        encoder.addElement(deferred: child)
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = encoder.deferredChild(key: JSONIndexKey(count))
        encoder.addElement(deferred: child)
        return child
    }
}

private struct SingleJSONContainer: SingleValueEncodingContainer {
    let encoder: JSONByteEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.writeSingle { encoder.sink.appendASCII("null") } }
    mutating func encode(_ value: Bool) throws { encoder.writeSingle { encoder.sink.appendASCII(value ? "true" : "false") } }
    mutating func encode(_ value: String) throws { encoder.writeSingle { encoder.sink.appendString(value) } }
    mutating func encode(_ value: Double) throws {
        try encoder.writeSingle { try encoder.sink.appendFloatingPoint(value, path: codingPath) }
    }
    mutating func encode(_ value: Float) throws {
        try encoder.writeSingle { try encoder.sink.appendFloatingPoint(value, path: codingPath) }
    }
    mutating func encode(_ value: Int) throws { integer(value) }
    mutating func encode(_ value: Int8) throws { integer(value) }
    mutating func encode(_ value: Int16) throws { integer(value) }
    mutating func encode(_ value: Int32) throws { integer(value) }
    mutating func encode(_ value: Int64) throws { integer(value) }
    mutating func encode(_ value: UInt) throws { integer(value) }
    mutating func encode(_ value: UInt8) throws { integer(value) }
    mutating func encode(_ value: UInt16) throws { integer(value) }
    mutating func encode(_ value: UInt32) throws { integer(value) }
    mutating func encode(_ value: UInt64) throws { integer(value) }

    private func integer<I: BinaryInteger>(_ value: I) {
        encoder.writeSingle { encoder.sink.appendASCII(String(value)) }
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        // The value is encoded by this encoder's parent's rules, in place of the container it asked for.
        try encoder.writeSingle {
            if let string = value as? String {
                encoder.sink.appendString(string)
                return
            }
            if JSONByteEncoder.refused(T.self) {
                throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "SortedJSONEncoder does not encode \(T.self)"))
            }
            let inner = JSONByteEncoder(sink: encoder.sink, parent: encoder, key: nil)
            try value.encode(to: inner)
            try inner.finish()
        }
    }
}

/// The key of an array element, for coding paths.
private struct JSONIndexKey: CodingKey {
    var stringValue: String { "Index \(index)" }
    var intValue: Int? { index }
    let index: Int
    init(_ index: Int) { self.index = index }
    init?(stringValue: String) { nil }
    init(intValue: Int) { index = intValue }
}

/// The key a `superEncoder()` writes under, as in Foundation.
private enum JSONSuperKey: String, CodingKey {
    case `super`
}
