/// The canonical JSON text of `rdf:JSON` literals (`@type: @json`), after RFC 8785: no whitespace,
/// object keys sorted by UTF-16 code units, minimal string escapes, shortest number forms.
enum JSONLDCanonicalJSON {
    /// Serialises `value` canonically.
    static func serialize(_ value: JSONLDValue) -> String {
        var output = ""
        write(value, to: &output)
        return output
    }

    private static func write(_ value: JSONLDValue, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number): output += format(number.double)
        case .string(let text): writeString(text, to: &output)
        case .array(let values):
            output += "["
            for (offset, element) in values.enumerated() {
                if offset > 0 { output += "," }
                write(element, to: &output)
            }
            output += "]"
        case .object(let object):
            output += "{"
            let keys = object.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (offset, key) in keys.enumerated() {
                if offset > 0 { output += "," }
                writeString(key, to: &output)
                output += ":"
                write(object[key] ?? .null, to: &output)
            }
            output += "}"
        }
    }

    /// Appends `text` as a JSON string (the JSON-LD writer's strings too).
    static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// ECMAScript Number-to-String for finite doubles: integers below 10^21 in full, others in the
    /// shortest round-tripping form with an `e+`/`e-` exponent.
    private static func format(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value.rounded(.towardZero) == value, abs(value) < 1e21 {
            if let exact = Int64(exactly: value) { return String(exact) }
        }
        var text = "\(value)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        if let e = text.firstIndex(of: "e") {
            let mantissa = text[..<e]
            var exponent = String(text[text.index(after: e)...])
            if !exponent.hasPrefix("-") && !exponent.hasPrefix("+") { exponent = "+" + exponent }
            let sign = exponent.removeFirst()
            while exponent.count > 1 && exponent.hasPrefix("0") { exponent.removeFirst() }
            let trimmedMantissa = mantissa.hasSuffix(".0") ? String(mantissa.dropLast(2)) : String(mantissa)
            return trimmedMantissa + "e" + String(sign) + exponent
        }
        return text
    }
}
